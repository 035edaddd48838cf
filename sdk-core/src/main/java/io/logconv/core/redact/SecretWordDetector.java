package io.logconv.core.redact;

import io.logconv.schema.Conventions;
import java.util.List;

/**
 * Secrets named by the words before them, where no {@code =} or {@code :} says so: the one place
 * that decides when a word such as {@code password}, {@code token} or {@code api key} introduces a
 * secret.
 *
 * <p>In a message template (see {@link #ruleNaming}), the argument that a secret word introduces
 * is a secret whatever it looks like: {@code "password {}"}, {@code "token: {}"}, {@code "with
 * secret {}"}, {@code "api key '{}'"}, {@code "the password is {}"}. The word is any key a secret
 * key rule covers (so {@code "db password {}"} and {@code "signing key {}"} count, and a rule
 * added with {@code SecretRedactor.Builder.secretKey} counts too); PII words do not.
 *
 * <p>In text without a template (a message formatted elsewhere, an exception message, a log file),
 * the word is one of {@code password} {@code passwd} {@code passphrase} {@code secret} {@code
 * token} {@code credential(s)} (lower case, capitalised or upper case), and the value after it
 * (past {@code is}, {@code was}, {@code are}, {@code were}) is redacted when it looks like a
 * credential rather than a word of prose: quoted, or with a digit among letters, a symbol, an
 * inner capital, all digits, or 20 letters or more. {@code password reset email sent} and {@code
 * token expired} stay; {@code password hunter2} and {@code the secret is s3cr3t!} do not.
 *
 * <p>Either way, {@code Secret} spelled exactly so is the Kubernetes kind, and the name after it is
 * kept ({@code "Secret {} created"}, {@code "Secret db-creds-2 created"}); placeholders ({@code
 * ${DB_PASSWORD}}, {@code $DB_PASSWORD}, {@code <secret>}, {@code ****}, {@code null}) and earlier
 * replacements are kept. Prefilter: the words' first letters, at a word start.
 */
final class SecretWordDetector implements ValueDetector {
  /** Type name that turns this detector off (the template rule stays with the key rules). */
  static final String TYPE = "named_secret";

  /** A trigger word longer than this is not a key word. */
  private static final int MAX_WORD = 64;

  /** Unquoted values at least this long may be credentials. */
  private static final int MIN_VALUE = 6;

  /** Quoted values are read up to this many chars. */
  private static final int MAX_QUOTED = 256;

  /** A run of letters this long is not a word of prose. */
  private static final int LONG_RUN = 20;

  private final KeyRules rules;

  SecretWordDetector(KeyRules rules) {
    this.rules = rules;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<String> triggers() {
    return List.of(
        // No "Secret": spelled so, it is the Kubernetes kind.
        "pass", "Pass", "PASS", "secret", "SECRET", "token", "Token", "TOKEN", "credential",
        "Credential", "CREDENTIAL");
  }

  @Override
  public boolean wordStartOnly() {
    return true;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    if (at > 0 && (text.charAt(at - 1) == '/' || text.charAt(at - 1) == '.')) {
      return NO_MATCH; // a path segment or a name's part: "/oauth/token (retrying)", "a.token"
    }
    KeyRules.Rule rule = ruleOfWordAt(text, at);
    if (rule == null) {
      return NO_MATCH;
    }
    int n = text.length();
    int i = wordEnd(text, at);
    int spaces = i;
    i = skipBlanks(text, i);
    if (i == spaces || i >= n) {
      // "password=" and "password:" are pairs; "password." ends a sentence.
      return NO_MATCH;
    }
    int afterConnector = skipConnector(text, i);
    if (afterConnector > i) {
      i = afterConnector;
      if (i < n && (text.charAt(i) == ':' || text.charAt(i) == '=')) {
        i = skipBlanks(text, i + 1);
      }
    } else if (text.charAt(i) == ':' || text.charAt(i) == '=') {
      return NO_MATCH;
    }
    if (i >= n) {
      return NO_MATCH;
    }
    char c = text.charAt(i);
    if (c == '"' || c == '\'') {
      int end = quotedEnd(text, i + 1, c);
      if (end >= 0) {
        // '"password ","next":…' in embedded JSON: the quote ends a string, it opens no value.
        return isPlaceholder(text, i + 1, end) || KeyValueDetector.looksLikeStructure(text, i + 1, end)
            ? NO_MATCH
            : ValueDetector.span(i + 1, end);
      }
      i++; // unterminated: judged as an unquoted value
    } else if (isOpening(c) || c == '{' || Text.placeholderEnd(text, i) >= 0) {
      return NO_MATCH; // "(retrying in 87 ms)", "[1/3]"
    }
    int end = unquotedEnd(text, i);
    if (end - i < MIN_VALUE
        || isPlaceholder(text, i, end)
        || !looksLikeCredential(text, i, end)
        || startsPair(text, i, end)) {
      return NO_MATCH;
    }
    return ValueDetector.span(i, end);
  }

  /**
   * True if the value at {@code text[start, end)} starts with a key a rule covers and its {@code =}
   * or {@code :}, as in {@code Token token=${PD_TOKEN}}: a pair, left to the pair detector, which
   * keeps a placeholder whole.
   */
  private boolean startsPair(CharSequence text, int start, int end) {
    int k = start;
    while (k < end && isKeyChar(text.charAt(k))) {
      k++;
    }
    return k > start
        && k < end
        && (text.charAt(k) == '=' || text.charAt(k) == ':')
        && rules.find(text, start, k) != null;
  }

  @Override
  public String matchType(CharSequence text, int at, long span) {
    KeyRules.Rule rule = ruleOfWordAt(text, at);
    return rule == null ? TYPE : rule.type;
  }

  /**
   * The secret key rule of the words just before the placeholder at {@code placeholder} of {@code
   * template} (past quotes or a bracket, {@code :} or {@code =}, and {@code is}/{@code was}/{@code
   * are}/{@code were}), or {@code null}. Cheap when no rule is near: the key rules reject a word by
   * its last two letters.
   */
  static KeyRules.Rule ruleNaming(KeyRules rules, CharSequence template, int placeholder) {
    int j = placeholder - 1;
    if (j >= 1 && template.charAt(j) == '\\' && template.charAt(j - 1) == '\\') {
      j -= 2; // "\\\\{}": a literal backslash before the argument
    }
    if (j >= 0 && isOpening(template.charAt(j))) {
      j--;
    }
    j = skipBlanksBack(template, j);
    if (j >= 0 && (template.charAt(j) == ':' || template.charAt(j) == '=')) {
      j = skipBlanksBack(template, j - 1);
    }
    int connector = connectorBack(template, j);
    if (connector != j) {
      j = skipBlanksBack(template, connector);
    }
    if (j < 0 || !Text.isAlnum(template.charAt(j))) {
      return null;
    }
    int end = j + 1;
    // Two words at most ("api key", "client secret"): the rules match a key's normalised end.
    int start = wordStartBack(template, j);
    if (start > 1 && template.charAt(start - 1) == ' ' && isKeyChar(template.charAt(start - 2))) {
      start = wordStartBack(template, start - 2);
    }
    KeyRules.Rule rule = rules.find(template, start, end);
    if (rule == null || rule.pii || isKubernetesKind(template, end, rule)) {
      return null;
    }
    return rule;
  }

  /** The secret rule of the word starting at {@code at}, or null (PII, the kind, no rule). */
  private KeyRules.Rule ruleOfWordAt(CharSequence text, int at) {
    int end = wordEnd(text, at);
    if (end - at > MAX_WORD) {
      return null;
    }
    KeyRules.Rule rule = rules.find(text, at, end);
    if (rule == null || rule.pii || isKubernetesKind(text, end, rule)) {
      return null;
    }
    return rule;
  }

  private static final String SECRET_KIND = Conventions.Kinds.SECRET;

  /** True if the word ending at {@code end} is exactly {@code Secret} and the rule its own. */
  private static boolean isKubernetesKind(CharSequence s, int end, KeyRules.Rule rule) {
    return rule.normalized.equals("secret")
        && Text.startsWith(s, end - SECRET_KIND.length(), SECRET_KIND)
        && (end - SECRET_KIND.length() == 0 || !isKeyChar(s.charAt(end - SECRET_KIND.length() - 1)));
  }

  private static boolean looksLikeCredential(CharSequence s, int start, int end) {
    int letters = 0;
    int digits = 0;
    int symbols = 0;
    boolean innerUpper = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (Text.isLetter(c)) {
        letters++;
        innerUpper |= i > start && Text.isUpper(c) && Text.isLower(s.charAt(i - 1));
      } else if (Text.isDigit(c)) {
        digits++;
      } else if (c != '-' && c != '_' && c != '.') {
        symbols++;
      }
    }
    if (symbols > 0 && (s.charAt(start) == '/' || Text.indexOf(s, "://", start, end) >= 0)) {
      return false; // a path, or a URL (the URL detector's)
    }
    return (digits > 0 && letters > 0)
        || (symbols > 0 && letters + digits > 0)
        || innerUpper
        || (digits == end - start)
        || letters >= LONG_RUN;
  }

  private static boolean isPlaceholder(CharSequence s, int start, int end) {
    return Text.isPlaceholder(s, start, end) || (end > start && s.charAt(start) == '$');
  }

  private static int wordEnd(CharSequence s, int at) {
    int n = s.length();
    int i = at;
    while (i < n && isKeyChar(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int wordStartBack(CharSequence s, int last) {
    int i = last;
    while (i >= 0 && last - i < MAX_WORD && isKeyChar(s.charAt(i))) {
      i--;
    }
    return i + 1;
  }

  private static boolean isKeyChar(char c) {
    return Text.isWordChar(c) || c == '-';
  }

  private static boolean isOpening(char c) {
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == '<';
  }

  private static int skipBlanks(CharSequence s, int i) {
    int n = s.length();
    while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int skipBlanksBack(CharSequence s, int j) {
    while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
      j--;
    }
    return j;
  }

  /** Past {@code is}, {@code was}, {@code are} or {@code were} and the blanks after it at {@code i}. */
  private static int skipConnector(CharSequence s, int i) {
    for (String w : CONNECTORS) {
      int end = i + w.length();
      if (Text.startsWith(s, i, w)
          && end < s.length()
          && (s.charAt(end) == ' ' || s.charAt(end) == '\t')) {
        return skipBlanks(s, end);
      }
    }
    return i;
  }

  /** The index before a connector word that ends at {@code j} after a blank, else {@code j}. */
  private static int connectorBack(CharSequence s, int j) {
    for (String w : CONNECTORS) {
      int start = j - w.length() + 1;
      if (start >= 1
          && Text.startsWith(s, start, w)
          && (s.charAt(start - 1) == ' ' || s.charAt(start - 1) == '\t')) {
        return start - 1;
      }
    }
    return j;
  }

  private static final String[] CONNECTORS = {"is", "was", "are", "were"};

  private static int quotedEnd(CharSequence s, int start, char quote) {
    int limit = Math.min(s.length(), start + MAX_QUOTED);
    for (int i = start; i < limit; i++) {
      char c = s.charAt(i);
      if (c == quote || c == '\\' || c == '\n' || c == '\r' || (quote == '\'' && c == '"')) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The end of a value: the next blank, quote, backslash (an escape in embedded JSON) or angle
   * bracket, less sentence punctuation at its end.
   */
  private static int unquotedEnd(CharSequence s, int start) {
    int n = s.length();
    int i = start;
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '\\'
          || c == '<' || c == '>') {
        break;
      }
      if (c == '[' && Text.startsWith(s, i, Replacements.REDACTED_PREFIX)) {
        break;
      }
      i++;
    }
    while (i > start && isTrailingPunctuation(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean isTrailingPunctuation(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}';
  }
}
