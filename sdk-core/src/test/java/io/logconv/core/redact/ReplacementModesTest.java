package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ReplacementModesTest {
  private static final String KEY = Redaction.HASH_KEY;

  private static SecretRedactor.Builder keyed() {
    return SecretRedactor.builder().hashKeyFromEnvironment(false).hashKey(KEY);
  }

  private static String redact(SecretRedactor r, String key, String value) {
    return r.redact(key, value, new StringBuilder()).toString();
  }

  /** The expected hash, computed with the JDK's own HMAC. */
  private static String hmac(byte[] key, String value) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] full = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    return "h:" + HexFormat.of().formatHex(full, 0, 6);
  }

  @Test
  void redactIsTheDefaultForSecretsAndDetectors() {
    SecretRedactor r = keyed().build();
    assertThat(redact(r, "token", "abc")).isEqualTo("[REDACTED:token]");
    assertThat(redact(r, null, "mail jane@example.com")).isEqualTo("mail [REDACTED:email]");
  }

  @Test
  void hashIsHmacSha256WithTheConfiguredKey() throws Exception {
    SecretRedactor r = keyed().mode("email", RedactionMode.HASH).build();
    byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
    assertThat(redact(r, "user", "jane.doe")).isEqualTo(hmac(key, "jane.doe"));
    assertThat(redact(r, null, "to jane@example.com"))
        .isEqualTo("to " + hmac(key, "jane@example.com"));
    // Non-ASCII and a surrogate pair: hashed as UTF-8, like the JDK does.
    assertThat(redact(r, "username", "J\u00fcrgen \uD83D\uDE00"))
        .isEqualTo(hmac(key, "J\u00fcrgen \uD83D\uDE00"));
  }

  @Test
  void keysLongerThanABlockAreHashedFirstAsRfc2104Says() throws Exception {
    byte[] longKey = "k".repeat(100).getBytes(StandardCharsets.UTF_8);
    SecretRedactor r =
        SecretRedactor.builder().hashKeyFromEnvironment(false).hashKey(longKey).build();
    assertThat(redact(r, "user", "jane")).isEqualTo(hmac(longKey, "jane"));
  }

  @Test
  void hashesAreStableAcrossInstancesWithOneKeyAndDifferWithAnother() {
    String a = redact(keyed().build(), "user", "jane");
    String b = redact(keyed().build(), "user", "jane");
    String other =
        redact(
            SecretRedactor.builder()
                .hashKeyFromEnvironment(false)
                .hashKey("another-key-0123456789")
                .build(),
            "user",
            "jane");
    assertThat(a).isEqualTo(b).isNotEqualTo(other);
  }

  @Test
  void hashedValuesAreKeptWhenRedactedAgain() {
    SecretRedactor r = keyed().build();
    String once = redact(r, "user", "jane");
    assertThat(redact(r, "user", once)).isEqualTo(once);
    assertThat(redact(r, null, "user=" + once)).isEqualTo("user=" + once);
  }

  @Test
  void maskKeepsTheLastFourDigitsOfACard() {
    SecretRedactor r = keyed().mode("card", RedactionMode.MASK).build();
    assertThat(redact(r, null, "card 4111 1111 1111 1111 ok"))
        .isEqualTo("card **** **** **** 1111 ok");
    assertThat(redact(r, null, "4111111111111111")).isEqualTo("************1111");
    assertThat(redact(r, null, "card **** **** **** 1111 ok"))
        .isEqualTo("card **** **** **** 1111 ok");
  }

  @Test
  void maskHidesShortValuesEntirely() {
    SecretRedactor r = keyed().mode("password", RedactionMode.MASK).build();
    assertThat(redact(r, "password", "hunter2")).isEqualTo("*******");
    assertThat(redact(r, null, "password=hunter2 ok")).isEqualTo("password=******* ok");
    assertThat(redact(r, null, "password=******* ok")).isEqualTo("password=******* ok");
  }

  @Test
  void withoutAKeyARandomProcessKeyIsUsedAndOneWarningSaysHowToSetOne() {
    List<String> warnings = new ArrayList<>();
    SecretRedactor r =
        SecretRedactor.builder().hashKeyFromEnvironment(false).warnings(warnings::add).build();
    assertThat(redact(r, "name", "plain")).isEqualTo("plain");
    assertThat(warnings).isEmpty();

    String first = redact(r, "user", "jane");
    String second = redact(r, "user", "john");
    assertThat(first).matches("h:[0-9a-f]{12}");
    assertThat(second).matches("h:[0-9a-f]{12}").isNotEqualTo(first);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .contains(SecretRedactor.HASH_KEY_ENV)
        .contains(SecretRedactor.HASH_KEY_PROPERTY)
        .contains("hashKey(");

    // One key per process: another redactor without a key hashes alike.
    SecretRedactor again =
        SecretRedactor.builder().hashKeyFromEnvironment(false).warnings(m -> {}).build();
    assertThat(redact(again, "user", "jane")).isEqualTo(first);
  }

  @Test
  void aConfiguredKeyGivesNoWarning() {
    List<String> warnings = new ArrayList<>();
    SecretRedactor r = keyed().warnings(warnings::add).build();
    redact(r, "user", "jane");
    assertThat(warnings).isEmpty();
  }

  @Test
  void theKeyIsReadFromTheSystemProperty() throws Exception {
    String previous = System.getProperty(SecretRedactor.HASH_KEY_PROPERTY);
    System.setProperty(SecretRedactor.HASH_KEY_PROPERTY, "from-property-0123456789");
    try {
      List<String> warnings = new ArrayList<>();
      SecretRedactor r = SecretRedactor.builder().warnings(warnings::add).build();
      assertThat(redact(r, "user", "jane"))
          .isEqualTo(hmac("from-property-0123456789".getBytes(StandardCharsets.UTF_8), "jane"));
      assertThat(warnings).isEmpty();
    } finally {
      if (previous == null) {
        System.clearProperty(SecretRedactor.HASH_KEY_PROPERTY);
      } else {
        System.setProperty(SecretRedactor.HASH_KEY_PROPERTY, previous);
      }
    }
  }

  @Test
  void shortKeysAreRejected() {
    assertThatThrownBy(() -> SecretRedactor.builder().hashKey("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
