package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import io.logconv.core.Lines;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * Whether an event is encoded on the thread that logged it is told by the encoding thread's
 * identity, never by thread names: a thread named as the {@code AsyncAppender}'s worker, or one
 * with no name at all, gets its own message and MDC.
 */
class AsyncWorkerTest {
  /** The name Logback gives the worker of an {@code AsyncAppender} named {@code ASYNC}. */
  private static final String WORKER_NAME = "AsyncAppender-Worker-ASYNC";

  private final LoggerContext context = new LoggerContext();

  AsyncWorkerTest() {
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.start();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  private OutputStreamAppender<ILoggingEvent> conventions(String name, OutputStream out) {
    ConventionsEncoder encoder = new ConventionsEncoder();
    encoder.setContext(context);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> a = new OutputStreamAppender<>();
    a.setContext(context);
    a.setName(name);
    a.setEncoder(encoder);
    a.setOutputStream(out);
    a.start();
    return a;
  }

  private AsyncAppender async(ch.qos.logback.core.Appender<ILoggingEvent> downstream) {
    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.setName("ASYNC");
    async.setDiscardingThreshold(0);
    async.addAppender(downstream);
    async.start();
    return async;
  }

  private Logger logger(String name, ch.qos.logback.core.Appender<ILoggingEvent> appender) {
    Logger l = context.getLogger(name);
    l.setAdditive(false);
    l.addAppender(appender);
    return l;
  }

  private static void runOn(String threadName, Runnable r) throws InterruptedException {
    Thread t = new Thread(r, threadName);
    t.start();
    t.join(10_000);
    assertThat(t.isAlive()).isFalse();
  }

  private static List<String> lines(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aThreadNamedAsTheWorkerGetsItsOwnMessageAndMdcOnBothPaths() throws Exception {
    GatedStream asyncOut = new GatedStream();
    ByteArrayOutputStream liveOut = new ByteArrayOutputStream();
    AsyncAppender async = async(conventions("BEHIND_ASYNC", asyncOut));
    Logger viaAsync = logger("via.async", async);
    Logger live = logger("live", conventions("LIVE", liveOut));

    // The worker takes this event first and waits with it, so the next one is encoded only after
    // its logging thread has changed the argument.
    viaAsync.info("gate");
    StringBuilder argument = new StringBuilder("as logged");
    runOn(
        WORKER_NAME,
        () -> {
          MDC.put("who", "async-thread");
          viaAsync.info("async {}", argument);
          argument.setLength(0);
          argument.append("changed afterwards");
          MDC.clear();
        });
    runOn(
        WORKER_NAME,
        () -> {
          MDC.put("who", "live-thread");
          live.info("live {}", "line");
          MDC.clear();
        });
    asyncOut.open();
    async.stop(); // drains the queue

    List<String> deferred = lines(asyncOut.bytes);
    assertThat(deferred).hasSize(2);
    JsonNode a = Lines.conforming(deferred.get(1));
    assertThat(a.get("msg").asString()).isEqualTo("async as logged");
    assertThat(a.get("who").asString()).isEqualTo("async-thread");
    List<String> direct = lines(liveOut);
    assertThat(direct).hasSize(1);
    JsonNode l = Lines.conforming(direct.get(0));
    assertThat(l.get("msg").asString()).isEqualTo("live line");
    assertThat(l.get("who").asString()).isEqualTo("live-thread");
  }

  @Test
  void onlyTheAsyncAppendersWorkerIsOne() throws Exception {
    Map<String, Boolean> seen = new ConcurrentHashMap<>();
    AppenderBase<ILoggingEvent> probe =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent e) {
            seen.put(e.getFormattedMessage(), ConventionsEncoder.isAsyncWorker());
          }
        };
    probe.setContext(context);
    probe.start();
    AsyncAppender async = async(probe);
    Logger viaAsync = logger("via.async", async);
    Logger live = context.getLogger("live");
    live.setAdditive(false);
    live.addAppender(probe);

    runOn(WORKER_NAME, () -> viaAsync.info("deferred, same name as the worker"));
    runOn(WORKER_NAME, () -> live.info("live, same name as the worker"));
    runOn("", () -> live.info("live, no name")); // Logback calls it unnamed-<id>
    live.info("live, test thread");
    async.stop();

    assertThat(seen)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "deferred, same name as the worker", true,
                "live, same name as the worker", false,
                "live, no name", false,
                "live, test thread", false));
  }

  /** An output whose writes wait until it is opened. */
  private static final class GatedStream extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CountDownLatch open = new CountDownLatch(1);

    void open() {
      open.countDown();
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      // Stopping the appender interrupts its worker, which must still write what it holds.
      boolean interrupted = false;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (open.getCount() > 0 && System.nanoTime() < deadline) {
        try {
          open.await(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      synchronized (bytes) {
        bytes.write(b, off, len);
      }
    }
  }
}
