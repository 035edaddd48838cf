package io.logconv.lint.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Pretty-printed JSON: a top-level object, an array of objects, or several of these one after the
 * other. Each object is an event that breaks "one event = one line" (reported as such at the line
 * where it starts) and is then checked like a line, re-serialised compactly with its keys and
 * duplicates as they were. See {@link LineSource}.
 */
final class JsonDocumentSource implements LineSource {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private final int maxKept;

  JsonDocumentSource(int maxKept) {
    this.maxKept = maxKept;
  }

  @Override
  public void read(InputStream in, RecordSink sink) throws IOException {
    long line = 1;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.START_ARRAY) {
          while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            line = p.currentTokenLocation().getLineNr();
            event(p, t, line, sink);
          }
        } else {
          event(p, t, line, sink);
        }
      }
    } catch (JacksonException e) {
      long at = e.getLocation() == null ? line : Math.max(1, e.getLocation().getLineNr());
      sink.problem(
          at, ValidatorRules.NOT_JSON, "malformed JSON document: reading stopped at this line");
    }
  }

  private void event(JsonParser p, JsonToken t, long line, RecordSink sink) {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      sink.problem(line, ValidatorRules.NOT_JSON, "JSON value that is not an object");
      return;
    }
    Bounded out = new Bounded(maxKept);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.copyCurrentStructure(p);
    }
    long endLine = p.currentTokenLocation().getLineNr();
    if (endLine > line) {
      sink.problem(
          line,
          ValidatorRules.NOT_JSON,
          "pretty-printed JSON: one event spans lines " + line + "-" + endLine
              + "; write each event as one JSON object on one line");
    }
    if (out.total > maxKept) {
      sink.oversized(line, out.total);
    } else {
      sink.line(line, out.buf(), 0, out.size());
    }
  }

  /** Keeps at most {@code max} bytes and counts the rest. */
  private static final class Bounded extends ByteArrayOutputStream {
    private final int max;
    long total;

    Bounded(int max) {
      super(256);
      this.max = max;
    }

    @Override
    public synchronized void write(int b) {
      total++;
      if (count < max) {
        super.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      total += len;
      int keep = Math.min(len, max - count);
      if (keep > 0) {
        super.write(b, off, keep);
      }
    }

    byte[] buf() {
      return buf;
    }
  }
}
