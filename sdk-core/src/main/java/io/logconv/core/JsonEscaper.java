package io.logconv.core;

import io.logconv.core.redact.Prefilter;
import java.nio.charset.StandardCharsets;

/**
 * Text into a line as JSON string content: each char becomes valid, escaped UTF-8 in a {@link
 * JsonBuffer} (a surrogate pair is one 4-byte sequence, a lone surrogate is U+FFFD and the char
 * after it is written normally; a safe ASCII run is copied in a tight loop). Owns the escape table
 * and the one definition of a char's escaped width.
 *
 * <p>An instance is the writer's fused scan: its chars are escaped and the redactor's trigger test
 * ({@link Prefilter}) runs in the same loop, so a text with nothing to hide is read once. If the
 * test flags a position, nothing is written and the caller redacts the text first. An instance
 * owns the table that loop reads; immutable, shared by every writer of a {@link LineFormat}. What a
 * word start is, is {@link Prefilter#isWordStart}, the one definition.
 *
 * <pre>{@code
 * JsonEscaper.appendString(buf, "hi \"there\"");          // "hi \"there\""
 * JsonEscaper scan = new JsonEscaper(SecretRedactor.defaults().prefilter());
 * boolean written = scan.appendString(buf, text, chars, text.length()); // false: redact first
 * }</pre>
 */
final class JsonEscaper {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /**
   * For each ASCII char: 0 = copy as is, -1 = escape as backslash-u00XX, any other value = escape
   * as a backslash followed by that char.
   */
  private static final int[] ESCAPES = new int[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
    ESCAPES['\t'] = 't';
    ESCAPES['\b'] = 'b';
    ESCAPES['\f'] = 'f';
    ESCAPES[0x7f] = -1;
  }

  /** The most bytes one char (or surrogate pair) takes escaped: a backslash-u escape. */
  private static final int MAX_CHAR_BYTES = 6;

  /** Bits of {@link #classes}: the char continues a word (its shift by 2 masks the next bit). */
  private static final int SCAN_WORD = 1;

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

  JsonEscaper(Prefilter prefilter) {
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
      int base = (k & Prefilter.WORD) != 0 ? SCAN_WORD : 0;
      if ((k & Prefilter.TRIGGER_ANYWHERE) != 0) {
        base |= SCAN_TRIGGER;
      }
      if ((k & Prefilter.TRIGGER_AT_WORD_START) != 0) {
        base |= SCAN_TRIGGER_AT_WORD_START;
      }
      if (ESCAPES[c] != 0) {
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

  // ---- The fused scan -------------------------------------------------------------------------

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
   * As {@link #appendString}, without the quotes. The loop keeps the array and the position in
   * locals and gives them back to {@code out} only where the array must grow and at the end.
   */
  boolean appendEscaped(JsonBuffer out, CharSequence text, char[] chars, int length) {
    chars[length] = UNKNOWN_NEXT;
    boolean lineSeparators = out.escapesLineSeparators();
    int mark = out.size();
    byte[] b = out.reserve(length + MAX_CHAR_BYTES);
    int p = mark;
    int i = 0;
    while (true) {
      int stop = copyPlainRun(chars, i, length, classes, b, p - i);
      p += stop - i;
      i = stop;
      if (i >= length) {
        break;
      }
      char c = chars[i];
      char next = chars[i + 1];
      // A char to escape, beyond ASCII, or a trigger candidate.
      if (c < 128) {
        int k = classes[index(c, next)];
        if (isCandidate(k) && flagged(text, chars, length, i, k)) {
          out.truncate(mark);
          return false;
        }
      }
      if (b.length - p < length - i + MAX_CHAR_BYTES) {
        out.setSize(p);
        b = out.reserve(length - i + MAX_CHAR_BYTES);
      }
      p = writeChar(b, p, c, next, lineSeparators);
      i += takesTwo(c, next) ? 2 : 1;
    }
    out.setSize(p);
    return true;
  }

  /** True if a char of table class {@code k} may start a trigger (anywhere or at a word start). */
  private static boolean isCandidate(int k) {
    return (k & (SCAN_TRIGGER | SCAN_TRIGGER_AT_WORD_START)) != 0;
  }

  /**
   * The table index of the ASCII char {@code c} followed by {@code next} (any char; one beyond
   * ASCII, and the end, stand for "any").
   */
  private static int index(char c, char next) {
    return c << ASCII_BITS | Math.min(next, UNKNOWN_NEXT);
  }

  /**
   * Copies chars from {@code i} to {@code b[off + i]} as bytes until one that stops the loop or
   * {@code length}, and returns where it stopped. A char that starts a word-start trigger stops it
   * only where the char before it does not continue a word, so that the inside of a word ({@code
   * st} in {@code latest}) runs on. Word starts are {@link Prefilter#isWordStart}'s: after a char
   * that does not continue a word, and two chars after a backslash ({@code \\nBearer …}). A
   * method of its own, so that the JIT compiles this loop alike whatever the cold paths around
   * it do.
   */
  private static int copyPlainRun(
      char[] chars, int i, int length, byte[] classes, byte[] b, int off) {
    if (i >= length) {
      return i;
    }
    int c = chars[i];
    int first = i;
    // The class of the char before, for the first char's word start: none at the text's start or
    // two after a backslash (Prefilter.isWordStart), and none for the char after a backslash.
    int prev = i > 0 && (i < 2 || chars[i - 2] != '\\') ? wordBit(chars[i - 1], classes) : 0;
    boolean afterBackslash = i > 0 && chars[i - 1] == '\\';
    for (; i < length; i++) {
      int next = chars[i + 1];
      if ((c | next) >= 128) {
        return i;
      }
      // The mask keeps the index provably inside the table, so the JIT drops its bounds check.
      int bits = classes[(c << ASCII_BITS | next) & SCAN_INDEX_MASK];
      // A word char before masks the word-start stop: SCAN_WORD << 2 == SCAN_STOP_AT_WORD_START.
      if ((bits & ~(prev << 2) & SCAN_STOPS) != 0) {
        return i;
      }
      b[off + i] = (byte) c;
      prev = i == first && afterBackslash ? 0 : bits;
      c = next;
    }
    return i;
  }

  /** {@link #SCAN_WORD} if {@code ch} continues a word, else 0. */
  private static int wordBit(char ch, byte[] classes) {
    return ch < 128 ? classes[ch << ASCII_BITS] & SCAN_WORD : 0;
  }

  /** True if the trigger test flags the candidate at {@code i}, of class {@code k}. */
  private boolean flagged(CharSequence text, char[] chars, int length, int i, int k) {
    boolean wordStart = Prefilter.isWordStart(chars, 0, i);
    if ((k & SCAN_TRIGGER) == 0 && !(wordStart && (k & SCAN_TRIGGER_AT_WORD_START) != 0)) {
      return false;
    }
    return prefilter.matchesAt(text, chars, length, i, wordStart);
  }

  // ---- Plain escaping -------------------------------------------------------------------------

  /** Appends {@code s} as a quoted, escaped JSON string. */
  static void appendString(JsonBuffer out, CharSequence s) {
    out.append('"');
    appendEscaped(out, s, 0, s.length());
    out.append('"');
  }

  /** Appends {@code chars[start, end)} as a quoted, escaped JSON string. */
  static void appendString(JsonBuffer out, char[] chars, int start, int end) {
    out.append('"');
    appendEscaped(out, chars, start, end);
    out.append('"');
  }

  /** Appends the chars {@code s[start, end)} escaped, without quotes. */
  static void appendEscaped(JsonBuffer out, CharSequence s, int start, int end) {
    boolean lineSeparators = out.escapesLineSeparators();
    byte[] b = out.reserve(end - start + MAX_CHAR_BYTES);
    int p = out.size();
    int i = start;
    while (i < end) {
      char c = s.charAt(i);
      if (c < 0x80 && ESCAPES[c] == 0) {
        b[p++] = (byte) c;
        i++;
        continue;
      }
      if (b.length - p < end - i + MAX_CHAR_BYTES) {
        out.setSize(p);
        b = out.reserve(end - i + MAX_CHAR_BYTES);
      }
      char next = i + 1 < end ? s.charAt(i + 1) : 0;
      p = writeChar(b, p, c, next, lineSeparators);
      i += takesTwo(c, next) ? 2 : 1;
    }
    out.setSize(p);
  }

  /** Appends {@code chars[start, end)} escaped, without quotes, as the CharSequence form does. */
  static void appendEscaped(JsonBuffer out, char[] chars, int start, int end) {
    boolean lineSeparators = out.escapesLineSeparators();
    byte[] b = out.reserve(end - start + MAX_CHAR_BYTES);
    int p = out.size();
    int i = start;
    while (i < end) {
      char c = chars[i];
      if (c < 0x80 && ESCAPES[c] == 0) {
        b[p++] = (byte) c;
        i++;
        continue;
      }
      if (b.length - p < end - i + MAX_CHAR_BYTES) {
        out.setSize(p);
        b = out.reserve(end - i + MAX_CHAR_BYTES);
      }
      char next = i + 1 < end ? chars[i + 1] : 0;
      p = writeChar(b, p, c, next, lineSeparators);
      i += takesTwo(c, next) ? 2 : 1;
    }
    out.setSize(p);
  }

  /** True if {@code c} and {@code next} are one surrogate pair, written as one char. */
  private static boolean takesTwo(char c, char next) {
    return Character.isHighSurrogate(c) && Character.isLowSurrogate(next);
  }

  /**
   * Writes {@code c}, given the char after it ({@code 0} at the end), at {@code b[p]}, which has
   * room for {@link #MAX_CHAR_BYTES}, and returns the position after it. A surrogate pair takes
   * both chars ({@link #takesTwo}).
   */
  private static int writeChar(byte[] b, int p, char c, char next, boolean lineSeparators) {
    if (c < 0x80) {
      int esc = ESCAPES[c];
      if (esc == 0) {
        b[p] = (byte) c;
        return p + 1;
      }
      b[p] = '\\';
      if (esc > 0) {
        b[p + 1] = (byte) esc;
        return p + 2;
      }
      return unicodeEscape(b, p + 1, c);
    }
    if (c < 0x800) {
      b[p] = (byte) (0xC0 | (c >> 6));
      b[p + 1] = (byte) (0x80 | (c & 0x3F));
      return p + 2;
    }
    if (Character.isSurrogate(c)) {
      if (takesTwo(c, next)) {
        int cp = Character.toCodePoint(c, next);
        b[p] = (byte) (0xF0 | (cp >> 18));
        b[p + 1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p + 2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p + 3] = (byte) (0x80 | (cp & 0x3F));
        return p + 4;
      }
      // U+FFFD for a lone surrogate.
      b[p] = (byte) 0xEF;
      b[p + 1] = (byte) 0xBF;
      b[p + 2] = (byte) 0xBD;
      return p + 3;
    }
    if (lineSeparators && (c == '\u2028' || c == '\u2029')) {
      b[p] = '\\';
      return unicodeEscape(b, p + 1, c);
    }
    b[p] = (byte) (0xE0 | (c >> 12));
    b[p + 1] = (byte) (0x80 | ((c >> 6) & 0x3F));
    b[p + 2] = (byte) (0x80 | (c & 0x3F));
    return p + 3;
  }

  private static int unicodeEscape(byte[] b, int p, char c) {
    b[p] = 'u';
    b[p + 1] = HEX[(c >> 12) & 0xF];
    b[p + 2] = HEX[(c >> 8) & 0xF];
    b[p + 3] = HEX[(c >> 4) & 0xF];
    b[p + 4] = HEX[c & 0xF];
    return p + 5;
  }

  // ---- Escaped width --------------------------------------------------------------------------

  /**
   * Bytes {@link #writeChar} writes for {@code c} followed by {@code next} ({@code 0} at the end):
   * 4 for a surrogate pair, which takes both chars; 3 for a lone surrogate, written as U+FFFD. The
   * one definition of a char's escaped width.
   */
  private static int escapedWidth(char c, char next, boolean lineSeparators) {
    if (c < 0x80) {
      int esc = ESCAPES[c];
      return esc == 0 ? 1 : esc > 0 ? 2 : 6;
    }
    if (c < 0x800) {
      return 2;
    }
    if (takesTwo(c, next)) {
      return 4;
    }
    if (lineSeparators && (c == '\u2028' || c == '\u2029')) {
      return 6;
    }
    return 3;
  }

  /**
   * Number of bytes {@link #appendEscaped(JsonBuffer, CharSequence, int, int)} would write into
   * {@code out} for {@code s[start, end)}. Used to say how many bytes a cut value dropped.
   */
  static int escapedLength(JsonBuffer out, CharSequence s, int start, int end) {
    boolean lineSeparators = out.escapesLineSeparators();
    int n = 0;
    for (int i = start; i < end; i++) {
      int w = escapedWidth(s.charAt(i), i + 1 < end ? s.charAt(i + 1) : 0, lineSeparators);
      n += w;
      if (w == 4) {
        i++;
      }
    }
    return n;
  }

  /**
   * Index in {@code s} up to which chars from {@code start} fit in {@code maxBytes} bytes escaped
   * into {@code out}, never splitting a surrogate pair.
   */
  static int fittingEnd(JsonBuffer out, CharSequence s, int start, int end, int maxBytes) {
    boolean lineSeparators = out.escapesLineSeparators();
    int n = 0;
    int i = start;
    while (i < end) {
      int w = escapedWidth(s.charAt(i), i + 1 < end ? s.charAt(i + 1) : 0, lineSeparators);
      if (n + w > maxBytes) {
        break;
      }
      n += w;
      i += w == 4 ? 2 : 1;
    }
    return i;
  }
}
