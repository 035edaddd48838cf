package io.logconv.core.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * The single pass over a text. For each ASCII character it looks up the trigger entries starting
 * with that character in one of two tables indexed by char: entries that count anywhere, and
 * entries that count only at a word start (consulted only when the previous character does not
 * continue a word). Most characters have no entry, so a line without a trigger costs a table load
 * and a branch or two per character. Digit triggers are gated further: the digits of the run
 * starting there are counted once, and a {@link DigitRunDetector} is called only if the run is long
 * enough. Only where a literal starts does a detector's full check run.
 */
final class ValueScanner {
  /** One trigger literal of one detector. */
  static final class Entry {
    final String literal;
    final ValueDetector detector;
    final boolean wordStart;
    final int minDigits;

    /** The literal's second char, or -1: most entries fail on it without a call. */
    final int second;

    Entry(String literal, ValueDetector detector, boolean wordStart) {
      this.literal = literal;
      this.second = literal.length() > 1 ? literal.charAt(1) : -1;
      this.detector = detector;
      this.wordStart = wordStart;
      this.minDigits =
          detector instanceof DigitRunDetector d && Text.isDigit(literal.charAt(0))
              ? d.minDigits()
              : 0;
    }
  }

  /** Bits of {@link #classes}. */
  private static final int WORD = 1;

  private static final int TRIGGER_ANYWHERE = 2;
  private static final int TRIGGER_AT_WORD_START = 4;

  /** Runs of digits are counted up to this many; no detector needs more. */
  private static final int DIGIT_CAP = 20;

  private final Entry[] entries;

  /** Entry indexes by the first char of their literal, for entries that count anywhere. */
  private final int[][] anywhere = new int[128][];

  /** Entry indexes by the first char of their literal, for entries that need a word start. */
  private final int[][] atWordStart = new int[128][];

  /** Per ASCII char: whether it continues a word, and which tables have entries for it. */
  private final byte[] classes = new byte[128];

  /**
   * Per first char, the second chars its entries can continue with (bits 0–127 in two longs), in
   * {@link #anywhere} and {@link #atWordStart} order: a trigger char followed by none of them is
   * passed over without looking at its entries. All bits are set when an entry has a one-char
   * literal or a non-ASCII second char.
   */
  private final long[] secondLoAnywhere = new long[128];

  private final long[] secondHiAnywhere = new long[128];
  private final long[] secondLoWordStart = new long[128];
  private final long[] secondHiWordStart = new long[128];

  ValueScanner(List<ValueDetector> detectors) {
    List<Entry> list = new ArrayList<>();
    // Earlier output first: a text redacted before is skipped, whatever else would trigger on it.
    list.add(new Entry(Replacements.REDACTED_PREFIX, AlreadyRedacted.INSTANCE, false));
    list.add(new Entry(Replacements.HASH_PREFIX, AlreadyRedacted.INSTANCE, true));
    for (ValueDetector d : detectors) {
      for (String literal : d.triggers()) {
        list.add(new Entry(literal, d, d.wordStartOnly()));
      }
    }
    entries = list.toArray(new Entry[0]);
    index(anywhere, false);
    index(atWordStart, true);
    secondChars(anywhere, secondLoAnywhere, secondHiAnywhere);
    secondChars(atWordStart, secondLoWordStart, secondHiWordStart);
    for (char c = 0; c < 128; c++) {
      classes[c] =
          (byte)
              ((Text.isWordChar(c) ? WORD : 0)
                  | (anywhere[c] != null ? TRIGGER_ANYWHERE : 0)
                  | (atWordStart[c] != null ? TRIGGER_AT_WORD_START : 0));
    }
  }

  private void index(int[][] table, boolean wordStart) {
    List<List<Integer>> byChar = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      byChar.add(new ArrayList<>());
    }
    for (int i = 0; i < entries.length; i++) {
      if (entries[i].wordStart == wordStart) {
        byChar.get(entries[i].literal.charAt(0)).add(i);
      }
    }
    for (int c = 0; c < 128; c++) {
      List<Integer> l = byChar.get(c);
      if (!l.isEmpty()) {
        table[c] = l.stream().mapToInt(Integer::intValue).toArray();
      }
    }
  }

  private void secondChars(int[][] table, long[] lo, long[] hi) {
    for (int c = 0; c < 128; c++) {
      if (table[c] == null) {
        continue;
      }
      for (int e : table[c]) {
        int second = entries[e].second;
        if (second < 0 || second >= 128) {
          lo[c] = -1L;
          hi[c] = -1L;
        } else if (second < 64) {
          lo[c] |= 1L << second;
        } else {
          hi[c] |= 1L << (second - 64);
        }
      }
    }
  }

  /** True if some entry of first char {@code c} could continue with the char at {@code i + 1}. */
  private static boolean mayContinue(long[] lo, long[] hi, int c, CharSequence text, int i) {
    long l = lo[c];
    long h = hi[c];
    if ((l & h) == -1L) {
      return true;
    }
    if (i + 1 >= text.length()) {
      return false;
    }
    char next = text.charAt(i + 1);
    if (next >= 128) {
      return false;
    }
    return next < 64 ? (l & (1L << next)) != 0 : (h & (1L << (next - 64))) != 0;
  }

  Entry entry(int index) {
    return entries[index];
  }

  /**
   * Finds the next trigger at or after {@code pos} whose detector matches. Returns {@code -1}, or
   * the entry index in the high and the trigger position in the low 32 bits; the caller asks the
   * entry's detector again for the span (detectors are deterministic), which keeps this loop free
   * of any result object.
   */
  long next(CharSequence text, int pos, int from) {
    int n = text.length();
    byte[] classes = this.classes;
    // The scan starts at the text's start or right after a match, whose replacement ends a word:
    // treating the input alike keeps redaction idempotent ("[REDACTED:ssn]+44…" is scanned as
    // "123-45-6789+44…" was).
    boolean wordStart = true;
    boolean afterBackslash = false;
    int i = pos;
    while (i < n) {
      // A tight loop over the chars that cannot start a trigger (nearly all of them), kept free of
      // calls so that the JIT compiles it on its own; a candidate leaves it for the checks below.
      char c = text.charAt(i);
      int k = c < 128 ? classes[c] : 0;
      while ((k & TRIGGER_ANYWHERE) == 0 && (!wordStart || (k & TRIGGER_AT_WORD_START) == 0)) {
        wordStart = (k & WORD) == 0 || afterBackslash;
        afterBackslash = c == '\\';
        if (++i >= n) {
          return -1L;
        }
        c = text.charAt(i);
        k = c < 128 ? classes[c] : 0;
      }
      if ((k & TRIGGER_ANYWHERE) != 0
          && mayContinue(secondLoAnywhere, secondHiAnywhere, c, text, i)) {
        long hit = tryEntries(anywhere[c], text, from, i, -1);
        if (hit >= 0) {
          return hit;
        }
      }
      if (wordStart
          && (k & TRIGGER_AT_WORD_START) != 0
          && mayContinue(secondLoWordStart, secondHiWordStart, c, text, i)) {
        long hit =
            tryEntries(atWordStart[c], text, from, i, Text.isDigit(c) ? digitRun(text, i) : -1);
        if (hit >= 0) {
          return hit;
        }
      }
      // The char after an escape ("\n" in embedded JSON) starts a word, as after a real newline.
      wordStart = (k & WORD) == 0 || afterBackslash;
      afterBackslash = c == '\\';
      i++;
    }
    return -1L;
  }

  private long tryEntries(int[] candidates, CharSequence text, int from, int i, int digits) {
    int n = text.length();
    int next = i + 1 < n ? text.charAt(i + 1) : -2;
    for (int e : candidates) {
      Entry entry = entries[e];
      if ((entry.second >= 0 && entry.second != next)
          || (entry.minDigits > 0 && entry.minDigits > digits)
          || !Text.startsWith(text, i, entry.literal)) {
        continue;
      }
      long span = entry.detector.match(text, from, i);
      if (valid(span, from, i, n)) {
        return ((long) e << 32) | i;
      }
    }
    return -1L;
  }

  /**
   * Digits in the run starting at {@code i}: digits with at most two separators ({@code space - . (
   * ) /}) between them, counted up to {@link #DIGIT_CAP}.
   */
  static int digitRun(CharSequence text, int i) {
    int n = text.length();
    int digits = 0;
    int gap = 0;
    for (; i < n && digits < DIGIT_CAP; i++) {
      char c = text.charAt(i);
      if (Text.isDigit(c)) {
        digits++;
        gap = 0;
      } else if (!isRunSeparator(c) || ++gap > 2) {
        break;
      }
    }
    return digits;
  }

  private static boolean isRunSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
  }

  /** Rejects what a faulty custom detector might return, so that the scanner always advances. */
  static boolean valid(long span, int from, int at, int n) {
    if (span == ValueDetector.NO_MATCH) {
      return false;
    }
    int start = ValueDetector.start(span);
    int end = ValueDetector.end(span);
    return start >= from && end > start && end > at && end <= n;
  }
}
