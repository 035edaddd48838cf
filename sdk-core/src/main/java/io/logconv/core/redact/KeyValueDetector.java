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
    return List.of("=", ":", ">");
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int n = text.length();
    char sep = text.charAt(at);
    if (sep == '>') {
      return elementValue(text, from, at);
    }
    char before = at > 0 ? text.charAt(at - 1) : ' ';
    char after = at + 1 < n ? text.charAt(at + 1) : ' ';
    // The assignments of languages and build tools: "token := v" (Go), "password => v" (Ruby,
    // PHP), "PASSWORD ?= v" and "+= v" (make): the operator's second char is skipped.
    boolean operatorBefore = operatorBefore(text, at);
    boolean operator =
        (sep == ':' && after == '=') || (sep == '=' && after == '>') || operatorBefore;
    if (!operator
        && (sep == '='
            ? (after == '=' || before == '=' || before == '!' || before == '<' || before == '>')
            : (after == ':' || before == ':' || (after == '/' && Text.charAt(text, at + 2, '/'))))) {
      // "a == b", "a != b", "a::b", and "password://…" (a URL, left to the URL detector).
      return NO_MATCH;
    }
    KeyRules.Rule rule = ruleBefore(text, from, operatorBefore ? at - 1 : at);
    if (rule == null) {
      return namedValue(text, from, at);
    }
    int i = operator && !operatorBefore ? at + 2 : at + 1;
    // "key = value" and "key: value", but "key= next words" has an empty value.
    boolean spacesAllowed = sep == ':' || operator || before == ' ' || before == '\t';
    while (spacesAllowed && i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    long value = valueAt(rule, text, from, i, sep == ':', false);
    return value == NO_MATCH
        ? NO_MATCH
        : verdict(rule, text, ValueDetector.start(value), ValueDetector.end(value));
  }

  /**
   * The value that starts at {@code i} (after the separator and its spaces): a value quoted with
   * {@code "}, {@code '} or an escaped {@code \\"} up to its closing quote; an unquoted one up to a
   * space or one of {@code , ; & ) ] } " ' \\ < >} (a header value or one starting with an auth
   * scheme to the line's end). Its span, or {@link #NO_MATCH} for none, for a placeholder in
   * brackets, for the gap between two JSON strings, and for the next YAML key ({@code yamlKeys}:
   * {@code token:} in {@code user: token: abc}, whose own pair is found at its colon). A quoted
   * value of a name/value pair's {@code value} field ({@code valueField}) is the secret its name
   * field names, whatever follows it: a colon after it makes it no key.
   */
  private static long valueAt(
      KeyRules.Rule rule,
      CharSequence text,
      int from,
      int i,
      boolean yamlKeys,
      boolean valueField) {
    int n = text.length();
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
      if (startsLikeStructure(text, start, end)
          || (!valueField && followedByKeyColon(text, end))) {
        return NO_MATCH;
      }
    } else if (c == '{'
        && (Text.charAt(text, i + 1, '"')
            || (Text.charAt(text, i + 1, '\\') && Text.charAt(text, i + 2, '"')))) {
      // "user":{"id":7}: a JSON object under the key, whose own pairs are found at their colons.
      return NO_MATCH;
    } else if (c == '[' || c == '<' || Text.placeholderEnd(text, i) >= 0) {
      // ${DB_PASSWORD}, $(cat …), {{ .token }}, <secret>, [REDACTED:…]: a placeholder, not a value.
      return NO_MATCH;
    } else {
      start = i;
      // "token: Bearer abc": a credential with its scheme runs on like a header value.
      boolean header = rule != null && (isHeader(rule) || startsWithScheme(text, start));
      end = unquotedEnd(text, start, header);
      if (yamlKeys && isNextKey(text, start, end)) {
        return NO_MATCH;
      }
    }
    if (start < from || end <= start) {
      return NO_MATCH;
    }
    return ValueDetector.span(start, end);
  }

  @Override
  public String matchType(CharSequence text, int at, long span) {
    KeyRules.Rule rule = ruleOf(text, at);
    return rule == null ? type() : rule.type;
  }

  /** True if the pair found at {@code at} is under a PII rule (hashed by default). */
  boolean isPii(CharSequence text, int at) {
    KeyRules.Rule rule = ruleOf(text, at);
    return rule != null && rule.pii;
  }

  /** The rule a match at {@code at} was made under: its key's, or the name's of a name/value. */
  private KeyRules.Rule ruleOf(CharSequence text, int at) {
    char sep = text.charAt(at);
    if (sep == '>') {
      return elementRule(text, at);
    }
    KeyRules.Rule rule = ruleBefore(text, 0, operatorBefore(text, at) ? at - 1 : at);
    return rule != null ? rule : namedRule(text, at);
  }

  /** True if the {@code =} at {@code at} ends a {@code ?=} or {@code +=} (make's assignments). */
  private static boolean operatorBefore(CharSequence text, int at) {
    char before = at >= 2 ? text.charAt(at - 1) : ' ';
    return text.charAt(at) == '=' && (before == '?' || before == '+');
  }

  /**
   * True if the unquoted "value" {@code text[start, end)} is a YAML key followed by its own value
   * ({@code token:} in {@code user: token: abc}): key chars, one colon at the end, then a space.
   */
  private static boolean isNextKey(CharSequence text, int start, int end) {
    if (end - start < 3 || text.charAt(end - 1) != ':' || !Text.charAt(text, end, ' ')) {
      return false;
    }
    for (int i = start; i < end - 1; i++) {
      if (!isKeyChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // ---- <password>v</password> -------------------------------------------------------------

  /** The rule of the element whose start tag ends at {@code at}, as in {@code <password>}. */
  private KeyRules.Rule elementRule(CharSequence text, int at) {
    int j = at - 1;
    while (j >= 0 && at - j <= MAX_KEY && isKeyChar(text.charAt(j))) {
      j--;
    }
    if (j < 0 || text.charAt(j) != '<' || at - j < 3) {
      return null;
    }
    return rules.find(text, j + 1, at);
  }

  /** The text of an element a key rule names, up to its end tag: {@code <password>v</password>}. */
  private long elementValue(CharSequence text, int from, int at) {
    if (elementRule(text, at) == null) {
      return NO_MATCH;
    }
    int start = at + 1;
    int n = text.length();
    int end = start;
    while (end < n && end - start < 1024) {
      char c = text.charAt(end);
      // The element's text ends at its end tag; a quote or backslash of embedded JSON ends the
      // search, so that a match never crosses one.
      if (c == '<' || c == '\n' || c == '\r' || c == '"' || c == '\\') {
        break;
      }
      end++;
    }
    if (start < from
        || end <= start
        || text.charAt(start) == '['
        || !Text.startsWith(text, end, "</")) {
      return NO_MATCH;
    }
    return verdict(elementRule(text, at), text, start, end);
  }

  // ---- name/value pairs: {Name:DB_PASSWORD Value:v}, - name: DB_PASSWORD / value: v --------

  /** Words after which the value names the key of the next {@code value}. */
  private static final String[] NAME_WORDS = {"name", "key"};

  /**
   * The rule named by the value of a {@code name} or {@code key} field whose separator is at
   * {@code at} ({@code name: DB_PASSWORD}, {@code key="ApiSecret"}); null otherwise.
   */
  private KeyRules.Rule namedRule(CharSequence text, int at) {
    long v = nameValue(text, at);
    return v < 0 ? null : rules.find(text, ValueDetector.start(v), ValueDetector.end(v));
  }

  /** The span of a {@code name}/{@code key} field's value whose separator is at {@code at}. */
  private static long nameValue(CharSequence text, int at) {
    int j = at - 1;
    if (j >= 0 && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
      j--;
    }
    int keyEnd = j + 1;
    while (j >= 0 && Text.isLetter(text.charAt(j)) && keyEnd - j <= 4) {
      j--;
    }
    int keyStart = j + 1;
    if (j >= 0 && Text.isWordChar(text.charAt(j))) {
      return NO_MATCH;
    }
    boolean isName = false;
    for (String w : NAME_WORDS) {
      isName |= keyEnd - keyStart == w.length() && Text.startsWithIgnoreCase(text, keyStart, w);
    }
    if (!isName) {
      return NO_MATCH;
    }
    int n = text.length();
    int i = at + 1;
    while (i < n && text.charAt(i) == ' ') {
      i++;
    }
    if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      i++;
    }
    int start = i;
    while (i < n && isKeyChar(text.charAt(i))) {
      i++;
    }
    return i - start < 2 ? NO_MATCH : ValueDetector.span(start, i);
  }

  /**
   * The value of the {@code value} field that follows a {@code name} or {@code key} field naming
   * a secret, in the same object: Go's {@code {Name:DB_PASSWORD Value:v}}, a Kubernetes env list
   * ({@code - name: DB_PASSWORD} then {@code value: "v"}, or its JSON), .NET's {@code <add
   * key="ApiSecret" value="v"/>}.
   */
  private long namedValue(CharSequence text, int from, int at) {
    long name = nameValue(text, at);
    KeyRules.Rule nameRule =
        name < 0 ? null : rules.find(text, ValueDetector.start(name), ValueDetector.end(name));
    if (nameRule == null) {
      return NO_MATCH;
    }
    int n = text.length();
    int limit = Math.min(n, ValueDetector.end(name) + 200);
    for (int i = ValueDetector.end(name); i < limit; i++) {
      char c = text.charAt(i);
      if (c == '}' || c == ']' || c == '{' || c == '>') {
        return NO_MATCH;
      }
      if ((c == 'v' || c == 'V')
          && Text.startsWithIgnoreCase(text, i, "value")
          && (i == 0 || !Text.isWordChar(text.charAt(i - 1)))) {
        int k = i + 5;
        if (k < n && (text.charAt(k) == '"' || text.charAt(k) == '\'')) {
          k++;
        }
        while (k < n && text.charAt(k) == ' ') {
          k++;
        }
        if (k < n && (text.charAt(k) == ':' || text.charAt(k) == '=')) {
          return valueAfter(nameRule, text, from, k + 1);
        }
      }
    }
    return NO_MATCH;
  }

  /** A value after the separator of a {@code value} field: quoted, or up to a space or bracket. */
  private static long valueAfter(KeyRules.Rule rule, CharSequence text, int from, int i) {
    int n = text.length();
    while (i < n && text.charAt(i) == ' ') {
      i++;
    }
    long value = valueAt(null, text, from, i, false, true);
    return value == NO_MATCH
        ? NO_MATCH
        : verdict(rule, text, ValueDetector.start(value), ValueDetector.end(value));
  }

  /**
   * What becomes of the value {@code text[start, end)} under {@code rule}: replaced (its span);
   * kept whole and closed to the other detectors ({@link ValueDetector#keep}) if it is a
   * placeholder, a scheme with a placeholder ({@code Bearer ${TOKEN}}, {@code Bearer
   * [REDACTED:…]}) or a password word ({@code changeme} under a password key); left to the other
   * detectors if it is a PEM block (the private key detector's). A documented example that holds
   * a URL or an {@code @} ({@code postgres://u:pw@db/…EXAMPLE}) is no example: it is replaced.
   */
  private static long verdict(KeyRules.Rule rule, CharSequence text, int start, int end) {
    if (Text.startsWith(text, start, "-----BEGIN ")) {
      return NO_MATCH;
    }
    boolean placeholder =
        Text.isPlaceholder(text, start, end)
            || schemeWithPlaceholder(text, start)
            || (isPassword(rule) && Text.isPasswordPlaceholderWord(text, start, end));
    if (placeholder && exampleHoldingAddress(text, start, end)) {
      placeholder = false;
    }
    return placeholder ? ValueDetector.keep(start, end) : ValueDetector.span(start, end);
  }

  /**
   * True if {@code text[start, end)} is a documented example only by its end, and holds an
   * {@code @} or a {@code ://}: a URL or an address with credentials that happens to end so.
   */
  static boolean exampleHoldingAddress(CharSequence text, int start, int end) {
    return Text.isDocumentedExample(text, start, end) && holdsAddress(text, start, end);
  }

  /** True if {@code text[start, end)} holds an {@code @} or a {@code ://}. */
  private static boolean holdsAddress(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '@' || (c == ':' && Text.startsWith(text, i, "://"))) {
        return true;
      }
    }
    return false;
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
   * address such as {@code ::ffff:…}), so that a value stays one after the address is replaced;
   * nor is the {@code :} of Go's {@code :=} after the closing quote.
   */
  static boolean looksLikeStructure(CharSequence text, int start, int end) {
    return startsLikeStructure(text, start, end) || followedByKeyColon(text, end);
  }

  /**
   * True if {@code text[start, end)}, past its leading blanks, starts with a comma, a bracket or a
   * single colon: the gap after a JSON string, as in {@code "password=","ok":1} or {@code
   * "dbpassword=" : "x"}. Blanks are skipped so that a pair inside a quoted value ({@code
   * password="dbpassword=" : "x"}) does not take the gap after its closing quote as its own value:
   * the outer quoted string is a key by that colon, and replacing the gap would take the colon
   * away, so that a second pass read the outer value as a value.
   */
  private static boolean startsLikeStructure(CharSequence text, int start, int end) {
    int i = start;
    while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i >= end) {
      return false;
    }
    char first = text.charAt(i);
    // "::" starts a value (an IPv6 address such as "::ffff:…"), not the gap after a key.
    boolean colon = first == ':' && !Text.charAt(text, i + 1, ':');
    return first == ',' || colon || first == '}' || first == ']';
  }

  /**
   * True if the closing quote at {@code end} is followed, past spaces, by a key's colon: a single
   * {@code :}, not the {@code ::} of an IPv6 address nor Go's {@code :=}.
   */
  private static boolean followedByKeyColon(CharSequence text, int end) {
    int j = end + 1;
    while (j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    return Text.charAt(text, j, ':')
        && !Text.charAt(text, j + 1, ':')
        && !Text.charAt(text, j + 1, '=');
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
