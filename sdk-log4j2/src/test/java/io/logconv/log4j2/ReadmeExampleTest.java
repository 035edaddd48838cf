package io.logconv.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The top-level README's Log4j2 quick start is this module's test configuration, and it runs. */
class ReadmeExampleTest {
  @Test
  void theQuickStartConfigurationIsInTheReadmeAndWritesConformantLines() throws IOException {
    String xml;
    try (InputStream in = ReadmeExampleTest.class.getResourceAsStream("/log4j2-readme.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains("## Log4j2 quick start").contains(xml);

    Log4jHarness h = Log4jHarness.capture("log4j2-readme.xml");
    h.logger("controllers.Component").error("reconcile of {} failed", "web-1", new IllegalStateException("conflict"));
    JsonNode line = Lines.conforming(h.lines().get(0));
    assertThat(line.get("service").asString()).isEqualTo(System.getenv().getOrDefault("SERVICE_NAME", "component-controller"));
    assertThat(line.get("msg").asString()).isEqualTo("reconcile of web-1 failed");
    assertThat(line.get("stack_hash").asString()).matches("[0-9a-f]{8}");
  }
}
