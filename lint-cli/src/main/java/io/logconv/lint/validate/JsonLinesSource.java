package io.logconv.lint.validate;

import java.io.IOException;
import java.io.InputStream;

/** Plain lines: each file line is one application line. See {@link LineSource}. */
final class JsonLinesSource implements LineSource {
  private final int maxKept;

  JsonLinesSource(int maxKept) {
    this.maxKept = maxKept;
  }

  @Override
  public void read(InputStream in, RecordSink sink) throws IOException {
    LineReader r = new LineReader(in, maxKept);
    while (r.next()) {
      if (r.truncated()) {
        sink.oversized(r.lineNumber(), r.fullLength());
      } else {
        int len = r.length();
        // A CRLF file: the \r belongs to the line ending, not to the event.
        if (len > 0 && r.buffer()[len - 1] == '\r') {
          len--;
          sink.crlf();
        }
        sink.line(r.lineNumber(), r.buffer(), 0, len);
      }
    }
  }
}
