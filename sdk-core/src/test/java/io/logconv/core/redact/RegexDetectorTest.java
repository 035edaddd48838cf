package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** {@link RegexDetector} rejects what it documents it rejects, and finds what it is given. */
class RegexDetectorTest {
  @Test
  void rejectsAnEmptyOrNonAsciiLiteralAndAnExpressionThatDoesNotCompile() {
    assertThatThrownBy(() -> new RegexDetector("t", "", "x+"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> new RegexDetector("t", "clé_", "clé_[0-9]{8}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ASCII");
    assertThatThrownBy(() -> new RegexDetector("t", "acme_", "acme_[0-9"))
        .isInstanceOf(PatternSyntaxException.class);
  }

  @Test
  void aCustomDetectorRedactsItsTokens() {
    SecretRedactor r =
        SecretRedactor.builder()
            .detector(new RegexDetector("acme_key", "acme_", "acme_[A-Za-z0-9]{16}\\b"))
            .build();
    StringBuilder scratch = new StringBuilder();
    assertThat(r.redact(null, "key acme_Q7fK2mZp9LxW4bNc used", scratch).toString())
        .isEqualTo("key [REDACTED:acme_key] used");
  }
}
