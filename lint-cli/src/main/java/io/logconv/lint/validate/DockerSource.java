package io.logconv.lint.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Docker's json-file driver: one {@code {"log":…,"stream":…,"time":…}} record per line. Docker
 * splits a line longer than 16 KiB into records whose {@code log} does not end in {@code \n}; they
 * are rejoined per stream and reported at the line of the first. See {@link LineSource}.
 */
final class DockerSource implements LineSource {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private final int maxKept;

  DockerSource(int maxKept) {
    this.maxKept = maxKept;
  }

  @Override
  public void read(InputStream in, RecordSink sink) throws IOException {
    LineReader r = new LineReader(in, maxKept * 2 + 256);
    ByteJoin out = new ByteJoin(maxKept);
    ByteJoin err = new ByteJoin(maxKept);
    while (r.next()) {
      long lineNo = r.lineNumber();
      if (r.truncated()) {
        sink.oversized(lineNo, r.fullLength());
        continue;
      }
      if (r.length() == 0) {
        continue;
      }
      if (r.buffer()[r.length() - 1] == '\r') {
        sink.crlf(); // JSON allows the CR as whitespace after the record
      }
      String log = null;
      String stream = null;
      boolean ok = true;
      try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), r.buffer(), 0, r.length())) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          ok = false;
        } else {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String k = p.currentName();
            JsonToken v = p.nextToken();
            if ("log".equals(k) && v == JsonToken.VALUE_STRING) {
              log = p.getString();
            } else if ("stream".equals(k) && v == JsonToken.VALUE_STRING) {
              stream = p.getString();
            } else {
              p.skipChildren();
            }
          }
        }
      } catch (JacksonException e) {
        ok = false;
      }
      if (!ok || log == null) {
        sink.problem(
            lineNo,
            ValidatorRules.WRAPPER,
            "not a Docker json-file record: expected {\"log\":…,\"stream\":…,\"time\":…}");
        continue;
      }
      ByteJoin join = "stderr".equals(stream) ? err : out;
      if (join.isEmpty()) {
        join.start(lineNo);
      }
      boolean complete = log.endsWith("\n");
      byte[] bytes =
          (complete ? log.substring(0, log.length() - 1) : log).getBytes(StandardCharsets.UTF_8);
      join.append(bytes, 0, bytes.length);
      if (complete) {
        join.emit(sink);
      }
    }
    flush(out, sink);
    flush(err, sink);
  }

  private static void flush(ByteJoin join, RecordSink sink) {
    if (!join.isEmpty()) {
      sink.problem(
          join.startLine,
          ValidatorRules.WRAPPER,
          "Docker record split at 16 KiB never completed (no record ending in \\n followed)");
      join.emit(sink);
    }
  }
}
