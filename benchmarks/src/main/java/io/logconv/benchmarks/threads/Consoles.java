package io.logconv.benchmarks.threads;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.logconv.logback.ConventionsConsoleAppender;
import io.logconv.logback.ConventionsEncoder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The two console set-ups the virtual-thread figures compare, each in a Logback context of its own
 * writing to stdout, which is replaced by a stream that discards: logconv's {@link
 * ConventionsConsoleAppender} with {@link ConventionsEncoder} (redaction on, as shipped), and
 * Logback's {@link ConsoleAppender} with a {@link PatternLayoutEncoder} whose pattern writes what
 * the JSON line carries. Both flush each line, as Logback's console appender does by default.
 */
final class Consoles {
  static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger - %kvp %msg%n";

  private Consoles() {}

  /** A started context whose root logger writes through {@code encoder} ("logconv" or "pattern"). */
  static LoggerContext start(String encoder) {
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), false));
    LoggerContext context = new LoggerContext();
    context.setName(encoder);
    ConsoleAppender<ILoggingEvent> appender;
    switch (encoder) {
      case "logconv" -> {
        ConventionsEncoder e = new ConventionsEncoder();
        e.setContext(context);
        e.start();
        appender = new ConventionsConsoleAppender();
        appender.setEncoder(e);
      }
      case "pattern" -> {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(context);
        e.setPattern(PATTERN);
        e.start();
        appender = new ConsoleAppender<>();
        appender.setEncoder(e);
      }
      default -> throw new IllegalArgumentException("no encoder " + encoder);
    }
    appender.setContext(context);
    appender.setName("STDOUT");
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    context.start();
    return context;
  }

  /** One event as a controller logs it: a message with two arguments and four key/values. */
  static void logOne(Logger log, int thread, int seq) {
    log.atInfo()
        .addKeyValue("namespace", "team-a")
        .addKeyValue("controllerKind", "Deployment")
        .addKeyValue("name", "web-" + thread)
        .addKeyValue("seq", seq)
        .log("reconciled {} in {} ms", thread, seq);
  }

  /** A virtual-thread-per-task executor (Java 21+), reached by reflection from code for 17. */
  static ExecutorService virtualThreads() {
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("virtual threads need Java 21 or later", e);
    }
  }

  static void awaitAll(ExecutorService ex) {
    ex.shutdown();
    try {
      if (!ex.awaitTermination(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("threads still running after 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
