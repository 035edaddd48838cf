package io.logconv.core.redact;

import java.util.List;

/**
 * The credentials after {@code Basic} (any case), as in an {@code Authorization} header: base64 of
 * {@code user:password} (RFC 7617). The base64 is decoded on the fly and must hold a {@code :}, so
 * that prose like "Basic auth disabled" stays. Only the credentials are replaced. Prefilter: {@code
 * Ba} in any case at a word start, then {@code sic} and a space.
 *
 * <pre>{@code
 * SecretRedactor.defaults().redact(null, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", sb);
 * // "Basic [REDACTED:basic_auth]"
 * }</pre>
 */
public final class BasicCredentialsDetector implements ValueDetector {
  /** The shared instance. */
  public static final BasicCredentialsDetector INSTANCE = new BasicCredentialsDetector();

  private BasicCredentialsDetector() {}

  @Override
  public String type() {
    return "basic_auth";
  }

  @Override
  public List<String> triggers() {
    // Both letters, in either case: a word starting "b" and going on otherwise is passed over
    // without a call.
    return List.of("Ba", "ba", "BA", "bA");
  }

  @Override
  public boolean wordStartOnly() {
    return true;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int start = Text.credentialStart(text, at, "basic");
    if (start < 0) {
      return NO_MATCH;
    }
    int n = text.length();
    int i = start;
    int bits = 0;
    int acc = 0;
    boolean colon = false;
    while (i < n) {
      int v = Text.base64Value(text.charAt(i));
      if (v < 0) {
        break;
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        colon |= ((acc >> bits) & 0xFF) == ':';
      }
      i++;
    }
    int dataEnd = i;
    while (i < n && text.charAt(i) == '=') {
      i++;
    }
    if (dataEnd - start < 4 || !colon || Text.alnumAt(text, i) || Text.charAt(text, i, '[')) {
      return NO_MATCH;
    }
    return ValueDetector.span(start, i);
  }
}
