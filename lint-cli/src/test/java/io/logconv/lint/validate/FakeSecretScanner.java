package io.logconv.lint.validate;

import io.logconv.core.redact.MatchSink;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for sdk-core's detectors, which are not on this branch: finds AWS access key ids and
 * e-mail addresses by value, and password/token keys by name.
 */
final class FakeSecretScanner implements SecretScanner {
  private static final Pattern AWS = Pattern.compile("AKIA[0-9A-Z]{16}");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

  @Override
  public String sensitiveKeyType(String key) {
    String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (k.equals("password") || k.equals("passwd")) {
      return "password";
    }
    if (k.equals("token") || k.equals("apikey")) {
      return "token";
    }
    return null;
  }

  @Override
  public boolean keepsValue(String key, CharSequence value) {
    String v = value.toString();
    return v.startsWith("[REDACTED:") || v.matches("h:[0-9a-f]{12}");
  }

  @Override
  public void scan(CharSequence text, MatchSink sink) {
    Matcher m = AWS.matcher(text);
    while (m.find()) {
      sink.onMatch("aws_access_key", m.start(), m.end());
    }
    m = EMAIL.matcher(text);
    while (m.find()) {
      sink.onMatch("email", m.start(), m.end());
    }
  }
}
