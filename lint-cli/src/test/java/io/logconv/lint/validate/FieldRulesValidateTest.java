package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.schema.Field;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code logconv validate} judges every contract field's value as {@link Field}, the contract as
 * data, does: a value the table accepts gives no finding, any other gives one finding, of the
 * check that owns the field. A field added to the table is covered here without a new test.
 */
class FieldRulesValidateTest {
  private static final String BASE = "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"m\"";

  /** JSON values to put under every field. */
  private static final List<String> SAMPLES =
      List.of(
          "\"VIEW\"", "\"update\"", "\"MODIFY\"", "\"debug\"", "\"WARN\"", "\"x\"", "\"\"",
          "\"4bf92f3577b34da6a3ce929d0e0e4736\"", "\"00f067aa0ba902b7\"", "\"0A\"", "\"01\"",
          "\"2023-03-07T11:32:29.167Z\"", "\"2023-03-07 11:32:29\"", "true", "false", "42", "1.5",
          "null", "[1]", "{\"a\":1}");

  private static boolean tableAccepts(Field f, String json) {
    if (json.startsWith("\"")) {
      return f.acceptsText(json.substring(1, json.length() - 1));
    }
    return f.type() == Field.JsonType.BOOLEAN && (json.equals("true") || json.equals("false"));
  }

  private static String checkOf(Field f) {
    return switch (f) {
      case TS -> ValidatorRules.TS_FORMAT.id();
      case LEVEL -> ValidatorRules.LEVEL_VALUE.id();
      case ACTION -> ValidatorRules.ACTION_VALUE.id();
      case AUDIT -> ValidatorRules.AUDIT_TYPE.id();
      default -> ValidatorRules.FIELD_TYPE.id();
    };
  }

  @ParameterizedTest
  @EnumSource(Field.class)
  void aValueIsReportedExactlyWhenTheTableRejectsIt(Field f) {
    for (String v : SAMPLES) {
      String line = BASE + ",\"" + f.key() + "\":" + v
          + (f == Field.AUDIT ? ",\"action\":\"VIEW\"" : "") + "}";
      if (f.required()) {
        // ts, level and msg are in the base line: replace them rather than add a duplicate.
        line = line.replaceFirst("\"" + f.key() + "\":\"[^\"]*\",", "");
      }
      List<LineValidatorTest.Hit> hits = LineValidatorTest.check(line);
      if (tableAccepts(f, v)) {
        assertThat(hits).as(line).isEmpty();
      } else {
        assertThat(hits).as(line).singleElement().satisfies(h -> assertThat(h.rule()).isEqualTo(checkOf(f)));
      }
    }
  }
}
