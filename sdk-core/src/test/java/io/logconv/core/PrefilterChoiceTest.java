package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.Prefilter;
import io.logconv.core.redact.Redactor;
import io.logconv.schema.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a redactor's {@link Redactor#prefilter} tells the writer: {@link Prefilter#EVERY_TEXT} (the
 * default, and {@code null}) sends every text to {@link Redactor#redact}, even one with no char a
 * detector starts with; {@link Prefilter#NOTHING_TO_HIDE} sends none.
 */
class PrefilterChoiceTest {
  private static final String PLAIN = "reconciled web in 3 ms";

  /** A redactor that hides the word "web" and records what it was asked. */
  private static final class Recording implements Redactor {
    final List<String> asked = new ArrayList<>();
    final Prefilter prefilter;

    Recording(Prefilter prefilter) {
      this.prefilter = prefilter;
    }

    @Override
    public boolean isSensitiveKey(String key) {
      return false;
    }

    @Override
    public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
      asked.add(value.toString());
      String v = value.toString();
      if (!v.contains("web")) {
        return value;
      }
      scratch.setLength(0);
      return scratch.append(v.replace("web", "[REDACTED:word]"));
    }

    @Override
    public Prefilter prefilter() {
      return prefilter;
    }
  }

  private static String write(Redactor r) {
    EventWriter w = LineFormat.builder().redactor(r).build().newWriter();
    return Lines.text(w.begin(0L, Level.INFO, "l").message(PLAIN).field("name", "web-1").end());
  }

  @Test
  void everyTextAndNullSendEveryTextToTheRedactor() {
    for (Prefilter p : new Prefilter[] {Prefilter.EVERY_TEXT, null}) {
      Recording r = new Recording(p);
      String line = write(r);
      assertThat(r.asked).contains(PLAIN, "web-1");
      assertThat(line).doesNotContain("web").contains("[REDACTED:word]-1");
    }
  }

  @Test
  void theDefaultIsEveryText() {
    Redactor r =
        new Redactor() {
          @Override
          public boolean isSensitiveKey(String key) {
            return false;
          }

          @Override
          public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
            return value;
          }
        };
    assertThat(r.prefilter()).isSameAs(Prefilter.EVERY_TEXT);
  }

  @Test
  void nothingToHideSendsNoText() {
    Recording r = new Recording(Prefilter.NOTHING_TO_HIDE);
    String line = write(r);
    assertThat(r.asked).isEmpty();
    assertThat(line).contains(PLAIN, "web-1");
    assertThat(Redactor.NONE.prefilter()).isSameAs(Prefilter.NOTHING_TO_HIDE);
  }
}
