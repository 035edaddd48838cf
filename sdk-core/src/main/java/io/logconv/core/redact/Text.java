package io.logconv.core.redact;

/** Character tests shared by the detectors; ASCII only, allocation-free. */
final class Text {
  private Text() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean isLetter(char c) {
    return isUpper(c) || isLower(c);
  }

  static boolean isAlnum(char c) {
    return isLetter(c) || isDigit(c);
  }

  /** Letters, digits and {@code _}: what continues a word for the word-start prefilter. */
  static boolean isWordChar(char c) {
    return isAlnum(c) || c == '_';
  }

  static boolean isHexLower(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f');
  }

  static boolean isHex(char c) {
    return isHexLower(c) || (c >= 'A' && c <= 'F');
  }

  static char lower(char c) {
    return isUpper(c) ? (char) (c + ('a' - 'A')) : c;
  }

  /** True if {@code i} is inside {@code s} and holds an ASCII letter or digit. */
  static boolean alnumAt(CharSequence s, int i) {
    return i >= 0 && i < s.length() && isAlnum(s.charAt(i));
  }

  static boolean charAt(CharSequence s, int i, char c) {
    return i >= 0 && i < s.length() && s.charAt(i) == c;
  }

  static boolean digitAt(CharSequence s, int i) {
    return i >= 0 && i < s.length() && isDigit(s.charAt(i));
  }

  /** True if {@code literal} occurs in {@code s} at {@code at}. */
  static boolean startsWith(CharSequence s, int at, String literal) {
    int n = literal.length();
    if (at < 0 || at + n > s.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (s.charAt(at + k) != literal.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Like {@link #startsWith} but ASCII case-insensitive; {@code lowerLiteral} is lowercase. */
  static boolean startsWithIgnoreCase(CharSequence s, int at, String lowerLiteral) {
    int n = lowerLiteral.length();
    if (at < 0 || at + n > s.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (lower(s.charAt(at + k)) != lowerLiteral.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the credential after an HTTP authentication scheme starts: {@code at} holds {@code
   * lowerScheme} (any case) followed by at least one space or tab; returns the index after them,
   * or -1.
   */
  static int credentialStart(CharSequence s, int at, String lowerScheme) {
    if (!startsWithIgnoreCase(s, at, lowerScheme)) {
      return -1;
    }
    int n = s.length();
    int i = at + lowerScheme.length();
    int spaces = i;
    while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i == spaces ? -1 : i;
  }

  /** Index of {@code literal} in {@code s} at or after {@code from} and before {@code limit}. */
  static int indexOf(CharSequence s, String literal, int from, int limit) {
    int last = Math.min(limit, s.length()) - literal.length();
    char first = literal.charAt(0);
    for (int i = Math.max(from, 0); i <= last; i++) {
      if (s.charAt(i) == first && startsWith(s, i, literal)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * True if {@code s[start, end)} already hides something or stands for a value: empty, {@code
   * null}, a hash {@code h:<12 hex>}, masked ({@code ****…}, {@code •••}), or a placeholder in
   * brackets: {@code [REDACTED:x]}, {@code <secret>}, {@code ${DB_PASSWORD}}, {@code {{ .token }}}.
   * Such values are kept, which makes redaction idempotent.
   */
  static boolean isPlaceholder(CharSequence s, int start, int end) {
    int len = end - start;
    if (len <= 0) {
      return true;
    }
    char first = s.charAt(start);
    char last = s.charAt(end - 1);
    if (first == '*' || first == '\u2022') {
      return true;
    }
    if ((first == '[' && last == ']') || (first == '<' && last == '>')) {
      return true;
    }
    if (first == '$' && len >= 3 && s.charAt(start + 1) == '{' && last == '}') {
      return true;
    }
    if (first == '{' && len >= 4 && s.charAt(start + 1) == '{' && last == '}') {
      return true;
    }
    if (len == 4 && startsWith(s, start, "null")) {
      return true;
    }
    return isHash(s, start, end);
  }

  /** True if {@code s[start, end)} is exactly a hash replacement {@code h:<12 lowercase hex>}. */
  static boolean isHash(CharSequence s, int start, int end) {
    if (end - start != Replacements.HASH_LENGTH
        || !startsWith(s, start, Replacements.HASH_PREFIX)) {
      return false;
    }
    for (int i = start + Replacements.HASH_PREFIX.length(); i < end; i++) {
      if (!isHexLower(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
