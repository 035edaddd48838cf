package io.logconv.core.redact;

/**
 * Copies a text's chars into an array, the form in which the writer and the scanner read them: a
 * loop over a {@code char[]} is several times faster than {@code charAt} through the {@link
 * CharSequence} interface, and {@link String#getChars} copies in bulk.
 *
 * <pre>{@code
 * char[] a = Chars.ensure(scratch, text.length());
 * Chars.copy(text, text.length(), a);
 * }</pre>
 */
public final class Chars {
  private Chars() {}

  /** {@code array} if it holds at least {@code length} chars, else a larger array. */
  public static char[] ensure(char[] array, int length) {
    if (array != null && array.length >= length) {
      return array;
    }
    int size = array == null ? 64 : array.length;
    while (size < length) {
      size = size > (Integer.MAX_VALUE >> 1) ? length : size << 1;
    }
    return new char[size];
  }

  /** Copies {@code src[0, length)} into {@code dst[0, length)}. */
  public static void copy(CharSequence src, int length, char[] dst) {
    if (src instanceof String s) {
      s.getChars(0, length, dst, 0);
    } else if (src instanceof StringBuilder sb) {
      sb.getChars(0, length, dst, 0);
    } else {
      for (int i = 0; i < length; i++) {
        dst[i] = src.charAt(i);
      }
    }
  }
}
