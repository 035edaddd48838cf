package io.logconv.core.redact;

import java.util.List;

/**
 * {@code key=value} and {@code key: value} pairs inside text whose key a key rule covers: {@code
 * password=hunter2}, {@code secret: s3cr3t}, {@code "token":"abc"} and {@code \"token\":\"abc\"} in
 * embedded JSON, {@code ;Password=x;} in connection strings, {@code ?access_token=…} in URLs,
 * {@code aws_secret_access_key = …} in config dumps. The value is replaced (quoted: up to its
 * closing quote; unquoted: up to a space or one of {@code , ; & ) ] } " ' \ < >}; for {@code
 * authorization} and {@code cookie} headers: up to the end of the line or one of {@code , ] } " '
 * \}), and the match reports the rule's type, so that PII keys are hashed as values under them are.
 * Prefilter: {@code =} or {@code :}. Kept: keys that merely contain a word ({@code
 * token_endpoint=…}), placeholders, already redacted values, {@code null}, and a PEM block (which
 * the private key detector replaces whole).
 */
final class KeyValueDetector implements ValueDetector {
  /** Longer words are not keys; the bound keeps the backward read short on long tokens. */
  private static final int MAX_KEY = 128;

  private final KeyRules rules;

  KeyValueDetector(KeyRules rules) {
    this.rules = rules;
  }

  @Override
  public String type() {
    return SecretRedactor.PAIRS;
  }

  @Override
  public List<String> triggers() {
    return List.of("=", ":");
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int n = text.length();
    char sep = text.charAt(at);
    char before = at > 0 ? text.charAt(at - 1) : ' ';
    char after = at + 1 < n ? text.charAt(at + 1) : ' ';
    if (sep == '='
        ? (after == '=' || before == '=' || before == '!' || before == '<' || before == '>')
        : (after == ':' || before == ':' || (after == '/' && Text.charAt(text, at + 2, '/')))) {
      // "a == b", "a != b", "a::b", and "password://…" (a URL, left to the URL detector).
      return NO_MATCH;
    }
    KeyRules.Rule rule = ruleBefore(text, from, at);
    if (rule == null) {
      return NO_MATCH;
    }
    int i = at + 1;
    // "key = value" and "key: value", but "key= next words" has an empty value.
    boolean spacesAllowed = sep == ':' || before == ' ' || before == '\t';
    while (spacesAllowed && i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i >= n) {
      return NO_MATCH;
    }
    int start;
    int end;
    char c = text.charAt(i);
    if (c == '\\' && Text.charAt(text, i + 1, '"')) {
      start = i + 2;
      end = escapedQuoteEnd(text, start);
    } else if (c == '"' || c == '\'') {
      start = i + 1;
      end = closingQuote(text, start, c);
      if (looksLikeStructure(text, start, end)) {
        return NO_MATCH;
      }
    } else if (c == '[' || c == '<' || Text.placeholderEnd(text, i) >= 0) {
      // ${DB_PASSWORD}, $(cat …), {{ .token }}, <secret>, [REDACTED:…]: a placeholder, not a value.
      return NO_MATCH;
    } else {
      start = i;
      // "token: Bearer abc": a credential with its scheme runs on like a header value.
      end = unquotedEnd(text, start, isHeader(rule) || startsWithScheme(text, start));
    }
    if (start < from
        || end <= start
        || Text.isPlaceholder(text, start, end)
        || schemeWithPlaceholder(text, start)
        || (isPassword(rule) && Text.isPasswordPlaceholderWord(text, start, end))
        || Text.startsWith(text, start, "-----BEGIN ")) {
      return NO_MATCH;
    }
    return ValueDetector.span(start, end);
  }

  @Override
  public String matchType(CharSequence text, int at, long span) {
    KeyRules.Rule rule = ruleBefore(text, 0, at);
    return rule == null ? type() : rule.type;
  }

  /** True if the pair found at {@code at} is under a PII rule (hashed by default). */
  boolean isPii(CharSequence text, int at) {
    KeyRules.Rule rule = ruleBefore(text, 0, at);
    return rule != null && rule.pii;
  }

  /** The rule of the key word before the separator at {@code at}, skipping quotes and spaces. */
  private KeyRules.Rule ruleBefore(CharSequence text, int from, int at) {
    // The key is read back from the separator, at most MAX_KEY chars.
    int j = at - 1;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j--;
    }
    if (j >= 0 && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
      j--;
      if (j >= 0 && text.charAt(j) == '\\') {
        j--;
      }
    }
    int keyEnd = j + 1;
    int limit = keyEnd - MAX_KEY;
    while (j >= 0 && j >= limit && isKeyChar(text.charAt(j))) {
      j--;
    }
    // Key rules look at a key's end, so a key that runs into an earlier match (digits of a
    // redacted number before "password=") or past MAX_KEY is judged by the part that is left:
    // rejecting it instead would let the value through on the first pass and not the second.
    int keyStart = Math.max(j + 1, from);
    if (keyEnd - keyStart < 2) {
      return null;
    }
    return rules.find(text, keyStart, keyEnd);
  }

  /**
   * True if the "quoted value" is really the gap between two JSON strings, as in {@code
   * "password=","ok":1} (an empty value at the end of a string): it starts with a comma or bracket,
   * or is followed by a colon, so it is a key. A {@code ::} is no key's colon (it starts an IPv6
   * address such as {@code ::ffff:…}), so that a value stays one after the address is replaced.
   */
  static boolean looksLikeStructure(CharSequence text, int start, int end) {
    if (start < end) {
      char first = text.charAt(start);
      // "::" starts a value (an IPv6 address such as "::ffff:…"), not the gap after a key.
      boolean colon = first == ':' && !Text.charAt(text, start + 1, ':');
      if (first == ',' || colon || first == '}' || first == ']') {
        return true;
      }
    }
    int j = end + 1;
    while (j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    return Text.charAt(text, j, ':') && !Text.charAt(text, j + 1, ':');
  }

  private static boolean isKeyChar(char c) {
    return Text.isWordChar(c) || c == '-' || c == '.';
  }

  /** {@code Bearer ${TOKEN}}, {@code Basic $CREDENTIALS}: a scheme, then a placeholder word. */
  private static boolean schemeWithPlaceholder(CharSequence text, int start) {
    int c = -1;
    for (String scheme : SCHEMES) {
      c = Text.credentialStart(text, start, scheme);
      if (c >= 0) {
        break;
      }
    }
    if (c < 0) {
      return false;
    }
    int n = text.length();
    if (c >= n || Text.placeholderEnd(text, c) >= 0) {
      return true;
    }
    int end = c;
    while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"'
        && text.charAt(end) != '\'' && text.charAt(end) != '\\' && text.charAt(end) != ',') {
      end++;
    }
    return end > c && Text.isPlaceholder(text, c, end);
  }

  private static final String[] SCHEMES = {"bearer", "basic", "digest"};

  private static boolean startsWithScheme(CharSequence text, int start) {
    return Text.startsWithIgnoreCase(text, start, "bearer ")
        || Text.startsWithIgnoreCase(text, start, "basic ")
        || Text.startsWithIgnoreCase(text, start, "digest ");
  }

  private static boolean isPassword(KeyRules.Rule rule) {
    return "password".equals(rule.type);
  }

  private static boolean isHeader(KeyRules.Rule rule) {
    return "authorization".equals(rule.type) || "cookie".equals(rule.type);
  }

  private static int closingQuote(CharSequence text, int start, char quote) {
    int n = text.length();
    for (int i = start; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n' || c == '\r') {
        return i;
      } else if (c == '"') {
        // A single-quoted value inside a JSON string ends with that string at the latest.
        return i;
      }
    }
    // An unterminated quote: hide to the end rather than leave the secret's tail.
    return Math.min(n, Math.max(start, lastNonBackslash(text, start, n)));
  }

  /** End of {@code text[start, n)} without a trailing odd backslash, which would escape a quote. */
  private static int lastNonBackslash(CharSequence text, int start, int n) {
    int end = n;
    while (end > start && text.charAt(end - 1) == '\\') {
      end--;
    }
    return end;
  }

  private static int unquotedEnd(CharSequence text, int start, boolean header) {
    int n = text.length();
    int i = start;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '\\' || c == ',' || c == ']'
          || c == '}') {
        break;
      }
      if (!header
          && (c == ' ' || c == '\t' || c == ';' || c == '&' || c == ')' || c == '<' || c == '>')) {
        break;
      }
      if (c == '[' && Text.startsWith(text, i, Replacements.REDACTED_PREFIX)) {
        // Earlier output ends the value, so that redacting again finds the same value.
        break;
      }
      i++;
    }
    // A header value ends at the line's end: keep the spaces before it.
    while (header && i > start && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    return i;
  }

  /**
   * End of a value quoted with {@code \"} inside a JSON string: the next {@code \"}, or an
   * unescaped quote (the enclosing string ends there), or the end of the line.
   */
  private static int escapedQuoteEnd(CharSequence text, int start) {
    int n = text.length();
    for (int i = start; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 < n && text.charAt(i + 1) == '"') {
          return i;
        }
        i++;
      } else if (c == '"' || c == '\n' || c == '\r') {
        return i;
      }
    }
    return lastNonBackslash(text, start, n);
  }
}
