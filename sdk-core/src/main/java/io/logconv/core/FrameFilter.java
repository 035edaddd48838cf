package io.logconv.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which frames {@link StackShaping}'s patterns leave out, for one renderer (not thread-safe): a
 * frame is left out when {@code className.methodName} has a match of any pattern ({@link
 * Matcher#find()}, so a pattern matches anywhere unless anchored with {@code ^}), as
 * logstash-logback-encoder's exclusions match.
 *
 * <p>The verdict is kept per class and method in a direct-mapped cache of {@value #SLOTS} entries
 * (names only, so that no class is kept from unloading): the same errors recur, and their frames
 * with them, so after warm-up a frame costs a hash and two string comparisons, and the patterns run
 * only for a frame not seen lately. Neither a hit nor a miss allocates once the text buffer has
 * grown: each pattern keeps one {@link Matcher}, reset onto the reused text.
 */
final class FrameFilter {
  private static final int SLOTS = 512;

  private final Matcher[] matchers;
  private final StringBuilder text = new StringBuilder(128);

  /** Class and method of each slot's frame, and its verdict; made on first use. */
  private String[] classes;

  private String[] methods;
  private boolean[] excluded;

  FrameFilter(Pattern[] patterns) {
    this.matchers = new Matcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      matchers[i] = patterns[i].matcher("");
    }
  }

  /** True if {@code f} is left out. */
  boolean excludes(StackTraceElement f) {
    String cn = f.getClassName();
    String mn = f.getMethodName();
    if (classes == null) {
      classes = new String[SLOTS];
      methods = new String[SLOTS];
      excluded = new boolean[SLOTS];
    }
    int h = cn.hashCode() * 31 + mn.hashCode();
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    if (cn.equals(classes[slot]) && mn.equals(methods[slot])) {
      return excluded[slot];
    }
    boolean verdict = matches(cn, mn);
    // The slot takes the newer frame; the older one is matched again if it comes back.
    classes[slot] = cn;
    methods[slot] = mn;
    excluded[slot] = verdict;
    return verdict;
  }

  private boolean matches(String cn, String mn) {
    StringBuilder t = text;
    t.setLength(0);
    t.append(cn).append('.').append(mn);
    for (Matcher m : matchers) {
      if (m.reset(t).find()) {
        return true;
      }
    }
    return false;
  }
}
