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
    return List.of("://");
  }

  @Override
  public long match(CharSequence text, int from, int at) {
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
    for (int i = authorityStart; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '\\'
          || c == '<' || c == '>') {
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
    if (lastAt < 0 || firstColon < 0 || firstColon > lastAt) {
      return NO_MATCH;
    }
    int start = firstColon + 1;
    if (start < from || Text.isPlaceholder(text, start, lastAt)) {
      return NO_MATCH;
    }
    return ValueDetector.span(start, lastAt);
  }
}
