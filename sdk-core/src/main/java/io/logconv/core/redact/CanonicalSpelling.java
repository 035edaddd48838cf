package io.logconv.core.redact;

/**
 * A built-in detector whose matches have one canonical spelling among several (an IPv6 address
 * with or without zeros compressed, in either case; a MAC address with {@code :}, {@code -} or
 * Cisco dots). {@link RedactionMode#HASH} hashes the canonical spelling instead of the text as
 * written, so that one address hashes alike however each line spells it.
 */
interface CanonicalSpelling {
  /** Appends the canonical spelling of the match {@code text[start, end)} to {@code out}. */
  void appendCanonical(CharSequence text, int start, int end, StringBuilder out);
}
