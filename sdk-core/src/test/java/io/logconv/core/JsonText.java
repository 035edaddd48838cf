package io.logconv.core;

/** Text as {@link JsonEscaper} writes it into a line, for expected values in tests. */
final class JsonText {
  private JsonText() {}

  /** {@code text} escaped, without quotes. */
  static String escaped(CharSequence text) {
    JsonBuffer b = new JsonBuffer(16);
    JsonEscaper.appendEscaped(b, text, 0, text.length());
    return b.toString();
  }

  /** {@code text} as a quoted, escaped JSON string. */
  static String quoted(CharSequence text) {
    JsonBuffer b = new JsonBuffer(16);
    JsonEscaper.appendString(b, text);
    return b.toString();
  }
}
