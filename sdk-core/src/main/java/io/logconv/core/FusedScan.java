package io.logconv.core;

import io.logconv.core.redact.Prefilter;

/**
 * The writer's one pass over a text: its chars are escaped into the line and the redactor's
 * trigger test ({@link Prefilter}) runs in the same loop, so a text with nothing to hide is read
 * once. If the test flags a position, nothing is written and the caller redacts the text first.
 * Owns the table the loop reads; immutable, shared by every writer of a {@link LineFormat}.
 *
 * <pre>{@code
 * FusedScan scan = new FusedScan(SecretRedactor.defaults().prefilter());
 * boolean written = scan.appendString(buf, text, chars, text.length()); // false: redact first
 * }</pre>
 */
final class FusedScan {
  /** Bits of {@link #classes}. */
  private static final int SCAN_STOP = 2;

  private static final int SCAN_STOP_AT_WORD_START = 4;
  private static final int SCAN_STOPS = SCAN_STOP | SCAN_STOP_AT_WORD_START;
  private static final int SCAN_TRIGGER = 8;
  private static final int SCAN_TRIGGER_AT_WORD_START = 16;

  /** The chars {@link #classes} covers: ASCII, indexed {@code c << 7 | next}. */
  private static final int ASCII_BITS = 7;

  private static final int SCAN_INDEX_MASK = (128 << ASCII_BITS) - 1;

  /** Stands for "no next char" and any next char beyond ASCII in {@link #classes}. */
  private static final char UNKNOWN_NEXT = 0x7f;

  private final Prefilter prefilter;

  /**
   * For each ASCII char followed by each ASCII char: the char stops the copy loop if it must be
   * escaped, or starts a trigger of the prefilter anywhere that may go on with the next char, or
   * starts one at a word start that may go on with it (the loop then asks whether it is at a word
   * start). A next char of {@code 0x7f} stands for any next char, so it stops at every trigger.
   */
  private final byte[] classes;

  FusedScan(Prefilter prefilter) {
    this.prefilter = prefilter;
    this.classes = classesOf(prefilter);
  }

  /** The trigger test this scan runs. */
  Prefilter prefilter() {
    return prefilter;
  }

  private static byte[] classesOf(Prefilter prefilter) {
    byte[] t = new byte[128 << ASCII_BITS];
    for (char c = 0; c < 128; c++) {
      int k = prefilter.classOf(c);
      int base = 0;
      if ((k & Prefilter.TRIGGER_ANYWHERE) != 0) {
        base |= SCAN_TRIGGER;
      }
      if ((k & Prefilter.TRIGGER_AT_WORD_START) != 0) {
        base |= SCAN_TRIGGER_AT_WORD_START;
      }
      if (JsonBuffer.ESCAPES[c] != 0) {
        base |= SCAN_STOP;
      }
      for (char next = 0; next < 128; next++) {
        int goingOn = next == UNKNOWN_NEXT ? k : prefilter.triggersGoingOn(c, next);
        int bits = base;
        if ((k & goingOn & Prefilter.TRIGGER_ANYWHERE) != 0) {
          bits |= SCAN_STOP;
        }
        if ((k & goingOn & Prefilter.TRIGGER_AT_WORD_START) != 0) {
          bits |= SCAN_STOP_AT_WORD_START;
        }
        t[c << ASCII_BITS | next] = (byte) bits;
      }
    }
    return t;
  }

  /**
   * Appends {@code chars[0, length)} (the chars of {@code text}) to {@code out} as a quoted,
   * escaped JSON string, running the trigger test in the same pass; if the test flags a position,
   * {@code out} is left as it was and false is returned. Each char is looked up with the one after
   * it, so a trigger char that goes on like no trigger does costs nothing more; whether a candidate
   * is at a word start is only asked where one stops the loop.
   *
   * @param chars the text's chars, with room for one more: {@code chars[length]} is overwritten
   */
  boolean appendString(JsonBuffer out, CharSequence text, char[] chars, int length) {
    int mark = out.size();
    out.append('"');
    if (!appendEscaped(out, text, chars, length)) {
      out.truncate(mark);
      return false;
    }
    out.append('"');
    return true;
  }

  /**
   * As {@link #appendString}, without the quotes. The loop itself is {@link
   * JsonBuffer#appendEscapedUnlessFlagged}, reading this scan's table: run on the buffer's own
   * fields, C2 compiles it about 55 ns per event faster on an event whose values are all new than
   * the same loop here reading them through a parameter (EncoderBenchmark, distinct values, 3
   * forks: 403 against 459 ns).
   */
  boolean appendEscaped(JsonBuffer out, CharSequence text, char[] chars, int length) {
    chars[length] = UNKNOWN_NEXT;
    return out.appendEscapedUnlessFlagged(this, classes, text, chars, length);
  }

  /** True if a char of table class {@code k} may start a trigger (anywhere or at a word start). */
  static boolean isCandidate(int k) {
    return (k & (SCAN_TRIGGER | SCAN_TRIGGER_AT_WORD_START)) != 0;
  }

  /**
   * The table index of the ASCII char {@code c} followed by {@code next} (any char; one beyond
   * ASCII, and the end, stand for "any").
   */
  static int index(char c, char next) {
    return c << ASCII_BITS | Math.min(next, UNKNOWN_NEXT);
  }

  /**
   * Copies chars from {@code i} to {@code b[off + i]} as bytes until one that stops the loop or
   * {@code length}, and returns where it stopped. A method of its own, so that the JIT compiles
   * this loop alike whatever the cold paths around it do.
   */
  static int copyPlainRun(char[] chars, int i, int length, byte[] classes, byte[] b, int off) {
    if (i >= length) {
      return i;
    }
    int c = chars[i];
    for (; i < length; i++) {
      int next = chars[i + 1];
      // The mask keeps the index provably inside the table, so the JIT drops its bounds check.
      if ((c | next) >= 128
          || (classes[(c << ASCII_BITS | next) & SCAN_INDEX_MASK] & SCAN_STOPS) != 0) {
        return i;
      }
      b[off + i] = (byte) c;
      c = next;
    }
    return i;
  }

  /** True if the trigger test flags the candidate at {@code i}, of class {@code k}. */
  boolean flagged(CharSequence text, char[] chars, int length, int i, int k) {
    boolean wordStart = Prefilter.isWordStart(chars, 0, i);
    if ((k & SCAN_TRIGGER) == 0 && !(wordStart && (k & SCAN_TRIGGER_AT_WORD_START) != 0)) {
      return false;
    }
    return prefilter.matchesAt(text, chars, length, i, wordStart);
  }
}
