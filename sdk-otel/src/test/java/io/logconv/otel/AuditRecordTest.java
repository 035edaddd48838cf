package io.logconv.otel;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import io.logconv.core.audit.AuditPayload;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Audit events as log records: the appender's audit policy decides as the line's does (no record at
 * {@code None}, {@code auditLevel} on the others), the actor is its keyed hash, and a payload is
 * never exported nor computed.
 */
class AuditRecordTest {
  private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
  private OtelFixture otel;

  @AfterEach
  void tearDown() {
    otel.close();
  }

  @Test
  void thePolicyDecidesTheActorIsHashedAndPayloadsStayHome() {
    otel = new OtelFixture(exporter, new Secrets());
    otel.appender.addAuditRule("level=None; actions=VIEW");
    otel.appender.setAuditLevel("Request");
    otel.start();
    Logger log = otel.logger("audit");
    AtomicInteger calls = new AtomicInteger();
    log.atInfo()
        .addKeyValue("action", Action.VIEW)
        .addKeyValue("audit", true)
        .addKeyValue("actor", "jane.doe")
        .log("read");
    log.atInfo()
        .addKeyValue("action", Action.UPDATE)
        .addKeyValue("audit", true)
        .addKeyValue("controllerKind", "Deployment")
        .addKeyValue("actor", "jane.doe")
        .addKeyValue("statusCode", "200")
        .addKeyValue("auditLevel", AuditLevel.REQUEST_RESPONSE)
        .addKeyValue(
            "requestObject",
            AuditPayload.of(
                () -> {
                  calls.incrementAndGet();
                  return "body";
                }))
        .log("scaled");
    log.atInfo().addKeyValue("action", Action.ADD).addKeyValue("audit", true).log("added");
    List<LogRecordData> records = exporter.getFinishedLogRecordItems();
    assertThat(records).hasSize(2);
    assertThat(records.get(1).getAttributes().get(AttributeKey.stringKey("auditLevel")))
        .as("the appender's default level")
        .isEqualTo("Request");
    Attributes a = records.get(0).getAttributes();
    // No rule matches: the level the event asks for, as on the line.
    assertThat(a.get(AttributeKey.stringKey("auditLevel"))).isEqualTo("RequestResponse");
    // This fixture's redactor (Secrets) has no keyed hash: the actor is hidden whole.
    assertThat(a.get(AttributeKey.stringKey("actor"))).isEqualTo("[REDACTED:actor]");
    assertThat(a.get(AttributeKey.longKey("statusCode"))).isEqualTo(200L);
    assertThat(a.get(AttributeKey.stringKey("requestObject"))).isNull();
    assertThat(a.asMap().keySet()).noneMatch(k -> k.getKey().contains("requestObject"));
    assertThat(calls).hasValue(0);
  }
}
