package io.logconv.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run in a child JVM of Java 21+ by {@link VirtualThreadTest} (this code is compiled for 17, so it
 * reaches virtual threads by reflection):
 *
 * <ul>
 *   <li>{@code load THREADS EVENTS}: THREADS virtual threads log EVENTS events each through {@link
 *       ConventionsConsoleAppender} to stdout;
 *   <li>{@code retained THREADS}: THREADS virtual threads log one event each (to a discarded
 *       output) and park; prints the heap each parked thread keeps beyond a parked thread that has
 *       not logged, the median of five rounds, as {@code retained-bytes-per-thread N}.
 * </ul>
 */
public final class VirtualThreadLoad {
  private VirtualThreadLoad() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "load" -> load(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "retained" -> retained(Integer.parseInt(args[1]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void load(int threads, int events) throws Exception {
    PrintStream stdout =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    LoggerContext context = configure(stdout);
    Logger log = LoggerFactory.getLogger("controllers.Load");
    long start = System.nanoTime();
    ExecutorService ex = virtualThreadPerTask();
    try {
      for (int t = 0; t < threads; t++) {
        int id = t;
        ex.execute(
            () -> {
              for (int i = 0; i < events; i++) {
                log.atInfo()
                    .addKeyValue("t", id)
                    .addKeyValue("seq", i)
                    .addKeyValue("namespace", "ns-" + (i % 7))
                    .addKeyValue("password", "pw-" + id)
                    .addKeyValue("email", "user" + id + "@example.com")
                    .log("request {} of {} handled", i, id);
              }
            });
      }
    } finally {
      close(ex);
    }
    long elapsed = System.nanoTime() - start;
    context.stop();
    stdout.flush();
    System.err.printf(
        "events-per-second %.0f%n", (double) threads * events / (elapsed / 1e9));
  }

  private static void retained(int threads) throws Exception {
    PrintStream report = System.out;
    LoggerContext context = configure(new PrintStream(OutputStream.nullOutputStream()));
    Logger log = LoggerFactory.getLogger("controllers.Parked");
    for (int i = 0; i < 10_000; i++) {
      log.atInfo().addKeyValue("email", "warm@example.com").log("warm-up {}", i);
    }
    long[] kept = new long[5];
    for (int round = 0; round < kept.length; round++) {
      long parked = heldByParked(threads, null);
      long logged = heldByParked(threads, log);
      kept[round] = (logged - parked) / threads;
    }
    context.stop();
    java.util.Arrays.sort(kept);
    report.println("retained-bytes-per-thread " + kept[kept.length / 2]);
    report.flush();
  }

  /** Heap in use while {@code threads} virtual threads are parked, after logging once if asked. */
  private static long heldByParked(int threads, Logger log) throws Exception {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch release = new CountDownLatch(1);
    long used;
    ExecutorService ex = virtualThreadPerTask();
    try {
      for (int t = 0; t < threads; t++) {
        int id = t;
        ex.execute(
            () -> {
              if (log != null) {
                log.atInfo()
                    .addKeyValue("t", id)
                    .addKeyValue("password", "pw-" + id)
                    .addKeyValue("email", "user" + id + "@example.com")
                    .log("parked {}", id);
              }
              ready.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      ready.await();
      used = usedAfterGc();
    } finally {
      release.countDown();
      close(ex);
    }
    return used;
  }

  private static void close(ExecutorService ex) throws InterruptedException {
    ex.shutdown();
    if (!ex.awaitTermination(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("virtual threads still running after 5 minutes");
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static LoggerContext configure(PrintStream out) {
    System.setOut(out);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    ConventionsEncoder encoder = new ConventionsEncoder();
    encoder.setContext(context);
    encoder.start();
    ConventionsConsoleAppender appender = new ConventionsConsoleAppender();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setImmediateFlush(false);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    return context;
  }

  private static ExecutorService virtualThreadPerTask() throws ReflectiveOperationException {
    return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
  }
}
