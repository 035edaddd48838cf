package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.validate.LogRedactorTest.Reading;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code logconv redact} makes an audit line safe as the SDK writer does: an actor in clear becomes
 * its keyed hash, and a payload of a Secret or ConfigMap becomes the omission marker; what it
 * writes is what {@code logconv validate} accepts, and redacting twice is redacting once.
 */
class LogRedactorAuditTest {
  private static final SecretRedactor REDACTOR = LogRedactorTest.REDACTOR;
  private static final String HEAD =
      "{\"ts\":\"2026-01-01T00:00:00.000Z\",\"level\":\"info\",\"logger\":\"audit\",\"msg\":\"m\","
          + "\"action\":\"UPDATE\",\"audit\":true";

  @ParameterizedTest
  @EnumSource(Reading.class)
  void anActorInClearBecomesItsKeyedHash(Reading reading) throws IOException {
    JsonNode out = LogRedactorTest.redact(reading, HEAD + ",\"actor\":\"jane.doe\"}");
    String expected = REDACTOR.pseudonym("jane.doe", new StringBuilder()).toString();
    assertThat(out.get("actor").asString()).isEqualTo(expected).matches("h:[0-9a-f]{12}");
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aPayloadOfASecretBecomesTheOmissionMarker(Reading reading) throws IOException {
    JsonNode out = LogRedactorTest.redact(reading, HEAD + ",\"controllerKind\":\"secrets\","
        + "\"auditLevel\":\"RequestResponse\",\"requestObject\":{\"data\":{\"k\":\"dmFsdWU=\"}},"
        + "\"responseObject\":\"plain\"}");
    assertThat(out.get("requestObject").asString()).isEqualTo("[OMITTED:Secret]");
    assertThat(out.get("responseObject").asString()).isEqualTo("[OMITTED:Secret]");
    assertThat(out.get("controllerKind").asString()).isEqualTo("secrets");
  }

  @Test
  void aLineInMemoryKnowsItsKindWhereverItStands() throws IOException {
    assertThat(redactLine(HEAD + ",\"requestObject\":[1,2],\"controllerKind\":\"ConfigMap\"}"))
        .isEqualTo(HEAD + ",\"requestObject\":\"[OMITTED:ConfigMap]\",\"controllerKind\":\"ConfigMap\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      ",\"controllerKind\":\"Deployment\",\"requestObject\":{\"replicas\":3}",
      ",\"controllerKind\":\"Secret\",\"requestObject\":\"[OMITTED:Secret]\"",
      ",\"controllerKind\":\"Secret\",\"requestObject\":\"[OMITTED:over 4096 bytes]\"",
      ",\"actor\":\"h:0123456789ab\"",
      ",\"meta\":{\"actor\":\"nested, not the audit field\"}"})
  void whatIsSafeAlreadyIsWrittenBackByteForByte(String fields) throws IOException {
    String line = HEAD + fields + "}";
    assertThat(redactLine(line)).isEqualTo(line);
  }

  @Test
  void redactingTwiceIsRedactingOnce() throws IOException {
    String line = HEAD + ",\"controllerKind\":\"Secret\",\"name\":\"db\",\"actor\":\"system:admin\","
        + "\"auditLevel\":\"Request\",\"requestObject\":{\"stringData\":{\"password\":\"hunter2\"}}}";
    String once = redactLine(line);
    assertThat(redactLine(once)).isEqualTo(once);
    assertThat(once).contains("\"requestObject\":\"[OMITTED:Secret]\"").doesNotContain("system:admin");
  }

  @Test
  void theRedactedAuditLineValidates() throws IOException {
    String once = redactLine(HEAD + ",\"namespace\":\"ns\",\"controllerKind\":\"Secret\",\"name\":\"db\","
        + "\"actor\":\"jane\",\"outcome\":\"allowed\",\"statusCode\":200,\"auditLevel\":\"RequestResponse\","
        + "\"requestObject\":{\"a\":1},\"responseObject\":{\"b\":2}}");
    assertThat(LineValidatorTest.check(once, SecretScanner.of(REDACTOR), null)).isEmpty();
  }

  private static String redactLine(String line) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new LogRedactor(REDACTOR, 1 << 20).redact(
        new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)), InputFormat.JSON_LINES, out);
    String s = out.toString(StandardCharsets.UTF_8);
    return s.substring(0, s.length() - 1);
  }
}
