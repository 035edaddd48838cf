package io.logconv.core;

/**
 * The {@code stack_hash} of a throwable: a short hash of its shape, so that one error logged again
 * and again, on any replica, groups under one value.
 */
final class StackHash {
  private StackHash() {}

  /**
   * A short hash of the throwable's shape: the class of each throwable in the cause chain and the
   * class and method of each frame, leaving out messages, line numbers and generated frames
   * (lambdas, proxies, reflection), so that the same error yields the same hash across runs and
   * builds and errors can be grouped by it. Eight lowercase hex digits. Allocates nothing beyond the
   * frame arrays the JDK hands out.
   */
  static void append(StringBuilder out, Throwable t) {
    int h = 0x811c9dc5;
    int links = 0;
    for (Throwable x = t;
        x != null && links < StackTraceRenderer.MAX_CHAIN && !isEarlierInChain(t, x, links);
        x = StackTraceRenderer.safeCause(x)) {
      links++;
      h = fnv(h, x instanceof ForeignThrowable f ? f.originalClassName() : x.getClass().getName());
      for (StackTraceElement f : StackTraceRenderer.safeFrames(x)) {
        String cls = f.getClassName();
        if (isGenerated(cls)) {
          continue;
        }
        h = fnv(h, cls);
        h = fnv(h, f.getMethodName());
      }
    }
    for (int shift = 28; shift >= 0; shift -= 4) {
      out.append(Character.forDigit((h >>> shift) & 0xF, 16));
    }
  }

  /**
   * True if {@code x} is one of the first {@code links} throwables of {@code t}'s cause chain: the
   * cycle guard of {@link #append}, walking the chain again instead of keeping a set, since
   * chains are short (a few links; at most {@value StackTraceRenderer#MAX_CHAIN}) and the hash must allocate nothing.
   */
  private static boolean isEarlierInChain(Throwable t, Throwable x, int links) {
    Throwable y = t;
    for (int i = 0; i < links && y != null; i++, y = StackTraceRenderer.safeCause(y)) {
      if (y == x) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGenerated(String cls) {
    return cls.contains("$$")
        || cls.contains("$Proxy")
        || cls.startsWith("jdk.internal.reflect.")
        || cls.startsWith("sun.reflect.")
        || cls.startsWith("java.lang.reflect.");
  }

  private static int fnv(int h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x01000193;
    }
    h ^= '|';
    return h * 0x01000193;
  }
}
