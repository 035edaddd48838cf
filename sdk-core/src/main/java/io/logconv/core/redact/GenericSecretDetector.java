package io.logconv.core.redact;

import java.util.List;

/**
 * The generic rule: a random-looking value assigned to an identifier that names a secret but that
 * no key rule covers ({@code serviceAuthKey = "…"}, {@code clientSecretValue=…}, {@code
 * db_pass: …}). The key rules judge a key by its end ({@code …password}, {@code …token}, {@code
 * …apikey}); this rule takes the keys they leave, when the key's last word is one that holds a
 * secret ({@code key}, {@code value}, {@code pass}, {@code creds}, {@code auth}) and a word before
 * it, or that word itself, says what kind ({@code secret}, {@code auth}, {@code api}, {@code
 * master}, …), and only when the value looks random:
 *
 * <ul>
 *   <li>16 to 256 chars of {@code A-Za-z0-9+/=_.~-}, quoted or up to a delimiter, with a letter
 *       and a digit;
 *   <li>a Shannon entropy of at least {@value #MIN_ENTROPY} bits per char (what gitleaks'
 *       generic-api-key asks; 95% of random base62 values of 16 chars and all of 24 reach it), or
 *       of {@value #MIN_ENTROPY_HEX} for a value of hex digits alone, whose 16 symbols cap it at
 *       4 (random hex of 32 chars averages 3.6, and only 82% of it reaches 3.5; all of it
 *       reaches 3.0), while repetitive values ({@code aaaa1111bbbb2222}: 2.0) stay under;
 *   <li>not a placeholder ({@code $VAR}, {@code ${VAR}}, {@code $(…)}, {@code <…>}, {@code {{ …
 *       }}}, runs of {@code x} or {@code *}, documented {@code …EXAMPLE} keys), not a path or URL.
 * </ul>
 *
 * <p>Thread-safe and allocation-free.
 */
final class GenericSecretDetector implements ValueDetector {
  static final GenericSecretDetector INSTANCE = new GenericSecretDetector();

  /** The type the rule writes. */
  static final String TYPE = "generic_secret";

  /** Bits per char a value must reach: gitleaks' generic-api-key threshold. */
  static final double MIN_ENTROPY = 3.5;

  /** Bits per char a value of hex digits alone must reach (their entropy is at most 4). */
  static final double MIN_ENTROPY_HEX = 3.0;

  static final int MIN_LENGTH = 16;
  static final int MAX_LENGTH = 256;
  private static final int MAX_KEY = 64;

  /** Last words that name a secret by themselves ({@code db_pass}, {@code basic_auth}). */
  private static final String[] SELF_QUALIFYING = {"pass", "creds", "auth"};

  /** Last words of a key that hold a secret when a qualifier names one. */
  private static final String[] LAST_WORDS = {"key", "keys", "value", "pass", "creds", "auth"};

  /** Words that say a key holds a secret; the last word may be one itself ({@code db_pass}). */
  private static final String[] QUALIFIERS = {
    "secret", "token", "passw", "pass", "pwd", "auth", "cred", "api", "access", "private",
    "signing", "master", "hmac", "encrypt", "session", "app", "client", "service", "license",
    "ingest", "write", "admin", "deploy", "shared", "subscription"
  };

  /** Words that make a key an identifier, not a secret, wherever they stand. */
  private static final String[] NOT_SECRET = {"author", "public", "passenger", "passage"};

  private GenericSecretDetector() {}

  @Override
  public String type() {
    return TYPE;
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
    if (before == '=' || before == '!' || before == ':' || (after == '=' && sep == '=')
        || after == ':') {
      return NO_MATCH; // "==", "!=", "::"
    }
    // The key, read back over spaces and a closing quote.
    int j = at - 1;
    while (j >= from && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j--;
    }
    if (j >= from && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
      j--;
      if (j >= from && text.charAt(j) == '\\') {
        j--;
      }
    }
    int keyEnd = j + 1;
    while (j >= from && keyEnd - j <= MAX_KEY && isKeyChar(text.charAt(j))) {
      j--;
    }
    int keyStart = j + 1;
    if (keyEnd - keyStart < 4 || keyEnd - keyStart > MAX_KEY || !namesSecret(text, keyStart, keyEnd)) {
      return NO_MATCH;
    }
    if (KeyRules.coveredByBuiltIn(text, keyStart, keyEnd)) {
      return NO_MATCH; // the key rules' own: the pair detector replaces it under its type
    }
    int i = at + 1;
    if (sep == ':' && after == '=') {
      i++;
    } else if (sep == '=' && after == '>') {
      i++;
    }
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return valueAt(text, i);
  }

  /** The span of a random-looking value at {@code i}, quoted or not; else NO_MATCH. */
  private static long valueAt(CharSequence text, int i) {
    int n = text.length();
    if (i >= n) {
      return NO_MATCH;
    }
    char quote = 0;
    if (text.charAt(i) == '\\' && Text.charAt(text, i + 1, '"')) {
      quote = '\\';
      i += 2;
    } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
      quote = text.charAt(i);
      i++;
    }
    int start = i;
    while (i < n && i - start <= MAX_LENGTH && isValueChar(text.charAt(i))) {
      i++;
    }
    int end = i;
    if (end - start < MIN_LENGTH || end - start > MAX_LENGTH) {
      return NO_MATCH;
    }
    if (quote == '\\' ? !Text.startsWith(text, end, "\\\"")
        : quote != 0 ? !Text.charAt(text, end, quote) : end < n && !isDelimiter(text.charAt(end))) {
      return NO_MATCH; // the value goes on with chars a secret of this kind does not hold
    }
    return looksRandom(text, start, end) ? ValueDetector.span(start, end) : NO_MATCH;
  }

  /** True if {@code text[start, end)} passes the rule's value checks (see the class comment). */
  static boolean looksRandom(CharSequence text, int start, int end) {
    boolean letter = false;
    boolean digit = false;
    boolean hex = true;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      letter |= Text.isLetter(c);
      digit |= Text.isDigit(c);
      hex &= Text.isHex(c);
    }
    char first = text.charAt(start);
    if (!letter || !digit || first == '/' || first == '.' || first == '-'
        || Text.isPlaceholder(text, start, end) || maskedRun(text, start, end)) {
      return false;
    }
    return entropy(text, start, end) >= (hex ? MIN_ENTROPY_HEX : MIN_ENTROPY);
  }

  /** Shannon entropy of {@code text[start, end)} in bits per char. */
  static double entropy(CharSequence text, int start, int end) {
    int len = end - start;
    double h = 0;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      boolean seen = false;
      for (int m = start; m < k && !seen; m++) {
        seen = text.charAt(m) == c;
      }
      if (seen) {
        continue;
      }
      int count = 0;
      for (int m = k; m < end; m++) {
        if (text.charAt(m) == c) {
          count++;
        }
      }
      double p = (double) count / len;
      h -= p * (Math.log(p) / Math.log(2));
    }
    return h;
  }

  /** Four or more {@code x}, {@code X}, {@code *} or {@code .} in a row: a masked value. */
  private static boolean maskedRun(CharSequence text, int start, int end) {
    int run = 0;
    char prev = 0;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      boolean mask = c == 'x' || c == 'X' || c == '*' || c == '.';
      run = mask && c == prev ? run + 1 : mask ? 1 : 0;
      if (run >= 4) {
        return true;
      }
      prev = c;
    }
    return false;
  }

  /** True if the key {@code text[start, end)} names a secret the way the class comment says. */
  static boolean namesSecret(CharSequence text, int start, int end) {
    for (String last : LAST_WORDS) {
      int lastStart = endsWith(text, start, end, last);
      if (lastStart < 0) {
        continue; // most keys leave here, after a char or two
      }
      for (String w : NOT_SECRET) {
        if (containsWord(text, start, end, w) >= 0) {
          return false;
        }
      }
      for (String q : QUALIFIERS) {
        int at = containsWord(text, start, end, q);
        if (at >= 0 && (at < lastStart || (at == lastStart && selfQualifying(last)))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean selfQualifying(String last) {
    for (String w : SELF_QUALIFYING) {
      if (w.equals(last)) {
        return true;
      }
    }
    return false;
  }

  /** Where {@code word} starts if the key ends with it (separators and case ignored), else -1. */
  private static int endsWith(CharSequence text, int start, int end, String word) {
    int i = end - 1;
    for (int k = word.length() - 1; k >= 0; k--) {
      while (i >= start && KeyRules.isSeparator(text.charAt(i))) {
        i--;
      }
      if (i < start || Text.lower(text.charAt(i)) != word.charAt(k)) {
        return -1;
      }
      i--;
    }
    return i + 1;
  }

  /** Where {@code word} first starts in the key (separators and case ignored), else -1. */
  private static int containsWord(CharSequence text, int start, int end, String word) {
    for (int s = start; s < end; s++) {
      int i = s;
      int k = 0;
      while (k < word.length() && i < end) {
        char c = text.charAt(i);
        if (KeyRules.isSeparator(c) && k > 0) {
          i++;
          continue;
        }
        if (Text.lower(c) != word.charAt(k)) {
          break;
        }
        i++;
        k++;
      }
      if (k == word.length()) {
        return s;
      }
    }
    return -1;
  }

  private static boolean isKeyChar(char c) {
    return Text.isWordChar(c) || c == '-' || c == '.';
  }

  private static boolean isValueChar(char c) {
    return Text.isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '.' || c == '~'
        || c == '-';
  }

  private static boolean isDelimiter(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == '&'
        || c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == '<' || c == '\\';
  }
}
