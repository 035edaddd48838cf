package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers from ranges reserved for fiction (NANP 555-01XX, Ofcom's drama ranges). */
class PhoneNumberDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "+12125550123",
        "+1 212 555 0123",
        "+1-212-555-0123",
        "+44 20 7946 0958",
        "+44 (0)20 7946 0958",
        "+33 1 99 00 12 34",
        "(212) 555-0123",
        "(212)555-0123",
        "212-555-0123",
        "212.555.0123",
        "020 7946 0958",
        "01632 960123",
        "01 99 00 12 34",
      })
  void numbersAreRedacted(String phone) {
    assertRedacted(phone, "phone");
  }

  @Test
  void telUrls() {
    assertThat(redact("tel:+12125550123")).isEqualTo("tel:[REDACTED:phone]");
  }

  @Test
  void numbersFollowedByMoreDigitGroupsAreStillFound() {
    assertThat(redact("+44 20 7946 0958 1234 5678")).isEqualTo("[REDACTED:phone] 1234 5678");
    assertThat(redact("020 7946 0958 12")).isEqualTo("[REDACTED:phone] 12");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+05:30",
        "2024-05-01T10:00:00+02:00",
        "+100",
        "1e+10",
        "192.168.100.200",
        "10.0.0.1",
        "1.2.3",
        "v2.5.0123",
        "2024-05-01",
        "12125550123",
        "112-555-0123",
        "212-155-0123",
        "212-555-01234",
        "212-555.0123",
        "0 1 2 3",
        "00 44 20 7946 0958",
        "took 1716204800000 ms",
        "port 8080 pid 4242",
      })
  void lookAlikesAreKept(String text) {
    assertKept(text);
  }
}
