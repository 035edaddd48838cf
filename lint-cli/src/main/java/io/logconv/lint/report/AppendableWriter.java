package io.logconv.lint.report;

import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

/** Lets a JSON generator write to any {@link Appendable} (a Writer is used as it is). */
final class AppendableWriter extends Writer {
  private final Appendable out;

  private AppendableWriter(Appendable out) {
    this.out = out;
  }

  static Writer of(Appendable out) {
    return out instanceof Writer w ? w : new AppendableWriter(out);
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      out.append(cbuf[i]);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    out.append(str, off, off + len);
  }

  @Override
  public void flush() throws IOException {
    if (out instanceof Flushable f) {
      f.flush();
    }
  }

  @Override
  public void close() throws IOException {
    flush(); // the caller owns out
  }
}
