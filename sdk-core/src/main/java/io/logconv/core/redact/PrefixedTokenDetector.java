package io.logconv.core.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * Well-known credentials that announce themselves with a fixed prefix: AWS access key ids, GitHub,
 * GitLab, Slack, Google API, Stripe, npm and PyPI tokens. Each constant is one type; its prefixes
 * are the prefilter (at a word start), then the body must have the documented alphabet and length,
 * and end at a word boundary. Kept: the prefix alone or with a short body ({@code
 * ghp_placeholder}), longer identifiers that merely contain a prefix, vendors' documented example
 * keys ({@code AKIAIOSFODNN7EXAMPLE}).
 *
 * <pre>{@code
 * PrefixedTokenDetector.AWS_ACCESS_KEY_ID.match("id AKIAQ3EGRX5PZ7LM2KTD", 0, 3); // span(3, 23)
 * }</pre>
 */
public final class PrefixedTokenDetector implements ValueDetector {
  /**
   * AWS access key ids: {@code AKIA} (long-term) or {@code ASIA} (temporary) and 16 of A–Z, 0–9.
   */
  public static final PrefixedTokenDetector AWS_ACCESS_KEY_ID =
      new PrefixedTokenDetector("aws_access_key_id", Alphabet.UPPER_DIGIT, 16, 16, "AKIA", "ASIA");

  /** GitHub tokens: {@code ghp_ gho_ ghu_ ghs_ ghr_} and 36 or more letters and digits. */
  public static final PrefixedTokenDetector GITHUB_TOKEN =
      new PrefixedTokenDetector(
          "github_token", Alphabet.ALNUM, 36, 255, "ghp_", "gho_", "ghu_", "ghs_", "ghr_");

  /** GitHub fine-grained personal access tokens: {@code github_pat_} and 22 or more. */
  public static final PrefixedTokenDetector GITHUB_PAT =
      new PrefixedTokenDetector("github_token", Alphabet.ALNUM_UNDERSCORE, 22, 255, "github_pat_");

  /** GitLab personal access tokens: {@code glpat-} and 20 or more. */
  public static final PrefixedTokenDetector GITLAB_TOKEN =
      new PrefixedTokenDetector("gitlab_token", Alphabet.BASE64URL, 20, 255, "glpat-");

  /**
   * Slack tokens {@code xox?-…} (bot, user, app, refresh, …): 20 or more of A–Z, a–z, 0–9, -.
   * Slack's tokens run to 50 and more; {@code xoxb-12345-abcd234} is an example, not a token.
   */
  public static final PrefixedTokenDetector SLACK_TOKEN =
      new PrefixedTokenDetector("slack_token", Alphabet.ALNUM_DASH, 20, 255, "xox?-");

  /** Google API keys: {@code AIza} and exactly 35 base64url characters. */
  public static final PrefixedTokenDetector GOOGLE_API_KEY =
      new PrefixedTokenDetector("google_api_key", Alphabet.BASE64URL, 35, 35, "AIza");

  /** Stripe secret and restricted keys, live and test mode; publishable keys are public. */
  public static final PrefixedTokenDetector STRIPE_KEY =
      new PrefixedTokenDetector(
          "stripe_key", Alphabet.ALNUM, 16, 255, "sk_live_", "rk_live_", "sk_test_", "rk_test_");

  /** npm access tokens: {@code npm_} and 36 letters and digits. */
  public static final PrefixedTokenDetector NPM_TOKEN =
      new PrefixedTokenDetector("npm_token", Alphabet.ALNUM, 36, 36, "npm_");

  /** PyPI API tokens: {@code pypi-AgEIcHlwaS5vcmc} (a macaroon for pypi.org) and the rest. */
  public static final PrefixedTokenDetector PYPI_TOKEN =
      new PrefixedTokenDetector("pypi_token", Alphabet.BASE64URL, 50, 1024, "pypi-AgEIcHlwaS5vcmc");

  /** All of the above, in the order the scanner tries them. */
  public static final List<PrefixedTokenDetector> ALL =
      List.of(
          AWS_ACCESS_KEY_ID,
          GITHUB_TOKEN,
          GITHUB_PAT,
          GITLAB_TOKEN,
          SLACK_TOKEN,
          GOOGLE_API_KEY,
          STRIPE_KEY,
          NPM_TOKEN,
          PYPI_TOKEN);

  /** The characters a token body may hold. */
  enum Alphabet {
    UPPER_DIGIT,
    ALNUM,
    ALNUM_UNDERSCORE,
    ALNUM_DASH,
    BASE64URL;

    boolean contains(char c) {
      return switch (this) {
        case UPPER_DIGIT -> Text.isUpper(c) || Text.isDigit(c);
        case ALNUM -> Text.isAlnum(c);
        case ALNUM_UNDERSCORE -> Text.isWordChar(c);
        case ALNUM_DASH -> Text.isAlnum(c) || c == '-';
        case BASE64URL -> Text.isWordChar(c) || c == '-';
      };
    }
  }

  private final String type;
  private final Alphabet alphabet;
  private final int minBody;
  private final int maxBody;

  /** Prefixes; {@code ?} stands for one ASCII letter. */
  private final List<String> prefixes;

  private final List<String> triggers;

  PrefixedTokenDetector(
      String type, Alphabet alphabet, int minBody, int maxBody, String... prefixes) {
    this.type = type;
    this.alphabet = alphabet;
    this.minBody = minBody;
    this.maxBody = maxBody;
    this.prefixes = List.of(prefixes);
    List<String> t = new ArrayList<>();
    for (String p : prefixes) {
      int q = p.indexOf('?');
      t.add(q < 0 ? p : p.substring(0, q));
    }
    this.triggers = List.copyOf(t);
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public List<String> triggers() {
    return triggers;
  }

  @Override
  public boolean wordStartOnly() {
    return true;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    for (int p = 0; p < prefixes.size(); p++) {
      String prefix = prefixes.get(p);
      if (prefixAt(text, at, prefix)) {
        long span = body(text, at, at + prefix.length());
        if (span != NO_MATCH) {
          return span;
        }
      }
    }
    return NO_MATCH;
  }

  private long body(CharSequence text, int at, int bodyStart) {
    int n = text.length();
    int i = bodyStart;
    int limit = Math.min(n, bodyStart + maxBody);
    while (i < limit && alphabet.contains(text.charAt(i))) {
      i++;
    }
    int len = i - bodyStart;
    if (len < minBody
        || (i < n && (alphabet.contains(text.charAt(i)) || Text.isWordChar(text.charAt(i))))
        || Text.isDocumentedExample(text, bodyStart, i)) {
      return NO_MATCH;
    }
    return ValueDetector.span(at, i);
  }

  private static boolean prefixAt(CharSequence text, int at, String prefix) {
    int n = prefix.length();
    if (at + n > text.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      char p = prefix.charAt(k);
      char c = text.charAt(at + k);
      if (p == '?' ? !Text.isLetter(c) : p != c) {
        return false;
      }
    }
    return true;
  }
}
