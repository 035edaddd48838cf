package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Cloud and SaaS credentials with a well-known prefix. Bodies are made up or documented examples.
 */
class PrefixedTokenDetectorTest {
  @Test
  void awsAccessKeyIds() {
    // AWS's documented example access key id.
    assertRedacted("AKIAIOSFODNN7EXAMPLE", "aws_access_key_id");
    assertRedacted("ASIAIOSFODNN7EXAMPLE", "aws_access_key_id");
  }

  @Test
  void awsSecretAccessKeysUnderTheirName() {
    // AWS's documented example secret access key.
    String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    assertThat(redact("aws_secret_access_key = " + secret))
        .isEqualTo("aws_secret_access_key = [REDACTED:aws_secret_access_key]");
    assertThat(redact("{\"AWS_SECRET_ACCESS_KEY\":\"" + secret + "\"}"))
        .isEqualTo("{\"AWS_SECRET_ACCESS_KEY\":\"[REDACTED:aws_secret_access_key]\"}");
  }

  @Test
  void gitHubTokens() {
    assertRedacted("ghp_" + "EXAMPLEtoken".repeat(3), "github_token");
    assertRedacted("ghs_" + "0123456789abcdefghijklmnopqrstuvwxyz", "github_token");
    assertRedacted(
        "github_pat_11EXAMPLE0_" + "abcdefghijklmnopqrstuvwxyz0123456789", "github_token");
  }

  @Test
  void gitLabSlackGoogleStripeNpm() {
    assertRedacted("glpat-EXAMPLE_example-1234", "gitlab_token");
    assertRedacted("xoxb-0000000000-0000000000000-EXAMPLEexampleEXAMPLE", "slack_token");
    assertRedacted("xoxp-123-456-789-abcdef0123", "slack_token");
    assertRedacted("AIza" + "SyDOCUMENTED_EXAMPLE_KEY_0123456789", "google_api_key");
    // Stripe's documented test-mode example key.
    assertRedacted("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "stripe_key");
    assertRedacted("sk_live_EXAMPLE00000000000000", "stripe_key");
    assertRedacted("rk_live_EXAMPLE00000000000000", "stripe_key");
    assertRedacted("npm_" + "EXAMPLE0example1EXAMPLE2example3EXAM", "npm_token");
  }

  @Test
  void afterAnEscapedNewlineInEmbeddedJsonATokenStartsAWord() {
    assertThat(redact("{\"msg\":\"first line\\nAKIAIOSFODNN7EXAMPLE\"}"))
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
