package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.Chars;
import io.logconv.core.redact.Prefilter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class JsonEscaperTest {
  private static String str(CharSequence s) {
    return JsonText.quoted(s);
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(str("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(str("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
    assertThat(str("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
  }

  @Test
  void writesMultiByteUtf8AndSurrogatePairs() {
    String s = "é€\uD83D\uDE00"; // 2, 3 and 4 bytes
    JsonBuffer b = new JsonBuffer(4);
    JsonEscaper.appendString(b, s);
    assertThat(b.toString()).isEqualTo("\"" + s + "\"");
    assertThat(b.size()).isEqualTo(2 + 2 + 3 + 4);
  }

  @Test
  void loneSurrogateBecomesReplacementCharWithoutSwallowingTheNextChar() {
    assertThat(str("a\uD83Db")).isEqualTo("\"a\uFFFDb\"");
    assertThat(str("a\uDE00b")).isEqualTo("\"a\uFFFDb\"");
    assertThat(str("\uD83D")).isEqualTo("\"\uFFFD\"");
    assertThat(str("\uD83D\uD83D\uDE00")).isEqualTo("\"\uFFFD\uD83D\uDE00\"");
    assertThat(str("\uD83D\"")).isEqualTo("\"\uFFFD\\\"\"");
  }

  @Test
  void lineSeparatorsAreEscapedOnlyWhenTheBufferAsks() {
    assertThat(str("\u2028\u2029")).isEqualTo("\"\u2028\u2029\"");
    JsonBuffer b = new JsonBuffer(4, true);
    JsonEscaper.appendString(b, "a\u2028b\u2029");
    assertThat(b.toString()).isEqualTo("\"a\\u2028b\\u2029\"");
  }

  @Test
  void escapedLengthMatchesWhatIsWritten() {
    String s = "a\"\u0001é€\uD83D\uDE00\uD83Dz";
    JsonBuffer b = new JsonBuffer(4);
    JsonEscaper.appendEscaped(b, s, 0, s.length());
    assertThat(JsonEscaper.escapedLength(b, s, 0, s.length())).isEqualTo(b.size());
    JsonBuffer separators = new JsonBuffer(4, true);
    JsonEscaper.appendEscaped(separators, "\u2028", 0, 1);
    assertThat(JsonEscaper.escapedLength(separators, "\u2028", 0, 1)).isEqualTo(6);
  }

  @Test
  void fittingEndNeverSplitsASurrogatePair() {
    String s = "ab\uD83D\uDE00c";
    JsonBuffer b = new JsonBuffer(4);
    assertThat(JsonEscaper.fittingEnd(b, s, 0, s.length(), 3)).isEqualTo(2);
    assertThat(JsonEscaper.fittingEnd(b, s, 0, s.length(), 6)).isEqualTo(4);
    assertThat(JsonEscaper.fittingEnd(b, s, 0, s.length(), 100)).isEqualTo(s.length());
  }

  /** Texts of every kind of char, long enough that each way of writing one must grow the array. */
  private static final Gen<String> TEXTS = Gens.strings(Gens.ANY, 0, 300).describedAs(Gens::quote);

  /**
   * Each way into the buffer (a CharSequence, a char array, part of either, the fused scan with
   * nothing to hide) writes what a char-by-char reference does, after any content, from any
   * starting capacity: the array grows wherever an escape needs room, and no byte is lost there.
   */
  @Test
  void everyWayOfWritingTextMatchesAReferenceFromAnyCapacity() {
    JsonEscaper none = new JsonEscaper(Prefilter.NOTHING_TO_HIDE);
    Theories.forAll(
        3000,
        TEXTS,
        text -> {
          int capacity = 16 + text.length() % 23;
          String prefix = "p".repeat(text.length() % 17);
          int from = text.length() / 3;
          boolean lineSeparators = text.length() % 2 == 0;
          String expected = prefix + reference(text, lineSeparators);
          String expectedPart = prefix + reference(text.substring(from), lineSeparators);
          char[] chars = Chars.ensure(null, text.length() + 1);
          Chars.copy(text, text.length(), chars);

          JsonBuffer b = buffer(capacity, prefix, lineSeparators);
          JsonEscaper.appendEscaped(b, text, 0, text.length());
          assertThat(b.toString()).isEqualTo(expected);

          b = buffer(capacity, prefix, lineSeparators);
          JsonEscaper.appendEscaped(b, chars, 0, text.length());
          assertThat(b.toString()).isEqualTo(expected);

          b = buffer(capacity, prefix, lineSeparators);
          JsonEscaper.appendEscaped(b, text, from, text.length());
          assertThat(b.toString()).isEqualTo(expectedPart);

          b = buffer(capacity, prefix, lineSeparators);
          JsonEscaper.appendEscaped(b, chars, from, text.length());
          assertThat(b.toString()).isEqualTo(expectedPart);

          b = buffer(capacity, prefix, lineSeparators);
          assertThat(none.appendEscaped(b, text, chars, text.length())).isTrue();
          assertThat(b.toString()).isEqualTo(expected);
          assertThat(JsonEscaper.escapedLength(b, text, 0, text.length()))
              .isEqualTo(b.size() - prefix.length());
        });
  }

  private static JsonBuffer buffer(int capacity, String prefix, boolean lineSeparators) {
    JsonBuffer b = new JsonBuffer(capacity, lineSeparators);
    b.appendRaw(prefix.getBytes(StandardCharsets.US_ASCII));
    return b;
  }

  /** JSON string content for {@code s}, one char at a time, the slow and obvious way. */
  private static String reference(String s, boolean lineSeparators) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || (lineSeparators && (c == '\u2028' || c == '\u2029'))) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
