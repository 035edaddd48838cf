package io.logconv.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proves that {@link Field}, the contract's field rules as data, says what {@code
 * logconv-strict.schema.json} says: the same fields, types, enums, patterns and required keys, and
 * the same verdict on sample values.
 */
class FieldTableTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNode STRICT_NODE = load();
  private static final Schema STRICT =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(STRICT_NODE);

  private static JsonNode load() {
    try (InputStream in = LogSchemas.open(LogSchemas.STRICT_RESOURCE)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theTableHasARowForEveryTypedPropertyOfTheStrictSchemaAndNoOther() {
    Set<String> typed = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> p : STRICT_NODE.get("properties").properties()) {
      if (p.getValue().has("type")) {
        typed.add(p.getKey());
      }
    }
    List<String> keys = new ArrayList<>();
    for (Field f : Field.values()) {
      keys.add(f.key());
    }
    assertThat(keys).containsExactlyElementsOf(typed);
  }

  @ParameterizedTest
  @EnumSource(Field.class)
  void typeEnumPatternAndRequiredAgreeWithTheStrictSchema(Field f) {
    JsonNode p = STRICT_NODE.get("properties").get(f.key());
    List<String> types = new ArrayList<>();
    if (p.get("type").isArray()) {
      p.get("type").forEach(n -> types.add(n.asString()));
    } else {
      types.add(p.get("type").asString());
    }
    assertThat(types).containsExactlyElementsOf(f.type().schemaNames());
    List<String> schemaEnum = new ArrayList<>();
    if (p.has("enum")) {
      p.get("enum").forEach(n -> schemaEnum.add(n.asString()));
    }
    assertThat(f.allowed()).containsExactlyElementsOf(schemaEnum);
    assertThat(p.has("pattern") ? p.get("pattern").asString() : null)
        .isEqualTo(f.pattern() == null ? null : "^" + f.pattern() + "$");
    List<String> required = new ArrayList<>();
    STRICT_NODE.get("required").forEach(n -> required.add(n.asString()));
    assertThat(f.required()).isEqualTo(required.contains(f.key()));
    assertThat(f.renamedKey()).isEqualTo(Conventions.RENAME_PREFIX + f.key());
    assertThat(Field.of(f.key())).isSameAs(f);
  }

  /** Values the table and the schema must judge alike, for every field. */
  private static final List<Object> SAMPLES =
      List.of(
          "VIEW", "UPDATE", "update", "MODIFY", "info", "warn", "WARN", "warning",
          "4bf92f3577b34da6a3ce929d0e0e4736", "4BF92F3577B34DA6A3CE929D0E0E4736",
          "00f067aa0ba902b7", "01", "0x", "", "true", "2023-03-07T11:32:29.167Z",
          "2023-03-07T11:32:29Z", "com/example/Foo.java:87", "allowed", "ALLOWED", "denied",
          "Metadata", "None", "metadata", "RequestResponse", "404", true, false, 42, 1.5);

  @ParameterizedTest
  @EnumSource(Field.class)
  void acceptsTextAndTheSchemaGiveTheSameVerdictOnEverySample(Field f) {
    for (Object v : SAMPLES) {
      ObjectNode line = base();
      if (v instanceof String s) {
        line.put(f.key(), s);
      } else if (v instanceof Boolean b) {
        line.put(f.key(), b);
      } else if (v instanceof Integer i) {
        line.put(f.key(), i);
      } else {
        line.put(f.key(), (Double) v);
      }
      if (f == Field.AUDIT) {
        line.put(Conventions.ACTION, "VIEW");
      }
      boolean schemaAccepts = STRICT.validate(line).isEmpty();
      boolean tableAccepts =
          v instanceof String s
              ? f.acceptsText(s)
              : v instanceof Boolean
                  ? f.type() == Field.JsonType.BOOLEAN
                  : v instanceof Integer
                      ? f.type() == Field.JsonType.INTEGER
                      : false;
      assertThat(tableAccepts).as("%s = %s", f.key(), v).isEqualTo(schemaAccepts);
    }
  }

  private static ObjectNode base() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put(Conventions.TS, "2023-03-07T11:32:29.167Z");
    n.put(Conventions.LEVEL, "info");
    n.put(Conventions.MSG, "m");
    return n;
  }

  @Test
  void theSdkKeepsValuesThatMeetTheRuleAndMovesTheRest() {
    assertThat(Field.ACTION.keepsValue(Action.DELETE)).isTrue();
    assertThat(Field.ACTION.keepsValue("ADD")).isTrue();
    assertThat(Field.ACTION.keepsValue("PATCH")).isFalse();
    assertThat(Field.ACTION.keepsValue(42)).isFalse();
    assertThat(Field.TRACE_ID.keepsValue(Action.DELETE)).isFalse();
    assertThat(Field.SPAN_ID.keepsValue("00f067aa0ba902b7")).isTrue();
    assertThat(Field.SPAN_ID.keepsValue("00F067AA0BA902B7")).isFalse();
    assertThat(Field.TRACE_FLAGS.keepsValue(1)).isFalse();
    assertThat(Field.AUDIT.keepsValue(true)).isTrue();
    assertThat(Field.AUDIT.keepsValue("false")).isTrue();
    assertThat(Field.AUDIT.keepsValue("yes")).isFalse();
    assertThat(Field.AUDIT.keepsValue(1)).isFalse();
    // Fields written as text, or by the writer itself, keep whatever they are given.
    assertThat(Field.NAME.keepsValue(42)).isTrue();
    assertThat(Field.OUTCOME.keepsValue("denied")).isTrue();
    assertThat(Field.OUTCOME.keepsValue("DENIED")).isFalse();
    assertThat(Field.AUDIT_LEVEL.keepsValue("Request")).isTrue();
    assertThat(Field.AUDIT_LEVEL.keepsValue("None")).isFalse();
    assertThat(Field.AUDIT_LEVEL.keepsValue(AuditLevel.NONE)).as("asked for; not written").isTrue();
    assertThat(Field.OUTCOME.keepsValue(Outcome.DENIED)).isTrue();
    assertThat(Field.ACTION.keepsValue(Outcome.DENIED)).isFalse();
    assertThat(Field.STATUS_CODE.keepsValue(403)).isTrue();
    assertThat(Field.STATUS_CODE.keepsValue(403L)).isTrue();
    assertThat(Field.STATUS_CODE.keepsValue("403")).isTrue();
    assertThat(Field.STATUS_CODE.keepsValue("403 Forbidden")).isFalse();
    assertThat(Field.STATUS_CODE.keepsValue(4.5)).isFalse();
    assertThat(Field.ACTOR.keepsValue("jane")).isTrue();
    assertThat(Field.MSG.keepsValue(42)).isTrue();
  }

  @Test
  void repairsAreTheOnesTheSdkDocuments() {
    assertThat(Field.NAME.onViolation()).isEqualTo(Field.Repair.AS_TEXT);
    assertThat(Field.AUDIT.onViolation()).isEqualTo(Field.Repair.PARSE_OR_RENAME);
    assertThat(Field.ACTION.onViolation()).isEqualTo(Field.Repair.RENAME);
    assertThat(Field.TS.onViolation()).isEqualTo(Field.Repair.SDK_WRITES);
    assertThat(Field.parseBoolean("true")).isTrue();
    assertThat(Field.parseBoolean("True")).isNull();
    assertThat(Field.of("replicas")).isNull();
    assertThat(Field.of(null)).isNull();
  }

  @Test
  void rulesAreWordedFromTheTable() {
    assertThat(Field.ACTION.rule()).isEqualTo("one of VIEW, ADD, UPDATE, DELETE");
    assertThat(Field.LEVEL.rule()).isEqualTo("one of trace, debug, info, warn, error");
    assertThat(Field.TRACE_ID.rule()).isEqualTo("32 lowercase hex digits (W3C trace context)");
    assertThat(Field.AUDIT.rule()).isEqualTo("a JSON boolean");
    assertThat(Field.OUTCOME.rule()).isEqualTo("one of allowed, denied, error");
    assertThat(Field.AUDIT_LEVEL.rule()).isEqualTo("one of Metadata, Request, RequestResponse");
    assertThat(Field.STATUS_CODE.rule()).isEqualTo("a JSON integer");
  }

  @Test
  void payloadFreeKindsAreMatchedInAnyCaseAndAsPluralResourceNames() {
    for (String k : List.of("Secret", "secret", "secrets", "SECRETS", "ConfigMap", "configmaps")) {
      assertThat(Conventions.isPayloadFreeKind(k)).as(k).isTrue();
    }
    for (String k : List.of("SecretStore", "Secre", "Deployment", "ConfigMaps2", "", "s")) {
      assertThat(Conventions.isPayloadFreeKind(k)).as(k).isFalse();
    }
    assertThat(Conventions.isPayloadFreeKind(null)).isFalse();
    assertThat(Field.parseInteger("-12")).isEqualTo(-12L);
    assertThat(Field.parseInteger("1e3")).isNull();
    assertThat(Field.parseInteger("-")).isNull();
    assertThat(Field.parseInteger("1234567890123456789")).isNull();
  }
}
