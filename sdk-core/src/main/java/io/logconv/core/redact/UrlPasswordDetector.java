package io.logconv.core.redact;

import java.util.List;

/**
 * The password in a URL's userinfo, any scheme: {@code postgres://app:hunter2@db:5432/x}, {@code
 * redis://:pw@cache}, {@code amqps://u:p@ss@mq} (the last {@code @} of the authority ends it). Only
 * the password is replaced. Passwords in query parameters and JDBC properties ({@code
 * jdbc:mysql://db/x?password=…}, {@code ;password=…}) are found by the key/value pair detector.
 * Prefilter: {@code ://}. Kept: URLs without userinfo, a user without a password, placeholders.
 *
 * <pre>{@code
 * SecretRedactor.defaults().redact("db_url", "postgres://app:hunter2@db/x", sb);
 * // "postgres://app:[REDACTED:url_password]@db/x"
 * }</pre>
 */
public final class UrlPasswordDetector implements ValueDetector {
  /** The shared instance. */
  public static final UrlPasswordDetector INSTANCE = new UrlPasswordDetector();

  private static final int MAX_AUTHORITY = 512;

  private UrlPasswordDetector() {}

  @Override
  public String type() {
    return "url_password";
  }

  @Override
  public List<String> triggers() {
    return List.of("://", "thin:");
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    if (text.charAt(at) == 't') {
      return oracleThin(text, from, at);
    }
    if (at == 0 || !Text.isLetter(text.charAt(at - 1))) {
      return NO_MATCH;
    }
    int n = text.length();
    int authorityStart = at + 3;
    if (text instanceof String s && s.indexOf('@', authorityStart) < 0) {
      return NO_MATCH; // no userinfo: most URLs, found by the JDK's fast search
    }
    int limit = Math.min(n, authorityStart + MAX_AUTHORITY);
    int firstColon = -1;
    int lastAt = -1;
    int stop = limit;
    for (int i = authorityStart; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        stop = i;
        break;
      }
      if (c <= ' ' || c == '"' || c == '\'' || c == '\\' || c == '<' || c == '>') {
        break;
      }
      if (c == '[' && Text.startsWith(text, i, Replacements.REDACTED_PREFIX)) {
        // An earlier replacement ("http://[REDACTED:ssn]@…"): its colon separates nothing.
        int close = i + Replacements.REDACTED_PREFIX.length();
        while (close < limit && text.charAt(close) != ']') {
          close++;
        }
        i = close;
      } else if (c == '@') {
        lastAt = i;
      } else if (c == ':' && firstColon < 0) {
        firstColon = i;
      }
    }
    if (lastAt < 0 && firstColon >= 0 && stop < limit && !isPort(text, firstColon + 1, stop)) {
      // A password with a char a URL reserves, written unescaped as a DSN built from environment
      // variables is ("postgres://app:Zq8#rT2/x@db/orders"): it runs past the '/', '?' or '#' to
      // the last '@' before the path that follows the first '@'.
      lastAt = atBeforePath(text, stop, limit);
    }
    if (lastAt < 0 || firstColon < 0 || firstColon > lastAt) {
      return NO_MATCH;
    }
    int start = firstColon + 1;
    if (start < from || Text.isPlaceholder(text, start, lastAt)) {
      return NO_MATCH;
    }
    return ValueDetector.span(start, lastAt);
  }

  /** True if {@code text[start, end)} is a port: 1 to 5 digits. */
  private static boolean isPort(CharSequence text, int start, int end) {
    if (end <= start || end - start > 5) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (!Text.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The last {@code @} between {@code from} and the first {@code /}, {@code ?} or {@code #} after
   * the first {@code @} at or after {@code from}, within the token (up to a space or a quote); -1
   * if there is no {@code @}.
   */
  private static int atBeforePath(CharSequence text, int from, int limit) {
    int lastAt = -1;
    for (int i = from; i < limit; i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == '"' || c == '\'' || c == '\\' || c == '<' || c == '>') {
        break;
      }
      if (c == '@') {
        lastAt = i;
      } else if (lastAt >= 0 && (c == '/' || c == '?' || c == '#')) {
        break;
      }
    }
    return lastAt;
  }

  /**
   * Oracle's thin URL, {@code jdbc:oracle:thin:user/password@//host:1521/service} (or {@code
   * @host:1521:sid}, {@code @alias}): the password between the user's {@code /} and the last
   * {@code @} of the token.
   */
  private static long oracleThin(CharSequence text, int from, int at) {
    if (!Text.startsWith(text, at, "thin:") || !Text.charAt(text, at - 1, ':')) {
      return NO_MATCH;
    }
    int n = text.length();
    int i = at + "thin:".length();
    int userStart = i;
    while (i < n && (Text.isWordChar(text.charAt(i)) || text.charAt(i) == '$'
        || text.charAt(i) == '#' || text.charAt(i) == '.')) {
      i++;
    }
    if (i == userStart || !Text.charAt(text, i, '/') || Text.charAt(text, i + 1, '/')) {
      return NO_MATCH;
    }
    int start = i + 1;
    int lastAt = -1;
    for (int j = start; j < n && j - start < MAX_AUTHORITY; j++) {
      char c = text.charAt(j);
      if (c <= ' ' || c == '"' || c == '\'' || c == '\\' || c == '<' || c == '>') {
        break;
      }
      if (c == '@') {
        lastAt = j;
      }
    }
    if (lastAt <= start || start < from || Text.isPlaceholder(text, start, lastAt)) {
      return NO_MATCH;
    }
    return ValueDetector.span(start, lastAt);
  }
}
