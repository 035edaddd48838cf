package io.logconv.core.redact;

import java.util.List;

/**
 * Recognises text a redactor wrote earlier ({@code [REDACTED:type]}, {@code h:<12 hex>}), so that
 * the scanner skips it and redaction stays idempotent. Its matches are never reported.
 */
final class AlreadyRedacted implements ValueDetector {
  static final AlreadyRedacted INSTANCE = new AlreadyRedacted();

  private AlreadyRedacted() {}

  @Override
  public String type() {
    return "redacted";
  }

  @Override
  public List<String> triggers() {
    return List.of(Replacements.REDACTED_PREFIX, Replacements.HASH_PREFIX);
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    if (text.charAt(at) == '[') {
      int i = at + Replacements.REDACTED_PREFIX.length();
      int limit = Math.min(text.length(), i + 64);
      while (i < limit) {
        char c = text.charAt(i);
        if (c == ']') {
          return i > at + Replacements.REDACTED_PREFIX.length()
              ? ValueDetector.span(at, i + 1)
              : NO_MATCH;
        }
        if (!(Text.isLower(c) || Text.isDigit(c) || c == '_')) {
          return NO_MATCH;
        }
        i++;
      }
      return NO_MATCH;
    }
    int end = at + Replacements.HASH_LENGTH;
    if (at > 0 && Text.isWordChar(text.charAt(at - 1))) {
      return NO_MATCH;
    }
    if (end <= text.length() && Text.isHash(text, at, end) && !Text.alnumAt(text, end)) {
      return ValueDetector.span(at, end);
    }
    return NO_MATCH;
  }
}
