package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.schema.LogSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenSearchCommandTest {
  @Test
  void templatePrintsTheIndexTemplateAndExitsZero() throws IOException {
    CliRun r = CliRun.run("opensearch", "template");
    assertThat(r.exit()).isEqualTo(LogconvCommand.OK);
    assertThat(r.err()).isEmpty();
    String expected;
    try (InputStream in = LogSchemas.open(LogSchemas.OPENSEARCH_TEMPLATE_RESOURCE)) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(r.out()).isEqualTo(expected);
    JsonNode t = JsonMapper.builder().build().readTree(r.out());
    assertThat(t.path("template").path("mappings").path("properties").isObject()).isTrue();
  }

  @Test
  void helpListsTheTemplateSubcommand() {
    CliRun r = CliRun.run("opensearch", "--help");
    assertThat(r.exit()).isEqualTo(LogconvCommand.OK);
    assertThat(r.out()).containsPattern("(?m)^\\s+template\\s+Print the composable index template");
  }

  @Test
  void theTopLevelHelpListsOpensearch() {
    CliRun r = CliRun.run("--help");
    assertThat(r.out()).containsPattern("(?m)^\\s+opensearch\\s+");
  }

  @Test
  void opensearchAloneIsAUsageError() {
    CliRun r = CliRun.run("opensearch");
    assertThat(r.exit()).isEqualTo(LogconvCommand.ERROR);
    assertThat(r.err()).contains("template");
  }
}
