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

  /** The value of a base64 digit ({@code A-Za-z0-9+/}), or -1. */
  static int base64Value(char c) {
    if (isUpper(c)) {
      return c - 'A';
    }
    if (isLower(c)) {
      return c - 'a' + 26;
    }
    if (isDigit(c)) {
      return c - '0' + 52;
    }
    if (c == '+') {
      return 62;
    }
    if (c == '/') {
      return 63;
    }
    return -1;
  }

  static boolean hexAt(CharSequence s, int i) {
    return i >= 0 && i < s.length() && isHex(s.charAt(i));
  }

  /**
   * True if the char at {@code i} is the letter of a backslash escape ({@code \n}, {@code \b} of
   * embedded JSON): an odd number of backslashes stands right before it.
   */
  static boolean escapedAt(CharSequence s, int i) {
    int j = i - 1;
    while (j >= 0 && s.charAt(j) == '\\') {
      j--;
    }
    return ((i - 1 - j) & 1) == 1;
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
   * null}, a hash {@code h:<12 hex>}, masked ({@code ****…}, {@code •••}, {@code xxxx}, {@code
   * XXXX-XXXX}), a placeholder in brackets ({@code [REDACTED:x]}, {@code <secret>}, {@code <your
   * token>}, {@code {{ .token }}}), a variable or command a shell or a template fills in ({@code
   * ${DB_PASSWORD}}, {@code $DB_PASSWORD}, {@code $(cat /run/secrets/db)}), or a vendor's
   * documented example key ({@code …EXAMPLE}, {@code …EXAMPLEKEY}). Such values are kept, which
   * makes redaction idempotent.
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
    if (first == '$' && len >= 2) {
      char second = s.charAt(start + 1);
      if ((second == '{' && last == '}') || (second == '(' && last == ')')) {
        return true;
      }
      if (isVariableName(s, start + 1, end)) {
        return true;
      }
    }
    if (first == '{' && len >= 4 && s.charAt(start + 1) == '{' && last == '}') {
      return true;
    }
    if (len == 4 && startsWith(s, start, "null")) {
      return true;
    }
    return isMaskRun(s, start, end) || isDocumentedExample(s, start, end) || isHash(s, start, end);
  }

  /**
   * If a bracketed placeholder starts at {@code start} ({@code $(…)}, {@code ${…}}, {@code {{…}}},
   * {@code <…>}, {@code […]}, on one line, at most 256 chars, spaces allowed inside), the index after
   * its closing bracket; else -1. Value readers that stop at a space ask it first, so that {@code
   * <your token>} and {@code $(cat /run/secrets/db)} are read whole.
   */
  static int placeholderEnd(CharSequence s, int start) {
    int n = s.length();
    if (start + 1 >= n) {
      return -1;
    }
    char c = s.charAt(start);
    char d = s.charAt(start + 1);
    String close;
    int from;
    if (c == '$' && d == '(') {
      close = ")";
      from = start + 2;
    } else if (c == '$' && d == '{') {
      close = "}";
      from = start + 2;
    } else if (c == '{' && d == '{') {
      close = "}}";
      from = start + 2;
    } else if (c == '<') {
      close = ">";
      from = start + 1;
    } else if (c == '[') {
      close = "]";
      from = start + 1;
    } else {
      return -1;
    }
    int limit = Math.min(n, start + 256);
    for (int i = from; i < limit; i++) {
      char x = s.charAt(i);
      if (x == '\n' || x == '\r' || x == '"' || (close.charAt(0) != ')' && x == c)) {
        return -1;
      }
      if (startsWith(s, i, close)) {
        return i > from ? i + close.length() : -1;
      }
    }
    return -1;
  }

  /**
   * True if {@code s[start, end)} is a word that stands in for a password where a key says it is
   * one ({@code password=changeme}): a default or a note, not a value.
   */
  static boolean isPasswordPlaceholderWord(CharSequence s, int start, int end) {
    for (String w : PASSWORD_PLACEHOLDERS) {
      if (end - start == w.length() && startsWithIgnoreCase(s, start, w)) {
        return true;
      }
    }
    return false;
  }

  private static final String[] PASSWORD_PLACEHOLDERS = {
    "changeme", "change_me", "change-me", "changeit", "placeholder", "none", "unset", "notset",
    "redacted", "hidden", "masked", "secret", "password"
  };

  /** {@code [A-Za-z_][A-Za-z0-9_]*}, the whole of {@code s[start, end)}. */
  private static boolean isVariableName(CharSequence s, int start, int end) {
    if (start >= end || !(isLetter(s.charAt(start)) || s.charAt(start) == '_')) {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      if (!isWordChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Three or more {@code x}/{@code X}, with nothing but {@code - _ .} between them. */
  private static boolean isMaskRun(CharSequence s, int start, int end) {
    int xs = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == 'x' || c == 'X') {
        xs++;
      } else if (c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return xs >= 3;
  }

  /** A key from a vendor's documentation: AWS's end with {@code EXAMPLE} or {@code EXAMPLEKEY}. */
  static boolean isDocumentedExample(CharSequence s, int start, int end) {
    return (end - start > 7 && startsWith(s, end - 7, "EXAMPLE"))
        || indexOf(s, "EXAMPLEKEY", start, end) >= 0;
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
