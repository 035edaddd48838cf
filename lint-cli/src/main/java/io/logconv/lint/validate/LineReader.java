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
 * <p>A reader made with {@code pauseAtLimit} stops at the limit instead: the rest of a long line
 * is then read through {@link #restOfLine()}, so that a caller can stream it (or it is skipped by
 * the next {@link #next()}).
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
  private final boolean pauseAtLimit;
  /** The current line goes on past the kept bytes and its rest has not been read yet. */
  private boolean paused;

  public LineReader(InputStream in, int maxKept) {
    this(in, maxKept, false);
  }

  /**
   * @param pauseAtLimit stop a long line at {@code maxKept} bytes and leave its rest to {@link
   *     #restOfLine()} instead of counting it
   */
  public LineReader(InputStream in, int maxKept, boolean pauseAtLimit) {
    this.in = in;
    this.maxKept = maxKept;
    this.pauseAtLimit = pauseAtLimit;
  }

  /** Reads the next line; false at the end of the stream. */
  public boolean next() throws IOException {
    if (paused) {
      skipRest();
    }
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
      int limit = pauseAtLimit ? Math.min(end, start + Math.max(0, maxKept - length)) : end;
      byte[] c = chunk;
      while (i < limit && c[i] != '\n') {
        i++;
      }
      append(c, start, i - start);
      if (i < end && c[i] == '\n') {
        chunkPos = i + 1;
        newline = true;
        lineNumber++;
        return true;
      }
      chunkPos = i;
      if (i < end) {
        // Kept bytes full and the line goes on: its rest waits for restOfLine().
        paused = true;
        lineNumber++;
        return true;
      }
    }
  }

  /**
   * The bytes of the current line after the kept ones, up to (not including) its newline, read
   * from the input as the caller reads them. Empty unless this reader pauses at the limit and the
   * current line is longer. Valid until the next call of {@link #next()}.
   */
  public InputStream restOfLine() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (!paused || len == 0) {
          return paused ? 0 : -1;
        }
        if (chunkPos >= chunkEnd && (eof || !fill())) {
          paused = false;
          return -1;
        }
        int end = Math.min(chunkEnd, chunkPos + len);
        int i = chunkPos;
        while (i < end && chunk[i] != '\n') {
          i++;
        }
        int n = i - chunkPos;
        System.arraycopy(chunk, chunkPos, b, off, n);
        fullLength += n;
        chunkPos = i;
        if (i < chunkEnd && chunk[i] == '\n') {
          chunkPos = i + 1;
          newline = true;
          paused = false;
        }
        return n == 0 && !paused ? -1 : n;
      }
    };
  }

  private void skipRest() throws IOException {
    InputStream rest = restOfLine();
    byte[] sink = new byte[8192];
    while (rest.read(sink, 0, sink.length) >= 0) {
      // counted in fullLength as read
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

  /**
   * Full length of the current line in bytes, without the newline; for a paused line, what has
   * been read of it so far.
   */
  public long fullLength() {
    return fullLength;
  }

  /** True if the current line was longer than the reader keeps. */
  public boolean truncated() {
    return fullLength > length || paused;
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
