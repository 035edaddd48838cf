package io.logconv.core.redact;

import java.util.List;

/**
 * JSON Web Tokens (and JWE): three to five base64url segments joined by dots, the first starting
 * with {@code eyJ} (base64 of <code>{"</code>). Prefilter: {@code eyJ} at a word start. Kept: a
 * lone base64 blob starting with {@code eyJ} without the dots.
 *
 * <pre>{@code
 * JwtDetector.INSTANCE.match("t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", 0, 2); // span(2, 43)
 * }</pre>
 */
public final class JwtDetector implements ValueDetector {
  /** The shared instance. */
  public static final JwtDetector INSTANCE = new JwtDetector();

  private static final int MIN_HEADER = 10;
  private static final int MIN_PAYLOAD = 4;

  private JwtDetector() {}

  @Override
  public String type() {
    return "jwt";
  }

  @Override
  public List<String> triggers() {
    return List.of("eyJ");
  }

  @Override
  public boolean wordStartOnly() {
    return true;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int n = text.length();
    int i = segmentEnd(text, at, n);
    if (i - at < MIN_HEADER || !Text.charAt(text, i, '.')) {
      return NO_MATCH;
    }
    int payloadStart = i + 1;
    i = segmentEnd(text, payloadStart, n);
    if (i - payloadStart < MIN_PAYLOAD || !Text.charAt(text, i, '.')) {
      return NO_MATCH;
    }
    // The signature may be empty (alg "none"); a JWE has two more segments.
    i = segmentEnd(text, i + 1, n);
    for (int extra = 0; extra < 2 && Text.charAt(text, i, '.'); extra++) {
      int next = segmentEnd(text, i + 1, n);
      if (next == i + 1) {
        break;
      }
      i = next;
    }
    if (i < n && (isBase64Url(text.charAt(i)) || text.charAt(i) == '.')) {
      return NO_MATCH;
    }
    return ValueDetector.span(at, i);
  }

  private static int segmentEnd(CharSequence text, int i, int n) {
    while (i < n && isBase64Url(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isBase64Url(char c) {
    return Text.isAlnum(c) || c == '-' || c == '_';
  }
}
