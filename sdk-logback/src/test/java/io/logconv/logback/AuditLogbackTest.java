package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import io.logconv.core.api.AuditEvent;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Audit events in a real {@code logback.xml}: {@link AuditEvent#of} logs to the {@code audit}
 * logger, which the configuration sends to its own appender with its own policy ({@code
 * <auditRule>}, {@code <auditLevel>}), or a policy file ({@code <auditPolicy>}); a policy that is
 * not valid is reported and the events are written at {@code Metadata}.
 */
class AuditLogbackTest {
  private static final String HASH_KEY = "logback-audit-test-hash-key-0123456789";

  private static String hash(String actor) {
    return SecretRedactor.builder().hashKey(HASH_KEY).build().pseudonym(actor, new StringBuilder()).toString();
  }

  private static List<String> split(ByteArrayOutputStream out) {
    String all = out.toString(StandardCharsets.UTF_8);
    return all.isEmpty() ? List.of() : List.of(all.split("\n"));
  }

  @Test
  void auditEventsGoToTheirOwnAppenderAndFollowItsRules() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    List<String> app;
    AtomicInteger calls = new AtomicInteger();
    try {
      LogbackHarness h = LogbackHarness.capture("logback-audit.xml");
      LoggerFactory.getLogger("orders.Service").info("order placed");
      AuditEvent.of(Action.VIEW)
          .actor("system:serviceaccount:kube-system:hpa")
          .resource("payments", "Deployment", "checkout")
          .apiGroup("apps")
          .log("read");
      AuditEvent.of(Action.UPDATE)
          .actor("jane.doe")
          .resource("payments", "Deployment", "checkout")
          .apiGroup("apps")
          .outcome(Outcome.ALLOWED)
          .statusCode(200)
          .request(() -> Map.of("replicas", 5))
          .response(() -> Map.of("replicas", 5, "ready", 3))
          .log("scaled");
      AuditEvent.of(Action.UPDATE)
          .actor("jane.doe")
          .resource("payments", "Secret", "db-credentials")
          .outcome(Outcome.DENIED)
          .statusCode(403)
          .request(
              () -> {
                calls.incrementAndGet();
                return Map.of("data", Map.of("password", "aHVudGVyMg=="));
              })
          .log("secret update denied");
      AuditEvent.of(Action.DELETE).actor("jane.doe").level(AuditLevel.REQUEST).log("deleted");
      app = h.lines();
    } finally {
      System.setErr(originalErr);
    }
    assertThat(app).hasSize(1);
    assertThat(Lines.conforming(app.get(0)).get("msg").asString()).isEqualTo("order placed");

    List<String> audit = split(err);
    assertThat(audit).hasSize(3);
    audit.forEach(Lines::conforming);
    String actor = hash("jane.doe");
    assertThat(audit.get(0))
        .endsWith(
            "\"level\":\"info\",\"logger\":\"audit\",\"msg\":\"scaled\",\"action\":\"UPDATE\","
                + "\"audit\":true,\"namespace\":\"payments\",\"controllerKind\":\"Deployment\","
                + "\"name\":\"checkout\",\"apiGroup\":\"apps\",\"actor\":\"" + actor + "\","
                + "\"outcome\":\"allowed\",\"statusCode\":200,\"auditLevel\":\"RequestResponse\","
                + "\"requestObject\":{\"replicas\":5},\"responseObject\":"
                + Lines.MAPPER.writeValueAsString(Map.of("replicas", 5, "ready", 3)) + "}");
    assertThat(audit.get(1))
        .contains("\"level\":\"warn\",\"logger\":\"audit\",\"msg\":\"secret update denied\"")
        .endsWith(
            "\"outcome\":\"denied\",\"statusCode\":403,\"auditLevel\":\"RequestResponse\","
                + "\"requestObject\":\"[OMITTED:Secret]\"}")
        .doesNotContain("aHVudGVyMg");
    assertThat(calls).hasValue(0);
    assertThat(audit.get(2))
        .endsWith("\"msg\":\"deleted\",\"action\":\"DELETE\",\"audit\":true,\"actor\":\"" + actor
            + "\",\"auditLevel\":\"Request\"}");
  }

  @Test
  void aPolicyFileIsReadAtStart() {
    LogbackHarness h = LogbackHarness.capture("logback-audit-file.xml");
    AuditEvent.of(Action.VIEW).actor("system:serviceaccount:kube-system:hpa").log("read");
    AuditEvent.of(Action.UPDATE)
        .resource("payments", "StatefulSet", "ledger")
        .apiGroup("apps")
        .request(() -> Map.of("replicas", 2))
        .response(() -> "accepted")
        .log("scaled");
    AuditEvent.of(Action.VIEW)
        .resource("payments", "Component", "ui")
        .request(() -> "GET")
        .response(() -> "a body")
        .log("read");
    AuditEvent.of(Action.VIEW).resource("shop", "Component", "ui").request(() -> "GET").log("read");
    List<String> lines = h.lines();
    assertThat(lines).hasSize(3);
    JsonNode scaled = Lines.conforming(lines.get(0));
    assertThat(scaled.get("auditLevel").asString()).isEqualTo("RequestResponse");
    assertThat(scaled.get("responseObject").asString()).isEqualTo("accepted");
    JsonNode read = Lines.conforming(lines.get(1));
    assertThat(read.get("auditLevel").asString()).isEqualTo("Request");
    assertThat(read.get("requestObject").asString()).isEqualTo("GET");
    assertThat(read.has("responseObject")).isFalse();
    JsonNode other = Lines.conforming(lines.get(2));
    assertThat(other.get("auditLevel").asString()).isEqualTo("Metadata");
    assertThat(other.has("requestObject")).isFalse();
  }

  @Test
  void anInvalidPolicyIsReportedAndEventsAreWrittenAtMetadata() {
    LogbackHarness h = LogbackHarness.capture("logback-audit-invalid.xml");
    AuditEvent.of(Action.UPDATE).resource("ns", "Deployment", "web").request(() -> "body").log("m");
    List<String> status = h.statusMessages();
    List<String> lines = h.lines();
    assertThat(lines).hasSize(2);
    JsonNode warning = Lines.conforming(lines.get(0));
    assertThat(warning.get("logger").asString()).isEqualTo(ConventionsEncoder.WARNING_LOGGER);
    assertThat(warning.get("msg").asString())
        .startsWith("the audit policy is not valid, so every audit event is written at Metadata")
        .contains("PATCH");
    assertThat(status)
        .anySatisfy(s -> assertThat(s).startsWith("logconv: the audit policy is not valid").contains("PATCH"));
    JsonNode event = Lines.conforming(lines.get(1));
    assertThat(event.get("auditLevel").asString()).isEqualTo("Metadata");
    assertThat(event.has("requestObject")).isFalse();
  }
}
