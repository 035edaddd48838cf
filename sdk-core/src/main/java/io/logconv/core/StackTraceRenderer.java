package io.logconv.core;

import java.util.Collections;
import java.util.IdentityHashMap;
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
  private static final int MAX_CHAIN = 256;

  private StackTraceRenderer() {}

  /**
   * The contract's {@code error} value: {@code ClassName: message}, or {@code ClassName} when there
   * is no message.
   */
  public static void appendSummary(StringBuilder out, Throwable t) {
    out.append(t.getClass().getName());
    String msg = safeMessage(t);
    if (msg != null) {
      out.append(": ").append(msg);
    }
  }

  private static String safeMessage(Throwable t) {
    try {
      return t.getLocalizedMessage();
    } catch (RuntimeException | StackOverflowError e) {
      return "[FAILED getMessage()]";
    }
  }

  private static StackTraceElement[] safeFrames(Throwable t) {
    try {
      StackTraceElement[] frames = t.getStackTrace();
      return frames == null ? new StackTraceElement[0] : frames;
    } catch (RuntimeException e) {
      return new StackTraceElement[0];
    }
  }

  private static Throwable safeCause(Throwable t) {
    try {
      return t.getCause();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Throwable[] safeSuppressed(Throwable t) {
    try {
      return t.getSuppressed();
    } catch (RuntimeException e) {
      return new Throwable[0];
    }
  }

  /** Appends the whole trace of {@code t}, at most {@code maxFrames} frames per throwable. */
  public static void render(StringBuilder out, Throwable t, int maxFrames) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    renderChain(out, t, null, "", "", maxFrames, seen, 0);
  }

  private static void renderChain(
      StringBuilder out,
      Throwable t,
      StackTraceElement[] enclosing,
      String indent,
      String firstCaption,
      int maxFrames,
      Set<Throwable> seen,
      int depth) {
    String caption = firstCaption;
    int links = 0;
    while (t != null) {
      if (!seen.add(t)) {
        out.append(indent).append(caption).append("[CIRCULAR REFERENCE: ");
        appendSummary(out, t);
        out.append("]\n");
        return;
      }
      if (links++ >= MAX_CHAIN) {
        out.append(indent).append("... causes beyond ").append(MAX_CHAIN).append(" omitted\n");
        return;
      }
      out.append(indent).append(caption);
      appendSummary(out, t);
      out.append('\n');
      StackTraceElement[] frames = safeFrames(t);
      int inCommon = enclosing == null ? 0 : framesInCommon(frames, enclosing);
      int unique = frames.length - inCommon;
      int shown = Math.min(unique, maxFrames);
      for (int k = 0; k < shown; k++) {
        out.append(indent).append("\tat ");
        appendFrame(out, frames[k]);
        out.append('\n');
      }
      if (shown < unique) {
        out.append(indent).append("\t... ").append(unique - shown).append(" frames omitted\n");
      }
      if (inCommon > 0) {
        out.append(indent).append("\t... ").append(inCommon).append(" more\n");
      }
      if (depth < MAX_SUPPRESSED_DEPTH) {
        for (Throwable s : safeSuppressed(t)) {
          if (s != null) {
            renderChain(out, s, frames, indent + "\t", "Suppressed: ", maxFrames, seen, depth + 1);
          }
        }
      }
      enclosing = frames;
      caption = "Caused by: ";
      t = safeCause(t);
    }
  }

  private static int framesInCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
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

  /** Appends one frame as {@code Class.method(File.java:12)}, without creating Strings. */
  public static void appendFrame(StringBuilder out, StackTraceElement f) {
    out.append(f.getClassName()).append('.').append(f.getMethodName()).append('(');
    if (f.isNativeMethod()) {
      out.append("Native Method");
    } else if (f.getFileName() == null) {
      out.append("Unknown Source");
    } else {
      out.append(f.getFileName());
      if (f.getLineNumber() >= 0) {
        out.append(':').append(f.getLineNumber());
      }
    }
    out.append(')');
  }
}
