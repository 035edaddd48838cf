package io.logconv.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.core.ContractViolationException;
import io.logconv.core.EventWriter;
import io.logconv.core.LineFormat;
import io.logconv.core.StatusListener;
import io.logconv.schema.Action;
import io.logconv.schema.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.spi.LoggingEventAware;

class ConventionsEventTest {
  /** An SLF4J logger that keeps the events the fluent API hands it. */
  static final class CapturingLogger extends AbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;
    final transient List<LoggingEvent> events = new ArrayList<>();

    /** The lowest level this logger takes; below it, {@code atX()} hands out a no-op builder. */
    private final org.slf4j.event.Level threshold;

    CapturingLogger() {
      this(org.slf4j.event.Level.TRACE);
    }

    CapturingLogger(org.slf4j.event.Level threshold) {
      this.name = "controllers.Component";
      this.threshold = threshold;
    }

    private boolean takes(org.slf4j.event.Level level) {
      return level.toInt() >= threshold.toInt();
    }

    @Override
    public void log(LoggingEvent event) {
      events.add(event);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        org.slf4j.event.Level level, Marker marker, String msg, Object[] args, Throwable t) {
      throw new AssertionError("the fluent API should deliver LoggingEvents");
    }

    @Override
    public boolean isTraceEnabled() {
      return takes(org.slf4j.event.Level.TRACE);
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return takes(org.slf4j.event.Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return takes(org.slf4j.event.Level.DEBUG);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return takes(org.slf4j.event.Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return takes(org.slf4j.event.Level.INFO);
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return takes(org.slf4j.event.Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return takes(org.slf4j.event.Level.WARN);
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return takes(org.slf4j.event.Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return takes(org.slf4j.event.Level.ERROR);
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return takes(org.slf4j.event.Level.ERROR);
    }
  }

  private final CapturingLogger log = new CapturingLogger();

  /** Writes a captured SLF4J event the way a backend adapter does. */
  private static String write(LoggingEvent e) {
    EventWriter w =
        LineFormat.builder().statusListener(StatusListener.IGNORE).build().newWriter();
    Object[] args = e.getArgumentArray();
    int n = args == null ? 0 : args.length;
    w.begin(1678188749020L, Level.valueOf(e.getLevel().name()), e.getLoggerName())
        .message(e.getMessage(), args, n);
    for (KeyValuePair kv : e.getKeyValuePairs()) {
      w.field(kv.key, kv.value);
    }
    w.throwable(e.getThrowable());
    return w.end().toString();
  }

  @Test
  void auditEventCarriesActionAuditAndResourceAsKeyValues() {
    ConventionsEvent.on(log.atInfo())
        .resource("samburrai-tenant", "Component", "go-net-http-hello-prqx")
        .audit(Action.UPDATE)
        .log("API Resource updated");
    LoggingEvent e = log.events.get(0);
    assertThat(e.getKeyValuePairs())
        .extracting(kv -> kv.key + "=" + kv.value)
        .containsExactly(
            "namespace=samburrai-tenant",
            "controllerKind=Component",
            "name=go-net-http-hello-prqx",
            "action=UPDATE",
            "audit=true");
    assertThat(write(e))
        .isEqualTo(
            "{\"ts\":\"2023-03-07T11:32:29.020Z\",\"level\":\"info\",\"logger\":\"controllers.Component\","
                + "\"msg\":\"API Resource updated\",\"action\":\"UPDATE\",\"audit\":true,"
                + "\"namespace\":\"samburrai-tenant\",\"controllerKind\":\"Component\","
                + "\"name\":\"go-net-http-hello-prqx\",\"auditLevel\":\"Metadata\"}\n");
  }

  @Test
  void requestIdsArgumentsAndCause() {
    IllegalStateException boom = new IllegalStateException("boom");
    ConventionsEvent.on(log.atWarn())
        .requestId("req-1")
        .globalRequestId("req-global-9")
        .kv("attempt", 3)
        .cause(boom)
        .log("retrying {} after {} ms", "web-1", 250);
    LoggingEvent e = log.events.get(0);
    assertThat(e.getThrowable()).isSameAs(boom);
    String line = write(e);
    assertThat(line)
        .contains("\"msg\":\"retrying web-1 after 250 ms\"")
        .contains("\"request_id\":\"req-1\",\"global_request_id\":\"req-global-9\",\"attempt\":3")
        .contains("\"error\":\"java.lang.IllegalStateException: boom\"");
  }

  @Test
  void nullResourcePartsAreLeftOut() {
    ConventionsEvent.on(log.atInfo()).resource("ns", null, null).action(null).log("m");
    assertThat(log.events.get(0).getKeyValuePairs()).extracting(kv -> kv.key).containsExactly("namespace");
  }

  @Test
  void strictRejectsForbiddenAndTypedKeysButOnPassesThemOn() {
    assertThatThrownBy(() -> ConventionsEvent.strictOn(log.atInfo()).kv("pod_name", "x"))
        .isInstanceOf(ContractViolationException.class);
    assertThatThrownBy(() -> ConventionsEvent.strictOn(log.atInfo()).kv("namespace", "x"))
        .isInstanceOf(ContractViolationException.class)
        .hasMessageContaining("typed method");
    assertThatThrownBy(() -> ConventionsEvent.strictOn(log.atInfo()).kv("k8s:ns", "x"))
        .isInstanceOf(ContractViolationException.class);
    ConventionsEvent.on(log.atInfo()).kv("pod_name", "x").log("m");
    assertThat(write(log.events.get(0))).contains("\"app_pod_name\":\"x\"");
  }

  @Test
  void lazyMessage() {
    CapturingLogger infoAndAbove = new CapturingLogger(org.slf4j.event.Level.INFO);
    AtomicInteger calls = new AtomicInteger();
    Supplier<String> message =
        () -> {
          calls.incrementAndGet();
          return "computed";
        };

    ConventionsEvent.on(infoAndAbove.atDebug()).kv("attempt", 3).log(message);
    assertThat(calls).as("calls with the level off").hasValue(0);
    assertThat(infoAndAbove.events).isEmpty();

    ConventionsEvent.on(infoAndAbove.atInfo()).kv("attempt", 3).log(message);
    assertThat(calls).as("calls with the level on").hasValue(1);
    assertThat(infoAndAbove.events).singleElement().satisfies(e -> assertThat(e.getMessage()).isEqualTo("computed"));
    assertThat(write(infoAndAbove.events.get(0))).contains("\"msg\":\"computed\"");
    assertThat(calls).as("calls after the event was written").hasValue(1);
  }
}
