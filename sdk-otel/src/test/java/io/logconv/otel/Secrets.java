package io.logconv.otel;

import io.logconv.core.redact.Redactor;

/**
 * A redactor for tests that does not depend on the default detectors: hides the text {@code
 * hunter2} wherever it occurs, and every value under the key {@code password}.
 */
final class Secrets implements Redactor {
  static final String SECRET = "hunter2";
  static final String MASK = "[REDACTED]";

  @Override
  public boolean isSensitiveKey(String key) {
    return "password".equals(key);
  }

  @Override
  public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
    if (isSensitiveKey(key)) {
      scratch.setLength(0);
      return scratch.append(MASK);
    }
    String s = value.toString();
    if (!s.contains(SECRET)) {
      return value;
    }
    scratch.setLength(0);
    return scratch.append(s.replace(SECRET, MASK));
  }
}
