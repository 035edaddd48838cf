package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.REDACTOR;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRulesTest {
  @ParameterizedTest
  @CsvSource({
    "password, password",
    "PASSWORD, password",
    "db_password, password",
    "dbPassword, password",
    "DB-PASSWORD, password",
    "spring.datasource.password, password",
    "passwd, password",
    "pwd, password",
    "secret, secret",
    "client_secret, client_secret",
    "clientSecret, client_secret",
    "token, token",
    "access_token, token",
    "refreshToken, token",
    "X-Auth-Token, token",
    "api_key, api_key",
    "apiKey, api_key",
    "x-api-key, api_key",
    "apikey, api_key",
    "authorization, authorization",
    "Authorization, authorization",
    "cookie, cookie",
    "set_cookie, cookie",
    "Set-Cookie, cookie",
    "private_key, private_key",
    "privateKey, private_key",
    "credentials, credentials",
    "aws_credentials, credentials",
    "access_key, access_key",
    "aws_secret_access_key, aws_secret_access_key",
    "AWS_SECRET_ACCESS_KEY, aws_secret_access_key",
    "secret_key, secret_key",
    "JSESSIONID, session_id",
  })
  void secretKeysAreCoveredInEverySpelling(String key, String type) {
    assertThat(REDACTOR.sensitiveKeyType(key)).isEqualTo(type);
    assertThat(REDACTOR.isSensitiveKey(key)).isTrue();
    assertThat(REDACTOR.isPiiKey(key)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "user, user",
    "username, username",
    "userName, username",
    "user_id, user_id",
    "userId, user_id",
    "email, email",
    "contact_email, email",
    "phone_number, phone",
    "last_name, person_name",
    "date_of_birth, date_of_birth",
  })
  void piiKeysAreCovered(String key, String type) {
    assertThat(REDACTOR.sensitiveKeyType(key)).isEqualTo(type);
    assertThat(REDACTOR.isPiiKey(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "token_endpoint",
        "tokenEndpoint",
        "secret_name",
        "secretName",
        "key_id",
        "keyId",
        "password_policy",
        "passwordPolicy",
        "token_type",
        "max_tokens",
        "user_agent",
        "name",
        "namespace",
        "controllerKind",
        "action",
        "request_id",
        "trace_id",
        "duration_ms",
        "key",
        "",
        "_",
        "__",
        "pässword"
      })
  void keysThatMerelyContainAWordAreNotCovered(String key) {
    assertThat(REDACTOR.sensitiveKeyType(key)).isNull();
    assertThat(REDACTOR.isSensitiveKey(key)).isFalse();
  }

  @Test
  void nullKeyIsNotSensitive() {
    assertThat(REDACTOR.isSensitiveKey(null)).isFalse();
  }

  @Test
  void secretValuesAreReplacedWholeWhateverTheyLookLike() {
    assertThat(redact("db_password", "hunter2")).isEqualTo("[REDACTED:password]");
    assertThat(redact("apiKey", "12345")).isEqualTo("[REDACTED:api_key]");
    assertThat(redact("Set-Cookie", "SESSION=abc; Path=/; HttpOnly"))
        .isEqualTo("[REDACTED:cookie]");
    assertThat(redact("aws_secret_access_key", "q8Ztr2VxN4/mKw7LpB0sRyf3HcJd9GeTu5XaQ1Wn"))
        .isEqualTo("[REDACTED:aws_secret_access_key]");
  }

  @Test
  void piiValuesAreHashedByDefault() {
    String hashed = redact("username", "jane.doe");
    assertThat(hashed).matches("h:[0-9a-f]{12}");
    assertThat(redact("user_id", "jane.doe")).isEqualTo(hashed);
    assertThat(redact("user", "john.roe")).matches("h:[0-9a-f]{12}").isNotEqualTo(hashed);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[REDACTED:password]",
        "${DB_PASSWORD}",
        "****",
        "<secret>",
        "{{ .Values.password }}",
        "h:0123456789ab",
        "null"
      })
  void placeholdersAndEarlierReplacementsUnderSecretKeysAreKept(String value) {
    StringBuilder scratch = new StringBuilder();
    assertThat(REDACTOR.redact("password", value, scratch)).isSameAs(value);
    assertThat(REDACTOR.redact("user", value, scratch)).isSameAs(value);
  }

  @Test
  void valuesUnderOtherKeysAreStillScanned() {
    assertThat(redact("token_endpoint", "https://idp.example/token"))
        .isEqualTo("https://idp.example/token");
    assertThat(redact("note", "card 4111 1111 1111 1111")).isEqualTo("card [REDACTED:card]");
  }
}
