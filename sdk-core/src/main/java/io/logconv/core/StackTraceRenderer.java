package io.logconv.core;

import static io.logconv.core.StackFrames.appendFrame;
import static io.logconv.core.StackFrames.appendFrames;

import io.logconv.core.StackFrames.Piece;
import io.logconv.core.StackFrames.TextFrames;
import io.logconv.core.redact.Chars;
import io.logconv.core.redact.Redactor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Renders a throwable the way {@link Throwable#printStackTrace()} does ({@code Caused by:} chains,
 * {@code Suppressed:} blocks, {@code ... n more} for frames shared with the enclosing trace, and
 * {@code [CIRCULAR REFERENCE: ...]} for cycles) by walking the frames itself, into a reusable
 * {@link StringBuilder}, with a limit on frames per throwable so that a line can be made to fit. It
 * never calls the throwable's {@code toString()} or {@code printStackTrace()}: a throwable whose
 * methods throw is still rendered.
 *
 * <pre>{@code
 * StringBuilder sb = new StringBuilder();
 * StackTraceRenderer.render(sb, exception, 8); // at most 8 frames of each cause
 * }</pre>
 */
public final class StackTraceRenderer {
  /** No limit on frames per throwable. */
  public static final int ALL_FRAMES = Integer.MAX_VALUE;

  private static final int MAX_SUPPRESSED_DEPTH = 8;
  static final int MAX_CHAIN = 256;

  private StackTraceRenderer() {}

  /**
   * The contract's {@code error} value: {@code ClassName: message}, or {@code ClassName} when there
   * is no message.
   */
  public static void appendSummary(StringBuilder out, Throwable t) {
    out.append(t instanceof ForeignThrowable f ? f.originalClassName() : t.getClass().getName());
    String msg = safeMessage(t);
    if (msg != null) {
      out.append(": ").append(msg);
    }
  }

  static String safeMessage(Throwable t) {
    try {
      return t.getLocalizedMessage();
    } catch (RuntimeException | StackOverflowError e) {
      return "[FAILED getMessage()]";
    }
  }

  static StackTraceElement[] safeFrames(Throwable t) {
    try {
      StackTraceElement[] frames = t.getStackTrace();
      return frames == null ? new StackTraceElement[0] : frames;
    } catch (RuntimeException e) {
      return new StackTraceElement[0];
    }
  }

  static Throwable safeCause(Throwable t) {
    try {
      return t.getCause();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Throwable[] safeSuppressed(Throwable t) {
    try {
      return t.getSuppressed();
    } catch (RuntimeException e) {
      return new Throwable[0];
    }
  }

  /** Appends the whole trace of {@code t}, at most {@code maxFrames} frames per throwable. */
  public static void render(StringBuilder out, Throwable t, int maxFrames) {
    new Renderer(Redactor.NONE).render(out, t, maxFrames);
  }

  /**
   * A renderer that one writer reuses from event to event (not thread-safe): it redacts each
   * throwable's message as it writes it, and keeps its cycle-detection set, so that rendering
   * allocates nothing beyond the frame arrays the JDK hands out. Frames are code locations, not
   * data, so only messages go through the {@link Redactor}; scanning the whole trace would cost
   * a pass over every frame for nothing.
   *
   * <p>A writer's renderer also applies its format's {@link StackShaping}: frames left out by
   * pattern, class names shortened in frames and headers, long messages cut.
   *
   * <pre>{@code
   * StackTraceRenderer.Renderer r = new StackTraceRenderer.Renderer(SecretRedactor.defaults());
   * r.render(sb, exception, StackTraceRenderer.ALL_FRAMES);
   * }</pre>
   */
  public static final class Renderer {
    private final Redactor redactor;
    private final StringBuilder scratch = new StringBuilder(128);
    private final Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The writer's one-pass escape and trigger test, for {@link #renderJson}; or null. */
    private final JsonEscaper scan;

    /** Frames left out by pattern (null: none), and the most chars of a message (0: all). */
    private final FrameFilter filter;

    private final int maxMessageChars;

    private char[] chars = new char[128];

    /** A renderer that passes every throwable message through {@code redactor}. */
    public Renderer(Redactor redactor) {
      this(redactor, null, StackShaping.NONE);
    }

    /**
     * A renderer whose {@link #renderJson} writes messages with the writer's one-pass escape and
     * trigger test, {@code scan} (null: every message goes to the redactor).
     */
    Renderer(Redactor redactor, JsonEscaper scan) {
      this(redactor, scan, StackShaping.NONE);
    }

    /** As {@link #Renderer(Redactor, JsonEscaper)}, with traces and messages shaped by {@code shaping}. */
    Renderer(Redactor redactor, JsonEscaper scan, StackShaping shaping) {
      this.redactor = redactor == null ? Redactor.NONE : redactor;
      this.scan = scan;
      this.filter = shaping.newFilter();
      this.maxMessageChars = shaping.maxMessageChars();
      textFrames.classNameLength = shaping.classNameLength();
      jsonFrames.classNameLength = shaping.classNameLength();
    }

    /**
     * Writes what {@link #appendSummary} writes, as a quoted JSON string, straight into {@code buf}.
     */
    void appendSummaryJson(JsonBuffer buf, Throwable t) {
      buf.append('"');
      jsonFrames.appendName(buf, t instanceof ForeignThrowable f ? f.originalClassName() : t.getClass().getName());
      String msg = safeMessage(t);
      if (msg != null) {
        buf.append(':').append(' ');
        appendMessage(buf, msg);
      }
      buf.append('"');
    }

    /**
     * Writes a throwable's message, redacted and escaped, in one pass when nothing is to hide;
     * past {@code maxMessageChars}, the redacted message is cut with a marker.
     */
    private void appendMessage(JsonBuffer buf, String msg) {
      int len = msg.length();
      int max = maxMessageChars;
      if (scan != null && len < MAX_ONE_PASS_MESSAGE && (max == 0 || len <= max)) {
        chars = Chars.ensure(chars, len + 1);
        Chars.copy(msg, len, chars);
        if (scan.appendEscaped(buf, msg, chars, len)) {
          return;
        }
      }
      CharSequence m = redactor.redact(null, msg, scratch);
      if (max > 0 && m.length() > max) {
        int end = StackShaping.cutAt(m, max);
        JsonEscaper.appendEscaped(buf, m, 0, end);
        buf.appendRaw(TRUNCATED).appendLong(m.length() - end).appendRaw(CHARS);
        return;
      }
      JsonEscaper.appendEscaped(buf, m, 0, m.length());
    }

    /**
     * Appends a message already redacted, cut past {@code maxMessageChars} with {@code
     * ...[truncated N chars]}: the writer cuts long values with {@code ...[truncated N bytes]} once
     * they are escaped into bytes, while a message is cut in chars, before it is escaped, and
     * after it is redacted, so that a cut never leaves part of a secret its detector would no
     * longer recognise.
     */
    private void appendMessage(StringBuilder out, CharSequence m) {
      int max = maxMessageChars;
      if (max > 0 && m.length() > max) {
        int end = StackShaping.cutAt(m, max);
        out.append(m, 0, end).append("...[truncated ").append(m.length() - end).append(" chars]");
      } else {
        out.append(m);
      }
    }

    /** As {@link StackTraceRenderer#render}, with messages redacted. */
    public void render(StringBuilder out, Throwable t, int maxFrames) {
      seen.clear();
      try {
        renderChain(this, out, t, null, "", "", maxFrames, 0);
      } finally {
        seen.clear();
        textFrames.into(null); // the writer may drop a builder that grew large
      }
    }

    /** As {@link StackTraceRenderer#renderRootCauseFirst}, with messages redacted. */
    public void renderRootCauseFirst(StringBuilder out, Throwable t, int maxFrames) {
      seen.clear();
      try {
        rootCauseFirst(this, out, t, maxFrames);
      } finally {
        seen.clear();
        textFrames.into(null);
      }
    }

    /** Throwables in the chain {@link #renderJson} takes on; a longer one goes to {@link #render}. */
    private static final int JSON_CHAIN = 16;

    /** Longer messages go through the redactor, so that the kept char array stays small. */
    private static final int MAX_ONE_PASS_MESSAGE = 16 * 1024;
    private static final byte[] CAUSED_BY = ascii("Caused by: ");
    private static final byte[] TRUNCATED = ascii("...[truncated ");
    private static final byte[] CHARS = ascii(" chars]");

    private final Throwable[] chain = new Throwable[JSON_CHAIN];

    /** The frame writer's two sinks: the text of a trace, and the same text escaped into a line. */
    private final TextFrames textFrames = new TextFrames();

    private final JsonFrames jsonFrames = new JsonFrames();

    private static byte[] ascii(String s) {
      return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Writes what {@link #render} writes for {@code t}, escaped as the content of a JSON string
     * (no quotes), straight into {@code buf}, without building the text first. Takes on the common
     * shape only: a cause chain of at most 16 throwables, none with suppressed throwables, no
     * cycle. For any other it writes nothing and returns false, and the caller renders the text.
     */
    boolean renderJson(JsonBuffer buf, Throwable t, int maxFrames) {
      int links = 0;
      for (Throwable x = t; x != null; x = safeCause(x)) {
        if (links == JSON_CHAIN || safeSuppressed(x).length > 0) {
          Arrays.fill(chain, 0, links, null);
          return false;
        }
        for (int j = 0; j < links; j++) {
          if (chain[j] == x) {
            Arrays.fill(chain, 0, links, null);
            return false;
          }
        }
        chain[links++] = x;
      }
      StackTraceElement[] enclosing = null;
      for (int j = 0; j < links; j++) {
        Throwable x = chain[j];
        chain[j] = null;
        if (j > 0) {
          buf.appendRaw(CAUSED_BY);
        }
        jsonFrames.into(buf).className(x instanceof ForeignThrowable f ? f.originalClassName() : x.getClass().getName());
        String msg = safeMessage(x);
        if (msg != null) {
          buf.append(':').append(' ');
          appendMessage(buf, msg);
        }
        buf.appendRaw(Piece.NEWLINE.json);
        StackTraceElement[] frames = safeFrames(x);
        int inCommon = enclosing == null ? 0 : StackFrames.framesInCommon(frames, enclosing);
        appendFrames(jsonFrames.into(buf), frames, frames.length - inCommon, inCommon, "", maxFrames, filter);
        enclosing = frames;
      }
      return true;
    }

    /**
     * As {@link StackTraceRenderer#appendSummary}, with the message redacted (and cut, if the
     * renderer's shaping limits messages).
     */
    public void appendSummary(StringBuilder out, Throwable t) {
      out.append(t instanceof ForeignThrowable f ? f.originalClassName() : t.getClass().getName());
      appendMessageOf(out, t);
    }

    /** A throwable's header in the trace: as {@link #appendSummary}, with the class name shortened. */
    void appendHeader(StringBuilder out, Throwable t) {
      textFrames.into(out).className(t instanceof ForeignThrowable f ? f.originalClassName() : t.getClass().getName());
      appendMessageOf(out, t);
    }

    private void appendMessageOf(StringBuilder out, Throwable t) {
      String msg = safeMessage(t);
      if (msg != null) {
        out.append(": ");
        appendMessage(out, redactor.redact(null, msg, scratch));
      }
    }
  }

  /**
   * Appends the trace of {@code t} with its root cause first, each wrapper after it as {@code
   * Wrapped by: ...}, so that the cause is on top when a line is read (or cut). Frames a throwable
   * shares with its wrapper are elided as {@code ... n more}.
   */
  public static void renderRootCauseFirst(StringBuilder out, Throwable t, int maxFrames) {
    new Renderer(Redactor.NONE).renderRootCauseFirst(out, t, maxFrames);
  }

  private static void rootCauseFirst(Renderer r, StringBuilder out, Throwable t, int maxFrames) {
    List<Throwable> chain = causeChain(t);
    r.seen.addAll(chain);
    for (int i = chain.size() - 1; i >= 0; i--) {
      Throwable x = chain.get(i);
      StackTraceElement[] frames = safeFrames(x);
      StackTraceElement[] wrapper = i > 0 ? safeFrames(chain.get(i - 1)) : null;
      out.append(i == chain.size() - 1 ? "" : "Wrapped by: ");
      r.appendHeader(out, x);
      out.append('\n');
      int inCommon = wrapper == null ? 0 : StackFrames.framesInCommon(frames, wrapper);
      appendFrames(r.textFrames.into(out), frames, frames.length - inCommon, inCommon, "", maxFrames, r.filter);
      for (Throwable sup : safeSuppressed(x)) {
        if (sup != null) {
          renderChain(r, out, sup, frames, "\t", "Suppressed: ", maxFrames, 1);
        }
      }
    }
  }

  /** {@code t} and its causes, outermost first, stopping at a cycle. */
  private static List<Throwable> causeChain(Throwable t) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable x = t; x != null && seen.add(x) && chain.size() < MAX_CHAIN; x = safeCause(x)) {
      chain.add(x);
    }
    return chain;
  }

  /**
   * A short hash of the throwable's shape, eight lowercase hex digits: see {@link
   * StackHash#append}.
   */
  public static void appendStackHash(StringBuilder out, Throwable t) {
    StackHash.append(out, t);
  }

  private static void renderChain(
      Renderer r,
      StringBuilder out,
      Throwable t,
      StackTraceElement[] enclosing,
      String indent,
      String firstCaption,
      int maxFrames,
      int depth) {
    Set<Throwable> seen = r.seen;
    String caption = firstCaption;
    int links = 0;
    while (t != null) {
      if (!seen.add(t)) {
        out.append(indent).append(caption).append("[CIRCULAR REFERENCE: ");
        r.appendHeader(out, t);
        out.append("]\n");
        return;
      }
      if (links++ >= MAX_CHAIN) {
        out.append(indent).append("... causes beyond ").append(MAX_CHAIN).append(" omitted\n");
        return;
      }
      out.append(indent).append(caption);
      r.appendHeader(out, t);
      out.append('\n');
      StackTraceElement[] frames = safeFrames(t);
      int inCommon = enclosing == null ? 0 : StackFrames.framesInCommon(frames, enclosing);
      StackFrames.appendFrames(
          r.textFrames.into(out), frames, frames.length - inCommon, inCommon, indent, maxFrames, r.filter);
      if (depth < MAX_SUPPRESSED_DEPTH) {
        for (Throwable s : safeSuppressed(t)) {
          if (s != null) {
            renderChain(r, out, s, frames, indent + "\t", "Suppressed: ", maxFrames, depth + 1);
          }
        }
      }
      enclosing = frames;
      caption = "Caused by: ";
      t = safeCause(t);
    }
  }

  /** Appends one frame as {@code Class.method(File.java:12)}, without creating Strings. */
  public static void appendFrame(StringBuilder out, StackTraceElement f) {
    StackFrames.appendFrame(new StackFrames.TextFrames().into(out), f);
  }
}
