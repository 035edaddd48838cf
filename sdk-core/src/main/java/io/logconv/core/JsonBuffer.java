package io.logconv.core;

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
  static final int[] ESCAPES = new int[128];

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

  /**
   * The loop of {@link FusedScan#appendEscaped}: appends {@code chars[0, length)} escaped, with
   * {@code scan}'s trigger test run in the same pass over {@code classes}, its table; if the test
   * flags a position, takes back what it wrote and returns false. Here, on the buffer's own fields,
   * because it runs measurably faster than the same loop in {@link FusedScan} (see there); the
   * table, the test and what a word start is belong to {@link FusedScan}.
   */
  boolean appendEscapedUnlessFlagged(
      FusedScan scan, byte[] classes, CharSequence text, char[] chars, int length) {
    int mark = size;
    int i = 0;
    while (i < length) {
      ensure(length - i + 1);
      byte[] b = bytes;
      int off = size - i;
      i = FusedScan.copyPlainRun(chars, i, length, classes, b, off);
      size = off + i;
      if (i >= length) {
        break;
      }
      char c = chars[i];
      char next = chars[i + 1];
      // A char to escape, beyond ASCII, or a trigger candidate.
      if (c < 128) {
        int k = classes[FusedScan.index(c, next)];
        if (FusedScan.isCandidate(k) && scan.flagged(text, chars, length, i, k)) {
          size = mark;
          return false;
        }
      }
      i += appendScanned(c, next);
    }
    return true;
  }

  /** Writes one char that stopped a copy loop; returns the chars used. */
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
   * Bytes {@link #appendEscaped} writes for {@code c} followed by {@code next} ({@code 0} at the
   * end): 4 for a surrogate pair, which takes both chars; 3 for a lone surrogate, written as U+FFFD.
   * The one definition of a char's escaped width.
   */
  private int escapedWidth(char c, char next) {
    if (c < 0x80) {
      int esc = ESCAPES[c];
      return esc == 0 ? 1 : esc > 0 ? 2 : 6;
    }
    if (c < 0x800) {
      return 2;
    }
    if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
      return 4;
    }
    if (escapeLineSeparators && (c == '\u2028' || c == '\u2029')) {
      return 6;
    }
    return 3;
  }

  /**
   * Number of bytes {@link #appendEscaped} would write for {@code s[start, end)}. Used to say how
   * many bytes a cut value dropped.
   */
  public int escapedLength(CharSequence s, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) {
      int w = escapedWidth(s.charAt(i), i + 1 < end ? s.charAt(i + 1) : 0);
      n += w;
      if (w == 4) {
        i++;
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
      int w = escapedWidth(s.charAt(i), i + 1 < end ? s.charAt(i + 1) : 0);
      if (n + w > maxBytes) {
        break;
      }
      n += w;
      i += w == 4 ? 2 : 1;
    }
    return i;
  }
}
