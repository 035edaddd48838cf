package io.logconv.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.EventWriter;
import io.logconv.core.LineFormat;
import io.logconv.core.StatusListener;
import io.logconv.core.audit.AuditPayload;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Level;
import io.logconv.schema.Outcome;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.LoggingEvent;

class AuditEventTest {
  private static final SecretRedactor REDACTOR =
      SecretRedactor.builder().hashKey("audit-event-test-hash-key-0123456789").build();

  private final ConventionsEventTest.CapturingLogger log = new ConventionsEventTest.CapturingLogger();

  private static String write(LoggingEvent e) {
    EventWriter w =
        LineFormat.builder()
            .redactor(REDACTOR)
            .statusListener(StatusListener.IGNORE)
            .build()
            .newWriter();
    Object[] args = e.getArgumentArray();
    w.begin(1678188749020L, Level.valueOf(e.getLevel().name()), e.getLoggerName())
        .message(e.getMessage(), args, args == null ? 0 : args.length);
    for (KeyValuePair kv : e.getKeyValuePairs()) {
      w.field(kv.key, kv.value);
    }
    w.throwable(e.getThrowable());
    return w.end().toString();
  }

  @Test
  void theFieldsTravelAsKeyValuesInTheContractsOrderAndThePayloadsUncalled() {
    AtomicInteger calls = new AtomicInteger();
    AuditEvent.on(log.atInfo(), Action.UPDATE)
        .actor("jane.doe")
        .resource("payments", "Deployment", "checkout")
        .apiGroup("apps")
        .outcome(Outcome.ALLOWED)
        .statusCode(200)
        .level(AuditLevel.REQUEST)
        .kv("replicas", 3)
        .request(
            () -> {
              calls.incrementAndGet();
              return Map.of("replicas", 3);
            })
        .log("deployment {} scaled", "checkout");
    LoggingEvent e = log.events.get(0);
    assertThat(e.getKeyValuePairs())
        .extracting(kv -> kv.key)
        .containsExactly(
            "action", "audit", "namespace", "controllerKind", "name", "apiGroup", "actor",
            "outcome", "statusCode", "auditLevel", "replicas", "requestObject");
    assertThat(e.getKeyValuePairs().get(11).value).isInstanceOf(AuditPayload.class);
    assertThat(calls).as("not called by the API").hasValue(0);
    String actor = REDACTOR.pseudonym("jane.doe", new StringBuilder()).toString();
    assertThat(write(e))
        .isEqualTo(
            "{\"ts\":\"2023-03-07T11:32:29.020Z\",\"level\":\"info\",\"logger\":\"controllers.Component\","
                + "\"msg\":\"deployment checkout scaled\",\"action\":\"UPDATE\",\"audit\":true,"
                + "\"namespace\":\"payments\",\"controllerKind\":\"Deployment\",\"name\":\"checkout\","
                + "\"apiGroup\":\"apps\",\"actor\":\"" + actor + "\",\"outcome\":\"allowed\","
                + "\"statusCode\":200,\"auditLevel\":\"Request\",\"replicas\":3,"
                + "\"requestObject\":{\"replicas\":3}}\n");
    assertThat(calls).as("called once, by the writer").hasValue(1);
  }

  @Test
  void leftOutPartsAreNotSentAndManyExtraPairsAreKept() {
    AuditEvent e = AuditEvent.on(log.atWarn(), Action.DELETE);
    for (int i = 0; i < 10; i++) {
      e.kv("k" + i, i);
    }
    IllegalStateException boom = new IllegalStateException("boom");
    e.cause(boom).log("m");
    LoggingEvent got = log.events.get(0);
    assertThat(got.getKeyValuePairs())
        .extracting(kv -> kv.key)
        .containsExactly("action", "audit", "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9");
    assertThat(got.getThrowable()).isSameAs(boom);
  }

  @Test
  void aBackendThatIsNotLogconvSeesAMarkerForAPayload() {
    AuditEvent.on(log.atInfo(), Action.VIEW).response(() -> "the secret body").log("m");
    Object value = log.events.get(0).getKeyValuePairs().get(2).value;
    assertThat(value.toString()).isEqualTo("[OMITTED:not written by logconv]");
  }
}
