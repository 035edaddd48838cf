package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Turning rules and detectors off, and adding custom ones. */
class CustomizationTest {
  private static SecretRedactor.Builder builder() {
    return SecretRedactor.builder().hashKeyFromEnvironment(false).hashKey(Redaction.HASH_KEY);
  }

  private static String redact(SecretRedactor r, String key, String value) {
    return r.redact(key, value, new StringBuilder()).toString();
  }

  /** A ticket id format as a class: "TCK-" and at least 6 digits. */
  static final class TicketDetector implements ValueDetector {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String type() {
      return "ticket";
    }

    @Override
    public List<String> triggers() {
      return List.of("TCK-");
    }

    @Override
    public long match(CharSequence text, int from, int at) {
      calls.incrementAndGet();
      int end = at + 4;
      while (end < text.length() && Character.isDigit(text.charAt(end))) {
        end++;
      }
      return end - at >= 10 ? ValueDetector.span(at, end) : NO_MATCH;
    }
  }

  @Test
  void detectorsCanBeTurnedOff() {
    SecretRedactor r = builder().disable("phone", "email").build();
    assertThat(redact(r, null, "call +1 212 555 0123 or jane@example.com"))
        .isEqualTo("call +1 212 555 0123 or jane@example.com");
    assertThat(redact(r, null, "card 4111111111111111")).isEqualTo("card [REDACTED:card]");
    assertThat(r.detectors()).extracting(ValueDetector::type).doesNotContain("phone", "email");
  }

  @Test
  void keyRulesCanBeTurnedOffAlsoForPairsInText() {
    SecretRedactor r = builder().disable("token").build();
    assertThat(r.isSensitiveKey("access_token")).isFalse();
    assertThat(redact(r, null, "token=abc")).isEqualTo("token=abc");
    assertThat(redact(r, null, "password=abc")).isEqualTo("password=[REDACTED:password]");
  }

  @Test
  void thePairDetectorCanBeTurnedOffWhileKeyRulesStay() {
    SecretRedactor r = builder().disable(SecretRedactor.PAIRS).build();
    assertThat(redact(r, null, "password=abc")).isEqualTo("password=abc");
    assertThat(redact(r, "password", "abc")).isEqualTo("[REDACTED:password]");
  }

  @Test
  void customKeyRules() {
    SecretRedactor r = builder().secretKey("pin").piiKey("customer_number", "customer").build();
    assertThat(r.sensitiveKeyType("card_pin")).isEqualTo("pin");
    assertThat(r.sensitiveKeyType("customerNumber")).isEqualTo("customer");
    assertThat(redact(r, "cardPIN", "1234")).isEqualTo("[REDACTED:pin]");
    assertThat(redact(r, null, "pin=1234 ok")).isEqualTo("pin=[REDACTED:pin] ok");
    assertThat(redact(r, "CUSTOMER-NUMBER", "C-17")).matches("h:[0-9a-f]{12}");
  }

  @Test
  void aRegexDetectorRunsOnlyWhereItsLiteralIs() {
    SecretRedactor r = builder().regex("acme_key", "acme_", "acme_[A-Za-z0-9]{32}\\b").build();
    String key = "acme_" + "0123456789abcdef".repeat(2);
    assertThat(redact(r, null, "using " + key + " now")).isEqualTo("using [REDACTED:acme_key] now");
    assertThat(redact(r, null, "acme_short")).isEqualTo("acme_short");
    assertThat(redact(r, null, "my_acme_" + "0123456789abcdef".repeat(2)))
        .isEqualTo("my_acme_" + "0123456789abcdef".repeat(2));
  }

  @Test
  void aClassDetectorIsCalledOnlyAtItsTrigger() {
    TicketDetector ticket = new TicketDetector();
    SecretRedactor r = builder().detector(ticket).mode("ticket", RedactionMode.MASK).build();
    assertThat(redact(r, null, "no ticket here, just TCK and 1234567"))
        .isEqualTo("no ticket here, just TCK and 1234567");
    assertThat(ticket.calls).hasValue(0);
    assertThat(redact(r, null, "see TCK-1234567890")).isEqualTo("see ***-******7890");
    assertThat(ticket.calls.get()).isPositive();
    List<String> found = new ArrayList<>();
    r.scan(
        "TCK-000001 and TCK-12", (type, start, end) -> found.add(type + "@" + start + "-" + end));
    assertThat(found).containsExactly("ticket@0-10");
  }

  @Test
  void aFailingDetectorHidesTheWholeTextInsteadOfThrowing() {
    ValueDetector broken =
        new ValueDetector() {
          @Override
          public String type() {
            return "broken";
          }

          @Override
          public List<String> triggers() {
            return List.of("!");
          }

          @Override
          public long match(CharSequence text, int from, int at) {
            throw new IllegalStateException("bug");
          }
        };
    SecretRedactor r = builder().detector(broken).build();
    assertThat(redact(r, null, "hello")).isEqualTo("hello");
    assertThat(redact(r, null, "hello!")).isEqualTo("[REDACTED:redaction_error]");
  }

  @Test
  void spansOutsideTheRulesAreIgnoredAndTheScanEnds() {
    ValueDetector wild =
        new ValueDetector() {
          @Override
          public String type() {
            return "wild";
          }

          @Override
          public List<String> triggers() {
            return List.of("x");
          }

          @Override
          public long match(CharSequence text, int from, int at) {
            return at % 3 == 0 ? ValueDetector.span(at, at) : ValueDetector.span(-5, 1000);
          }
        };
    SecretRedactor r = builder().detector(wild).build();
    assertThat(redact(r, null, "xxxxxx")).isEqualTo("xxxxxx");
  }

  @Test
  void badConfigurationIsRejected() {
    assertThatThrownBy(() -> builder().regex("Bad Type", "x", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().regex("ok", "", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().regex("ok", "\u00e9", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().regex("ok", "x", "("))
        .isInstanceOf(java.util.regex.PatternSyntaxException.class);
    assertThatThrownBy(() -> builder().secretKey("__"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
