package io.logconv.core.redact;

import io.logconv.schema.Conventions;

/**
 * The hook through which the event writer hides secrets and personal data as it writes. The writer
 * calls it for every string it writes: each value (with the key it is written under), the message,
 * exception messages and the stack trace (with a {@code null} key). Implementations must be
 * thread-safe, must not throw and, when the text holds nothing to hide, must return the text itself
 * without allocating, so that the common line costs almost nothing.
 *
 * <pre>{@code
 * CharSequence safe = redactor.redact("db_url", "postgres://app:hunter2@db/x", scratch);
 * // safe is scratch, holding "postgres://app:[REDACTED:url_password]@db/x"
 * }</pre>
 */
public interface Redactor {
  /** A redactor that hides nothing. */
  Redactor NONE =
      new Redactor() {
        @Override
        public boolean isSensitiveKey(String key) {
          return false;
        }

        @Override
        public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
          return value;
        }

        @Override
        public Prefilter prefilter() {
          return Prefilter.NOTHING_TO_HIDE;
        }

        @Override
        public CharSequence pseudonym(CharSequence value, StringBuilder scratch) {
          return value;
        }
      };

  /**
   * True if a key rule covers {@code key}, so that any value under it (a number, a boolean, a
   * nested structure) is to be replaced whole. The writer then passes the value's text to {@link
   * #redact}. Must not allocate.
   */
  boolean isSensitiveKey(String key);

  /**
   * Returns {@code value} itself when nothing in it needs hiding; otherwise clears {@code scratch},
   * fills it with the text in which each secret is replaced, and returns it.
   *
   * @param key the JSON key the value is written under, or {@code null} for text without a key
   *     (message, exception message, stack trace)
   */
  CharSequence redact(String key, CharSequence value, StringBuilder scratch);

  /**
   * {@link #redact} for the text of a value that is not itself text (a number, a list, an array, an
   * object) under {@code key}: where a key rule covers the key it is replaced whole, with no
   * placeholder kept, since a rendering such as {@code [hunter2]} of a list or {@code null} of an
   * object's {@code toString()} only looks like one. The default is {@link #redact}.
   */
  default CharSequence redactRendered(String key, CharSequence rendered, StringBuilder scratch) {
    return redact(key, rendered, scratch);
  }

  /**
   * True if the text just before the placeholder at index {@code placeholder} of the message
   * template {@code template} names a secret ({@code "password {}"}, {@code "token: {}"}), so that
   * the argument substituted there is to be hidden whatever it looks like. Must not allocate. The
   * default names none.
   */
  default boolean namesSecret(CharSequence template, int placeholder) {
    return false;
  }

  /**
   * Hides the argument {@code out[start, end)} substituted for the placeholder at index {@code
   * placeholder} of {@code template} when the template names a secret there (see {@link
   * #namesSecret}): the argument is replaced whole, unless it is a placeholder itself ({@code
   * ${DB_PASSWORD}}, {@code ****}, an earlier replacement). Returns the argument's new end. Must
   * not throw or allocate. The default keeps every argument.
   */
  default int redactArgument(
      CharSequence template, int placeholder, StringBuilder out, int start, int end) {
    return end;
  }

  /**
   * The pseudonym of {@code value}: the keyed hash this redactor writes for personal data ({@code
   * h:} and hex digits), whatever modes are configured, so that one actor correlates across events
   * without being named. A value that already is such a hash is returned as it is. Returns {@code
   * value} itself or {@code scratch}, which it clears and fills; must not throw or allocate. The
   * default, for a redactor that has no keyed hash, hides the value whole ({@code
   * [REDACTED:actor]}): who acted is never written in clear; {@link #NONE} keeps it.
   */
  default CharSequence pseudonym(CharSequence value, StringBuilder scratch) {
    if (value == null) {
      return null;
    }
    scratch.setLength(0);
    scratch.append(Replacements.REDACTED_PREFIX).append(Conventions.ACTOR).append(']');
    return scratch;
  }

  /**
   * The trigger test the writer runs as it copies a text (see {@link Prefilter}); {@link
   * Prefilter#EVERY_TEXT} (the default, and what {@code null} is read as) has every text go through
   * {@link #redact}, {@link Prefilter#NOTHING_TO_HIDE} none.
   */
  default Prefilter prefilter() {
    return Prefilter.EVERY_TEXT;
  }
}
