package io.logconv.core.redact;

/**
 * How a secret or piece of personal data is replaced. Chosen per type with {@link
 * SecretRedactor.Builder#mode}.
 *
 * <pre>{@code
 * SecretRedactor.builder().mode("card", RedactionMode.MASK).mode("email", RedactionMode.HASH).build();
 * // "4111 1111 1111 1111" -> "**** **** **** 1111"; "jane@example.com" -> "h:" and 12 hex digits
 * }</pre>
 */
public enum RedactionMode {
  /** {@code [REDACTED:<type>]}; the default for secrets and value detectors. */
  REDACT,
  /**
   * {@code h:<12 hex>}: the first 6 bytes of HMAC-SHA256 of the text with the deployment's hash
   * key, stable so that events about one user can be correlated without naming the user; the
   * default for values under PII keys.
   */
  HASH,
  /**
   * Every letter and digit but the last four replaced by {@code *}, separators kept (a card number
   * keeps its last four digits). Text with fewer than 12 letters and digits is masked entirely, so
   * that a short value does not keep a third of itself.
   */
  MASK
}
