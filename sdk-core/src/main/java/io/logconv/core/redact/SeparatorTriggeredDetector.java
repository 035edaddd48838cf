package io.logconv.core.redact;

/**
 * A built-in detector triggered by a separator inside the value it finds (the {@code :} of an IPv6
 * or MAC address), not by the value's first char: its match looks back from the separator to where
 * the value starts. Its one-char triggers count only where the next char is one of {@link
 * #followers()}, which the scanner reads into its next-char tables, so a separator followed by
 * anything else (a space after {@code :}, a letter after {@code -}) is passed over without a call.
 * Hex letters and digits are too common at a word start to be triggers themselves: a separator
 * followed by a hex digit is far rarer in text than a word starting with one.
 */
interface SeparatorTriggeredDetector extends ValueDetector {
  /** The hex digits, both cases: what follows the separator inside an address. */
  String HEX_DIGITS = "0123456789abcdefABCDEF";

  /** The chars that may follow a trigger for {@link #match} to be called. */
  String followers();
}
