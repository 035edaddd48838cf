package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code Bearer} and {@code Basic} credentials. */
class AuthorizationCredentialsTest {
  /** RFC 6750's example access token. */
  static final String BEARER = "mF_9.B5f-4.1JqM";

  /** RFC 7617's example: base64 of "Aladdin:open sesame". */
  static final String BASIC = "QWxhZGRpbjpvcGVuIHNlc2FtZQ==";

  @Test
  void bearerTokensAreRedactedKeepingTheScheme() {
    assertRedacted("Bearer " + BEARER, BEARER, "bearer_token");
    assertThat(redact("sent bearer " + BEARER)).isEqualTo("sent bearer [REDACTED:bearer_token]");
    assertThat(redact("BEARER  " + BEARER + ".")).isEqualTo("BEARER  [REDACTED:bearer_token].");
  }

  @Test
  void bearerJwtIsRedactedOnce() {
    String out = redact("Bearer " + JwtDetectorTest.JWT);
    assertThat(out).isEqualTo("Bearer [REDACTED:bearer_token]");
  }

  @Test
  void basicCredentialsAreRedacted() {
    assertRedacted("Basic " + BASIC, BASIC, "basic_auth");
    assertThat(redact("basic YTpi")).isEqualTo("basic [REDACTED:basic_auth]");
  }

  @Test
  void authorizationHeadersInTextAreRedactedWithTheirScheme() {
    assertThat(redact("Authorization: Bearer " + BEARER + "\nAccept: */*"))
        .isEqualTo("Authorization: [REDACTED:authorization]\nAccept: */*");
    assertThat(redact("headers={Authorization=Basic " + BASIC + ", Accept=json}"))
        .isEqualTo("headers={Authorization=[REDACTED:authorization], Accept=json}");
  }

  @Test
  void proseAboutTheSchemesIsKept() {
    assertKept("Bearer authentication failed");
    assertKept("Bearer token expired");
    assertKept("Basic auth disabled for this realm");
    assertKept("Bearer realm=\"example\"");
    assertKept("WWW-Authenticate: Basic realm=\"api\"");
    assertKept("Bearer [REDACTED:bearer_token]");
    assertKept("Bearer ${TOKEN}");
    assertKept("bearers of 12345678 news");
  }
}
