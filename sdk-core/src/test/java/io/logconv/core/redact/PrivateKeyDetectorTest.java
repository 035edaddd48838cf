package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrivateKeyDetectorTest {
  /** A syntactically shaped block whose body is not a key. */
  static final String BODY =
      "MHcCAQEEIEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEoAoGCCqGSM49\nAwEHoUQDQgAEEXAMPLE";

  @Test
  void privateKeyBlocksAreRedactedWhole() {
    for (String label :
        new String[] {
          "PRIVATE KEY",
          "RSA PRIVATE KEY",
          "EC PRIVATE KEY",
          "OPENSSH PRIVATE KEY",
          "ENCRYPTED PRIVATE KEY"
        }) {
      String pem = "-----BEGIN " + label + "-----\n" + BODY + "\n-----END " + label + "-----";
      assertRedacted(pem, "private_key");
      assertThat(redact("key loaded: " + pem + "\nnext line"))
          .isEqualTo("key loaded: [REDACTED:private_key]\nnext line");
    }
  }

  @Test
  void pgpPrivateKeyBlocksAreRedacted() {
    String pgp =
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF"
            + BODY
            + "\n-----END PGP PRIVATE KEY BLOCK-----";
    assertRedacted(pgp, "private_key");
  }

  @Test
  void aBlockCutOffBeforeItsEndIsRedactedToTheEnd() {
    assertThat(redact("x -----BEGIN PRIVATE KEY-----\n" + BODY))
        .isEqualTo("x [REDACTED:private_key]");
  }

  @Test
  void escapedNewlinesInJsonAreHandled() {
    // The block as it appears inside a JSON string: newlines escaped as backslash-n.
    String escaped = "{\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQ\\n-----END PRIVATE KEY-----\\n\"}";
    assertThat(redact(escaped)).isEqualTo("{\"private_key\":\"[REDACTED:private_key]\\n\"}");
  }

  @Test
  void certificatesAndPublicKeysAreKept() {
    assertKept(
        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUEXAMPLE\n-----END CERTIFICATE-----");
    assertKept("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIEXAMPLE\n-----END PUBLIC KEY-----");
    assertKept(
        "-----BEGIN CERTIFICATE REQUEST-----\nMIIBEXAMPLE\n-----END CERTIFICATE REQUEST-----");
    assertKept("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    assertKept("----- separator -----");
  }
}
