package io.logconv.logback;

import io.logconv.core.Allocations;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * The reference event (one argument, 2 MDC entries, namespace, name, controllerKind, action=UPDATE,
 * audit=true; redaction on) costs no garbage on the streaming path and only the returned array on
 * {@code encode(event)}. Measured with the thread's allocated-bytes counter over 10,000 events.
 */
class AllocationTest {
  private final LoggerContext context = new LoggerContext();

  private LoggingEvent referenceEvent() {
    Logger logger = context.getLogger("controllers.Component");
    LoggingEvent e =
        new LoggingEvent(Logger.FQCN, logger, Level.INFO, "reconciled {}", null, new Object[] {"go-net-http-hello-prqx"});
    Map<String, String> mdc = new HashMap<>();
    mdc.put("request_id", "req-7f3a9c");
    mdc.put("tenant", "team-a");
    e.setMDCPropertyMap(mdc);
    e.addKeyValuePair(new KeyValuePair("namespace", "samburrai-tenant"));
    e.addKeyValuePair(new KeyValuePair("name", "go-net-http-hello-prqx"));
    e.addKeyValuePair(new KeyValuePair("controllerKind", "Component"));
    e.addKeyValuePair(new KeyValuePair("action", "UPDATE"));
    e.addKeyValuePair(new KeyValuePair("audit", true));
    e.getThreadName();
    return e;
  }

  private ConventionsEncoder encoder() {
    ConventionsEncoder enc = new ConventionsEncoder();
    enc.setContext(context);
    enc.start();
    return enc;
  }


  @Test
  void streamingEncodeAllocatesNothing() {
    ConventionsEncoder enc = encoder();
    LoggingEvent e = referenceEvent();
    OutputStream sink = OutputStream.nullOutputStream();
    long bytes =
        Allocations.steadyStateBytes(
            () -> {
              try {
                enc.encode(e, sink);
              } catch (IOException ex) {
                throw new UncheckedIOException(ex);
              }
            });
    assertThat(bytes).isZero();
  }

  @Test
  void encodeAllocatesOnlyTheReturnedArray() {
    ConventionsEncoder enc = encoder();
    LoggingEvent e = referenceEvent();
    int length = enc.encode(e).length;
    long arrayBytes = 16 + ((length + 7) / 8) * 8L; // header + payload, 8-byte aligned
    long bytes = Allocations.steadyStateBytes(() -> enc.encode(e));
    assertThat(bytes).isLessThanOrEqualTo(10_000 * arrayBytes);
  }

  @Test
  void consoleAppenderAllocatesNothingPerEvent() {
    ConventionsConsoleAppender appender = new ConventionsConsoleAppender();
    appender.setContext(context);
    appender.setEncoder(encoder());
    appender.start();
    appender.setOutputStream(OutputStream.nullOutputStream());
    LoggingEvent e = referenceEvent();
    long bytes = Allocations.steadyStateBytes(() -> appender.doAppend(e));
    assertThat(bytes).isZero();
  }
}
