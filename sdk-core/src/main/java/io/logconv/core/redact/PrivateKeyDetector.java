package io.logconv.core.redact;

import java.util.List;

/**
 * PEM private key blocks, from {@code -----BEGIN … PRIVATE KEY-----} to the matching {@code END}
 * line, or, when the block was cut off, to the end of the text or of the enclosing JSON string:
 * RSA, EC, DSA, OpenSSH, PKCS#8, encrypted PKCS#8 and PGP private key blocks. Prefilter: {@code
 * -----BEGIN } at a word start. Kept: certificates, public keys, certificate requests.
 *
 * <pre>{@code
 * SecretRedactor.defaults().redact(null, "key: -----BEGIN EC PRIVATE KEY-----\nMHcC…", sb);
 * // "key: [REDACTED:private_key]"
 * }</pre>
 */
public final class PrivateKeyDetector implements ValueDetector {
  /** The shared instance. */
  public static final PrivateKeyDetector INSTANCE = new PrivateKeyDetector();

  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  private static final int MAX_LABEL = 64;

  private PrivateKeyDetector() {}

  @Override
  public String type() {
    return "private_key";
  }

  @Override
  public List<String> triggers() {
    return List.of(BEGIN);
  }

  @Override
  public boolean wordStartOnly() {
    return true;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int labelStart = at + BEGIN.length();
    int labelEnd = Text.indexOf(text, DASHES, labelStart, labelStart + MAX_LABEL + DASHES.length());
    if (labelEnd < 0 || !isPrivateKeyLabel(text, labelStart, labelEnd)) {
      return NO_MATCH;
    }
    // A block never holds a quote, so a quote ends it: in embedded JSON the string ends there, and
    // a block cut off before its END line is hidden up to it (or to the end of the text).
    int limit = stringEnd(text, labelEnd);
    int end = Text.indexOf(text, END, labelEnd + DASHES.length(), limit);
    if (end < 0) {
      return ValueDetector.span(at, limit);
    }
    int close =
        Text.indexOf(
            text, DASHES, end + END.length(), Math.min(limit, end + END.length() + MAX_LABEL + 5));
    return ValueDetector.span(at, close < 0 ? limit : close + DASHES.length());
  }

  /** The first unescaped quote, or the backslash of the first escaped one, or the text's end. */
  private static int stringEnd(CharSequence text, int from) {
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        if (i + 1 < n && text.charAt(i + 1) == '"') {
          return i;
        }
        i++;
      }
    }
    return n;
  }

  private static boolean isPrivateKeyLabel(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!(Text.isUpper(c) || Text.isDigit(c) || c == ' ')) {
        return false;
      }
    }
    return endsWith(text, start, end, "PRIVATE KEY")
        || endsWith(text, start, end, "PRIVATE KEY BLOCK");
  }

  private static boolean endsWith(CharSequence text, int start, int end, String suffix) {
    int s = end - suffix.length();
    return s >= start && Text.startsWith(text, s, suffix);
  }
}
