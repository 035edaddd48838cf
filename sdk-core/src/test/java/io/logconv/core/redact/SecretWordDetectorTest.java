package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static io.logconv.core.redact.Redaction.types;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Secrets named by a word in text without a template: {@code password hunter2}. */
class SecretWordDetectorTest {
  @Test
  void thePasswordOfTheSpringBootLineIsHidden() {
    // What a service printed when the message was formatted before it reached the SDK.
    assertThat(redact("user logged in with password hunter2-S3cret! bearer [REDACTED:jwt]"))
        .isEqualTo("user logged in with password [REDACTED:password] bearer [REDACTED:jwt]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "password is hunter2-S3cret               | hunter2-S3cret | password",
        "the secret is s3cr3t!                    | s3cr3t!        | secret",
        "login failed, password hunter2           | hunter2        | password",
        "Password was Zq8#rT2!vLp0                | Zq8#rT2!vLp0   | password",
        "PASSWORD 123456 rejected                 | 123456         | password",
        "passwd tr0ub4dor&3                       | tr0ub4dor&3    | password",
        "passphrase was Correct-Horse-9           | Correct-Horse-9| password",
        "token abc123def456ghi789 expired         | abc123def456ghi789 | token",
        "Token is dXNlcjpwYXNzd29yZA              | dXNlcjpwYXNzd29yZA | token",
        "credentials AKzq8rT2vLp0 rejected        | AKzq8rT2vLp0   | credentials",
        "refresh token 'correct horse battery'    | correct horse battery | token",
        "db password was hunter22.                | hunter22       | password",
      })
  void aValueThatASecretWordIntroducesIsHidden(String text, String secret, String type) {
    assertRedacted(text.strip(), secret.strip(), type.strip());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password reset email sent",
        "password policy updated",
        "password changed for tenant samburrai-tenant",
        "token expired at 2023-03-07T11:32:29.167Z",
        "Token refresh failed, retrying",
        "the secret is mounted read-only",
        "secret db-credentials mounted",
        "password must be 12 characters long",
        "passwords do not match",
        "token_endpoint https://idp.example/token",
        "tokens remaining 87",
        "Passing token to the next filter",
        // the Kubernetes kind, and names after it
        "Secret db-creds-2 created in samburrai-tenant",
        "Secret samburrai-tenant/db-creds-7f9c deleted",
        // placeholders and earlier output
        "password ${DB_PASSWORD}",
        "password $DB_PASSWORD",
        "password is <hidden>",
        "password ********",
        "token null",
        "password [REDACTED:password]",
        // paths and URLs are left to their own detectors
        "secret /var/run/secrets/kubernetes.io/serviceaccount/token",
        "token https://idp.example/realms/x/protocol/openid-connect/token",
      })
  void proseAndPlaceholdersAfterASecretWordStay(String text) {
    assertKept(text);
  }

  @Test
  void pairsStayWithTheKeyValueDetector() {
    assertThat(redact("password=hunter2 token: abc")).isEqualTo(
        "password=[REDACTED:password] token: [REDACTED:token]");
  }

  @Test
  void disabledWithItsTypeOrWithTheKeyRule() {
    String text = "login with password hunter2x";
    assertThat(SecretRedactor.builder().disable(SecretRedactor.NAMED).build()
            .redact(null, text, new StringBuilder()).toString())
        .isEqualTo(text);
    assertThat(SecretRedactor.builder().disable("password").build()
            .redact(null, text, new StringBuilder()).toString())
        .isEqualTo(text);
    assertThat(types(text)).containsExactly("password");
  }

  @Test
  void anUnterminatedQuoteIsJudgedAsAnUnquotedValue() {
    assertThat(redact("password 'hunter2 and more")).isEqualTo("password '[REDACTED:password] and more");
  }

  @Test
  void aQuoteThatEndsAStringOfEmbeddedJsonOpensNoValue() {
    String json = "{\"password\":\":passwordpassword \",\"detail\":\"see AKIAQ3EGRX5PZ7LM2KTD here\"}";
    assertThat(redact(json))
        .isEqualTo("{\"password\":\":passwordpassword \",\"detail\":\"see [REDACTED:aws_access_key_id] here\"}");
  }

  @Test
  void aValueThatIsItselfAPairIsLeftToThePairDetector() {
    // "Token" names a secret, but "token=${PD_TOKEN}" is a pair with a placeholder: kept whole.
    assertKept("PagerDuty client sends Token token=${PD_TOKEN}");
    assertThat(redact("client sends Token token=Zq8rT2vLp0"))
        .isEqualTo("client sends Token token=[REDACTED:token]");
  }
}
