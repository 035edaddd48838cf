package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raw JSON of {@code appendRaw}/{@code raw}: read as the value it holds, or kept as text. */
class RawJsonTest {
  @Test
  void readsEveryKindOfValue() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "a\"b\\c/\u00e9\n");
    expected.put("i", 42L);
    expected.put("neg", -7L);
    expected.put("big", new BigInteger("123456789012345678901234567890"));
    expected.put("d", new BigDecimal("2.5e-3"));
    expected.put("t", true);
    expected.put("f", false);
    expected.put("n", null);
    expected.put("a", Arrays.asList(1L, List.of(), Map.of()));
    assertThat(
            RawJson.read(
                " {\"s\":\"a\\\"b\\\\c\\/\\u00e9\\n\", \"i\":42,\"neg\":-7,"
                    + "\"big\":123456789012345678901234567890,\"d\":2.5e-3,\"t\":true,\"f\":false,"
                    + "\"n\":null,\"a\":[1,[],{}]}\n"))
        .isEqualTo(expected);
    assertThat(RawJson.read("\"text\"")).isEqualTo("text");
    assertThat(RawJson.read("0")).isEqualTo(0L);
    assertThat(RawJson.read("null")).isNull();
  }

  @Test
  void textThatIsNotOneJsonValueIsKeptAsText() {
    for (String bad :
        List.of(
            "", " ", "{", "{\"a\":}", "{\"a\" 1}", "{a:1}", "[1,]", "[1 2]", "01", "1.", "-", "1e",
            "tru", "nul", "\"open", "\"bad \\x escape\"", "\"\\u12\"", "\"tab\tinside\"", "{} {}",
            "1 2", "[".repeat(40) + "]".repeat(40), "NaN")) {
      assertThat(RawJson.read(bad)).as(bad).isEqualTo(bad);
    }
  }
}
