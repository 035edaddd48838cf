package io.logconv.core;

/**
 * The one frame writer of both stack-trace forms (text, and text escaped into a JSON string): a
 * frame as {@code Class.method(File.java:12)}, the frames of one throwable with {@code ... n
 * frames excluded}, {@code ... n frames omitted} and {@code ... n more}, through a {@link
 * FrameSink} that is either form.
 */
final class StackFrames {
  private StackFrames() {}

  /** A fixed piece of a frame listing, as text and as the content of a JSON string. */
  static final class Piece {
    static final Piece AT = new Piece("\tat ");
    static final Piece NEWLINE = new Piece("\n");
    static final Piece ELLIPSIS = new Piece("\t... ");
    static final Piece FRAMES_OMITTED = new Piece(" frames omitted\n");
    static final Piece FRAMES_EXCLUDED = new Piece(" frames excluded\n");
    static final Piece MORE = new Piece(" more\n");
    static final Piece NATIVE = new Piece("Native Method");
    static final Piece UNKNOWN = new Piece("Unknown Source");

    final String text;
    final byte[] json;

    private Piece(String text) {
      this.text = text;
      JsonBuffer b = new JsonBuffer(16);
      JsonEscaper.appendEscaped(b, text, 0, text.length());
      this.json = b.toByteArray();
    }
  }

  /**
   * Where the frame writer ({@link #appendFrames}, {@link #appendFrame(FrameSink,
   * StackTraceElement)}) writes: the text of a trace, or the same text escaped into a JSON string.
   * Both forms of a trace go through the one writer, so their frames are the same to the char.
   */
  abstract static class FrameSink {
    /** The length class names are shortened to ({@link StackShaping#keptFrom}); 0: whole. */
    int classNameLength;

    abstract void piece(Piece p);

    abstract void indent(String indent);

    /** A class, method or file name. */
    abstract void name(String name);

    /** The chars {@code [from, to)} of a name. */
    abstract void name(String name, int from, int to);

    /**
     * A class name, shortened to {@link #classNameLength} if that is set: each cut package
     * segment as its first char and a dot, then the rest whole, without making a String.
     */
    final void className(String name) {
      int kept = classNameLength == 0 ? 0 : StackShaping.keptFrom(name, classNameLength);
      if (kept == 0) {
        name(name);
        return;
      }
      for (int s = 0; s < kept; ) {
        int dot = name.indexOf('.', s);
        name(name, s, s + StackShaping.firstCharWidth(name, s, dot));
        punctuation('.');
        s = dot + 1;
      }
      name(name, kept, name.length());
    }

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
    void name(String name, int from, int to) {
      out.append(name, from, to);
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
   * enclosing trace, each line after {@code indent}. With a {@code filter}, frames it excludes are
   * left out (see {@link #appendShaped}).
   */
  static void appendFrames(
      FrameSink out,
      StackTraceElement[] frames,
      int unique,
      int inCommon,
      String indent,
      int maxFrames,
      FrameFilter filter) {
    if (filter != null) {
      appendShaped(out, frames, unique, inCommon, indent, maxFrames, filter);
      return;
    }
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

  /**
   * {@link #appendFrames} with frames left out: each run of consecutive frames the filter excludes
   * is one line, {@code ... n frames excluded}; the first frame (where the throwable was thrown)
   * is always written. Excluded frames do not count against {@code maxFrames}: when a frame that
   * is not excluded comes after {@code maxFrames} were written, every frame from the last one
   * written on is counted in {@code ... n frames omitted}.
   */
  private static void appendShaped(
      FrameSink out,
      StackTraceElement[] frames,
      int unique,
      int inCommon,
      String indent,
      int maxFrames,
      FrameFilter filter) {
    int shown = 0;
    int run = 0; // excluded frames since the last one written
    int k = 0;
    for (; k < unique; k++) {
      StackTraceElement f = frames[k];
      if (k > 0 && filter.excludes(f)) {
        run++;
        continue;
      }
      if (shown == maxFrames) {
        break;
      }
      if (run > 0) {
        count(out, indent, run, Piece.FRAMES_EXCLUDED);
        run = 0;
      }
      out.frameLine(indent, f);
      shown++;
    }
    if (k < unique) {
      count(out, indent, unique - k + run, Piece.FRAMES_OMITTED);
    } else if (run > 0) {
      count(out, indent, run, Piece.FRAMES_EXCLUDED);
    }
    if (inCommon > 0) {
      count(out, indent, inCommon, Piece.MORE);
    }
  }

  private static void count(FrameSink out, String indent, int n, Piece what) {
    out.indent(indent);
    out.piece(Piece.ELLIPSIS);
    out.number(n);
    out.piece(what);
  }

  /** Writes one frame as {@code Class.method(File.java:12)}. */
  static void appendFrame(FrameSink out, StackTraceElement f) {
    out.className(f.getClassName());
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
