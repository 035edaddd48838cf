package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Credentials with a well-known literal ({@link TokenDetector}). Bodies are made up or documented
 * examples; every rule's own examples run in {@link DetectorTableTest}.
 */
class TokenDetectorTest {
  @Test
  void awsAccessKeyIds() {
    assertRedacted("AKIAQ3EGRX5PZ7LM2KTD", "aws_access_key_id");
    assertRedacted("ASIAW7NB4QK2JX9ZR5TM", "aws_access_key_id");
  }

  @Test
  void vendorsDocumentedExampleKeysAreKept() {
    // AWS's documentation writes its example keys so.
    assertKept("AKIAIOSFODNN7EXAMPLE");
    assertKept("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    // Too short for a Slack token: an example in a document, not a credential.
    assertKept("xoxb-12345-abcd234");
  }

  @Test
  void awsSecretAccessKeysUnderTheirName() {
    String secret = "q8Ztr2VxN4/mKw7LpB0sRyf3HcJd9GeTu5XaQ1Wn";
    assertThat(redact("aws_secret_access_key = " + secret))
        .isEqualTo("aws_secret_access_key = [REDACTED:aws_secret_access_key]");
    assertThat(redact("{\"AWS_SECRET_ACCESS_KEY\":\"" + secret + "\"}"))
        .isEqualTo("{\"AWS_SECRET_ACCESS_KEY\":\"[REDACTED:aws_secret_access_key]\"}");
  }

  @Test
  void gitHubTokens() {
    // A classic token: 30 random chars and their CRC32 in base62.
    assertRedacted("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", "github_token");
    // The same with its checksum off by one char is not a token.
    assertKept("ghp_Tq4ZmW8rKd2LpX7vNc3BhJ6sFy9GaE3ttQjv");
    assertRedacted("ghs_" + "0123456789abcdefghijklmnopqrstuvwxyz", "github_token");
    assertRedacted(
        "github_pat_11EXAMPLE0_" + "abcdefghijklmnopqrstuvwxyz0123456789", "github_token");
  }

  @Test
  void gitLabSlackGoogleStripeNpm() {
    assertRedacted("glpat-EXAMPLE_example-1234", "gitlab_token");
    assertRedacted("xoxb-0000000000-0000000000000-EXAMPLEexampleEXAMPLEx", "slack_token");
    assertRedacted("xoxp-123-456-789-abcdef0123", "slack_token");
    assertRedacted("AIza" + "SyDOCUMENTED_EXAMPLE_KEY_0123456789", "google_api_key");
    // Stripe's documented test-mode example key.
    assertRedacted("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "stripe_key");
    assertRedacted("sk_live_EXAMPLE00000000000000", "stripe_key");
    assertRedacted("rk_live_EXAMPLE00000000000000", "stripe_key");
    assertRedacted("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", "npm_token");
  }

  @Test
  void afterAnEscapedNewlineInEmbeddedJsonATokenStartsAWord() {
    assertThat(redact("{\"msg\":\"first line\\nAKIAQ3EGRX5PZ7LM2KTD\"}"))
        .isEqualTo("{\"msg\":\"first line\\n[REDACTED:aws_access_key_id]\"}");
  }

  @Test
  void prefixesWithoutAPlausibleBodyAreKept() {
    assertKept("AKIA");
    assertKept("AKIAIOSFODNN7EXAMPL");
    assertKept("AKIAIOSFODNN7EXAMPLE1");
    assertKept("AKIAiosfodnn7example");
    assertKept("ghp_placeholder");
    assertKept("xoxb-");
    assertKept("sk_live_");
    assertKept("pk_live_EXAMPLE00000000000000");
    assertKept("AIzaShort");
    assertKept("npm_install_duration_ms");
  }

  @Test
  void prefixesInsideLongerIdentifiersAreKept() {
    assertKept("XAKIAIOSFODNN7EXAMPLE");
    assertKept("my_ghp_" + "EXAMPLEtoken".repeat(3));
    assertKept("task_sk_live_EXAMPLE00000000000000");
  }
}
