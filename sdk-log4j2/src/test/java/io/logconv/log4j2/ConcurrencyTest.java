package io.logconv.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Many threads logging at once through a plain console appender, an {@code AsyncAppender} and
 * async loggers (LMAX Disruptor): every line whole and conformant, none lost, each thread's lines
 * in the order it logged them, its ThreadContext and message arguments on its own lines only.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int EVENTS = 2_000;

  @ParameterizedTest
  @ValueSource(strings = {"log4j2-conventions.xml", "log4j2-async-appender.xml", "log4j2-async-loggers.xml"})
  void noLineIsLostOrInterleaved(String config) throws InterruptedException {
    Log4jHarness h = Log4jHarness.capture(config);
    Logger log = h.logger("load.Test");
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String worker = "worker-" + t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                ThreadContext.put("worker", worker);
                for (int i = 0; i < EVENTS; i++) {
                  ThreadContext.put("seq", Integer.toString(i));
                  log.info("event {} of {} with password {}", i, worker, "s3cr3t-" + worker);
                }
                ThreadContext.clearAll();
              },
              worker);
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    List<String> lines = h.lines();
    assertThat(lines).as("status: %s", h.statusMessages()).hasSize(THREADS * EVENTS);
    Map<String, Integer> next = new HashMap<>();
    for (String line : lines) {
      assertThat(line).doesNotContain("s3cr3t");
      JsonNode node = Lines.conforming(line);
      String worker = node.get("worker").asString();
      int seq = Integer.parseInt(node.get("seq").asString());
      assertThat(seq).as("order of %s", worker).isEqualTo(next.getOrDefault(worker, 0));
      next.put(worker, seq + 1);
      assertThat(node.get("msg").asString()).startsWith("event " + seq + " of " + worker + " with password [REDACTED");
    }
    assertThat(next).hasSize(THREADS).allSatisfy((w, n) -> assertThat(n).isEqualTo(EVENTS));
  }
}
