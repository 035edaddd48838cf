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
 * A Loki {@code query_range} or {@code query} JSON response ({@code
 * {"status":"success","data":{"resultType":"streams","result":[{"stream":{…},"values":[["<ns>",
 * "<line>"],…]}]}}}). Streamed token by token, so a large export needs no more memory than one
 * line. Each log line is reported at the file line where its value starts. See {@link
 * LineSource}.
 */
final class LokiSource implements LineSource {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private final int maxKept;

  LokiSource(int maxKept) {
    this.maxKept = maxKept;
  }

  @Override
  public void read(InputStream in, RecordSink sink) throws IOException {
    int found = 0;
    long lastLine = 1;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.PROPERTY_NAME && "values".equals(p.currentName())) {
          if (p.nextToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            continue;
          }
          while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
            // [ "<unix ns>", "<line>", {structured metadata}? ]
            p.nextToken();
            JsonToken lineTok = p.nextToken();
            long lineNo = p.currentTokenLocation().getLineNr();
            lastLine = lineNo;
            if (lineTok == JsonToken.VALUE_STRING) {
              String s = p.getString();
              byte[] b = s.getBytes(StandardCharsets.UTF_8);
              if (b.length > maxKept) {
                sink.oversized(lineNo, b.length);
              } else {
                sink.line(lineNo, b, 0, b.length);
              }
              found++;
            } else {
              sink.problem(lineNo, ValidatorRules.WRAPPER, "Loki value without a log line string");
              p.skipChildren();
            }
            while (p.currentToken() != JsonToken.END_ARRAY) {
              if (p.nextToken() == null) {
                break;
              }
              p.skipChildren();
            }
          }
        }
      }
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? lastLine : Math.max(1, e.getLocation().getLineNr());
      sink.problem(line, ValidatorRules.WRAPPER, "Loki response is not valid JSON: reading stopped");
      return;
    }
    if (found == 0) {
      sink.problem(1, ValidatorRules.WRAPPER, "Loki response holds no log lines (no streams values)");
    }
  }
}
