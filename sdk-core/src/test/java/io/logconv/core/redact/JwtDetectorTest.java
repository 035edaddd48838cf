package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JwtDetectorTest {
  /** The example token of RFC 7519 section 3.1's header and jwt.io's documented example. */
  static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
          + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
          + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

  @Test
  void signedTokensAreRedactedInEveryContext() {
    assertRedacted(JWT, "jwt");
  }

  @Test
  void unsignedTokensWithAnEmptySignatureAreRedacted() {
    String none = "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.";
    assertThat(redact("id_token=" + none + " ok")).isEqualTo("id_token=[REDACTED:token] ok");
    assertThat(redact("t " + none + " ok")).isEqualTo("t [REDACTED:jwt] ok");
  }

  @Test
  void encryptedTokensWithFiveSegmentsAreRedactedWhole() {
    String jwe =
        "eyJhbGciOiJSU0EtT0FFUCJ9.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZ.48V1_ALb6US04U3b.5eym8T.XFBoMYUZodetZdvTiFvSkQ";
    assertThat(redact("jwe " + jwe)).isEqualTo("jwe [REDACTED:jwt]");
  }

  @Test
  void base64JsonWithoutTheDotsIsKept() {
    assertKept("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
    assertKept("eyJhIjoxfQ.x");
  }

  @Test
  void eyJInsideAWordIsNotATrigger() {
    assertKept("abceyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln");
  }
}
