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
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * With logstash-logback-encoder on the class path (as it is here), an event that carries none of
 * its arguments or markers still costs no garbage: arguments of all kinds, a plain marker, a plain
 * marker with a reference. Measured as {@link AllocationTest} measures.
 */
class LogstashAllocationTest {
  private final LoggerContext context = new LoggerContext();


  private LoggingEvent event(Marker marker) {
    Logger logger = context.getLogger("controllers.Component");
    LoggingEvent e =
        new LoggingEvent(
            Logger.FQCN, logger, Level.INFO, "reconciled {} in {} ms ({})", null,
            new Object[] {"go-net-http-hello-prqx", 87, true});
    Map<String, String> mdc = new HashMap<>();
    mdc.put("request_id", "req-7f3a9c");
    e.setMDCPropertyMap(mdc);
    e.addKeyValuePair(new KeyValuePair("namespace", "samburrai-tenant"));
    e.addKeyValuePair(new KeyValuePair("action", "UPDATE"));
    e.addMarker(marker);
    e.getThreadName();
    return e;
  }

  private long bytesPerRound(LoggingEvent e) {
    assertThat(LogstashFields.PRESENT).isTrue();
    ConventionsEncoder enc = new ConventionsEncoder();
    enc.setContext(context);
    enc.start();
    OutputStream sink = OutputStream.nullOutputStream();
    return Allocations.steadyStateBytes(
        () -> {
          try {
            enc.encode(e, sink);
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          }
        });
  }

  @Test
  void plainArgumentsAndAPlainMarkerAllocateNothing() {
    assertThat(bytesPerRound(event(MarkerFactory.getDetachedMarker(ConventionsEncoder.AUDIT_MARKER_NAME))))
        .isZero();
  }

  @Test
  void aPlainMarkerWithAReferenceAllocatesNothing() {
    Marker audit = MarkerFactory.getDetachedMarker(ConventionsEncoder.AUDIT_MARKER_NAME);
    audit.add(MarkerFactory.getDetachedMarker("SECURITY"));
    assertThat(bytesPerRound(event(audit))).isZero();
  }
}
