package io.logconv.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the {@code stacktrace} (and the messages in {@code error}) are shaped, decided once per
 * {@link LineFormat}: frames left out by pattern, class names shortened, long exception messages
 * cut. Immutable; each writer's renderer keeps its own {@link FrameFilter} for the verdicts it has
 * reached. {@code stack_hash} never reads any of it, so identical errors group alike whatever the
 * shaping.
 *
 * <pre>{@code
 * LineFormat.builder()
 *     .excludeFrames("^java\\.lang\\.reflect\\.", "\\$\\$EnhancerBySpringCGLIB\\$\\$")
 *     .shortenClassNames(30)      // org.springframework.web.servlet.DispatcherServlet -> o.s.w.s.DispatcherServlet
 *     .maxMessageChars(500)
 *     .build();
 * }</pre>
 */
final class StackShaping {
  /** No shaping: every frame, full class names, whole messages. */
  static final StackShaping NONE = new StackShaping(List.of(), 0, 0);

  private final Pattern[] excludes;
  private final int classNameLength;
  private final int maxMessageChars;

  StackShaping(List<Pattern> excludes, int classNameLength, int maxMessageChars) {
    this.excludes = excludes.toArray(new Pattern[0]);
    this.classNameLength = Math.max(0, classNameLength);
    this.maxMessageChars = Math.max(0, maxMessageChars);
  }

  /** The patterns of frames left out, as given. */
  List<String> patterns() {
    List<String> out = new ArrayList<>();
    for (Pattern p : excludes) {
      out.add(p.pattern());
    }
    return Collections.unmodifiableList(out);
  }

  /** A new filter of this shaping's patterns for one renderer, or null if no frame is left out. */
  FrameFilter newFilter() {
    return excludes.length == 0 ? null : new FrameFilter(excludes);
  }

  /** The length class names are shortened to; 0: kept whole. */
  int classNameLength() {
    return classNameLength;
  }

  /** The most chars of an exception message written; 0: no limit. */
  int maxMessageChars() {
    return maxMessageChars;
  }

  /**
   * Where the part of {@code name} written whole starts when it is shortened to {@code target}
   * chars as Logback's {@code TargetLengthBasedClassNameAbbreviator} does: a name of at most {@code
   * target} chars is kept (0: all of it); otherwise package segments, leftmost first, are cut to
   * their first char until the chars cut reach the excess or every package segment is cut. The
   * simple class name (after the last dot) is never cut. {@code o.s.w.s.DispatcherServlet} is
   * {@code org.springframework.web.servlet.DispatcherServlet} at 25, {@code
   * o.s.web.servlet.DispatcherServlet} at 40. Logback also cuts the first segment of a name exactly
   * {@code target} chars long; here that name fits and is kept.
   */
  static int keptFrom(String name, int target) {
    int len = name.length();
    int last = name.lastIndexOf('.');
    if (len <= target || last < 0) {
      return 0;
    }
    int excess = len - target;
    int cut = 0;
    int s = 0;
    while (true) {
      if (cut >= excess) {
        return s;
      }
      int dot = name.indexOf('.', s);
      cut += Math.max(0, dot - s - firstCharWidth(name, s, dot));
      s = dot + 1;
      if (dot == last) {
        return s;
      }
    }
  }

  /** Chars of the first code point of the segment {@code [s, end)}: 0 if it is empty, 2 for a pair. */
  static int firstCharWidth(String name, int s, int end) {
    if (s >= end) {
      return 0;
    }
    return s + 1 < end && Character.isHighSurrogate(name.charAt(s)) && Character.isLowSurrogate(name.charAt(s + 1))
        ? 2
        : 1;
  }

  /**
   * Where {@code text} is cut to keep at most {@code max} chars without splitting a surrogate
   * pair: {@code max}, or one less when a pair straddles it.
   */
  static int cutAt(CharSequence text, int max) {
    return max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) && Character.isLowSurrogate(text.charAt(max))
        ? max - 1
        : max;
  }
}
