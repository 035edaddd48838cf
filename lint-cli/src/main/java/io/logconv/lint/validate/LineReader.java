package io.logconv.lint.validate;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code \n} without decoding, so that line numbers are those
 * of the file and invalid UTF-8 reaches the checks as it is. Keeps at most {@code maxKept} bytes
 * of a line; for a longer line it still counts the bytes, so memory stays bounded whatever the
 * input.
 *
 * <pre>{@code
 * LineReader r = new LineReader(in, 1 << 20);
 * while (r.next()) { use(r.lineNumber(), r.buffer(), r.length()); }
 * }</pre>
 */
public final class LineReader {
  private final InputStream in;
  private final int maxKept;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkEnd;
  private boolean eof;
  private byte[] line = new byte[8192];
  private int length;
  private long fullLength;
  private long lineNumber;
  private long bytesRead;
  private boolean newline;

  public LineReader(InputStream in, int maxKept) {
    this.in = in;
    this.maxKept = maxKept;
  }

  /** Reads the next line; false at the end of the stream. */
  public boolean next() throws IOException {
    length = 0;
    fullLength = 0;
    newline = false;
    boolean any = false;
    while (true) {
      if (chunkPos >= chunkEnd) {
        if (eof || !fill()) {
          if (any) {
            lineNumber++;
            return true;
          }
          return false;
        }
      }
      any = true;
      int start = chunkPos;
      int i = start;
      int end = chunkEnd;
      byte[] c = chunk;
      while (i < end && c[i] != '\n') {
        i++;
      }
      append(c, start, i - start);
      if (i < end) {
        chunkPos = i + 1;
        newline = true;
        lineNumber++;
        return true;
      }
      chunkPos = end;
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(chunk, 0, chunk.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    bytesRead += n;
    chunkPos = 0;
    chunkEnd = n;
    return true;
  }

  private void append(byte[] src, int off, int n) {
    fullLength += n;
    int keep = Math.min(n, maxKept - length);
    if (keep <= 0) {
      return;
    }
    if (length + keep > line.length) {
      line = Arrays.copyOf(line, Math.min(maxKept, Math.max(line.length * 2, length + keep)));
    }
    System.arraycopy(src, off, line, length, keep);
    length += keep;
  }

  /** The current line's kept bytes, valid until the next call of {@link #next()}. */
  public byte[] buffer() {
    return line;
  }

  /** Number of bytes kept of the current line. */
  public int length() {
    return length;
  }

  /** Full length of the current line in bytes, without the newline. */
  public long fullLength() {
    return fullLength;
  }

  /** True if the current line was longer than the reader keeps. */
  public boolean truncated() {
    return fullLength > length;
  }

  /** True if the current line ended with a newline (false only for the last line of a file). */
  public boolean endedWithNewline() {
    return newline;
  }

  /** 1-based number of the current line. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Bytes read from the stream so far. */
  public long bytesRead() {
    return bytesRead;
  }
}
