package io.logconv.core;

import java.lang.management.ManagementFactory;

/** Test helper, shared with the adapters: what a piece of code allocates once the JIT is done. */
public final class Allocations {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Allocations() {}

  /**
   * Bytes the calling thread allocates over 10,000 runs of {@code r}, after 50,000 runs of warm-up:
   * the least of five rounds, since the JIT may still recompile (and briefly allocate) during the
   * first rounds; a steady state is what counts.
   */
  public static long steadyStateBytes(Runnable r) {
    for (int i = 0; i < 50_000; i++) {
      r.run();
    }
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 10_000; i++) {
        r.run();
      }
      least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
    }
    return least;
  }
}
