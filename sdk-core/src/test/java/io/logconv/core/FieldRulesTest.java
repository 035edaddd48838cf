package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.schema.Action;
import io.logconv.schema.Field;
import io.logconv.schema.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The writer does with each contract field what {@link Field}, the contract as data, says it does
 * with a value that breaks the field's rule; a field added to the table is covered here without a
 * new test.
 */
class FieldRulesTest {
  private static final long TS = 1678188749167L;

  private final List<String> problems = new ArrayList<>();
  private final EventWriter w =
      LineFormat.builder()
          .statusListener((kind, message, cause) -> problems.add(message))
          .build()
          .newWriter();

  /** A value the field's rule accepts, made from the table's own rule. */
  private static String validText(Field f) {
    if (!f.allowed().isEmpty()) {
      return f.allowed().get(f.allowed().size() - 1);
    }
    if (f.hexDigits() > 0) {
      return "0af".repeat(f.hexDigits()).substring(0, f.hexDigits());
    }
    return "x";
  }

  private JsonNode line(Field f, Object value) {
    EventWriter e = w.begin(TS, Level.INFO, "l").message("m").field(f.key(), value);
    if (f == Field.AUDIT) {
      e.field(Field.ACTION.key(), Action.VIEW);
    }
    return Lines.conforming(e.end());
  }

  @ParameterizedTest
  @EnumSource(Field.class)
  void aValueThatBreaksTheRuleIsRepairedAsTheTableSays(Field f) {
    switch (f.onViolation()) {
      case SDK_WRITES -> {
        JsonNode n = line(f, "from the application");
        assertThat(n.get(f.renamedKey()).asString()).isEqualTo("from the application");
        // The field itself, if the line has it, is the writer's (ts, level, logger, msg).
        assertThat(n.path(f.key()).asString("")).isNotEqualTo("from the application");
        assertThat(n.has(f.key())).isEqualTo(f.required() || f == Field.LOGGER);
      }
      case AS_TEXT -> {
        JsonNode n = line(f, 42L);
        assertThat(n.get(f.key()).isString()).isTrue();
        assertThat(n.get(f.key()).asString()).isEqualTo("42");
      }
      case RENAME -> {
        JsonNode n = line(f, "not-valid!");
        assertThat(n.has(f.key())).isFalse();
        assertThat(n.get(f.renamedKey()).asString()).isEqualTo("not-valid!");
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(f.key(), f.rule()));
        assertThat(line(f, validText(f)).get(f.key()).asString()).isEqualTo(validText(f));
      }
      case PARSE_OR_RENAME -> {
        if (f.type() == Field.JsonType.INTEGER) {
          JsonNode n = line(f, "404");
          assertThat(n.get(f.key()).isIntegralNumber()).isTrue();
          assertThat(n.get(f.key()).asLong()).isEqualTo(404L);
          JsonNode bad = line(f, "404 Not Found");
          assertThat(bad.has(f.key())).isFalse();
          assertThat(bad.get(f.renamedKey()).asString()).isEqualTo("404 Not Found");
          assertThat(problems).anySatisfy(p -> assertThat(p).contains(f.key(), f.rule()));
          break;
        }
        JsonNode n = line(f, "true");
        assertThat(n.get(f.key()).isBoolean()).isTrue();
        assertThat(n.get(f.key()).asBoolean()).isTrue();
        JsonNode bad = line(f, "maybe");
        assertThat(bad.has(f.key())).isFalse();
        assertThat(bad.get(f.renamedKey()).asString()).isEqualTo("maybe");
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(f.key(), f.rule()));
      }
      case PSEUDONYM -> {
        JsonNode n = line(f, "jane.doe");
        assertThat(n.get(f.key()).asString()).matches("h:[0-9a-f]{12}");
        assertThat(line(f, 42L).get(f.key()).asString()).matches("h:[0-9a-f]{12}");
      }
      case PAYLOAD -> {
        // Not an audit event: a payload is written as any other value (AuditWriterTest covers
        // audit events).
        JsonNode n = line(f, java.util.Map.of("replicas", 3));
        assertThat(n.get(f.key()).get("replicas").asInt()).isEqualTo(3);
      }
    }
    assertThat(EventWriter.keyForValue(f.key(), "not-valid!"))
        .isEqualTo(
            f.onViolation() == Field.Repair.RENAME || f.onViolation() == Field.Repair.PARSE_OR_RENAME
                ? f.renamedKey()
                : f.key());
    assertThat(EventWriter.isStringField(f.key()))
        .isEqualTo(
            f.onViolation() == Field.Repair.AS_TEXT || f.onViolation() == Field.Repair.PSEUDONYM);
  }
}
