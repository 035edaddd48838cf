package io.logconv.core.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * The single pass over a text. For each ASCII character it looks up the trigger entries starting
 * with that character (a table indexed by char); most characters have none, so a line without a
 * trigger costs one array load and one branch per character. Only where an entry's literal starts
 * (and, for word-start entries, a word starts) does a detector's full check run.
 */
final class ValueScanner {
  /** One trigger literal of one detector. */
  static final class Entry {
    final String literal;
    final ValueDetector detector;
    final boolean wordStart;

    Entry(String literal, ValueDetector detector) {
      this.literal = literal;
      this.detector = detector;
      this.wordStart = detector.wordStartOnly();
    }
  }

  private final Entry[] entries;
  /** Entry indexes by the first char of their literal. */
  private final int[][] table = new int[128][];

  ValueScanner(List<ValueDetector> detectors) {
    List<Entry> list = new ArrayList<>();
    // Earlier output first: a text redacted before is skipped, whatever else would trigger on it.
    for (String literal : AlreadyRedacted.INSTANCE.triggers()) {
      list.add(new Entry(literal, AlreadyRedacted.INSTANCE));
    }
    for (ValueDetector d : detectors) {
      for (String literal : d.triggers()) {
        list.add(new Entry(literal, d));
      }
    }
    entries = list.toArray(new Entry[0]);
    List<List<Integer>> byChar = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      byChar.add(new ArrayList<>());
    }
    for (int i = 0; i < entries.length; i++) {
      byChar.get(entries[i].literal.charAt(0)).add(i);
    }
    for (int c = 0; c < 128; c++) {
      List<Integer> l = byChar.get(c);
      if (!l.isEmpty()) {
        table[c] = l.stream().mapToInt(Integer::intValue).toArray();
      }
    }
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
    for (int i = pos; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 128) {
        continue;
      }
      int[] candidates = table[c];
      if (candidates == null) {
        continue;
      }
      boolean wordStart = i == 0 || !Text.isWordChar(text.charAt(i - 1));
      for (int e : candidates) {
        Entry entry = entries[e];
        if ((entry.wordStart && !wordStart) || !Text.startsWith(text, i, entry.literal)) {
          continue;
        }
        long span = entry.detector.match(text, from, i);
        if (valid(span, from, i, n)) {
          return ((long) e << 32) | i;
        }
      }
    }
    return -1L;
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
