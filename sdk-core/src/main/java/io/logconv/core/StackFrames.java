package io.logconv.core;

/**
 * The one frame writer of both stack-trace forms (text, and text escaped into a JSON string): a
 * frame as {@code Class.method(File.java:12)}, the frames of one throwable with {@code ... n
 * frames omitted} and {@code ... n more}, through a {@link FrameSink} that is either form.
 */
final class StackFrames {
  private StackFrames() {}

  /** A fixed piece of a frame listing, as text and as the content of a JSON string. */
  static final class Piece {
    static final Piece AT = new Piece("\tat ");
    static final Piece NEWLINE = new Piece("\n");
    static final Piece ELLIPSIS = new Piece("\t... ");
    static final Piece FRAMES_OMITTED = new Piece(" frames omitted\n");
    static final Piece MORE = new Piece(" more\n");
    static final Piece NATIVE = new Piece("Native Method");
    static final Piece UNKNOWN = new Piece("Unknown Source");

    final String text;
    final byte[] json;

    private Piece(String text) {
      this.text = text;
      this.json = new JsonBuffer(16).appendEscaped(text, 0, text.length()).toByteArray();
    }
  }

  /**
   * Where the frame writer ({@link #appendFrames}, {@link #appendFrame(FrameSink,
   * StackTraceElement)}) writes: the text of a trace, or the same text escaped into a JSON string.
   * Both forms of a trace go through the one writer, so their frames are the same to the char.
   */
  abstract static class FrameSink {
    abstract void piece(Piece p);

    abstract void indent(String indent);

    /** A class, method or file name. */
    abstract void name(String name);

    abstract void number(int n);

    abstract void punctuation(char c);

    /** One frame's line: {@code indent}, {@code \tat }, the frame, a newline. */
    void frameLine(String indent, StackTraceElement f) {
      indent(indent);
      piece(Piece.AT);
      appendFrame(this, f);
      piece(Piece.NEWLINE);
    }
  }

  /** The text form, into a {@link StringBuilder}. */
  static final class TextFrames extends FrameSink {
    private StringBuilder out;

    TextFrames into(StringBuilder out) {
      this.out = out;
      return this;
    }

    @Override
    void piece(Piece p) {
      out.append(p.text);
    }

    @Override
    void indent(String indent) {
      out.append(indent);
    }

    @Override
    void name(String name) {
      out.append(name);
    }

    @Override
    void number(int n) {
      out.append(n);
    }

    @Override
    void punctuation(char c) {
      out.append(c);
    }
  }

  /**
   * The frame writer: the first {@code unique} frames (at most {@code maxFrames}, then {@code ... n
   * frames omitted}), and {@code ... n more} for the {@code inCommon} frames shared with the
   * enclosing trace, each line after {@code indent}.
   */
  static void appendFrames(
      FrameSink out, StackTraceElement[] frames, int unique, int inCommon, String indent, int maxFrames) {
    int shown = Math.min(unique, maxFrames);
    for (int k = 0; k < shown; k++) {
      out.frameLine(indent, frames[k]);
    }
    if (shown < unique) {
      out.indent(indent);
      out.piece(Piece.ELLIPSIS);
      out.number(unique - shown);
      out.piece(Piece.FRAMES_OMITTED);
    }
    if (inCommon > 0) {
      out.indent(indent);
      out.piece(Piece.ELLIPSIS);
      out.number(inCommon);
      out.piece(Piece.MORE);
    }
  }

  /** Writes one frame as {@code Class.method(File.java:12)}. */
  static void appendFrame(FrameSink out, StackTraceElement f) {
    out.name(f.getClassName());
    out.punctuation('.');
    out.name(f.getMethodName());
    out.punctuation('(');
    if (f.isNativeMethod()) {
      out.piece(Piece.NATIVE);
    } else if (f.getFileName() == null) {
      out.piece(Piece.UNKNOWN);
    } else {
      out.name(f.getFileName());
      if (f.getLineNumber() >= 0) {
        out.punctuation(':');
        out.number(f.getLineNumber());
      }
    }
    out.punctuation(')');
  }

  /** How many frames at the end of {@code frames} the enclosing trace has at its end too. */
  static int framesInCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
    int m = frames.length - 1;
    int n = enclosing.length - 1;
    int common = 0;
    while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
      m--;
      n--;
      common++;
    }
    return common;
  }
}
