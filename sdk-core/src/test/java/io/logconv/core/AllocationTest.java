package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.schema.Action;
import io.logconv.schema.Level;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing per event after warm-up. Measured with the calling thread's
 * allocated-bytes counter over 10,000 events.
 */
class AllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  // Arguments and values are created once, as an application's would be before the call.
  private static final Object[] ARGS = {"go-net-http-hello-prqx"};
  private static final Long REPLICAS = 3L;

  @BeforeAll
  static void counterIsAvailable() {
    assertThat(THREADS.isThreadAllocatedMemorySupported()).isTrue();
    THREADS.setThreadAllocatedMemoryEnabled(true);
  }

  private static long allocatedBytes(Runnable r, int times) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < times; i++) {
      r.run();
    }
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }

  /**
   * The least of five rounds of {@code times} runs: the JIT may still recompile (and briefly
   * allocate) in the first rounds after warm-up; the steady state is what counts.
   */
  static long steadyStateBytes(Runnable r, int times) {
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      least = Math.min(least, allocatedBytes(r, times));
    }
    return least;
  }

  /** A message with one argument and 7 key/values, no throwable. */
  private static void typicalEvent(EventWriter w, long[] clock) {
    w.begin(clock[0]++, Level.INFO, "controllers.Component")
        .message("reconciled {}", ARGS, 1)
        .field("namespace", "samburrai-tenant")
        .field("controllerKind", "Component")
        .field("name", "go-net-http-hello-prqx")
        .field("action", Action.UPDATE)
        .field("replicas", REPLICAS)
        .field("durationMs", 87L)
        .field("request_id", "req-7f3a9c");
    w.end();
  }

  @Test
  void typicalEventAllocatesNothingAfterWarmUp() {
    EventWriter w = LineFormat.builder().staticField("service", "component-controller").build().newWriter();
    long[] clock = {1678188749167L};
    allocatedBytes(() -> typicalEvent(w, clock), 50_000); // warm-up, JIT included
    long bytes = steadyStateBytes(() -> typicalEvent(w, clock), 10_000);
    assertThat(bytes).as("bytes allocated by 10,000 events").isZero();
  }
}
