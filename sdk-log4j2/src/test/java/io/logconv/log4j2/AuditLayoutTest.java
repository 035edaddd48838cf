package io.logconv.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import io.logconv.core.audit.AuditPayload;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.MapMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Audit events through {@code <ConventionsLayout>}: the policy from the layout's attributes ({@code
 * auditRules}, {@code auditLevel}, {@code auditPayloadLimit}) or a file ({@code auditPolicy}), on
 * the {@code audit} logger's own appender; a policy that cannot be read is reported and events are
 * written at {@code Metadata}.
 */
class AuditLayoutTest {
  private static MapMessage<?, Object> audit(Action action, String kind, Object... more) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", "changed");
    m.put("action", action);
    m.put("audit", true);
    m.put("namespace", "payments");
    m.put("controllerKind", kind);
    m.put("name", "checkout");
    m.put("apiGroup", "apps");
    for (int i = 0; i < more.length; i += 2) {
      m.put((String) more[i], more[i + 1]);
    }
    return new MapMessage<>(m);
  }

  @Test
  void theAuditLoggersAppenderAppliesItsRules() {
    Log4jHarness h = Log4jHarness.capture("log4j2-audit.xml");
    Logger audit = h.logger("audit");
    AtomicInteger calls = new AtomicInteger();
    h.logger("orders.Service").info("order placed");
    audit.info(audit(Action.VIEW, "Deployment", "requestObject", AuditPayload.of(() -> "GET")));
    audit.info(
        audit(
            Action.UPDATE,
            "Deployment",
            "actor",
            "jane.doe",
            "outcome",
            Outcome.ALLOWED,
            "statusCode",
            200,
            "requestObject",
            AuditPayload.of(() -> Map.of("replicas", 5)),
            "responseObject",
            AuditPayload.of(() -> "x".repeat(300))));
    audit.warn(
        audit(
            Action.UPDATE,
            "Secret",
            "auditLevel",
            AuditLevel.REQUEST_RESPONSE,
            "requestObject",
            AuditPayload.of(
                () -> {
                  calls.incrementAndGet();
                  return Map.of("password", "hunter2");
                })));
    List<String> lines = h.lines();
    assertThat(lines).hasSize(3);
    lines.forEach(Lines::conforming);
    assertThat(lines.get(0)).contains("\"logger\":\"orders.Service\",\"msg\":\"order placed\"}");
    String actor =
        SecretRedactor.builder()
            .hashKey("log4j2-audit-test-hash-key-0123456789")
            .build()
            .pseudonym("jane.doe", new StringBuilder())
            .toString();
    assertThat(lines.get(1))
        .endsWith(
            "\"logger\":\"audit\",\"msg\":\"changed\",\"action\":\"UPDATE\",\"audit\":true,"
                + "\"namespace\":\"payments\",\"controllerKind\":\"Deployment\",\"name\":\"checkout\","
                + "\"apiGroup\":\"apps\",\"actor\":\"" + actor + "\",\"outcome\":\"allowed\","
                + "\"statusCode\":200,\"auditLevel\":\"RequestResponse\","
                + "\"requestObject\":{\"replicas\":5},"
                + "\"responseObject\":\"[OMITTED:over 256 bytes]\"}");
    assertThat(lines.get(2))
        .contains("\"level\":\"warn\"")
        .endsWith(",\"auditLevel\":\"RequestResponse\",\"requestObject\":\"[OMITTED:Secret]\"}");
    assertThat(calls).hasValue(0);
  }

  @Test
  void aPolicyFileIsReadWhenTheLayoutIsBuilt() {
    Log4jHarness h = Log4jHarness.capture("log4j2-audit-file.xml");
    Logger log = h.logger("audit");
    log.info(audit(Action.UPDATE, "StatefulSet", "requestObject", AuditPayload.of(() -> "r"),
        "responseObject", AuditPayload.of(() -> "s")));
    log.info(audit(Action.VIEW, "Component", "requestObject", AuditPayload.of(() -> "GET")));
    List<JsonNode> lines = h.lines().stream().map(Lines::conforming).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("auditLevel").asString()).isEqualTo("RequestResponse");
    assertThat(lines.get(0).get("responseObject").asString()).isEqualTo("s");
    assertThat(lines.get(1).get("auditLevel").asString()).isEqualTo("Request");
    assertThat(lines.get(1).get("requestObject").asString()).isEqualTo("GET");
  }

  @Test
  void aPolicyThatCannotBeReadIsReportedAndEventsAreWrittenAtMetadata() {
    Log4jHarness h = Log4jHarness.capture("log4j2-audit-invalid.xml");
    h.logger("audit").info(audit(Action.UPDATE, "Deployment", "auditLevel", "Request",
        "requestObject", AuditPayload.of(() -> "body")));
    List<String> status = h.statusMessages();
    List<JsonNode> lines = h.lines().stream().map(Lines::conforming).toList();
    assertThat(status)
        .anySatisfy(
            s -> assertThat(s)
                .startsWith("ERROR logconv: the audit policy is not valid")
                .contains("classpath:no-such-policy.yaml: not found on the classpath"));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("logger").asString()).isEqualTo(ConventionsLayout.WARNING_LOGGER);
    // Whatever level the event asks for: no payload is written under a policy gone wrong.
    assertThat(lines.get(1).get("auditLevel").asString()).isEqualTo("Metadata");
    assertThat(lines.get(1).has("requestObject")).isFalse();
  }
}
