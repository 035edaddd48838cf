package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The example IBANs of the SWIFT IBAN registry and ECBS; none is a real account. */
class IbanDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "GB82 WEST 1234 5698 7654 32",
        "GB82WEST12345698765432",
        "DE89 3704 0044 0532 0130 00",
        "DE89370400440532013000",
        "FR14 2004 1010 0505 0001 3M02 606",
        "NL91ABNA0417164300",
        "NO9386011117947",
      })
  void validIbansAreRedacted(String iban) {
    assertRedacted(iban, "iban");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GB82 WEST 1234 5698 7654 33", // mod-97 fails
        "GB83WEST12345698765432",
        "gb82west12345698765432", // lower case
        "GB82WEST1234569876543", // too short for GB
        "GB82WEST123456987654321", // too long for GB
        "ZZ82WEST12345698765432", // no such country
        "GB82 WE ST12 3456 9876 5432", // not grouped by four
        "XGB82WEST12345698765432",
        "DE89 3704",
        "UPDATE",
        "AB12",
      })
  void lookAlikesAreKept(String text) {
    assertKept(text);
  }

  @org.junit.jupiter.api.Test
  void mod97OfTheRegistryExampleIsOne() {
    assertThat(IbanDetector.mod97("GB82 WEST 1234 5698 7654 32", 0, 27)).isEqualTo(1);
  }
}
