package io.logconv.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An append-only byte buffer for one UTF-8 JSON line, reused from event to event: structure,
 * pre-encoded fragments, booleans and numbers (written without creating Strings). Text goes in
 * through {@link JsonEscaper}, which owns escaping. Not thread-safe: one buffer per writer.
 *
 * <pre>{@code
 * JsonBuffer b = new JsonBuffer(256);
 * b.append('[').appendLong(42).append(',').appendBoolean(true).append(']');
 * b.writeTo(System.out); // [42,true]
 * }</pre>
 */
public final class JsonBuffer {
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

  /**
   * Makes room for {@code extra} more bytes and returns the backing array, for a writer that fills
   * it itself and then says how far with {@link #setSize}.
   */
  byte[] reserve(int extra) {
    ensure(extra);
    return bytes;
  }

  /** Sets the content's end after {@link #reserve}; {@code newSize} must fit the array. */
  void setSize(int newSize) {
    size = newSize;
  }

  /** True if text in this buffer escapes U+2028 and U+2029 (see the constructor). */
  boolean escapesLineSeparators() {
    return escapeLineSeparators;
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
}
