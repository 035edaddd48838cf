package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.audit.AuditPayload;
import io.logconv.core.audit.AuditPolicy;
import io.logconv.core.audit.AuditRule;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Level;
import io.logconv.schema.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Audit events through the writer, with exact lines: each level, the policy's rules, payloads of
 * {@code Secret} and {@code ConfigMap} never written, payload suppliers called only when their
 * level writes them, the payload limit, and the actor written as its keyed hash.
 */
class AuditWriterTest {
  private static final long TS = 1678188749167L;
  private static final String HEAD =
      "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"logger\":\"audit\",\"msg\":\"scaled\"";
  private static final SecretRedactor REDACTOR =
      SecretRedactor.builder().hashKey("audit-writer-test-hash-key-0123456789").build();

  private final List<String> problems = new ArrayList<>();
  private final AtomicInteger requestCalls = new AtomicInteger();
  private final AtomicInteger responseCalls = new AtomicInteger();

  private EventWriter writer(AuditPolicy policy) {
    return LineFormat.builder()
        .redactor(REDACTOR)
        .auditPolicy(policy)
        .statusListener((kind, message, cause) -> problems.add(message))
        .build()
        .newWriter();
  }

  private static String hashOf(String actor) {
    return REDACTOR.pseudonym(actor, new StringBuilder()).toString();
  }

  private Object requestBody() {
    requestCalls.incrementAndGet();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("replicas", 3);
    body.put("password", "hunter2");
    return body;
  }

  private Object responseBody() {
    responseCalls.incrementAndGet();
    return List.of("ok");
  }

  /** An audit event as AuditEvent hands it over, through the writer. */
  private String write(EventWriter w, String kind, AuditLevel requested) {
    w.begin(TS, Level.INFO, "audit")
        .message("scaled")
        .action(Action.UPDATE)
        .audit(true)
        .field("namespace", "payments")
        .field("controllerKind", kind)
        .field("name", "checkout")
        .field("apiGroup", "apps")
        .field("actor", "jane.doe")
        .field("outcome", Outcome.ALLOWED)
        .field("statusCode", 200L);
    if (requested != null) {
      w.field("auditLevel", requested);
    }
    w.field("requestObject", AuditPayload.of(this::requestBody))
        .field("responseObject", AuditPayload.of(this::responseBody));
    String line = w.end().toString();
    if (!line.isEmpty()) {
      Lines.conforming(line);
    }
    return line;
  }

  private String resource(String kind) {
    return ",\"action\":\"UPDATE\",\"audit\":true,\"namespace\":\"payments\",\"controllerKind\":\""
        + kind
        + "\",\"name\":\"checkout\",\"apiGroup\":\"apps\",\"actor\":\""
        + hashOf("jane.doe")
        + "\",\"outcome\":\"allowed\",\"statusCode\":200";
  }

  @Test
  void metadataIsTheDefaultAndWritesNoPayloadNorCallsItsSupplier() {
    String line = write(writer(AuditPolicy.DEFAULT), "Deployment", null);
    assertThat(line)
        .isEqualTo(HEAD + resource("Deployment") + ",\"auditLevel\":\"Metadata\"}\n");
    assertThat(requestCalls).hasValue(0);
    assertThat(responseCalls).hasValue(0);
    assertThat(hashOf("jane.doe")).matches("h:[0-9a-f]{12}").isNotEqualTo(hashOf("john.roe"));
  }

  @Test
  void noneWritesNothingAndCallsNoSupplier() {
    EventWriter w = writer(AuditPolicy.DEFAULT);
    assertThat(write(w, "Deployment", AuditLevel.NONE)).isEmpty();
    assertThat(requestCalls).hasValue(0);
    assertThat(responseCalls).hasValue(0);
    // The next event is written as usual.
    assertThat(write(w, "Deployment", null)).startsWith(HEAD);
  }

  @Test
  void requestWritesTheRequestRedactedButNotTheResponse() {
    String line = write(writer(AuditPolicy.DEFAULT), "Deployment", AuditLevel.REQUEST);
    assertThat(line)
        .isEqualTo(
            HEAD
                + resource("Deployment")
                + ",\"auditLevel\":\"Request\""
                + ",\"requestObject\":{\"replicas\":3,\"password\":\"[REDACTED:password]\"}}\n");
    assertThat(requestCalls).hasValue(1);
    assertThat(responseCalls).hasValue(0);
  }

  @Test
  void requestResponseWritesBoth() {
    String line = write(writer(AuditPolicy.DEFAULT), "Deployment", AuditLevel.REQUEST_RESPONSE);
    assertThat(line)
        .isEqualTo(
            HEAD
                + resource("Deployment")
                + ",\"auditLevel\":\"RequestResponse\""
                + ",\"requestObject\":{\"replicas\":3,\"password\":\"[REDACTED:password]\"}"
                + ",\"responseObject\":[\"ok\"]}\n");
    assertThat(requestCalls).hasValue(1);
    assertThat(responseCalls).hasValue(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Secret", "secrets", "SECRET", "ConfigMap", "configmaps"})
  void payloadsOfSecretsAndConfigMapsAreNeverWrittenNorComputed(String kind) {
    String line = write(writer(AuditPolicy.DEFAULT), kind, AuditLevel.REQUEST_RESPONSE);
    String marker = kind.toLowerCase(java.util.Locale.ROOT).startsWith("secret")
        ? "[OMITTED:Secret]"
        : "[OMITTED:ConfigMap]";
    assertThat(line)
        .isEqualTo(
            HEAD
                + resource(kind)
                + ",\"auditLevel\":\"RequestResponse\""
                + ",\"requestObject\":\"" + marker + "\""
                + ",\"responseObject\":\"" + marker + "\"}\n");
    assertThat(requestCalls).hasValue(0);
    assertThat(responseCalls).hasValue(0);
  }

  @Test
  void aKindThePolicyAddsIsOmittedToo() {
    AuditPolicy policy = AuditPolicy.builder().omitPayloadKind("SealedSecret").build();
    String line = write(writer(policy), "SealedSecret", AuditLevel.REQUEST);
    assertThat(line).contains(",\"requestObject\":\"[OMITTED:SealedSecret]\"}");
    assertThat(requestCalls).hasValue(0);
  }

  @Test
  void thePolicysFirstMatchingRuleWinsOverTheLevelTheEventAsksFor() {
    AuditPolicy policy =
        AuditPolicy.builder()
            .rule(AuditRule.builder().level(AuditLevel.NONE).actors("system:serviceaccount:*").build())
            .rule(
                AuditRule.builder()
                    .level(AuditLevel.REQUEST)
                    .actions(Action.UPDATE)
                    .resource("apps", "Deployment")
                    .build())
            .rule(AuditRule.builder().level(AuditLevel.REQUEST_RESPONSE).actions(Action.UPDATE).build())
            .build();
    EventWriter w = writer(policy);
    assertThat(write(w, "Deployment", AuditLevel.METADATA))
        .contains(",\"auditLevel\":\"Request\",\"requestObject\":")
        .doesNotContain("responseObject");
    assertThat(write(w, "StatefulSet", AuditLevel.METADATA))
        .contains(",\"auditLevel\":\"RequestResponse\",");
    // The rule matches the actor's name in clear; the line carries only its hash.
    String robot =
        w.begin(TS, Level.INFO, "audit")
            .message("scaled")
            .action(Action.UPDATE)
            .audit(true)
            .field("actor", "system:serviceaccount:kube-system:hpa")
            .end()
            .toString();
    assertThat(robot).isEmpty();
  }

  @Test
  void theLevelTheEventAsksForAppliesWhereNoRuleMatches() {
    AuditPolicy policy =
        AuditPolicy.builder()
            .defaultLevel(AuditLevel.REQUEST_RESPONSE)
            .rule(AuditRule.builder().level(AuditLevel.NONE).actions(Action.VIEW).build())
            .build();
    EventWriter w = writer(policy);
    assertThat(write(w, "Deployment", AuditLevel.REQUEST)).contains("\"auditLevel\":\"Request\"");
    assertThat(write(w, "Deployment", null)).contains("\"auditLevel\":\"RequestResponse\"");
  }

  @Test
  void aPayloadOverTheLimitIsOmittedWithTheLimitNamed() {
    AuditPolicy policy = AuditPolicy.builder().payloadLimitBytes(64).build();
    EventWriter w = writer(policy);
    String big = "x".repeat(200);
    String line =
        w.begin(TS, Level.INFO, "audit")
            .message("scaled")
            .action(Action.ADD)
            .audit(true)
            .field("auditLevel", AuditLevel.REQUEST)
            .field("requestObject", AuditPayload.of(() -> Map.of("spec", big)))
            .end()
            .toString();
    Lines.conforming(line);
    assertThat(line).endsWith(",\"requestObject\":\"[OMITTED:over 64 bytes]\"}\n");
    String small =
        w.begin(TS, Level.INFO, "audit")
            .message("scaled")
            .action(Action.ADD)
            .audit(true)
            .field("auditLevel", AuditLevel.REQUEST)
            .field("requestObject", AuditPayload.of(() -> Map.of("spec", "x".repeat(40))))
            .end()
            .toString();
    assertThat(small).contains("\"requestObject\":{\"spec\":\"" + "x".repeat(40) + "\"}");
  }

  @Test
  void aSupplierThatThrowsIsAMarkerAndTheEventIsStillWritten() {
    String line =
        writer(AuditPolicy.DEFAULT)
            .begin(TS, Level.INFO, "audit")
            .message("scaled")
            .action(Action.ADD)
            .audit(true)
            .field("auditLevel", "Request")
            .field(
                "requestObject",
                AuditPayload.of(
                    () -> {
                      throw new IllegalStateException("no body");
                    }))
            .end()
            .toString();
    assertThat(line).endsWith(",\"auditLevel\":\"Request\",\"requestObject\":\"[OMITTED:payload failed]\"}\n");
  }

  @Test
  void outsideAnAuditEventNoSupplierIsCalledAndASecretsPayloadIsStillNotWritten() {
    EventWriter w = writer(AuditPolicy.DEFAULT);
    String line =
        w.begin(TS, Level.INFO, "audit")
            .message("scaled")
            .field("auditLevel", AuditLevel.REQUEST)
            .field("requestObject", AuditPayload.of(this::requestBody))
            .field("responseObject", Map.of("k", "v"))
            .end()
            .toString();
    assertThat(line)
        .isEqualTo(HEAD + ",\"auditLevel\":\"Request\",\"responseObject\":{\"k\":\"v\"}}\n");
    assertThat(requestCalls).hasValue(0);
    String secret =
        w.begin(TS, Level.INFO, "audit")
            .message("scaled")
            .field("controllerKind", "Secret")
            .field("responseObject", Map.of("password", "hunter2", "data", "c2VjcmV0"))
            .end()
            .toString();
    assertThat(secret)
        .isEqualTo(
            HEAD + ",\"controllerKind\":\"Secret\",\"responseObject\":\"[OMITTED:Secret]\"}\n");
  }

  @Test
  void valuesOutsideTheContractMoveToAppKeys() {
    String line =
        writer(AuditPolicy.DEFAULT)
            .begin(TS, Level.INFO, "audit")
            .message("scaled")
            .action(Action.VIEW)
            .audit(true)
            .field("outcome", "success")
            .field("statusCode", "200 OK")
            .field("auditLevel", "Full")
            .end()
            .toString();
    Lines.conforming(line);
    assertThat(line)
        .isEqualTo(
            HEAD
                + ",\"action\":\"VIEW\",\"audit\":true,\"auditLevel\":\"Metadata\""
                + ",\"app_outcome\":\"success\",\"app_statusCode\":\"200 OK\",\"app_auditLevel\":\"Full\"}\n");
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("outcome", "one of allowed, denied, error"))
        .anySatisfy(p -> assertThat(p).contains("statusCode", "a JSON integer"))
        .anySatisfy(p -> assertThat(p).contains("auditLevel", "one of Metadata, Request, RequestResponse"));
    String parsed =
        writer(AuditPolicy.DEFAULT)
            .begin(TS, Level.INFO, "audit")
            .message("scaled")
            .action(Action.VIEW)
            .audit(true)
            .field("outcome", "denied")
            .field("statusCode", "403")
            .field("auditLevel", "Metadata")
            .end()
            .toString();
    assertThat(parsed)
        .isEqualTo(
            HEAD
                + ",\"action\":\"VIEW\",\"audit\":true,\"outcome\":\"denied\",\"statusCode\":403"
                + ",\"auditLevel\":\"Metadata\"}\n");
  }

  @Test
  void anActorAlreadyHashedIsKeptAndAnyActorValueIsHashed() {
    EventWriter w = writer(AuditPolicy.DEFAULT);
    String hashed = hashOf("jane.doe");
    assertThat(
            w.begin(TS, Level.INFO, "audit").message("scaled").field("actor", hashed).end().toString())
        .contains("\"actor\":\"" + hashed + "\"");
    assertThat(w.begin(TS, Level.INFO, "audit").message("scaled").field("actor", 42L).end().toString())
        .contains("\"actor\":\"" + hashOf("42") + "\"");
    // The same actor twice in a row, and then another: each line carries its own hash.
    for (String actor : List.of("jane.doe", "jane.doe", "john.roe", "jane.doe")) {
      assertThat(
              w.begin(TS, Level.INFO, "audit").message("scaled").field("actor", actor).end().toString())
          .contains("\"actor\":\"" + hashOf(actor) + "\"");
    }
  }

  @Test
  void theMetadataPathAllocatesNothing() {
    AuditPolicy policy =
        AuditPolicy.builder()
            .rule(AuditRule.builder().level(AuditLevel.NONE).actions(Action.VIEW).build())
            .rule(
                AuditRule.builder()
                    .level(AuditLevel.METADATA)
                    .resource("apps", "Deployment")
                    .namespaces("payments")
                    .build())
            .build();
    EventWriter w = writer(policy);
    long bytes =
        Allocations.steadyStateBytes(
            () ->
                w.begin(TS, Level.INFO, "audit")
                    .message("scaled")
                    .action(Action.UPDATE)
                    .audit(true)
                    .field("namespace", "payments")
                    .field("controllerKind", "Deployment")
                    .field("name", "checkout")
                    .field("apiGroup", "apps")
                    .field("actor", "jane.doe")
                    .field("outcome", Outcome.ALLOWED)
                    .field("statusCode", 200L)
                    .end());
    assertThat(bytes).isZero();
  }
}
