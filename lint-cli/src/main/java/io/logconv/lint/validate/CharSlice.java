package io.logconv.lint.validate;

/**
 * A reusable view of a range of a {@code char[]} as a {@link CharSequence}, so that the parser's
 * own buffer can be checked and scanned without copying each value into a String.
 */
final class CharSlice implements CharSequence {
  private char[] chars = new char[0];
  private int off;
  private int len;

  CharSlice set(char[] chars, int off, int len) {
    this.chars = chars;
    this.off = off;
    this.len = len;
    return this;
  }

  @Override
  public int length() {
    return len;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= len) {
      throw new IndexOutOfBoundsException(index);
    }
    return chars[off + index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().substring(start, end);
  }

  @Override
  public String toString() {
    return new String(chars, off, len);
  }
}
