package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "jane.doe@example.com",
        "j+tag@mail.example.co.uk",
        "first_last-1@sub.example.org",
        "jane.doe%40example.com",
        "jane%2Bx%40example.com",
      })
  void addressesAreRedacted(String email) {
    assertRedacted(email, "email");
  }

  @Test
  void percentEncodedAddressesInUrls() {
    assertThat(redact("GET /reset?to=jane.doe%40example.com&lang=en"))
        .isEqualTo("GET /reset?to=[REDACTED:email]&lang=en");
    assertThat(redact("mailto:jane@example.com")).isEqualTo("mailto:[REDACTED:email]");
  }

  /**
   * A domain followed by a label that is no top-level domain ends before it: whether the address
   * is found must not depend on what follows, or redacting a card number after it first would
   * change the verdict on a second pass (redaction must be idempotent).
   */
  @Test
  void aDomainEndsAtItsLastLetterLabelWhateverFollows() {
    assertThat(redact("to jane@example.com.4111111111111111"))
        .isEqualTo("to [REDACTED:email].[REDACTED:card]");
    assertThat(redact("to jane@example.com.42 ok")).isEqualTo("to [REDACTED:email].42 ok");
    assertThat(redact(redact("to jane@example.com.4111111111111111")))
        .isEqualTo(redact("to jane@example.com.4111111111111111"));
  }

  @Test
  void anEscapeBeforeTheAddressStaysIntact() {
    assertThat(redact("{\"to\":\"line\\njane@example.com\"}"))
        .isEqualTo("{\"to\":\"line\\n[REDACTED:email]\"}");
  }

  @Test
  void theUserOfAUrlWithAPasswordIsNotMistakenForAnAddress() {
    assertThat(redact("https://jane:pw1234@example.com/x"))
        .isEqualTo("https://jane:[REDACTED:url_password]@example.com/x");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.lang.Object@1b6d3586",
        "io.example.Foo$Bar@6d06d69c",
        "nginx@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "lodash@4.17.21",
        "@Override",
        "@types/node",
        "user@localhost",
        "ssh://git@example.com/org/repo.git",
        "a@b.c",
        "x@-bad.example",
        "[REDACTED:email]",
      })
  void lookAlikesAreKept(String text) {
    assertKept(text);
  }

  @Test
  void aLocalPartLongerThanTheRfcsIsTakenWholeSoThatRedactionStaysIdempotent() {
    // NetworkAddressPropertiesTest seed 2999674947851: a match that began 64 chars before the
    // second @ kept "jane@example.co", which a second redaction then found.
    String text =
        "jane@example.com001a.2b3c.4d5e10.0.0.1127.0.0.1203.0.113.700-1A-2B-3C-4D-5Ejane@example.com";
    long span = EmailDetector.INSTANCE.match(text, 0, text.lastIndexOf('@'));
    assertThat(ValueDetector.start(span)).isEqualTo(5);
    assertThat(ValueDetector.end(span)).isEqualTo(text.length());
    SecretRedactor r = SecretRedactor.builder().hashKey("email-test-hash-key-0123456789abcdef").build();
    String once = r.redact(null, text, new StringBuilder()).toString();
    assertThat(r.redact(null, once, new StringBuilder()).toString()).isEqualTo(once);
  }
}
