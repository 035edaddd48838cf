package io.logconv.core.redact;

import java.util.List;

/**
 * Finds one kind of secret or personal data in text, behind a cheap prefilter. The scanner walks
 * the text once and calls {@link #match} only where one of the detector's {@link #triggers()}
 * literals starts (and, if {@link #wordStartOnly()}, only where that position starts a word), so a
 * line without any trigger never reaches the costly check. A match is returned as a {@code long}
 * packing its start and end (see {@link #span}), so that scanning allocates nothing.
 *
 * <pre>{@code
 * final class TicketDetector implements ValueDetector {
 *   public String type() { return "ticket"; }
 *   public List<String> triggers() { return List.of("TCK-"); }
 *   public long match(CharSequence text, int from, int at) {
 *     int end = at + 4;
 *     while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
 *     return end - at >= 10 ? ValueDetector.span(at, end) : NO_MATCH;
 *   }
 * }
 * SecretRedactor r = SecretRedactor.builder().detector(new TicketDetector()).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe, deterministic (the scanner may call {@link #match} twice
 * at one position) and should not allocate.
 */
public interface ValueDetector {
  /** What {@link #match} returns when there is no match. */
  long NO_MATCH = -1L;

  /**
   * The type of what this detector finds, as in {@code [REDACTED:<type>]}: lowercase letters,
   * digits and {@code _}.
   */
  String type();

  /**
   * The prefilter: literals (ASCII, case-sensitive, not empty) one of which must start at a
   * position for {@link #match} to be called there.
   */
  List<String> triggers();

  /**
   * True if a trigger counts only at the start of a word, that is where the previous character is
   * not an ASCII letter, digit or {@code _}.
   */
  default boolean wordStartOnly() {
    return false;
  }

  /**
   * The full check at a trigger found at index {@code at}. Returns {@link #span(int, int)} of the
   * text to hide, or {@link #NO_MATCH}. The span must satisfy {@code from <= start < end <=
   * text.length()} and {@code end > at}: it may begin before the trigger (the local part of an
   * e-mail address before its {@code @}) but not before {@code from}, the end of the previous
   * match.
   */
  long match(CharSequence text, int from, int at);

  /**
   * The type of the match {@code span} found at trigger {@code at}; {@link #type()} unless the
   * detector reports several types (the key/value pair detector reports the key's rule type).
   */
  default String matchType(CharSequence text, int at, long span) {
    return type();
  }

  /** Packs a match {@code [start, end)} into the value {@link #match} returns. */
  static long span(int start, int end) {
    return ((long) start << 32) | (end & 0xFFFFFFFFL);
  }

  /** The bit of a span that says "keep it": see {@link #keep}. */
  long KEEP = Long.MIN_VALUE;

  /**
   * What {@link #match} returns to keep {@code [start, end)} as it is and the other detectors out
   * of it: a value the detector recognises as a placeholder or a documented example ({@code
   * password=${DB_PASSWORD}}), so that what it holds is not redacted piecemeal, which a second
   * pass would then read differently.
   */
  static long keep(int start, int end) {
    return KEEP | span(start, end);
  }

  /** True if {@code span} is a {@link #keep} span. */
  static boolean isKeep(long span) {
    return span != NO_MATCH && (span & KEEP) != 0;
  }

  /** The start of a packed span. */
  static int start(long span) {
    return (int) ((span >>> 32) & 0x7FFFFFFFL);
  }

  /** The end of a packed span. */
  static int end(long span) {
    return (int) span;
  }
}
