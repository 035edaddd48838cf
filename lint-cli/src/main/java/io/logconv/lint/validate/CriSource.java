package io.logconv.lint.validate;

import io.logconv.lint.RuleDescriptor;
import java.io.IOException;
import java.io.InputStream;

/**
 * containerd/CRI-O log files ({@code <RFC3339Nano> <stdout|stderr> <P|F> <content>}), and, with
 * {@code kubectl} set, {@code kubectl logs --timestamps} output ({@code <RFC3339> <content>}).
 * {@code P} partials are joined per stream as bytes until the {@code F} record, and reported at
 * the line of the first partial. See {@link LineSource}.
 */
final class CriSource implements LineSource {
  private final int maxKept;
  private final boolean kubectl;

  CriSource(int maxKept, boolean kubectl) {
    this.maxKept = maxKept;
    this.kubectl = kubectl;
  }

  @Override
  public void read(InputStream in, RecordSink sink) throws IOException {
    LineReader r = new LineReader(in, maxKept + 128);
    ByteJoin out = new ByteJoin(maxKept);
    ByteJoin err = new ByteJoin(maxKept);
    RuleDescriptor wrapper = ValidatorRules.WRAPPER;
    while (r.next()) {
      long lineNo = r.lineNumber();
      byte[] b = r.buffer();
      int end = r.length();
      if (end > 0 && b[end - 1] == '\r' && !r.truncated()) {
        end--;
        sink.crlf();
      }
      int ts = Timestamps.rfc3339End(b, 0, end);
      if (ts < 0 || (ts < end && b[ts] != ' ')) {
        if (end == 0 && !r.truncated()) {
          continue; // a blank line between records carries nothing
        }
        sink.problem(
            lineNo,
            wrapper,
            kubectl
                ? "not a `kubectl logs --timestamps` line: expected an RFC 3339 timestamp and a space"
                : "not a CRI record: expected '<RFC3339Nano> <stdout|stderr> <P|F> <content>'");
        continue;
      }
      int pos = Math.min(ts + 1, end);
      if (kubectl) {
        emitWhole(r, sink, lineNo, b, pos, end);
        continue;
      }
      ByteJoin join;
      if (startsWith(b, pos, end, "stdout ")) {
        join = out;
        pos += 7;
      } else if (startsWith(b, pos, end, "stderr ")) {
        join = err;
        pos += 7;
      } else {
        sink.problem(lineNo, wrapper, "CRI record with a stream other than stdout or stderr");
        continue;
      }
      int tagEnd = pos;
      while (tagEnd < end && b[tagEnd] != ' ') {
        tagEnd++;
      }
      if (tagEnd == pos || (b[pos] != 'P' && b[pos] != 'F')) {
        sink.problem(lineNo, wrapper, "CRI record without a P or F tag");
        continue;
      }
      boolean partial = b[pos] == 'P';
      int content = Math.min(tagEnd + 1, end);
      if (join.isEmpty()) {
        join.start(lineNo);
      }
      join.append(b, content, end - content);
      if (r.truncated()) {
        // The bytes beyond what the reader kept still count toward the record's length.
        join.countOnly(r.fullLength() - r.length());
      }
      if (!partial) {
        join.emit(sink);
      }
    }
    flushPending(out, sink);
    flushPending(err, sink);
  }

  private static void flushPending(ByteJoin join, RecordSink sink) {
    if (!join.isEmpty()) {
      long line = join.startLine;
      sink.problem(
          line, ValidatorRules.WRAPPER, "partial (P) record never completed by an F record");
      join.emit(sink);
    }
  }

  private void emitWhole(LineReader r, RecordSink sink, long lineNo, byte[] b, int from, int end) {
    if (r.truncated()) {
      sink.oversized(lineNo, r.fullLength() - from);
    } else {
      sink.line(lineNo, b, from, end - from);
    }
  }

  private static boolean startsWith(byte[] b, int pos, int end, String s) {
    if (end - pos < s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (b[pos + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
