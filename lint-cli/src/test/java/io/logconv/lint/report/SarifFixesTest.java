package io.logconv.lint.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import io.logconv.lint.fix.Fix;
import io.logconv.lint.fix.Replacement;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SarifFixesTest {
  private static final Fix FIX = new Fix("Rename the key", List.of(
      new Replacement(12, 30, 12, 40, "\"app_pod_name\""),
      new Replacement(3, 1, 3, 1, "import x.Y;\n")));
  private static final Report REPORT = new Report(ReportersTest.TOOL,
      List.of(ReportersTest.SOURCE_RULE),
      List.of(new Finding("LC001", Severity.ERROR, "src/main/java/App.java", 12, 30,
          "collector-reserved key 'pod_name'", FIX)),
      ReportersTest.SUMMARY);

  private static String write(Reporter r) throws IOException {
    StringBuilder sb = new StringBuilder();
    r.write(REPORT, sb);
    return sb.toString();
  }

  @Test
  void aResultWithAFixCarriesItAsSarifFixesAndValidates() throws IOException {
    String sarif = write(Reporter.sarif());
    assertThat(ReportersTest.sarifSchemaErrors(sarif)).isEmpty();
    JsonNode fix = JsonMapper.builder().build().readTree(sarif)
        .at("/runs/0/results/0/fixes/0");
    assertThat(fix.at("/description/text").asString()).isEqualTo("Rename the key");
    JsonNode change = fix.at("/artifactChanges/0");
    assertThat(change.at("/artifactLocation/uri").asString()).isEqualTo("src/main/java/App.java");
    JsonNode first = change.at("/replacements/0");
    assertThat(first.at("/deletedRegion/startLine").asInt()).isEqualTo(12);
    assertThat(first.at("/deletedRegion/startColumn").asInt()).isEqualTo(30);
    assertThat(first.at("/deletedRegion/endColumn").asInt()).isEqualTo(40);
    assertThat(first.at("/insertedContent/text").asString()).isEqualTo("\"app_pod_name\"");
    assertThat(change.at("/replacements/1/deletedRegion/endColumn").asInt()).isEqualTo(1);
  }

  @Test
  void jsonCarriesTheFixToo() throws IOException {
    JsonNode fix = JsonMapper.builder().build().readTree(write(Reporter.json()))
        .at("/findings/0/fix");
    assertThat(fix.at("/description").asString()).isEqualTo("Rename the key");
    assertThat(fix.at("/replacements/0/text").asString()).isEqualTo("\"app_pod_name\"");
    assertThat(fix.at("/replacements/1/startLine").asInt()).isEqualTo(3);
  }
}
