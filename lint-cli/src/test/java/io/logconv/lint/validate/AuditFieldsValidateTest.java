package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.validate.LineValidatorTest.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit fields on a line: a payload of a payload-free kind (LV018), an actor in clear (LV019),
 * a payload beyond the audit level (LV020), and the new types of the table (LV010): what the SDK
 * writes gives no finding, and each break gives exactly its finding.
 */
class AuditFieldsValidateTest {
  private static final String AUDIT =
      "{\"ts\":\"2026-01-01T00:00:00.000Z\",\"level\":\"info\",\"logger\":\"audit\",\"msg\":\"m\","
          + "\"action\":\"UPDATE\",\"audit\":true";

  private static List<Hit> check(String line) {
    return LineValidatorTest.check(line, SecretScanner.of(SecretRedactor.defaults()), null);
  }

  @Test
  void whatTheSdkWritesHasNoFinding() {
    assertThat(check(AUDIT + ",\"namespace\":\"ns\",\"controllerKind\":\"Secret\",\"name\":\"db\","
        + "\"actor\":\"h:0123456789ab\",\"outcome\":\"allowed\",\"statusCode\":200,"
        + "\"auditLevel\":\"RequestResponse\",\"requestObject\":\"[OMITTED:Secret]\","
        + "\"responseObject\":\"[OMITTED:Secret]\"}")).isEmpty();
    assertThat(check(AUDIT + ",\"namespace\":\"payments\",\"controllerKind\":\"Deployment\","
        + "\"name\":\"checkout\",\"apiGroup\":\"apps\",\"actor\":\"h:3f1c9a0b7d2e\","
        + "\"outcome\":\"denied\",\"statusCode\":403,\"auditLevel\":\"RequestResponse\","
        + "\"requestObject\":{\"spec\":{\"replicas\":3}},\"responseObject\":[1,2]}")).isEmpty();
    assertThat(check(AUDIT + ",\"actor\":\"h:3f1c9a0b7d2e\",\"outcome\":\"error\","
        + "\"auditLevel\":\"Metadata\"}")).isEmpty();
    assertThat(check(AUDIT + ",\"controllerKind\":\"Deployment\",\"auditLevel\":\"Request\","
        + "\"requestObject\":\"[OMITTED:over 4096 bytes]\"}")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Secret", "secrets", "CONFIGMAP", "configmaps"})
  void aPayloadOfAPayloadFreeKindIsAnError(String kind) {
    String canonical = kind.toLowerCase(java.util.Locale.ROOT).startsWith("secret") ? "Secret" : "ConfigMap";
    assertThat(check(AUDIT + ",\"controllerKind\":\"" + kind + "\",\"auditLevel\":\"RequestResponse\","
        + "\"requestObject\":{\"data\":{}},\"responseObject\":\"plain text\"}"))
        .containsExactly(
            new Hit("LV018", "requestObject holds the payload of a " + canonical + " (value not"
                + " shown): payloads of Secret and ConfigMap are never written; the SDK writes"
                + " [OMITTED:" + canonical + "] in its place"),
            new Hit("LV018", "responseObject holds the payload of a " + canonical + " (value not"
                + " shown): payloads of Secret and ConfigMap are never written; the SDK writes"
                + " [OMITTED:" + canonical + "] in its place"));
  }

  @Test
  void aSecretPayloadIsNotAlsoReportedForItsLevel() {
    assertThat(check(AUDIT + ",\"controllerKind\":\"Secret\",\"auditLevel\":\"Metadata\","
        + "\"requestObject\":[\"x\"]}"))
        .extracting(Hit::rule)
        .containsExactly("LV018");
  }

  @Test
  void payloadsOfOtherKindsOrOfNoAuditEventAreNotSecretPayloads() {
    assertThat(check(AUDIT + ",\"controllerKind\":\"SecretStore\",\"auditLevel\":\"Request\","
        + "\"requestObject\":{\"a\":1}}")).isEmpty();
    // Not an audit event: no audit level judged either, unless auditLevel says one.
    assertThat(check("{\"ts\":\"2026-01-01T00:00:00.000Z\",\"level\":\"info\",\"msg\":\"m\","
        + "\"controllerKind\":\"Secret\",\"requestObject\":{\"a\":1}}")).isEmpty();
  }

  @Test
  void anActorInClearIsAnError() {
    assertThat(check(AUDIT + ",\"actor\":\"jane.doe\"}"))
        .containsExactly(
            new Hit("LV019", "actor is written in clear (8 characters, not shown); write the"
                + " keyed hash of who acted, as the SDK does (AuditEvent.actor())"));
    assertThat(check(AUDIT + ",\"actor\":\"h:0123456789AB\"}")).extracting(Hit::rule).containsExactly("LV019");
    assertThat(check(AUDIT + ",\"actor\":\"h:0123456789abc\"}")).extracting(Hit::rule).containsExactly("LV019");
    assertThat(check(AUDIT + ",\"actor\":\"[REDACTED:user]\"}")).isEmpty();
    assertThat(check(AUDIT + ",\"actor\":\"h:0123456789ab\"}")).isEmpty();
  }

  @Test
  void anActorThatIsNoStringIsTheTypeChecks() {
    assertThat(check(AUDIT + ",\"actor\":42}"))
        .containsExactly(new Hit("LV010", "actor must be a string, not a number"));
  }

  @Test
  void aPayloadBeyondTheLevelIsAWarning() {
    assertThat(check(AUDIT + ",\"requestObject\":{\"a\":1}}"))
        .containsExactly(new Hit("LV020", "requestObject on an audit event without auditLevel, which"
            + " writes no request payload (from Request)"));
    assertThat(check(AUDIT + ",\"auditLevel\":\"Metadata\",\"requestObject\":\"text\","
        + "\"responseObject\":{}}"))
        .containsExactly(
            new Hit("LV020", "requestObject on auditLevel Metadata, which writes no request payload"
                + " (from Request)"),
            new Hit("LV020", "responseObject on auditLevel Metadata, which writes no response"
                + " payload (only RequestResponse)"));
    assertThat(check(AUDIT + ",\"auditLevel\":\"Request\",\"requestObject\":{},\"responseObject\":[]}"))
        .containsExactly(
            new Hit("LV020", "responseObject on auditLevel Request, which writes no response"
                + " payload (only RequestResponse)"));
    // A marker is no payload; an auditLevel outside the enum is LV010's alone.
    assertThat(check(AUDIT + ",\"auditLevel\":\"Metadata\",\"requestObject\":\"[OMITTED:Secret]\"}"))
        .isEmpty();
    assertThat(check(AUDIT + ",\"auditLevel\":\"None\",\"requestObject\":{}}"))
        .containsExactly(new Hit("LV010", "auditLevel must be one of Metadata, Request,"
            + " RequestResponse, got 4 characters"));
  }

  @Test
  void outcomeAndStatusCodeBreakTheirRulesInTheTablesWords() {
    assertThat(check(AUDIT + ",\"outcome\":\"success\"}"))
        .containsExactly(new Hit("LV010", "outcome must be one of allowed, denied, error, got 7 characters"));
    assertThat(check(AUDIT + ",\"outcome\":\"DENIED\"}")).extracting(Hit::rule).containsExactly("LV010");
    assertThat(check(AUDIT + ",\"statusCode\":\"404\"}"))
        .containsExactly(new Hit("LV010", "statusCode must be a JSON integer, not a string; write the"
            + " number itself (the SDK parses such text)"));
    assertThat(check(AUDIT + ",\"statusCode\":\"not found\"}"))
        .containsExactly(new Hit("LV010", "statusCode must be a JSON integer, not a string"));
    assertThat(check(AUDIT + ",\"statusCode\":404.0}"))
        .containsExactly(new Hit("LV010", "statusCode must be a JSON integer, not a number with a"
            + " fraction or exponent"));
    assertThat(check(AUDIT + ",\"statusCode\":true}"))
        .containsExactly(new Hit("LV010", "statusCode must be a JSON integer, not a boolean"));
    assertThat(check(AUDIT + ",\"requestObject\":42,\"auditLevel\":\"Request\"}"))
        .containsExactly(new Hit("LV010", "requestObject must be a JSON object, array or string, not a number"));
    assertThat(check(AUDIT + ",\"responseObject\":false,\"auditLevel\":\"RequestResponse\"}"))
        .containsExactly(new Hit("LV010", "responseObject must be a JSON object, array or string, not a boolean"));
  }
}
