package io.logconv.core.redact;

import java.util.List;

/**
 * The credential after {@code Bearer} (any case), as in an {@code Authorization} header (RFC 6750
 * token68 characters, at least 8, with a digit or both cases, so that prose like "Bearer
 * authentication failed" stays). Only the token is replaced: {@code Bearer
 * [REDACTED:bearer_token]}. Prefilter: {@code Be} in any case at a word start, then {@code arer}
 * and a space.
 *
 * <pre>{@code
 * SecretRedactor.defaults().redact(null, "Authorization: Bearer mF_9.B5f-4.1JqM", sb);
 * }</pre>
 */
public final class BearerTokenDetector implements ValueDetector {
  /** The shared instance. */
  public static final BearerTokenDetector INSTANCE = new BearerTokenDetector();

  private static final int MIN_LENGTH = 8;

  private BearerTokenDetector() {}

  @Override
  public String type() {
    return "bearer_token";
  }

  @Override
  public List<String> triggers() {
    // Both letters, in either case: a word starting "b" and going on otherwise is passed over
    // without a call.
    return List.of("Be", "be", "BE", "bE");
  }

  @Override
  public boolean wordStartOnly() {
    return true;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int start = Text.credentialStart(text, at, "bearer");
    if (start < 0) {
      return NO_MATCH;
    }
    int n = text.length();
    int i = start;
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    while (i < n && isToken68(text.charAt(i))) {
      char c = text.charAt(i);
      digit |= Text.isDigit(c);
      upper |= Text.isUpper(c);
      lower |= Text.isLower(c);
      i++;
    }
    // A dot ending a sentence is not part of the token.
    while (i > start && text.charAt(i - 1) == '.') {
      i--;
    }
    while (i < n && text.charAt(i) == '=') {
      i++;
    }
    if (i - start < MIN_LENGTH
        || !(digit || (upper && lower))
        || Text.alnumAt(text, i)
        || Text.charAt(text, i, '[')
        || Text.isDocumentedExample(text, start, i)) {
      return NO_MATCH;
    }
    return ValueDetector.span(start, i);
  }

  static boolean isToken68(char c) {
    return Text.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }
}
