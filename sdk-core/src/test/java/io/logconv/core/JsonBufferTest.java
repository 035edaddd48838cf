package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBufferTest {
  private static String str(CharSequence s) {
    return new JsonBuffer(4).appendString(s).toString();
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
    JsonBuffer b = new JsonBuffer(4).appendString(s);
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
  void lineSeparatorsAreEscapedOnlyWhenAsked() {
    assertThat(str("\u2028\u2029")).isEqualTo("\"\u2028\u2029\"");
    assertThat(new JsonBuffer(4, true).appendString("a\u2028b\u2029").toString())
        .isEqualTo("\"a\\u2028b\\u2029\"");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 9, 10, 99, 100, 1678188749167L, Long.MAX_VALUE, Long.MIN_VALUE, -42})
  void writesLongsLikeLongToString(long v) {
    assertThat(new JsonBuffer(1).appendLong(v).toString()).isEqualTo(Long.toString(v));
  }

  @Test
  void escapedLengthMatchesWhatIsWritten() {
    String s = "a\"\u0001é€\uD83D\uDE00\uD83Dz";
    JsonBuffer b = new JsonBuffer(4);
    b.appendEscaped(s, 0, s.length());
    assertThat(b.escapedLength(s, 0, s.length())).isEqualTo(b.size());
  }

  @Test
  void fittingEndNeverSplitsASurrogatePair() {
    String s = "ab\uD83D\uDE00c";
    JsonBuffer b = new JsonBuffer(4);
    assertThat(b.fittingEnd(s, 0, s.length(), 3)).isEqualTo(2);
    assertThat(b.fittingEnd(s, 0, s.length(), 6)).isEqualTo(4);
    assertThat(b.fittingEnd(s, 0, s.length(), 100)).isEqualTo(s.length());
  }

  @Test
  void growsAndCanShrinkBackToARetainedCapacity() {
    JsonBuffer b = new JsonBuffer(16);
    b.appendString("x".repeat(100_000));
    assertThat(b.capacity()).isGreaterThan(100_000);
    b.reset(4096);
    assertThat(b.capacity()).isEqualTo(4096);
    assertThat(b.size()).isZero();
    b.appendString("ok");
    assertThat(new String(b.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("\"ok\"");
  }
}
