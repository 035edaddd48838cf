package io.logconv.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * Encodes an event in a class loader that has no logstash-logback-encoder (see {@link
 * LogstashAbsentTest}); returns what it saw, one item a line.
 */
public final class WithoutLogstashProbe implements Supplier<String> {
  @Override
  public String get() {
    StringBuilder out = new StringBuilder();
    try {
      Class.forName("net.logstash.logback.marker.Markers", false, getClass().getClassLoader());
      out.append("logstash-logback-encoder visible\n");
    } catch (ClassNotFoundException expected) {
      out.append("logstash-logback-encoder absent\n");
    }
    out.append("present=").append(LogstashFields.PRESENT).append('\n');
    LoggerContext context = new LoggerContext();
    ConventionsEncoder encoder = new ConventionsEncoder();
    encoder.setContext(context);
    encoder.start();
    Logger logger = context.getLogger("orders.Reconciler");
    LoggingEvent e =
        new LoggingEvent(
            Logger.FQCN, logger, Level.INFO, "reconciled {} in {} ms", null, new Object[] {"web-1", 87});
    e.setTimeStamp(1678188749167L);
    e.setMDCPropertyMap(Map.of("request_id", "req-1"));
    e.addKeyValuePair(new KeyValuePair("action", "UPDATE"));
    Marker audit = MarkerFactory.getDetachedMarker(ConventionsEncoder.AUDIT_MARKER_NAME);
    audit.add(MarkerFactory.getDetachedMarker("NESTED"));
    e.addMarker(audit);
    out.append(encoder.encodeToString(e));
    return out.toString();
  }
}
