package io.logconv.core.redact;

/**
 * Receives what {@link SecretRedactor#scan} finds: the type of each secret or piece of personal
 * data (as in {@code [REDACTED:<type>]}) and where it is in the scanned text.
 *
 * <pre>{@code
 * redactor.scan(line, (type, start, end) -> report(type)); // never print text[start, end)
 * }</pre>
 */
@FunctionalInterface
public interface MatchSink {
  /** One match of {@code type} at {@code [start, end)} of the scanned text. */
  void onMatch(String type, int start, int end);
}
