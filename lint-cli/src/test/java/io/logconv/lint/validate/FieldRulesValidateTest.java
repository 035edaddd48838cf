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
          "null", "[1]", "{\"a\":1}", "-404", "200.0", "2e2", "\"404\"", "\"h:0123456789ab\"");

  private static boolean tableAccepts(Field f, String json) {
    if (json.startsWith("\"")) {
      return f.acceptsText(json.substring(1, json.length() - 1));
    }
    return switch (f.type()) {
      case BOOLEAN -> json.equals("true") || json.equals("false");
      case INTEGER -> json.matches("-?[0-9]+");
      case PAYLOAD -> json.startsWith("[") || json.startsWith("{");
      case STRING -> false;
    };
  }

  /**
   * The check beyond the table that a value the table accepts still meets: an {@code actor} in
   * clear is LV019's, since the SDK writes the keyed hash of any value.
   */
  private static String beyondTheTable(Field f, String json) {
    return f == Field.ACTOR && !json.matches("\"h:[0-9a-f]{12}\"") ? ValidatorRules.ACTOR_IN_CLEAR.id() : null;
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
      if (tableAccepts(f, v) && beyondTheTable(f, v) != null) {
        assertThat(hits).as(line).singleElement()
            .satisfies(h -> assertThat(h.rule()).isEqualTo(beyondTheTable(f, v)));
      } else if (tableAccepts(f, v)) {
        assertThat(hits).as(line).isEmpty();
      } else {
        assertThat(hits).as(line).singleElement().satisfies(h -> assertThat(h.rule()).isEqualTo(checkOf(f)));
      }
    }
  }
}
