package io.logconv.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that the Java constants and both JSON Schemas say the same thing, and pins down how the
 * strict schema differs from the ADR's (each difference is tested both ways).
 */
class SchemaContractTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  private static final JsonNode ADR_NODE = load(LogSchemas.ADR_RESOURCE);
  private static final JsonNode STRICT_NODE = load(LogSchemas.STRICT_RESOURCE);
  private static final Schema ADR = REGISTRY.getSchema(ADR_NODE);
  private static final Schema STRICT = REGISTRY.getSchema(STRICT_NODE);

  /** The two example lines of ADR 0006, verbatim. */
  static final String ADR_EXAMPLE_1 =
      "{\"ts\": \"2023-03-07T11:32:29.167Z\", \"level\": \"info\", \"logger\": \"controllers.Component\","
          + " \"msg\": \"updating devfile component name kubernetes-deploy ...\", \"namespace\":"
          + " \"samburrai-tenant\", \"name\": \"go-net-http-hello-prqx\", \"controllerKind\": \"Component\"}";

  static final String ADR_EXAMPLE_2 =
      "{\"ts\": \"2023-03-07T11:32:29.020Z\", \"level\": \"info\", \"logger\": \"controllers.Component\","
          + " \"msg\": \"API Resource updated\", \"namespace\": \"samburrai-tenant\", \"audit\": \"true\","
          + " \"name\": \"go-net-http-hello-prqx\", \"controllerKind\": \"Component\", \"action\": \"UPDATE\"}";

  static final List<String> RESERVED = List.copyOf(Conventions.RESERVED_KEYS);

  private static JsonNode load(String resource) {
    try (InputStream in = LogSchemas.open(resource)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Error> adr(String json) {
    return ADR.validate(MAPPER.readTree(json));
  }

  private static List<Error> strict(String json) {
    return STRICT.validate(MAPPER.readTree(json));
  }

  /**
   * Each error as the schema path of the keyword that failed and the path of the value it failed
   * on; for {@code required} and {@code additionalProperties}, the path of the missing or extra
   * key. E.g. {@code /properties/action/enum @ /action}.
   */
  private static List<String> where(List<Error> errors) {
    return errors.stream()
        .map(
            e ->
                e.getEvaluationPath()
                    + " @ "
                    + e.getInstanceLocation()
                    + (e.getProperty() == null ? "" : "/" + e.getProperty()))
        .toList();
  }

  private static List<String> strictErrors(String json) {
    return where(strict(json));
  }

  private static List<String> adrErrors(String json) {
    return where(adr(json));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static String line(String extra) {
    return "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"logger\":\"l\",\"msg\":\"m\""
        + (extra.isEmpty() ? "" : "," + extra)
        + "}";
  }

  // --- the Java constants agree with the JSON files -------------------------------------------

  @Test
  void adrReservedListIsTheAdrSchemasNotRequired() {
    assertThat(strings(ADR_NODE.get("not").get("required")))
        .containsExactlyElementsOf(Conventions.ADR_RESERVED_KEYS);
    Set<String> withoutLevel = new LinkedHashSet<>(Conventions.ADR_RESERVED_KEYS);
    withoutLevel.remove(Conventions.LEVEL);
    assertThat(Conventions.RESERVED_KEYS).containsExactlyInAnyOrderElementsOf(withoutLevel);
  }

  @Test
  void requiredKeysAgreeWithBothSchemas() {
    assertThat(strings(ADR_NODE.get("required")))
        .containsExactlyElementsOf(Conventions.REQUIRED_KEYS);
    assertThat(strings(STRICT_NODE.get("required")))
        .containsExactlyElementsOf(Conventions.REQUIRED_KEYS);
  }

  @Test
  void actionsAgreeWithBothSchemas() {
    List<String> javaActions = Arrays.stream(Action.values()).map(Enum::name).toList();
    assertThat(strings(ADR_NODE.at("/properties/action/enum"))).containsExactlyElementsOf(javaActions);
    assertThat(strings(STRICT_NODE.at("/properties/action/enum")))
        .containsExactlyElementsOf(javaActions);
  }

  @Test
  void levelsAgreeWithStrictSchema() {
    List<String> javaLevels = Arrays.stream(Level.values()).map(Level::label).toList();
    assertThat(strings(STRICT_NODE.at("/properties/level/enum"))).containsExactlyElementsOf(javaLevels);
  }

  @Test
  void strictSchemaForbidsExactlyTheReservedKeys() {
    Set<String> forbidden = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> p : STRICT_NODE.get("properties").properties()) {
      if (p.getValue().has("not")) {
        forbidden.add(p.getKey());
      }
    }
    assertThat(forbidden).containsExactlyInAnyOrderElementsOf(Conventions.RESERVED_KEYS);
  }

  @Test
  void strictSchemaDescribesEveryContractField() {
    Set<String> props = new LinkedHashSet<>();
    STRICT_NODE.get("properties").properties().forEach(e -> props.add(e.getKey()));
    assertThat(props)
        .containsAll(Conventions.LEADING_FIELDS)
        .containsAll(Conventions.TRAILING_FIELDS)
        .contains(
            Conventions.TRACE_ID,
            Conventions.SPAN_ID,
            Conventions.TRACE_FLAGS,
            Conventions.REQUEST_ID,
            Conventions.GLOBAL_REQUEST_ID);
  }

  @Test
  void keyAndTimestampPatternsAgreeWithStrictSchema() {
    Set<String> patterns = new LinkedHashSet<>();
    STRICT_NODE.get("patternProperties").properties().forEach(e -> patterns.add(e.getKey()));
    assertThat(patterns).containsExactly("^" + Conventions.KEY_PATTERN + "$");
    assertThat(STRICT_NODE.at("/additionalProperties").asBoolean(true)).isFalse();
    assertThat(STRICT_NODE.at("/properties/ts/pattern").asString())
        .isEqualTo("^" + Conventions.TS_PATTERN + "$");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a", "_", "msg", "controllerKind", "db_host2", "_p", "A_1", "x9"})
  void safeKeysMatchThePattern(String key) {
    assertThat(Conventions.isSafeKey(key)).isTrue();
    assertThat(key).matches(Conventions.KEY_PATTERN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1abc", "a-b", "a.b", "@timestamp", "k8s:ns", "é", "a b", "a\u0000"})
  void unsafeKeysDoNotMatchThePattern(String key) {
    assertThat(Conventions.isSafeKey(key)).isFalse();
    assertThat(key).doesNotMatch(Conventions.KEY_PATTERN);
  }

  // --- the ADR's own examples -----------------------------------------------------------------

  @Test
  void firstAdrExampleConformsToBothSchemas() {
    assertThat(adr(ADR_EXAMPLE_1)).isEmpty();
    assertThat(strict(ADR_EXAMPLE_1)).isEmpty();
  }

  @Test
  void secondAdrExampleWritesAuditAsAStringWhichItsOwnSchemaRejects() {
    // The ADR's example writes "audit": "true" while its schema types audit as boolean.
    assertThat(adrErrors(ADR_EXAMPLE_2)).containsExactly("/properties/audit/type @ /audit");
    assertThat(strictErrors(ADR_EXAMPLE_2)).containsExactly("/properties/audit/type @ /audit");
    String corrected = ADR_EXAMPLE_2.replace("\"audit\": \"true\"", "\"audit\": true");
    assertThat(adr(corrected)).isEmpty();
    assertThat(strict(corrected)).isEmpty();
  }

  // --- where strict and ADR differ ------------------------------------------------------------

  @Test
  void podNameAlonePassesTheAdrSchemaButFailsStrict() {
    String json = line("\"pod_name\":\"web-1\"");
    assertThat(adr(json)).as("the ADR's not/required bug").isEmpty();
    assertThat(strictErrors(json)).containsExactly("/properties/pod_name/not @ /pod_name");
  }

  @Test
  void adrSchemaOnlyRejectsAllElevenReservedKeysAtOnce() {
    StringBuilder all = new StringBuilder();
    for (String k : Conventions.ADR_RESERVED_KEYS) {
      if (!k.equals(Conventions.LEVEL)) {
        all.append(all.length() == 0 ? "" : ",").append('"').append(k).append("\":\"x\"");
      }
    }
    assertThat(adrErrors(line(all.toString()))).containsExactly("/not @ ");
    assertThat(strictErrors(line(all.toString())))
        .containsExactlyInAnyOrderElementsOf(
            RESERVED.stream().map(k -> "/properties/" + k + "/not @ /" + k).toList());
  }

  @ParameterizedTest
  @FieldSource("RESERVED")
  void eachReservedKeyAloneFailsStrict(String key) {
    String json = line("\"" + key + "\":\"x\"");
    assertThat(strictErrors(json)).containsExactly("/properties/" + key + "/not @ /" + key);
  }

  @Test
  void auditAsStringFailsStrict() {
    assertThat(strictErrors(line("\"action\":\"UPDATE\",\"audit\":\"true\"")))
        .containsExactly("/properties/audit/type @ /audit");
    assertThat(strict(line("\"action\":\"UPDATE\",\"audit\":true"))).isEmpty();
  }

  @Test
  void actionOutsideTheEnumFailsStrict() {
    assertThat(strictErrors(line("\"action\":\"MODIFY\"")))
        .containsExactly("/properties/action/enum @ /action");
    assertThat(strictErrors(line("\"action\":\"update\"")))
        .containsExactly("/properties/action/enum @ /action");
    assertThat(strict(line("\"action\":\"DELETE\""))).isEmpty();
  }

  @Test
  void auditEventWithoutActionFailsStrict() {
    // Both branches of the anyOf fail: it is an audit event, and it names no action.
    assertThat(strictErrors(line("\"audit\":true")))
        .containsExactlyInAnyOrder("/anyOf/0/not @ ", "/anyOf/1/required @ /action");
    assertThat(strict(line("\"audit\":false"))).isEmpty();
  }

  /**
   * The pattern rejects what is not UTC with milliseconds; the date-time format rejects what is no
   * RFC 3339 time at all, a month 13 included, which the pattern alone lets through.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1678188749.167                | format pattern",
        "2023-03-07T11:32:29Z          | pattern",
        "2023-03-07T11:32:29.167+01:00 | pattern",
        "2023-03-07T11:32:29.167       | format pattern",
        "2023-03-07 11:32:29.167Z      | format pattern",
        "2023-13-07T11:32:29.167Z      | format"
      })
  void timestampsThatAreNotUtcIsoMillisFailStrict(String ts, String keywords) {
    String json = "{\"ts\":\"" + ts + "\",\"level\":\"info\",\"msg\":\"m\"}";
    assertThat(strictErrors(json))
        .as(ts)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(keywords.split(" ")).map(k -> "/properties/ts/" + k + " @ /ts").toList());
  }

  @Test
  void zapEpochFloatTimestampFailsStrict() {
    assertThat(strictErrors("{\"ts\":1678188749.167,\"level\":\"info\",\"msg\":\"m\"}"))
        .containsExactly("/properties/ts/type @ /ts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"INFO", "warning", "fatal", "dpanic"})
  void levelsOutsideTheFiveFailStrict(String level) {
    String json = "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"" + level + "\",\"msg\":\"m\"}";
    assertThat(strictErrors(json)).containsExactly("/properties/level/enum @ /level");
  }

  @ParameterizedTest
  @ValueSource(strings = {"k8s:ns", "1st", "a-b", "@timestamp", "a.b"})
  void lokiUnsafeKeysFailStrict(String key) {
    assertThat(strictErrors(line("\"" + key + "\":\"x\"")))
        .containsExactly("/additionalProperties @ /" + key);
  }

  @Test
  void missingRequiredKeysFailBoth() {
    String noMsg = "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\"}";
    assertThat(adrErrors(noMsg)).containsExactly("/required @ /msg");
    assertThat(strictErrors(noMsg)).containsExactly("/required @ /msg");
  }

  @Test
  void applicationKeysAndContractFieldsPassStrict() {
    String json =
        line(
            "\"caller\":\"com/example/Foo.java:87\",\"action\":\"ADD\",\"audit\":true,"
                + "\"namespace\":\"ns\",\"controllerKind\":\"Component\",\"name\":\"n\","
                + "\"retries\":3,\"ok\":false,\"nested\":{\"a\":1},"
                + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span_id\":\"00f067aa0ba902b7\","
                + "\"trace_flags\":\"01\",\"request_id\":\"req-1\","
                + "\"error\":\"java.io.IOException: x\",\"stacktrace\":\"java.io.IOException: x\\n\"");
    assertThat(strict(json)).isEmpty();
    assertThat(adr(json)).isEmpty();
  }
}
