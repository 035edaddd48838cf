package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key/value syntax nested inside the quoted value of a pair ({@code value="password=" := }): the
 * outer pair's verdict must not hang on text that a pair found inside its value replaces, or the
 * second pass reads the text differently from the first.
 */
class NestedPairsTest {
  private static final String PW = "password".repeat(9);

  /** The first pass gives the final text: a second one changes nothing. */
  private static String redactedOnce(String text) {
    String once = redact(text);
    assertThat(redact(once)).as("redact(redact(%s))", text).isEqualTo(once);
    return once;
  }

  @Test
  void aSecretNamedPairHidesItsValueWholeWhateverItHolds() {
    // The falsifying value of RedactionPropertiesTest (seed 26826273317278): Go's ":=" after the
    // value's closing quote is an operator, not the colon after a JSON key.
    assertThat(
            redactedOnce(
                PW + "\"key=\"ApiSecret\" value=\"passwordpasswordpasswordpasswordpassword=\" := "))
        .isEqualTo(PW + "\"key=\"ApiSecret\" value=\"[REDACTED:secret]\" := ");
    assertThat(redactedOnce("<add key=\"ApiSecret\" value=\"password=\" := x/>"))
        .isEqualTo("<add key=\"ApiSecret\" value=\"[REDACTED:secret]\" := x/>");
    // After "value=" the quoted string is the value, even if a colon follows it.
    assertThat(redactedOnce("<add key=\"ApiSecret\" value=\"token=\" : \"x\"/>"))
        .isEqualTo("<add key=\"ApiSecret\" value=\"[REDACTED:secret]\" : \"x\"/>");
    assertThat(redactedOnce("{Name:DB_PASSWORD Value:\"secret: abc\" := 1}"))
        .isEqualTo("{Name:DB_PASSWORD Value:\"[REDACTED:password]\" := 1}");
  }

  @Test
  void aSecretKeyedPairHidesItsValueBeforeAnOperator() {
    assertThat(redactedOnce("password=\"dbpassword=\" := x"))
        .isEqualTo("password=\"[REDACTED:password]\" := x");
    assertThat(redactedOnce("password=\"abc\" := x")).isEqualTo("password=\"[REDACTED:password]\" := x");
  }

  @Test
  void theGapAfterAJsonStringIsNoValueWithBlanksInIt() {
    // The quote after "password=" ends its string: " , " is the gap before the next key.
    String gapWithComma = "{\"a\":\"password=\" , \"ok\":1}";
    assertThat(redactedOnce(gapWithComma)).isEqualTo(gapWithComma);
    // A quoted string before a single colon is a key, as 'abc' in password='abc' : x; the " : x"
    // after the pair inside it is no value either, or replacing it would take the colon away and
    // a second pass would read the outer string as a value.
    assertThat(redactedOnce("password='abc' : x")).isEqualTo("password='abc' : x");
    assertThat(redactedOnce("password='dbpassword=' : x")).isEqualTo("password='dbpassword=' : x");
  }

  @Test
  void nestedPairsAreRedactedOnceForGood() {
    for (String text :
        List.of(
            "token=\"secret=\" := ",
            "secret='password=' := x",
            "key=\"ApiSecret\" value=\"x password=\" := y",
            "- name: DB_PASSWORD value: \"token=\" : \"x\"",
            "{\"name\":\"API_TOKEN\",\"value\":\"password=\" : 1}",
            "password=\"secretpassword=\"::1 := x")) {
      String once = redactedOnce(text);
      assertThat(once).as("redacted %s", text).contains("[REDACTED:");
    }
  }
}
