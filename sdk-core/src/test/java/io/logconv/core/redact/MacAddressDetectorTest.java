package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.NETWORK;
import static io.logconv.core.redact.Redaction.REDACTOR;
import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00:1a:2b:3c:4d:5e",
        "00:1A:2B:3C:4D:5E",
        "3c:22:fb:12:34:56",
        "00-1A-2B-3C-4D-5E",
        "ac-de-48-00-11-22",
        "001a.2b3c.4d5e",
        "0050.56C0.0001",
        "12:34:56:78:9a:bc",
      })
  void addressesAreRedactedWhenTheOptionIsOn(String address) {
    assertRedacted(NETWORK, address, address, "mac_address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e"})
  void addressesAreKeptByDefault(String address) {
    assertKept(REDACTOR, address);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "lease for 00:1a:2b:3c:4d:5e. | lease for [REDACTED:mac_address].",
        "hwaddr=00-1A-2B-3C-4D-5E, vlan=7 | hwaddr=[REDACTED:mac_address], vlan=7",
        "port Gi0/1 learned 001a.2b3c.4d5e | port Gi0/1 learned [REDACTED:mac_address]",
        "(00:1a:2b:3c:4d:5e) | ([REDACTED:mac_address])",
        "x\\b00:1a:2b:3c:4d:5e | x\\b[REDACTED:mac_address]",
      })
  void onlyTheAddressIsReplaced(String text, String expected) {
    assertThat(redact(NETWORK, text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // no one's
        "00:00:00:00:00:00",
        "ff:ff:ff:ff:ff:ff",
        "FF-FF-FF-FF-FF-FF",
        "0000.0000.0000",
        // other shapes
        "12:34:56",
        "00:1a:2b:3c:4d",
        "00:1a:2b:3c:4d:5e:6f",
        "00:1a-2b:3c:4d:5e",
        "00:1A:2b:3c:4d:5e",
        "x00:1a:2b:3c:4d:5e",
        "00:1a:2b:3c:4d:5eg",
        "000:1a:2b:3c:4d:5e",
        "00-1a-2b-3c-4d-5e-6f",
        "001a.2b3c.4d5e.example.com",
        "a.001a.2b3c.4d5e",
        "dead.beef.cafe",
        "2024.1105.0001",
        "1a2b.3c4d",
        "001a-2b3c-4d5e",
        // ids, dates, versions with hex and separators
        "3f2a1c4e-9b7d-4e2a-8c1f-0d9e8b7a6c5d",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "2024-05-01-12-30",
        "coredns-5d78c9869d-8xk2p",
        "io.example.cafe.Handler",
        "v1.2.3-ab.cd",
      })
  void lookAlikesAreKept(String text) {
    assertKept(NETWORK, text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "00:1a:2b:3c:4d:5e | 00:1a:2b:3c:4d:5e",
        "00:1A:2B:3C:4D:5E | 00:1a:2b:3c:4d:5e",
        "00-1A-2B-3C-4D-5E | 00:1a:2b:3c:4d:5e",
        "001a.2b3c.4d5e | 00:1a:2b:3c:4d:5e",
      })
  void theCanonicalSpellingIsLowercaseWithColons(String address, String canonical) {
    StringBuilder out = new StringBuilder();
    MacAddressDetector.INSTANCE.appendCanonical(address, 0, address.length(), out);
    assertThat(out.toString()).isEqualTo(canonical);
  }
}
