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

    /**
     * The chars that may follow the literal's first char (bits 0–127 in two longs; all bits set
     * for any char): most entries fail on the next char without a call. The literal's second
     * char; for a digit of a {@link DigitRunDetector}, a digit or a run separator; for a {@link
     * SeparatorTriggeredDetector}, its followers; any char for other one-char literals.
     */
    final long nextLo;

    final long nextHi;

    /** True if any char may follow: the test of {@link #goesOnWith} that most entries need. */
    final boolean anyNext;

    Entry(String literal, ValueDetector detector, boolean wordStart) {
      this.literal = literal;
      this.detector = detector;
      this.wordStart = wordStart;
      this.minDigits =
          detector instanceof DigitRunDetector d && Text.isDigit(literal.charAt(0))
              ? d.minDigits()
              : 0;
      long lo = -1L;
      long hi = -1L;
      if (literal.length() > 1) {
        char second = literal.charAt(1);
        if (second < 128) {
          lo = second < 64 ? 1L << second : 0;
          hi = second < 64 ? 0 : 1L << (second - 64);
        }
      } else if (minDigits >= 2 || detector instanceof SeparatorTriggeredDetector) {
        lo = 0;
        hi = 0;
        for (char d = 0; d < 128; d++) {
          boolean follows =
              detector instanceof SeparatorTriggeredDetector s
                  ? s.followers().indexOf(d) >= 0
                  : Text.isDigit(d) || isRunSeparator(d);
          if (follows) {
            lo |= d < 64 ? 1L << d : 0;
            hi |= d < 64 ? 0 : 1L << (d - 64);
          }
        }
      }
      this.nextLo = lo;
      this.nextHi = hi;
      this.anyNext = (lo & hi) == -1L;
    }

    /** True if this entry may go on with the char {@code next} ({@code -2} past the text's end). */
    boolean goesOnWith(int next) {
      if (anyNext) {
        return true;
      }
      if (next < 0 || next >= 128) {
        return false;
      }
      return next < 64 ? (nextLo & (1L << next)) != 0 : (nextHi & (1L << (next - 64))) != 0;
    }
  }

  /** Bits of {@link #classes}. */
  static final int WORD = 1;

  static final int TRIGGER_ANYWHERE = 2;
  static final int TRIGGER_AT_WORD_START = 4;

  /**
   * A backslash: it stops the tight loop (as {@link #TRIGGER_ANYWHERE} does, without entries), so
   * that the char after it is treated as a word start.
   */
  static final int BACKSLASH = 64;

  /**
   * The bits that stop the tight loop: {@code (k & ~(k1 << 2) & STOP) != 0} for a char of class
   * {@code k} after one of class {@code k1}, where shifting {@link #WORD} onto {@link
   * #TRIGGER_AT_WORD_START} masks word-start triggers inside a word (no other bit of {@code k1}
   * lands on a stop bit).
   */
  static final int STOP = TRIGGER_ANYWHERE | TRIGGER_AT_WORD_START | BACKSLASH;

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
   * Per ASCII char followed by an ASCII char ({@code c << 7 | next}): the char's {@link #classes}
   * with its trigger bits kept only where an entry may go on with {@code next}. The tight loop of
   * {@link #next} reads it, so that a word starting like no trigger (most words, with a hundred
   * token prefixes among the literals) costs one load, as a char that triggers nothing does.
   */
  private final byte[] pairClasses = new byte[128 << 7];

  /** The char a text's copy holds after its last char ({@link #next} reads one char ahead). */
  static final char END = 0x7f;

  /**
   * Per pair of ASCII chars ({@code c << 7 | next}) that only literals of three chars or more
   * start: one plus the index of the mask of their third chars in {@link #thirdLo}/{@link
   * #thirdHi}; 0 where any third char may do. With a hundred token prefixes among the literals,
   * many common word starts ({@code re}, {@code sa}, {@code ma}) begin one; this test, made once
   * where the scan stops, sends them back to the loop without trying the entries.
   */
  private final short[] pairIndex = new short[128 << 7];

  private long[] thirdLo = new long[0];
  private long[] thirdHi = new long[0];

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
                  | (atWordStart[c] != null ? TRIGGER_AT_WORD_START : 0)
                  | (c == '\\' ? BACKSLASH : 0));
    }
    for (char c = 0; c < 128; c++) {
      for (char next = 0; next < 128; next++) {
        int k = classes[c];
        if (next != END) {
          int going = continuation(c, next);
          k &= ~((TRIGGER_ANYWHERE | TRIGGER_AT_WORD_START) & ~going);
        }
        pairClasses[c << 7 | next] = (byte) k;
      }
    }
    indexThirdChars();
  }

  private void indexThirdChars() {
    List<long[]> masks = new ArrayList<>();
    for (char c = 0; c < 128; c++) {
      List<Entry> starting = entriesStartingWith(c);
      for (char next = 0; next < 128 && !starting.isEmpty(); next++) {
        boolean any = false;
        boolean some = false;
        long lo = 0;
        long hi = 0;
        for (Entry e : starting) {
          if (!e.goesOnWith(next)) {
            continue;
          }
          some = true;
          char third = e.literal.length() >= 3 ? e.literal.charAt(2) : 0;
          if (e.literal.length() < 3 || e.literal.charAt(1) != next || third >= 128) {
            any = true;
            break;
          }
          lo |= third < 64 ? 1L << third : 0;
          hi |= third < 64 ? 0 : 1L << (third - 64);
        }
        if (some && !any && masks.size() < Short.MAX_VALUE - 1) {
          masks.add(new long[] {lo, hi});
          pairIndex[c << 7 | next] = (short) masks.size();
        }
      }
    }
    thirdLo = new long[masks.size()];
    thirdHi = new long[masks.size()];
    for (int m = 0; m < masks.size(); m++) {
      thirdLo[m] = masks.get(m)[0];
      thirdHi[m] = masks.get(m)[1];
    }
  }

  /** The entries whose literal starts with {@code c}, both tables'. */
  private List<Entry> entriesStartingWith(char c) {
    List<Entry> list = new ArrayList<>();
    for (int[] table : new int[][] {anywhere[c], atWordStart[c]}) {
      if (table != null) {
        for (int e : table) {
          list.add(entries[e]);
        }
      }
    }
    return list;
  }

  /**
   * False if no literal can start at {@code i}: the pair there starts only literals of three chars
   * or more, and none of them goes on with the char after the pair.
   */
  private boolean thirdMayFollow(char[] chars, int n, int i) {
    if (i + 1 >= n) {
      return true;
    }
    char c = chars[i];
    char next = chars[i + 1];
    if ((c | next) >= 128) {
      return true;
    }
    int m = pairIndex[c << 7 | next] - 1;
    if (m < 0) {
      return true;
    }
    if (i + 2 >= n) {
      return false;
    }
    char third = chars[i + 2];
    if (third >= 128) {
      return false;
    }
    return third < 64 ? (thirdLo[m] & (1L << third)) != 0 : (thirdHi[m] & (1L << (third - 64))) != 0;
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
        lo[c] |= entries[e].nextLo;
        hi[c] |= entries[e].nextHi;
      }
    }
  }

  /** True if some entry of first char {@code c} could continue with the char at {@code i + 1}. */
  private static boolean mayContinue(long[] lo, long[] hi, int c, char[] chars, int n, int i) {
    if ((lo[c] & hi[c]) == -1L) {
      return true;
    }
    if (i + 1 >= n) {
      return false;
    }
    char next = chars[i + 1];
    return next < 128 && continues(lo[c], hi[c], next);
  }


  Entry entry(int index) {
    return entries[index];
  }

  /**
   * Finds the next trigger at or after {@code pos} whose detector matches. Returns {@code -1}, or
   * the entry index in the high and the trigger position in the low 32 bits; the caller asks the
   * entry's detector again for the span (detectors are deterministic), which keeps this loop free
   * of any result object.
   *
   * @param text the text, which detectors are given
   * @param chars a copy of the text's chars {@code [0, n)} and {@link #END} at {@code n}, which the
   *     loop reads: an array read costs a fraction of a {@code charAt} through the {@code
   *     CharSequence} interface
   * @param n the text's length
   */
  long next(CharSequence text, char[] chars, int n, int pos, int from) {
    byte[] classes = this.classes;
    // Word starts as Prefilter.isWordStart defines them (WordStartTest holds the two
    // alike). Whether a char starts a word follows from the char before it, so the loop carries that
    // char's class (k1) instead of a state, with its WORD bit cleared when the char before it was a
    // backslash: the char after an escape ("\n" in embedded JSON) starts a word, as after a real
    // newline. The scan starts at the text's start or right after a match, whose replacement ends a
    // word: both count as "no char", which keeps redaction idempotent ("[REDACTED:ssn]+44…" is
    // scanned as "123-45-6789+44…" was).
    int k1 = 0;
    int i = pos;
    while (i < n) {
      // A tight loop over the chars that cannot start a trigger (nearly all of them), free of calls;
      // a candidate or a backslash leaves it for the checks below.
      char c = chars[i];
      int k = pairClass(c, chars[i + 1]);
      while ((k & ~(k1 << 2) & STOP) == 0) {
        k1 = k;
        if (++i >= n) {
          return -1L;
        }
        c = chars[i];
        k = pairClass(c, chars[i + 1]);
      }
      long hit = matchAt(text, chars, n, from, i, c, k, (k1 & WORD) == 0);
      if (hit >= 0) {
        return hit;
      }
      k1 = k;
      i++;
      // The char after a backslash is checked here, so that the one after it sees a word start.
      while (c == '\\' && i < n) {
        c = chars[i];
        k = c < 128 ? classes[c] : 0;
        hit = matchAt(text, chars, n, from, i, c, k, true);
        if (hit >= 0) {
          return hit;
        }
        k1 = k & ~WORD;
        i++;
      }
    }
    return -1L;
  }

  /**
   * The class of {@code c} followed by {@code next} ({@link #END} after the last char): {@link
   * #pairClasses} for two ASCII chars, the char's full class if only {@code c} is ASCII.
   */
  private int pairClass(char c, char next) {
    if ((c | next) < 128) {
      return pairClasses[c << 7 | next];
    }
    return c < 128 ? classes[c] : 0;
  }

  /**
   * For an ASCII trigger char {@code c} followed by the ASCII char {@code next}: {@link
   * #TRIGGER_ANYWHERE} if an entry counting anywhere may go on with {@code next}, {@link
   * #TRIGGER_AT_WORD_START} if one counting at a word start may (the second-char masks of {@link
   * #next}).
   */
  int continuation(char c, char next) {
    int bits = 0;
    if (anywhere[c] != null && continues(secondLoAnywhere[c], secondHiAnywhere[c], next)) {
      bits |= TRIGGER_ANYWHERE;
    }
    if (atWordStart[c] != null && continues(secondLoWordStart[c], secondHiWordStart[c], next)) {
      bits |= TRIGGER_AT_WORD_START;
    }
    return bits;
  }

  private static boolean continues(long lo, long hi, char next) {
    if ((lo & hi) == -1L) {
      return true;
    }
    return next < 64 ? (lo & (1L << next)) != 0 : (hi & (1L << (next - 64))) != 0;
  }

  /** The class of {@code c}: {@link #WORD}, trigger and backslash bits (0 beyond ASCII). */
  int classOf(char c) {
    return c < 128 ? classes[c] : 0;
  }

  /**
   * The match of a trigger at {@code i} (char {@code c} of class {@code k}), as {@link #next}
   * returns it, or {@code -1}.
   */
  long matchAt(
      CharSequence text, char[] chars, int n, int from, int i, char c, int k, boolean wordStart) {
    if (!thirdMayFollow(chars, n, i)) {
      return -1L;
    }
    if ((k & TRIGGER_ANYWHERE) != 0
        && mayContinue(secondLoAnywhere, secondHiAnywhere, c, chars, n, i)) {
      long hit = tryEntries(anywhere[c], text, chars, n, from, i, -1);
      if (hit >= 0) {
        return hit;
      }
    }
    if (wordStart
        && (k & TRIGGER_AT_WORD_START) != 0
        && mayContinue(secondLoWordStart, secondHiWordStart, c, chars, n, i)) {
      return tryEntries(
          atWordStart[c], text, chars, n, from, i, Text.isDigit(c) ? digitRun(chars, n, i) : -1);
    }
    return -1L;
  }

  private long tryEntries(
      int[] candidates, CharSequence text, char[] chars, int n, int from, int i, int digits) {
    int next = i + 1 < n ? chars[i + 1] : -2;
    for (int e : candidates) {
      Entry entry = entries[e];
      if (!entry.goesOnWith(next)
          || (entry.minDigits > 0 && entry.minDigits > digits)
          || !startsWith(chars, n, i, entry.literal)) {
        continue;
      }
      long span = entry.detector.match(text, from, i);
      if (valid(span, from, i, n)) {
        return ((long) e << 32) | i;
      }
    }
    return -1L;
  }

  private static boolean startsWith(char[] chars, int n, int at, String literal) {
    int len = literal.length();
    if (at + len > n) {
      return false;
    }
    for (int j = 0; j < len; j++) {
      if (chars[at + j] != literal.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Digits in the run starting at {@code i}: digits with at most two separators ({@code space - . (
   * ) /}) between them, counted up to {@link #DIGIT_CAP}.
   */
  static int digitRun(char[] chars, int n, int i) {
    int digits = 0;
    int gap = 0;
    for (; i < n && digits < DIGIT_CAP; i++) {
      char c = chars[i];
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
