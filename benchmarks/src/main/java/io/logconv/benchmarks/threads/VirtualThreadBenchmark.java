package io.logconv.benchmarks.threads;

import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;

/**
 * A million events per invocation through a console appender, from 100,000 virtual threads that
 * log 10 each (a request per thread, as Spring Boot's {@code spring.threads.virtual.enabled}
 * serves them) or from 8 platform threads that log 125,000 each; logconv's console appender and
 * encoder against Logback's console appender with a pattern encoder, in the same run. Reported as
 * nanoseconds per event (events/s = 10<sup>9</sup> / score). Needs Java 21+ for {@code virtual}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 3, jvmArgsAppend = {"-Xmx1g", "-Dlogconv.redact.hashKey=benchmark-key-0123456789abcdefghij"})
public class VirtualThreadBenchmark {
  static final int EVENTS = 1_000_000;
  static final int VIRTUAL_THREADS = 100_000;
  static final int PLATFORM_THREADS = 8;

  @Param({"logconv", "pattern"})
  String encoder;

  @Param({"virtual", "platform"})
  String threads;

  private LoggerContext context;
  private Logger log;

  @Setup(Level.Trial)
  public void setUp() {
    context = Consoles.start(encoder);
    log = context.getLogger("controllers.Reconciler");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    context.stop();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void millionEvents() throws InterruptedException {
    if (threads.equals("virtual")) {
      ExecutorService ex = Consoles.virtualThreads();
      int each = EVENTS / VIRTUAL_THREADS;
      for (int t = 0; t < VIRTUAL_THREADS; t++) {
        int id = t;
        ex.execute(
            () -> {
              for (int i = 0; i < each; i++) {
                Consoles.logOne(log, id, i);
              }
            });
      }
      Consoles.awaitAll(ex);
    } else {
      Thread[] ts = new Thread[PLATFORM_THREADS];
      int each = EVENTS / PLATFORM_THREADS;
      for (int t = 0; t < ts.length; t++) {
        int id = t;
        ts[t] =
            new Thread(
                () -> {
                  for (int i = 0; i < each; i++) {
                    Consoles.logOne(log, id, i);
                  }
                });
        ts[t].start();
      }
      for (Thread t : ts) {
        t.join();
      }
    }
  }
}
