package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers commonly used as SSN examples in documentation; not issued to anyone. */
class UsSsnDetectorTest {
  @ParameterizedTest
  @ValueSource(strings = {"123-45-6789", "078-05-1120", "219-09-9999"})
  void ssnsAreRedacted(String ssn) {
    assertRedacted(ssn, "ssn");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "000-12-3456", // area 000 is never issued
        "666-12-3456",
        "900-12-3456",
        "123-00-4567",
        "123-45-0000",
        "2024-05-01",
        "12-345-6789",
        "123-456-789",
        "123456789",
        "a123-45-6789",
        "123-45-6789-01",
        "x-123-45-6789",
        "123-45-67890",
      })
  void lookAlikesAreKept(String text) {
    assertKept(text);
  }
}
