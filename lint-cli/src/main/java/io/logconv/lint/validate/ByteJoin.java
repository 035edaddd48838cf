package io.logconv.lint.validate;

import java.util.Arrays;

/**
 * A bounded byte buffer that rejoins partial records as bytes (a runtime splits at byte offsets,
 * even inside a UTF-8 character, so joining decoded text would corrupt it). Past {@code max} bytes
 * it only counts.
 */
final class ByteJoin {
  private final int max;
  private byte[] buf = new byte[1024];
  private int length;
  private long fullLength;
  long startLine;

  ByteJoin(int max) {
    this.max = max;
  }

  boolean isEmpty() {
    return fullLength == 0 && startLine == 0;
  }

  void start(long line) {
    length = 0;
    fullLength = 0;
    startLine = line;
  }

  void append(byte[] src, int off, int n) {
    fullLength += n;
    int keep = Math.min(n, max - length);
    if (keep <= 0) {
      return;
    }
    if (length + keep > buf.length) {
      buf = Arrays.copyOf(buf, Math.min(max, Math.max(buf.length * 2, length + keep)));
    }
    System.arraycopy(src, off, buf, length, keep);
    length += keep;
  }

  /** Counts {@code n} more bytes that were not kept. */
  void countOnly(long n) {
    fullLength += n;
  }

  /** Hands the joined record to {@code sink} and empties the buffer. */
  void emit(RecordSink sink) {
    if (fullLength > length) {
      sink.oversized(startLine, fullLength);
    } else {
      sink.line(startLine, buf, 0, length);
    }
    length = 0;
    fullLength = 0;
    startLine = 0;
  }
}
