package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.Redactor;
import io.logconv.schema.Level;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A {@link Redactor} of the application's own may return any text, not only the scratch builder it
 * is handed: the writer writes what it returns, in the message as in values.
 */
class CustomRedactorTest {
  /** Hides every text that mentions "hunter2", returning a new String rather than the scratch. */
  private static final Redactor OWN =
      new Redactor() {
        @Override
        public boolean isSensitiveKey(String key) {
          return false;
        }

        @Override
        public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
          return value.toString().contains("hunter2") ? "[hidden by the application]" : value;
        }
      };

  @Test
  void theMessageIsWhatTheRedactorReturnsEvenWhenItIsNotTheScratch() {
    EventWriter w = LineFormat.builder().redactor(OWN).build().newWriter();
    for (int round = 0; round < 3; round++) { // the message cache must not keep the clear text
      JsonNode line =
          Lines.conforming(
              w.begin(1678188749167L, Level.INFO, "l")
                  .message("logged in with hunter2")
                  .field("k", "also hunter2")
                  .field("plain", "v")
                  .end());
      assertThat(line.get("msg").asString()).isEqualTo("[hidden by the application]");
      assertThat(line.get("k").asString()).isEqualTo("[hidden by the application]");
      assertThat(line.get("plain").asString()).isEqualTo("v");
    }
  }

  @Test
  void aRedactedMessageStaysRedactedWhenTheLineMustShrink() {
    EventWriter w =
        LineFormat.builder().redactor(OWN).maxLineBytes(1024).build().newWriter();
    JsonNode line =
        Lines.conforming(
            w.begin(1678188749167L, Level.INFO, "l")
                .message("logged in with hunter2")
                .field("big", "x".repeat(4000))
                .end());
    assertThat(line.get("msg").asString()).isEqualTo("[hidden by the application]");
  }

  @Test
  void aRedactorWithoutAKeyedHashHidesTheActorWholeAndNoneKeepsIt() {
    JsonNode hidden =
        Lines.conforming(
            LineFormat.builder().redactor(OWN).build().newWriter()
                .begin(1678188749167L, Level.INFO, "audit")
                .message("m")
                .field("actor", "jane.doe")
                .end());
    assertThat(hidden.get("actor").asString()).isEqualTo("[REDACTED:actor]");
    JsonNode kept =
        Lines.conforming(
            LineFormat.builder().redactor(Redactor.NONE).build().newWriter()
                .begin(1678188749167L, Level.INFO, "audit")
                .message("m")
                .field("actor", "jane.doe")
                .end());
    assertThat(kept.get("actor").asString()).as("redaction turned off").isEqualTo("jane.doe");
  }
}
