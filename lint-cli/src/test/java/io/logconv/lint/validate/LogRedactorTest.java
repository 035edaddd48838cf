package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.SecretRedactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link LogRedactor} judges each value by the key the SDK writer would pass for it, in each of the
 * three ways it reads JSON: a line held in memory, a line too long for that (streamed) and a JSON
 * document.
 */
class LogRedactorTest {
  static final SecretRedactor REDACTOR = SecretRedactor.builder()
      .hashKeyFromEnvironment(false).hashKey("log-redactor-test-hash-key-0123456789").build();

  /** How a JSON object reaches the redactor. */
  enum Reading {
    /** A JSON line that fits in memory. */
    LINE,
    /** A JSON line longer than the redactor holds, redacted as a stream. */
    STREAMED,
    /** A pretty-printed JSON document. */
    DOCUMENT
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aValueAfterAnObjectClosesIsJudgedByItsOwnKey(Reading reading) throws IOException {
    JsonNode out = redact(reading, """
        {"msg":"m","creds":[{"password":"p"},"plain text"],"after":{"token":"t"},"note":"plain"}""");
    assertThat(out.get("creds").get(0).get("password").asString()).isEqualTo("[REDACTED:password]");
    assertThat(out.get("creds").get(1).asString()).isEqualTo("plain text");
    assertThat(out.get("after").get("token").asString()).isEqualTo("[REDACTED:token]");
    assertThat(out.get("note").asString()).isEqualTo("plain");
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aStructureUnderASecretKeyIsReplacedWholeEvenWhenItLooksLikeAPlaceholder(Reading reading)
      throws IOException {
    JsonNode out = redact(reading, """
        {"msg":"m","password":["hunter2"],"credentials":{"user":"u","pass":"p"},"api_key":12345,\
        "token":true,"db_password":"${DB_PASSWORD}","secret":null}""");
    assertThat(out.get("password").asString()).isEqualTo("[REDACTED:password]");
    assertThat(out.get("credentials").asString()).isEqualTo("[REDACTED:credentials]");
    assertThat(out.get("api_key").asString()).isEqualTo("[REDACTED:api_key]");
    assertThat(out.get("token").asString()).isEqualTo("[REDACTED:token]");
    assertThat(out.get("db_password").asString()).isEqualTo("${DB_PASSWORD}");
    assertThat(out.get("secret").isNull()).isTrue();
  }

  /** {@code json} (one line) redacted the way {@code reading} says, parsed back. */
  static JsonNode redact(Reading reading, String json) throws IOException {
    String in = switch (reading) {
      case LINE -> json + "\n";
      // Padding makes the line longer than the redactor keeps, so that it is streamed.
      case STREAMED -> json.substring(0, json.length() - 1) + ",\"pad\":\"" + "x".repeat(2048) + "\"}\n";
      case DOCUMENT -> JsonMapper.shared().writerWithDefaultPrettyPrinter()
          .writeValueAsString(JsonMapper.shared().readTree(json)) + "\n";
    };
    LogRedactor r = new LogRedactor(REDACTOR, 1024);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputFormat format = r.redact(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
        reading == Reading.DOCUMENT ? InputFormat.JSON_DOCUMENT : InputFormat.JSON_LINES, out);
    assertThat(format).isEqualTo(reading == Reading.DOCUMENT ? InputFormat.JSON_DOCUMENT : InputFormat.JSON_LINES);
    if (reading == Reading.STREAMED) {
      assertThat(r.streamed()).isEqualTo(1);
    }
    return JsonMapper.shared().readTree(out.toString(StandardCharsets.UTF_8));
  }
}
