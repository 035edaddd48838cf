package io.logconv.lint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.Severity;
import io.logconv.lint.validate.ValidatorRules;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporters on their own, the way the source linter will use them: a {@link Report} held in
 * memory with its own rule descriptors, written through {@link Reporter#write}.
 */
public class ReportersTest {
  static final Tool TOOL = new Tool("logconv", "0.1.0-SNAPSHOT", "https://logconv.io");
  static final RuleDescriptor SOURCE_RULE =
      new RuleDescriptor("LC001", "reserved-key", Severity.ERROR, "Collector-reserved key", "why", "bad", "good");
  static final List<Finding> FINDINGS =
      List.of(
          new Finding("LC001", Severity.ERROR, "src/main/java/App.java", 12, 9, "collector-reserved key 'pod_name'"),
          new Finding("LV004", Severity.WARNING, "logs/app dir/a.log", 3, 0, "key 'stream' is added by the pipeline"),
          new Finding("LV001", Severity.ERROR, "-", 1, 0, "not JSON: plain text"));
  static final Summary SUMMARY =
      new Summary(2, 10, 7, 3, 3, Map.of("LC001", 1L, "LV001", 1L, "LV004", 1L), List.of(new Summary.Top("io.example.App", 2)));

  static Report report() {
    List<RuleDescriptor> rules = new java.util.ArrayList<>(ValidatorRules.ALL);
    rules.add(0, SOURCE_RULE);
    return new Report(TOOL, rules, FINDINGS, SUMMARY);
  }

  static String write(Reporter r) throws IOException {
    StringBuilder sb = new StringBuilder();
    r.write(report(), sb);
    return sb.toString();
  }

  @Test
  void textIsFileLineRuleMessageWithColumnWhenKnown() throws IOException {
    String out = write(Reporter.text(false));
    assertThat(out)
        .startsWith(
            """
            src/main/java/App.java:12:9: LC001 error: collector-reserved key 'pod_name'
            logs/app dir/a.log:3: LV004 warning: key 'stream' is added by the pipeline
            -:1: LV001 error: not JSON: plain text
            """);
    assertThat(out).contains("10 lines read in 2 files, 7 conforming (70.0%), 3 findings");
    assertThat(out).contains("LC001  reserved-key").contains("io.example.App");
  }

  @Test
  void percentIsNeverRoundedUpTo100() {
    assertThat(TextReporter.percent(99.99)).isEqualTo("99.9%");
  }

  @Test
  void colourCodesOnlyWhenAsked() throws IOException {
    assertThat(write(Reporter.text(true))).contains("\u001b[31mLC001\u001b[0m").contains("\u001b[33mLV004");
    assertThat(write(Reporter.text(false))).doesNotContain("\u001b");
  }

  @Test
  void jsonCarriesRulesFindingsAndSummary() throws IOException {
    JsonNode doc = JsonMapper.builder().build().readTree(write(Reporter.json()));
    assertThat(doc.get("rules").get(0).get("id").asString()).isEqualTo("LC001");
    assertThat(doc.get("findings").get(0).get("column").asInt()).isEqualTo(9);
    assertThat(doc.get("findings").get(1).has("column")).isFalse();
    assertThat(doc.get("summary").get("conformingPercent").asDouble()).isEqualTo(70.0);
  }

  @Test
  void sarifValidatesAgainstTheSarif210Schema() throws IOException {
    String sarif = write(Reporter.sarif());
    assertThat(sarifSchemaErrors(sarif)).isEmpty();
    JsonNode doc = JsonMapper.builder().build().readTree(sarif);
    JsonNode run = doc.get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("rules")).hasSize(1 + io.logconv.lint.validate.ValidatorRules.ALL.size());
    JsonNode r0 = run.get("results").get(0);
    assertThat(r0.get("ruleIndex").asInt()).isZero();
    assertThat(r0.get("locations").get(0).get("physicalLocation").get("region").get("startColumn").asInt()).isEqualTo(9);
    assertThat(run.get("results").get(1).get("level").asString()).isEqualTo("warning");
    // Relative, percent-encoded URIs: what code scanning maps onto repository files.
    assertThat(run.get("results").get(1).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString())
        .isEqualTo("logs/app%20dir/a.log");
    assertThat(run.get("properties").get("summary").get("linesRead").asLong()).isEqualTo(10);
  }

  @Test
  void sarifLocationsAreRelativeToSrcrootAndOnlyOutsideFilesAreAbsolute() throws IOException {
    java.nio.file.Path base = java.nio.file.Path.of("/work/repo");
    List<Finding> findings = List.of(
        new Finding("LC001", Severity.ERROR, "src/main/java/App.java", 1, 0, "relative"),
        new Finding("LC001", Severity.ERROR, "/work/repo/mod/src/B.java", 2, 0, "absolute, inside"),
        new Finding("LC001", Severity.ERROR, "/elsewhere/C.java", 3, 0, "outside"),
        new Finding("LV001", Severity.ERROR, "-", 1, 0, "stdin"));
    StringBuilder sb = new StringBuilder();
    Reporter.sarif(base).write(new Report(TOOL, List.of(SOURCE_RULE), findings,
        Summary.ofSourceFiles(3, findings)), sb);
    assertThat(sarifSchemaErrors(sb.toString())).isEmpty();
    JsonNode run = JsonMapper.builder().build().readTree(sb.toString()).get("runs").get(0);
    assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asString()).isEqualTo("file:///work/repo/");
    List<String> uris = new java.util.ArrayList<>();
    List<String> bases = new java.util.ArrayList<>();
    for (JsonNode r : run.get("results")) {
      JsonNode loc = r.at("/locations/0/physicalLocation/artifactLocation");
      uris.add(loc.get("uri").asString());
      bases.add(loc.has("uriBaseId") ? loc.get("uriBaseId").asString() : null);
    }
    assertThat(uris).containsExactly(
        "src/main/java/App.java", "mod/src/B.java", "file:///elsewhere/C.java", "stdin");
    assertThat(bases).containsExactly("%SRCROOT%", "%SRCROOT%", null, null);
  }

  @Test
  void aSourceLintSummaryCountsFilesUnderFileNamedKeys() throws IOException {
    List<Finding> findings = List.of(
        new Finding("LC001", Severity.ERROR, "A.java", 1, 0, "x"),
        new Finding("LC001", Severity.ERROR, "A.java", 2, 0, "y"));
    StringBuilder sb = new StringBuilder();
    Reporter.json().write(new Report(TOOL, List.of(SOURCE_RULE), findings,
        Summary.ofSourceFiles(4, findings, 2, 1)), sb);
    JsonNode s = JsonMapper.builder().build().readTree(sb.toString()).get("summary");
    assertThat(s.get("files").asInt()).isEqualTo(4);
    assertThat(s.get("filesWithFindings").asInt()).isEqualTo(1);
    assertThat(s.get("filesWithoutFindings").asInt()).isEqualTo(3);
    assertThat(s.get("skippedBuildOutput").asInt()).isEqualTo(2);
    assertThat(s.get("excluded").asInt()).isEqualTo(1);
    assertThat(s.get("topFiles").get(0).get("file").asString()).isEqualTo("A.java");
    assertThat(s.has("linesRead")).isFalse();
    assertThat(s.has("conformingLines")).isFalse();
    assertThat(s.has("topLoggers")).isFalse();
    // the validator's summary keeps its line-named keys
    JsonNode v = JsonMapper.builder().build().readTree(write(Reporter.json())).get("summary");
    assertThat(v.get("linesRead").asLong()).isEqualTo(10);
    assertThat(v.has("topLoggers")).isTrue();
    assertThat(v.has("filesWithFindings")).isFalse();
    StringBuilder text = new StringBuilder();
    Reporter.text(false).write(new Report(TOOL, List.of(SOURCE_RULE), findings,
        Summary.ofSourceFiles(4, findings, 2, 1)), text);
    assertThat(text).contains("not linted: 2 files in build output, 1 excluded by pattern");
  }

  @Test
  void sarifSchemaCheckRejectsABrokenLog() {
    assertThat(sarifSchemaErrors("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}")).isNotEmpty();
  }

  /** Errors of {@code sarif} against the SARIF 2.1.0 schema shipped in test resources. */
  public static List<Error> sarifSchemaErrors(String sarif) {
    try (InputStream in = ReportersTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      JsonNode schemaNode = JsonMapper.builder().build().readTree(in);
      Schema schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
      return schema.validate(JsonMapper.builder().build().readTree(sarif));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
