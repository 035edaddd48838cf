package io.logconv.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Configures the real Logback context from a {@code logback.xml} on the test classpath and
 * captures what its console appenders write to stdout.
 */
final class LogbackHarness implements AutoCloseable {
  final LoggerContext context;
  private final PrintStream originalOut;
  private final OutputStream sink;
  private boolean closed;

  private LogbackHarness(String resource, OutputStream sink) {
    this.sink = sink;
    this.originalOut = System.out;
    System.setOut(new PrintStream(sink, false, StandardCharsets.UTF_8));
    context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    context.getStatusManager().clear();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL url = LogbackHarness.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("no resource " + resource);
    }
    try {
      configurator.doConfigure(url);
      context.start();
    } catch (JoranException e) {
      throw new IllegalStateException(e);
    }
  }

  static LogbackHarness capture(String resource) {
    return new LogbackHarness(resource, new ByteArrayOutputStream());
  }

  static LogbackHarness to(String resource, OutputStream sink) {
    return new LogbackHarness(resource, sink);
  }

  /** Stops the context (draining async appenders) and returns every line written. */
  List<String> lines() {
    close();
    String all = ((ByteArrayOutputStream) sink).toString(StandardCharsets.UTF_8);
    if (all.isEmpty()) {
      return List.of();
    }
    if (!all.endsWith("\n")) {
      throw new AssertionError("output does not end with a newline: " + all);
    }
    return Arrays.asList(all.substring(0, all.length() - 1).split("\n", -1));
  }

  List<String> statusMessages() {
    return context.getStatusManager().getCopyOfStatusList().stream()
        .map(Status::getMessage)
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    context.stop();
    System.out.flush();
    System.setOut(originalOut);
  }
}
