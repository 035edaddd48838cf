package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The appender keeps the application running when its output is closed or broken: events are
 * dropped and counted, the status says so once, nothing is thrown and nothing blocks.
 */
class ConventionsConsoleAppenderTest {
  private final LoggerContext context = new LoggerContext();
  private final PrintStream originalOut = System.out;

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    context.stop();
  }

  private ConventionsConsoleAppender appender(Encoder<ch.qos.logback.classic.spi.ILoggingEvent> encoder) {
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    encoder.setContext(context);
    encoder.start();
    ConventionsConsoleAppender a = new ConventionsConsoleAppender();
    a.setContext(context);
    a.setEncoder(encoder);
    a.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.setLevel(Level.INFO);
    root.addAppender(a);
    return a;
  }

  private static ConventionsEncoder conventions() {
    return new ConventionsEncoder();
  }

  private List<Status> appenderErrors(ConventionsConsoleAppender a) {
    List<Status> out = new ArrayList<>();
    for (Status s : context.getStatusManager().getCopyOfStatusList()) {
      if (s.getOrigin() == a && s.getLevel() == Status.ERROR) {
        out.add(s);
      }
    }
    return out;
  }

  /** Logs {@code n} events from four threads; returns when all are done. */
  private void logFromThreads(int n) throws InterruptedException {
    Logger log = context.getLogger("io.example.App");
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < n / 4; i++) {
          log.info("event {}", i);
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
  }

  @Test
  void aStreamThatThrowsDropsAndCountsEveryEvent() throws Exception {
    ConventionsConsoleAppender a = appender(conventions());
    a.setOutputStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("Broken pipe");
      }
    });
    assertThatCode(() -> logFromThreads(4_000)).doesNotThrowAnyException();
    assertThat(a.getDroppedEvents()).isEqualTo(4_000);
    assertThat(a.isStarted()).isTrue();
    List<Status> errors = appenderErrors(a);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getMessage()).contains("closed or broken").contains("getDroppedEvents");
    a.stop();
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .anyMatch(s -> s.getOrigin() == a && s.getMessage().startsWith("4000 events dropped"));
  }

  @Test
  void aRealBrokenPipeBehindSystemOutIsNoticedThoughPrintStreamHidesIt() throws Exception {
    Pipe pipe = Pipe.open();
    pipe.source().close(); // the reader is gone: every write gets EPIPE
    System.setOut(new PrintStream(Channels.newOutputStream(pipe.sink()), true, StandardCharsets.UTF_8));
    ConventionsConsoleAppender a = appender(conventions()); // target System.out, as configured by default
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> logFromThreads(1_000));
    assertThat(a.getDroppedEvents()).isEqualTo(1_000);
    assertThat(appenderErrors(a)).hasSize(1);
    pipe.sink().close();
  }

  @Test
  void otherEncodersAreCountedToo() throws Exception {
    PatternLayoutEncoder pattern = new PatternLayoutEncoder();
    pattern.setPattern("%msg%n");
    ConventionsConsoleAppender a = appender(pattern);
    a.setOutputStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Stream closed");
      }
    });
    logFromThreads(100);
    assertThat(a.getDroppedEvents()).isEqualTo(100);
    assertThat(appenderErrors(a)).hasSize(1);
  }

  @Test
  void aHealthyOutputDropsNothing() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
    ConventionsConsoleAppender a = appender(conventions());
    logFromThreads(400);
    assertThat(a.getDroppedEvents()).isZero();
    assertThat(appenderErrors(a)).isEmpty();
    assertThat(sink.toString(StandardCharsets.UTF_8).lines()).hasSize(400).allMatch(l -> l.startsWith("{"));
  }
}
