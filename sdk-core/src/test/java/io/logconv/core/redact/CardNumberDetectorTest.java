package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Test card numbers published by the card networks and payment processors; none is a real card. */
class CardNumberDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111111111111111", // Visa
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "4222222222222", // Visa, 13 digits
        "5555555555554444", // Mastercard
        "2223003122003222", // Mastercard 2-series
        "378282246310005", // American Express
        "3782 822463 10005",
        "6011111111111117", // Discover
        "3530111333300000", // JCB
        "30569309025904", // Diners Club
        "6200000000000005", // UnionPay
        "4000 0000 0000 0000 006", // Visa, 19 digits
      })
  void luhnValidNumbersWithAnIssuerPrefixAreRedacted(String card) {
    assertRedacted(card, "card");
  }

  @Test
  void aGroupThatDoesNotFitEndsTheNumber() {
    assertThat(redact("4111 1111 1111 1111 2024-05-01")).isEqualTo("[REDACTED:card] 2024-05-01");
    // 19 digits in groups fail Luhn; the 16 before the last space are the card.
    assertThat(redact("4111 1111 1111 1111 123")).isEqualTo("[REDACTED:card] 123");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111111111111112", // Luhn-invalid
        // Epoch timestamps chosen to pass Luhn: no issuer prefix starts with 1.
        "1700000000004", // epoch millis, 13 digits
        "1716204800007",
        "1716204800000003", // epoch micros
        "1716204800000000007", // epoch nanos
        "9111111111111110", // Luhn-valid, no issuer
        "41111111111111111111", // 20 digits
        "411111111111111", // Visa prefix, 15 digits
        "4111 11 1111 1111 1111", // not printed like a card
        "41111111-1111-1111-1111-111111111111", // UUID shape
        "3.4111111111111111", // decimal
        "id4111111111111111",
        "4111111111111111abc",
        "v1-4111111111111111-2",
        "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6",
      })
  void lookAlikesAreKept(String text) {
    assertKept(text);
  }

  @Test
  void issuerAndLuhnChecksArePublic() {
    assertThat(CardNumberDetector.luhnValid("4111 1111 1111 1111", 0, 19)).isTrue();
    assertThat(CardNumberDetector.luhnValid("4111111111111112", 0, 16)).isFalse();
    assertThat(CardNumberDetector.isIssuerPrefix("378282246310005", 0, 15)).isTrue();
    assertThat(CardNumberDetector.isIssuerPrefix("1700000000000", 0, 13)).isFalse();
  }

  @Test
  void digitsUnderAKeyEndingInIdAreNoCard() {
    // Luhn-valid with a Visa prefix: a card anywhere else.
    String digits = "4111111111111111";
    assertThat(redact("dd.trace_id=" + digits)).isEqualTo("dd.trace_id=" + digits);
    assertThat(redact("{\"spanId\":\"" + digits + "\"}")).isEqualTo("{\"spanId\":\"" + digits + "\"}");
    assertThat(redact("paid=" + digits)).isEqualTo("paid=[REDACTED:card]");
    assertThat(redact("card " + digits)).isEqualTo("card [REDACTED:card]");
  }
}
