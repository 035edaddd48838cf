package io.logconv.lint.validate;

import io.logconv.core.redact.MatchSink;
import io.logconv.core.redact.SecretRedactor;

/**
 * What the validator needs from sdk-core's secret and PII detectors: the type of a sensitive key,
 * and the secrets found in a text. A seam so that the secret checks are tested with a fake and run
 * with {@link SecretRedactor#defaults()} in production; the detectors themselves live only in
 * sdk-core.
 *
 * <pre>{@code
 * SecretScanner s = SecretScanner.of(SecretRedactor.defaults());
 * s.scan(value, (type, start, end) -> report(key, type)); // never print value[start, end)
 * }</pre>
 */
public interface SecretScanner {
  /** A scanner that finds nothing. */
  SecretScanner NONE =
      new SecretScanner() {
        @Override
        public String sensitiveKeyType(String key) {
          return null;
        }

        @Override
        public boolean keepsValue(String key, CharSequence value) {
          return true;
        }

        @Override
        public void scan(CharSequence text, MatchSink sink) {}
      };

  /** The type of the key rule covering {@code key} (e.g. {@code "password"}), or null. */
  String sensitiveKeyType(String key);

  /**
   * True if the SDK writes {@code value} under the sensitive key {@code key} as it is, because it
   * already hides something (an earlier replacement, a hash, {@code ${DB_PASSWORD}}, {@code ****},
   * empty, {@code null}): such a value is no finding.
   */
  boolean keepsValue(String key, CharSequence value);

  /** Reports each secret or piece of personal data in {@code text}. */
  void scan(CharSequence text, MatchSink sink);

  /** Adapts sdk-core's redactor, whose detectors are the single source of what a secret is. */
  static SecretScanner of(SecretRedactor redactor) {
    return new SecretScanner() {
      @Override
      public String sensitiveKeyType(String key) {
        return redactor.sensitiveKeyType(key);
      }

      @Override
      public boolean keepsValue(String key, CharSequence value) {
        return redactor.keepsValue(key, value);
      }

      @Override
      public void scan(CharSequence text, MatchSink sink) {
        redactor.scan(text, sink);
      }
    };
  }
}
