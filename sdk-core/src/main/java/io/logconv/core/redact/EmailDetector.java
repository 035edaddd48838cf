package io.logconv.core.redact;

import java.util.List;

/**
 * E-mail addresses, also percent-encoded in URLs ({@code jane.doe%40example.com}): a local part of
 * {@code A–Z a–z 0–9 . _ % + -} (and {@code %XX}), then a domain of at least two labels whose last
 * is 2 or more letters (a domain followed by labels that are not, as in {@code
 * jane@example.com.4111111111111111}, ends at its last such label, so the verdict does not change
 * when what follows is redacted first). Prefilter: {@code @} or {@code %40}. Kept: {@code Object@1b6d3586} (no
 * dot), image digests {@code nginx@sha256:…}, annotations, and the user of a URL without a password
 * ({@code ssh://git@github.com/…}), which is a login, not an address.
 *
 * <pre>{@code
 * EmailDetector.INSTANCE.match("to jane@example.com", 0, 7); // span(3, 19)
 * }</pre>
 */
public final class EmailDetector implements ValueDetector {
  /** The shared instance. */
  public static final EmailDetector INSTANCE = new EmailDetector();

  private static final int MAX_DOMAIN = 253;

  private EmailDetector() {}

  @Override
  public String type() {
    return "email";
  }

  @Override
  public List<String> triggers() {
    return List.of("@", "%40");
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int domainStart = at + (text.charAt(at) == '@' ? 1 : 3);
    // The whole run of local-part chars before the @, however long: a match that began inside it
    // would leave an address in what it kept ("jane@example.co" before a replaced "m…@x.com"),
    // which a second redaction would then find. Each char is read by one @ only.
    int start = at;
    while (start > from && isLocalChar(text.charAt(start - 1))) {
      start--;
    }
    // After a backslash the first char belongs to an escape ("\n" in embedded JSON), not the
    // address.
    if (start > 0 && start < at && text.charAt(start - 1) == '\\') {
      start++;
    }
    while (start < at && text.charAt(start) == '.') {
      start++;
    }
    if (start == at) {
      return NO_MATCH;
    }
    if (start >= 3 && Text.startsWith(text, start - 3, "://")) {
      return NO_MATCH;
    }
    int end = domainEnd(text, domainStart);
    return end < 0 ? NO_MATCH : ValueDetector.span(start, end);
  }

  /**
   * End of a domain name of 2 or more labels, at its last label of 2+ letters from the second on,
   * or -1.
   */
  private static int domainEnd(CharSequence text, int start) {
    int n = Math.min(text.length(), start + MAX_DOMAIN);
    int i = start;
    int labels = 0;
    int end = -1;
    while (i < n) {
      int labelStart = i;
      boolean letters = true;
      while (i < n && (Text.isAlnum(text.charAt(i)) || text.charAt(i) == '-')) {
        letters &= Text.isLetter(text.charAt(i));
        i++;
      }
      int len = i - labelStart;
      if (len == 0 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
        break;
      }
      labels++;
      if (labels >= 2 && letters && len >= 2) {
        end = i;
      }
      if (i + 1 < n && text.charAt(i) == '.' && Text.isAlnum(text.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (end < 0 || Text.charAt(text, end, '_')) {
      return -1;
    }
    return end;
  }

  private static boolean isLocalChar(char c) {
    return Text.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }
}
