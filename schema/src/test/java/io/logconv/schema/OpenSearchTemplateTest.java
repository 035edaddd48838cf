package io.logconv.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenSearch index template maps every contract field by its type, and nothing else. */
class OpenSearchTemplateTest {
  /** The processor's verdict, the one mapping that is not a contract field. */
  private static final String VERDICT = "logconv";

  private static final Map<Field.JsonType, Set<String>> TYPES =
      Map.of(
          Field.JsonType.STRING, Set.of("keyword", "text"),
          Field.JsonType.BOOLEAN, Set.of("boolean"),
          Field.JsonType.INTEGER, Set.of("integer", "long"));

  private static JsonNode template() throws IOException {
    try (InputStream in = LogSchemas.open(LogSchemas.OPENSEARCH_TEMPLATE_RESOURCE)) {
      return JsonMapper.builder().build().readTree(in);
    }
  }

  private static JsonNode properties() throws IOException {
    return template().path("template").path("mappings").path("properties");
  }

  @Test
  void itIsAComposableTemplate() throws IOException {
    JsonNode t = template();
    assertThat(t.path("index_patterns").isArray()).isTrue();
    assertThat(t.path("index_patterns")).isNotEmpty();
    assertThat(t.path("template").path("mappings").path("properties").isObject()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Field.class)
  void everyFieldIsMappedByItsType(Field f) throws IOException {
    JsonNode m = properties().path(f.key());
    assertThat(m.isObject()).as("a mapping for %s", f.key()).isTrue();
    if (f.type() == Field.JsonType.PAYLOAD) {
      // Kept in _source, never mapped: payloads must not grow the mapping.
      assertThat(m.path("type").asString()).isEqualTo("object");
      assertThat(m.path("enabled").isBoolean()).isTrue();
      assertThat(m.path("enabled").asBoolean()).isFalse();
    } else if (Conventions.TS_PATTERN.equals(f.pattern())) {
      // A string in the timestamp format: a date, so that it sorts and ranges as time.
      assertThat(m.path("type").asString()).isEqualTo("date");
    } else {
      assertThat(TYPES.get(f.type())).as("%s: %s", f.key(), m).contains(m.path("type").asString());
    }
  }

  @Test
  void tsIsADateInTheContractsFormat() throws IOException {
    JsonNode ts = properties().path(Field.TS.key());
    assertThat(ts.path("type").asString()).isEqualTo("date");
    assertThat(ts.path("format").asString()).isEqualTo("strict_date_optional_time");
  }

  @Test
  void theMessageIsTextWithAKeywordAndTheStackTraceIsNotIndexed() throws IOException {
    JsonNode msg = properties().path(Field.MSG.key());
    assertThat(msg.path("type").asString()).isEqualTo("text");
    assertThat(msg.path("fields").path("keyword").path("type").asString()).isEqualTo("keyword");
    JsonNode st = properties().path(Field.STACKTRACE.key());
    assertThat(st.path("index").isBoolean() && !st.path("index").asBoolean()).as("%s", st).isTrue();
  }

  @Test
  void noMappingNamesANonFieldButTheProcessorsVerdict() throws IOException {
    List<String> others = new ArrayList<>();
    for (String name : properties().propertyNames()) {
      if (Field.of(name) == null && !name.equals(VERDICT)) {
        others.add(name);
      }
    }
    assertThat(others).isEmpty();
    JsonNode verdict = properties().path(VERDICT).path("properties");
    assertThat(verdict.propertyNames()).containsExactlyInAnyOrder("conforms", "findings");
    assertThat(verdict.path("conforms").path("type").asString()).isEqualTo("boolean");
    assertThat(verdict.path("findings").path("type").asString()).isEqualTo("keyword");
  }
}
