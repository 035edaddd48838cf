package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.REDACTOR;
import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values that stand for a secret instead of being one are kept, alike under a key, in a pair and
 * after a secret word; and the validator's question ({@link SecretRedactor#keepsValue}) gets the
 * writer's answer.
 */
class PlaceholdersTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "${DB_PASSWORD}",
        "$DB_PASSWORD",
        "$(cat /run/secrets/db-password)",
        "<your token>",
        "<secret>",
        "{{ .Values.password }}",
        "xxxx",
        "XXXX-XXXX-XXXX",
        "****",
        "[hidden]",
        "null",
        "",
      })
  void placeholdersAreKeptEverywhere(String value) {
    assertThat(redact("password", value)).isEqualTo(value);
    assertThat(REDACTOR.keepsValue("db_password", value)).isTrue();
    assertKept("password=" + value + " ok");
    if (!value.isEmpty()) {
      assertKept("Authorization: Bearer " + value);
      assertKept("login with password " + value);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"changeme", "CHANGEME", "changeit", "placeholder", "none", "password"})
  void defaultWordsAreKeptOnlyWhereAKeySaysPassword(String word) {
    assertThat(redact("password", word)).isEqualTo(word);
    assertKept("DB_PASSWORD=" + word);
    assertThat(REDACTOR.keepsValue("password", word)).isTrue();
    // Under another secret key the same word is hidden.
    assertThat(redact("token", word)).isEqualTo("[REDACTED:token]");
    assertThat(REDACTOR.keepsValue("api_key", word)).isFalse();
  }

  @Test
  void realValuesAreNotKept() {
    assertThat(REDACTOR.keepsValue("password", "hunter2")).isFalse();
    assertThat(REDACTOR.keepsValue("password", "$5ecret")).isFalse();
    assertThat(REDACTOR.keepsValue("password", "x")).isFalse();
    assertThat(REDACTOR.keepsValue("password", "xxx1")).isFalse();
    assertThat(REDACTOR.keepsValue("namespace", "${X}")).as("no key rule").isFalse();
    assertThat(redact("password", "hunter2")).isEqualTo("[REDACTED:password]");
    assertThat(redact("password=$5ecret")).isEqualTo("password=[REDACTED:password]");
  }
}
