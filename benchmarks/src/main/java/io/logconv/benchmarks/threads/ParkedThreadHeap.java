package io.logconv.benchmarks.threads;

import ch.qos.logback.classic.LoggerContext;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;

/**
 * The heap a parked virtual thread keeps because it has logged: N virtual threads park with and
 * without having logged one event, and the difference in heap in use (after collections) is
 * divided by N. For logconv's console appender and for Logback's console appender with a pattern
 * encoder, five rounds each. Java 21+:
 *
 * <pre>{@code
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.logconv.benchmarks.threads.ParkedThreadHeap 20000
 * }</pre>
 */
public final class ParkedThreadHeap {
  private ParkedThreadHeap() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    java.io.PrintStream report = System.out;
    for (String encoder : new String[] {"logconv", "pattern"}) {
      LoggerContext context = Consoles.start(encoder);
      Logger log = context.getLogger("controllers.Parked");
      for (int i = 0; i < 20_000; i++) {
        Consoles.logOne(log, i, i); // warm-up, and whatever is made once per process
      }
      StringBuilder rounds = new StringBuilder();
      for (int round = 0; round < 5; round++) {
        long idle = heapWhileParked(n, null);
        long logged = heapWhileParked(n, log);
        rounds.append(round == 0 ? "" : ", ").append((logged - idle) / n);
      }
      context.stop();
      report.println(encoder + ": bytes kept per parked virtual thread, by round: " + rounds);
    }
  }

  private static long heapWhileParked(int n, Logger log) throws InterruptedException {
    CountDownLatch parked = new CountDownLatch(n);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService ex = Consoles.virtualThreads();
    long used;
    try {
      for (int t = 0; t < n; t++) {
        int id = t;
        ex.execute(
            () -> {
              if (log != null) {
                Consoles.logOne(log, id, 0);
              }
              parked.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      parked.await();
      used = Long.MAX_VALUE;
      for (int i = 0; i < 4; i++) {
        System.gc();
        Thread.sleep(50);
        used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      }
    } finally {
      release.countDown();
      Consoles.awaitAll(ex);
    }
    return used;
  }
}
