package io.logconv.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Thrown when the reader of stdout has gone (a broken pipe, as after {@code | head -1}), so that
 * a command stops at once, wherever it is writing from, and {@link Main} ends quietly with {@link
 * #EXIT_CODE} instead of reading the rest of its input for nobody. {@link #guard} wraps the stream
 * that turns the write error into this exception; other write errors (a full disk) stay errors.
 *
 * <pre>{@code
 * OutputStream out = OutputClosed.guard(new FileOutputStream(FileDescriptor.out));
 * }</pre>
 */
public final class OutputClosed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exit code of a process ended by SIGPIPE, as shells report it: 128 + 13. */
  public static final int EXIT_CODE = 141;

  OutputClosed(IOException cause) {
    super(cause.getMessage(), cause, false, false);
  }

  /** {@code out}, with a broken pipe on write or flush turned into {@link OutputClosed}. */
  public static OutputStream guard(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        try {
          out.write(b);
        } catch (IOException e) {
          throw translate(e);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw translate(e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          throw translate(e);
        }
      }
    };
  }

  private static IOException translate(IOException e) {
    if (isBrokenPipe(e)) {
      throw new OutputClosed(e);
    }
    return e;
  }

  /** True for the error a write to a pipe whose reader is gone gets ("Broken pipe" on Linux and macOS). */
  static boolean isBrokenPipe(IOException e) {
    String m = e.getMessage();
    return m != null && m.toLowerCase(Locale.ROOT).contains("pipe");
  }

  /** True if {@code t} or one of its causes is an {@link OutputClosed}. */
  static boolean in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutputClosed) {
        return true;
      }
    }
    return false;
  }
}
