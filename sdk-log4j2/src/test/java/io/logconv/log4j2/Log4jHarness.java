package io.logconv.log4j2;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * A real Log4j2 logger context configured from a file on the test class path (XML, properties or
 * YAML, by its extension), capturing what its console appenders write to stdout and what Log4j2's
 * status logger is told.
 */
final class Log4jHarness implements AutoCloseable {
  private static int contexts;

  final LoggerContext context;
  private final PrintStream originalOut;
  private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
  private final List<String> status = new ArrayList<>();
  private final StatusListener statusListener =
      new StatusListener() {
        @Override
        public void log(StatusData data) {
          synchronized (status) {
            status.add(data.getLevel() + " " + data.getMessage().getFormattedMessage());
          }
        }

        @Override
        public org.apache.logging.log4j.Level getStatusLevel() {
          return org.apache.logging.log4j.Level.WARN;
        }

        @Override
        public void close() {}
      };
  private boolean closed;

  private Log4jHarness(String resource) {
    URL url = Log4jHarness.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("no resource " + resource);
    }
    originalOut = System.out;
    System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
    StatusLogger.getLogger().registerListener(statusListener);
    try {
      context = new LoggerContext("logconv-test-" + next(), null, url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    context.start();
  }

  private static synchronized int next() {
    return ++contexts;
  }

  static Log4jHarness capture(String resource) {
    return new Log4jHarness(resource);
  }

  Logger logger(String name) {
    return context.getLogger(name);
  }

  /** Stops the context (draining async appenders and loggers) and returns every line written. */
  List<String> lines() {
    close();
    String all = sink.toString(StandardCharsets.UTF_8);
    if (all.isEmpty()) {
      return List.of();
    }
    if (!all.endsWith("\n")) {
      throw new AssertionError("output does not end with a newline: " + all);
    }
    return Arrays.asList(all.substring(0, all.length() - 1).split("\n", -1));
  }

  /** What the status logger was told at warn or above while the context lived. */
  List<String> statusMessages() {
    synchronized (status) {
      return List.copyOf(status);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      context.stop(30, TimeUnit.SECONDS);
    } finally {
      System.out.flush();
      System.setOut(originalOut);
      StatusLogger.getLogger().removeListener(statusListener);
    }
  }
}
