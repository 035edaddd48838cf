package io.logconv.core;

import io.logconv.core.redact.Prefilter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An append-only UTF-8 JSON byte buffer, reused from event to event. Strings are escaped char by
 * char through a table (a safe ASCII run is copied in a tight loop), surrogate pairs become 4-byte
 * sequences, a lone surrogate becomes U+FFFD without swallowing the next char, and numbers are
 * written without creating Strings. Not thread-safe: one buffer per writer.
 *
 * <pre>{@code
 * JsonBuffer b = new JsonBuffer(256);
 * b.append('{').appendString("msg").append(':').appendString("hi \"there\"").append('}');
 * b.writeTo(System.out); // {"msg":"hi \"there\""}
 * }</pre>
 */
public final class JsonBuffer {
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

  private static final byte[] LONG_MIN = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int size;
  private final boolean escapeLineSeparators;

  /** A buffer with the given initial capacity that leaves U+2028 and U+2029 unescaped. */
  public JsonBuffer(int initialCapacity) {
    this(initialCapacity, false);
  }

  /**
   * A buffer with the given initial capacity.
   *
   * @param escapeLineSeparators escape U+2028 and U+2029 (for consumers that treat them as line
   *     ends, such as JavaScript before ES2019)
   */
  public JsonBuffer(int initialCapacity, boolean escapeLineSeparators) {
    this.bytes = new byte[Math.max(16, initialCapacity)];
    this.escapeLineSeparators = escapeLineSeparators;
  }

  /** Empties the buffer, keeping its array. */
  public void reset() {
    size = 0;
  }

  /**
   * Empties the buffer and, if its array grew beyond {@code retainCapacity}, replaces it with one of
   * that size, so that one huge event does not pin memory forever.
   */
  public void reset(int retainCapacity) {
    size = 0;
    if (bytes.length > retainCapacity) {
      bytes = new byte[Math.max(16, retainCapacity)];
    }
  }

  /** Number of bytes written. */
  public int size() {
    return size;
  }

  /** Shortens the content to {@code newSize} bytes (which must not exceed {@link #size()}). */
  public void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IndexOutOfBoundsException("newSize " + newSize + " outside [0, " + size + "]");
    }
    size = newSize;
  }

  /** The backing array; bytes {@code [0, size())} are the content. */
  public byte[] array() {
    return bytes;
  }

  /** Current capacity of the backing array. */
  public int capacity() {
    return bytes.length;
  }

  /** A copy of the content. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Writes the content to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** The content decoded as UTF-8 (for tests and diagnostics, not the hot path). */
  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  private void ensure(int extra) {
    int needed = size + extra;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }

  /** Appends one ASCII char as a byte, unescaped (structure: braces, colons, commas). */
  public JsonBuffer append(char asciiChar) {
    ensure(1);
    bytes[size++] = (byte) asciiChar;
    return this;
  }

  /** Appends raw bytes, unescaped (pre-encoded JSON fragments). */
  public JsonBuffer appendRaw(byte[] src) {
    return appendRaw(src, 0, src.length);
  }

  /** Appends raw bytes {@code src[off, off+len)}, unescaped. */
  public JsonBuffer appendRaw(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, bytes, size, len);
    size += len;
    return this;
  }

  /** Appends {@code true} or {@code false}. */
  public JsonBuffer appendBoolean(boolean value) {
    if (value) {
      ensure(4);
      bytes[size++] = 't';
      bytes[size++] = 'r';
      bytes[size++] = 'u';
      bytes[size++] = 'e';
    } else {
      ensure(5);
      bytes[size++] = 'f';
      bytes[size++] = 'a';
      bytes[size++] = 'l';
      bytes[size++] = 's';
      bytes[size++] = 'e';
    }
    return this;
  }

  /** Appends {@code null}. */
  public JsonBuffer appendNull() {
    ensure(4);
    bytes[size++] = 'n';
    bytes[size++] = 'u';
    bytes[size++] = 'l';
    bytes[size++] = 'l';
    return this;
  }

  /** Appends a JSON number for {@code value}, without creating a String. */
  public JsonBuffer appendLong(long value) {
    if (value == Long.MIN_VALUE) {
      return appendRaw(LONG_MIN);
    }
    ensure(20);
    if (value < 0) {
      bytes[size++] = '-';
      value = -value;
    }
    int digits = digitCount(value);
    int end = size + digits;
    int pos = end;
    do {
      bytes[--pos] = (byte) ('0' + (int) (value % 10));
      value /= 10;
    } while (value != 0);
    size = end;
    return this;
  }

  /** Appends {@code value} as exactly {@code width} digits, zero-padded (timestamps). */
  public JsonBuffer appendPadded(int value, int width) {
    ensure(width);
    for (int pos = size + width - 1; pos >= size; pos--) {
      bytes[pos] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += width;
    return this;
  }

  /** Appends three digits and {@code Z}: the end of a timestamp, without a loop. */
  JsonBuffer appendMillis(byte hundreds, byte tens, byte ones) {
    ensure(4);
    byte[] b = bytes;
    int p = size;
    b[p] = hundreds;
    b[p + 1] = tens;
    b[p + 2] = ones;
    b[p + 3] = 'Z';
    size = p + 4;
    return this;
  }

  private static int digitCount(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  /**
   * Appends ASCII chars that need no escaping (numbers formatted by the JDK, known keys), one byte
   * each. Chars above 0x7F are not expected and are replaced by {@code ?}.
   */
  public JsonBuffer appendAscii(CharSequence s, int start, int end) {
    ensure(end - start);
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      bytes[size++] = c < 0x80 ? (byte) c : (byte) '?';
    }
    return this;
  }

  /** Appends {@code s} as a quoted, escaped JSON string. */
  public JsonBuffer appendString(CharSequence s) {
    ensure(2);
    bytes[size++] = '"';
    appendEscaped(s, 0, s.length());
    ensure(1);
    bytes[size++] = '"';
    return this;
  }

  /**
   * Appends the chars {@code s[start, end)} escaped, without quotes. Each char becomes valid UTF-8:
   * a surrogate pair is one 4-byte sequence, a lone surrogate is U+FFFD and the char after it is
   * written normally.
   */
  public JsonBuffer appendEscaped(CharSequence s, int start, int end) {
    int i = start;
    while (i < end) {
      // Fast path: a run of ASCII chars that need no escaping.
      ensure(end - i);
      byte[] b = bytes;
      int p = size;
      char c = 0;
      while (i < end) {
        c = s.charAt(i);
        if (c >= 0x80 || ESCAPES[c] != 0) {
          break;
        }
        b[p++] = (byte) c;
        i++;
      }
      size = p;
      if (i >= end) {
        break;
      }
      i += appendSpecial(c, i + 1 < end ? s.charAt(i + 1) : 0);
    }
    return this;
  }

  /** Appends {@code chars[start, end)} as a quoted, escaped JSON string. */
  public JsonBuffer appendString(char[] chars, int start, int end) {
    ensure(2);
    bytes[size++] = '"';
    appendEscaped(chars, start, end);
    ensure(1);
    bytes[size++] = '"';
    return this;
  }

  /** Appends {@code chars[start, end)} escaped, without quotes, as the CharSequence form does. */
  public JsonBuffer appendEscaped(char[] chars, int start, int end) {
    int i = start;
    while (i < end) {
      ensure(end - i);
      byte[] b = bytes;
      int p = size;
      char c = 0;
      while (i < end) {
        c = chars[i];
        if (c >= 0x80 || ESCAPES[c] != 0) {
          break;
        }
        b[p++] = (byte) c;
        i++;
      }
      size = p;
      if (i >= end) {
        break;
      }
      i += appendSpecial(c, i + 1 < end ? chars[i + 1] : 0);
    }
    return this;
  }

  /** Bits of a table made by {@link #scanClasses}. */
  private static final int SCAN_STOP = 2;
  private static final int SCAN_STOP_AT_WORD_START = 4;
  private static final int SCAN_STOPS = SCAN_STOP | SCAN_STOP_AT_WORD_START;
  private static final int SCAN_TRIGGER = 8;
  private static final int SCAN_TRIGGER_AT_WORD_START = 16;

  /** The chars a table made by {@link #scanClasses} covers: ASCII, indexed {@code c << 7 | next}. */
  private static final int ASCII_BITS = 7;

  private static final int SCAN_INDEX_MASK = (128 << ASCII_BITS) - 1;

  /** Stands for "no next char" and any next char beyond ASCII in {@link #scanClasses}. */
  private static final char UNKNOWN_NEXT = 0x7f;

  /**
   * The table {@link #appendStringUnlessFlagged} reads, for each ASCII char followed by each ASCII
   * char: the char stops the copy loop if it must be escaped, or starts a trigger of {@code
   * prefilter} anywhere that may go on with the next char, or starts one at a word start that may
   * go on with it (the loop's caller then asks whether it is at a word start). A next char of {@code 0x7f}
   * stands for any next char, so it stops at every trigger.
   */
  static byte[] scanClasses(Prefilter prefilter) {
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

  /**
   * Appends {@code chars[0, length)} (the chars of {@code text}) as a quoted, escaped JSON string,
   * running {@code prefilter}'s trigger test in the same pass; if the prefilter flags a position,
   * the buffer is left as it was and false is returned, so that the caller redacts the text first.
   * A text with nothing to hide is thus read once. Each char is looked up with the one after it, so
   * a trigger char that goes on like no trigger does costs nothing more; whether a candidate is at
   * a word start is only asked where one stops the loop.
   *
   * @param chars the text's chars, with room for one more: {@code chars[length]} is overwritten
   * @param classes the table {@link #scanClasses} made for {@code prefilter}
   */
  boolean appendStringUnlessFlagged(
      CharSequence text, char[] chars, int length, byte[] classes, Prefilter prefilter) {
    int mark = size;
    ensure(length + 2);
    bytes[size++] = '"';
    if (!appendEscapedUnlessFlagged(text, chars, length, classes, prefilter)) {
      size = mark;
      return false;
    }
    ensure(1);
    bytes[size++] = '"';
    return true;
  }

  /** As {@link #appendStringUnlessFlagged}, without the quotes. */
  boolean appendEscapedUnlessFlagged(
      CharSequence text, char[] chars, int length, byte[] classes, Prefilter prefilter) {
    int mark = size;
    chars[length] = UNKNOWN_NEXT;
    int i = 0;
    while (i < length) {
      ensure(length - i + 1);
      byte[] b = bytes;
      int off = size - i;
      i = copyPlainRun(chars, i, length, classes, b, off);
      size = off + i;
      if (i >= length) {
        break;
      }
      char c = chars[i];
      char next = chars[i + 1];
      // A char to escape, beyond ASCII, or a trigger candidate.
      if (c < 128) {
        int k = classes[c << ASCII_BITS | Math.min(next, UNKNOWN_NEXT)];
        if ((k & (SCAN_TRIGGER | SCAN_TRIGGER_AT_WORD_START)) != 0
            && flagged(text, chars, length, i, k, prefilter)) {
          size = mark;
          return false;
        }
      }
      i += appendScanned(c, next);
    }
    return true;
  }

  /**
   * Copies chars from {@code i} to {@code b[off + i]} as bytes until one that stops the loop (see
   * {@link #scanClasses}) or {@code length}, and returns where it stopped. A method of its own, so
   * that the JIT compiles this loop alike whatever the cold paths around it do.
   */
  private static int copyPlainRun(
      char[] chars, int i, int length, byte[] classes, byte[] b, int off) {
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

  /**
   * True if the prefilter flags the trigger candidate at {@code i}, of class {@code k}. A word start
   * is where the char before is not a word char, or the one before that is a backslash (the char
   * after an escape such as the {@code \n} of embedded JSON starts a word, as after a newline).
   */
  private static boolean flagged(
      CharSequence text, char[] chars, int length, int i, int k, Prefilter p) {
    boolean wordStart =
        i == 0
            || (p.classOf(chars[i - 1]) & Prefilter.WORD) == 0
            || (i >= 2 && chars[i - 2] == '\\');
    if ((k & SCAN_TRIGGER) == 0 && !(wordStart && (k & SCAN_TRIGGER_AT_WORD_START) != 0)) {
      return false;
    }
    return p.matchesAt(text, chars, length, i, wordStart);
  }

  /** Writes one char that stopped the copy loop; returns the chars used. */
  private int appendScanned(char c, char next) {
    if (c < 0x80 && ESCAPES[c] == 0) {
      ensure(1);
      bytes[size++] = (byte) c;
      return 1;
    }
    return appendSpecial(c, next);
  }

  /**
   * Writes {@code c} (not plain ASCII), given the char after it ({@code 0} at the end), and returns
   * how many chars it used: 2 for a surrogate pair, else 1.
   */
  private int appendSpecial(char c, char next) {
    ensure(12);
    if (c < 0x80) {
      int esc = ESCAPES[c];
      bytes[size++] = '\\';
      if (esc > 0) {
        bytes[size++] = (byte) esc;
      } else {
        appendUnicodeEscape(c);
      }
      return 1;
    }
    if (c < 0x800) {
      bytes[size++] = (byte) (0xC0 | (c >> 6));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
      return 1;
    }
    if (Character.isSurrogate(c)) {
      if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
        int cp = Character.toCodePoint(c, next);
        bytes[size++] = (byte) (0xF0 | (cp >> 18));
        bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (cp & 0x3F));
        return 2;
      }
      appendReplacementChar();
      return 1;
    }
    if (escapeLineSeparators && (c == '\u2028' || c == '\u2029')) {
      bytes[size++] = '\\';
      appendUnicodeEscape(c);
      return 1;
    }
    bytes[size++] = (byte) (0xE0 | (c >> 12));
    bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
    bytes[size++] = (byte) (0x80 | (c & 0x3F));
    return 1;
  }

  private void appendReplacementChar() {
    bytes[size++] = (byte) 0xEF;
    bytes[size++] = (byte) 0xBF;
    bytes[size++] = (byte) 0xBD;
  }

  private void appendUnicodeEscape(char c) {
    bytes[size++] = 'u';
    bytes[size++] = HEX[(c >> 12) & 0xF];
    bytes[size++] = HEX[(c >> 8) & 0xF];
    bytes[size++] = HEX[(c >> 4) & 0xF];
    bytes[size++] = HEX[c & 0xF];
  }

  /**
   * Number of bytes {@link #appendEscaped} would write for {@code s[start, end)}. Used to say how
   * many bytes a cut value dropped.
   */
  public int escapedLength(CharSequence s, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        int esc = ESCAPES[c];
        n += esc == 0 ? 1 : esc > 0 ? 2 : 6;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (escapeLineSeparators && (c == '\u2028' || c == '\u2029')) {
        n += 6;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /**
   * Index in {@code s} up to which chars from {@code start} fit in {@code maxBytes} escaped bytes,
   * never splitting a surrogate pair.
   */
  public int fittingEnd(CharSequence s, int start, int end, int maxBytes) {
    int n = 0;
    int i = start;
    while (i < end) {
      char c = s.charAt(i);
      int w;
      int step = 1;
      if (c < 0x80) {
        int esc = ESCAPES[c];
        w = esc == 0 ? 1 : esc > 0 ? 2 : 6;
      } else if (c < 0x800) {
        w = 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        w = 4;
        step = 2;
      } else if (escapeLineSeparators && (c == '\u2028' || c == '\u2029')) {
        w = 6;
      } else {
        w = 3;
      }
      if (n + w > maxBytes) {
        break;
      }
      n += w;
      i += step;
    }
    return i;
  }
}
