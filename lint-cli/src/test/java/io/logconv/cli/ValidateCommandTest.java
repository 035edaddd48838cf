package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {
  static final String CONFORMING = "samples/logs/controller-events.jsonl";
  static final String BAD = "samples/logs/non-conformant.jsonl";

  @Test
  void conformingSampleExitsZeroWithSummary() {
    CliRun r = CliRun.run("validate", CONFORMING);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("10 lines read in 1 file, 10 conforming (100.0%), 0 findings");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void findingsAsTextLinesExitOne() {
    CliRun r = CliRun.run("validate", BAD);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(BAD + ":1: LV003 error: collector-reserved key 'pod_name': fluentd and Fluent Bit add it")
        .contains(BAD + ":2: LV005 error: ts is the number")
        .contains(BAD + ":3: LV008")
        .contains(BAD + ":7: LV001 error: not JSON: an oslo.log text line")
        .contains("findings per rule:")
        .contains("top loggers by findings:")
        .contains("io.example.operator.Legacy");
    assertThat(r.out()).doesNotContain("\u001b[");
  }

  @Test
  void colourOnlyWhenAsked() {
    assertThat(CliRun.run("validate", "--color=always", BAD).out()).contains("\u001b[31mLV003\u001b[0m");
    assertThat(CliRun.run("validate", "--color=auto", BAD).out()).doesNotContain("\u001b[");
  }

  @Test
  void stdinWithDash() {
    byte[] in = "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\"}\nnot json\n"
        .getBytes(StandardCharsets.UTF_8);
    CliRun r = CliRun.withStdin(in, "validate", "-");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("-:2: LV001 error: not JSON: plain text").contains("2 lines read");
    assertThat(CliRun.withStdin(in, "validate").out()).contains("-:2: LV001");
  }

  @Test
  void maxFindingsLimitsOutputButSummaryCountsAll() {
    CliRun r = CliRun.run("validate", "--max-findings", "2", BAD);
    assertThat(r.out().lines().filter(l -> l.startsWith(BAD + ":"))).hasSize(2);
    assertThat(r.out()).contains("19 findings").contains("2 findings shown (--max-findings)");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void jsonFormat() {
    CliRun r = CliRun.run("validate", "--format", "json", BAD, CONFORMING);
    JsonNode doc = JsonMapper.builder().build().readTree(r.out());
    assertThat(doc.get("tool").get("name").asString()).isEqualTo("logconv");
    assertThat(doc.get("rules")).hasSize(io.logconv.lint.validate.ValidatorRules.ALL.size());
    assertThat(doc.get("findings")).hasSize(19);
    assertThat(doc.get("findings").toString())
        .as("secrets are named, never shown")
        .contains("LV014", "LV015")
        .doesNotContain("AKIAQ3EGRX5PZ7LM2KTD");
    JsonNode first = doc.get("findings").get(0);
    assertThat(first.get("ruleId").asString()).isEqualTo("LV003");
    assertThat(first.get("line").asInt()).isEqualTo(1);
    assertThat(first.get("severity").asString()).isEqualTo("error");
    JsonNode s = doc.get("summary");
    assertThat(s.get("files").asInt()).isEqualTo(2);
    assertThat(s.get("linesRead").asLong()).isEqualTo(24);
    assertThat(s.get("conformingLines").asLong()).isEqualTo(10);
    assertThat(s.get("findingsByRule").get("LV003").asLong()).isEqualTo(4);
    assertThat(s.get("topLoggers").get(0).get("logger").asString()).isEqualTo("(no logger)");
  }

  @Test
  void outputFile(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report.sarif");
    CliRun r = CliRun.run("validate", "--format", "sarif", "--output", report.toString(), BAD);
    assertThat(r.out()).isEmpty();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(Files.readString(report)).contains("\"version\":\"2.1.0\"").contains("\"ruleId\":\"LV003\"");
  }

  @Test
  void everyInputFormatThroughTheCommand() {
    for (String[] c :
        new String[][] {
          {"containerd-cri.log", "cri"},
          {"crio.log", "cri"},
          {"docker-json.log", "docker"},
          {"kubectl-timestamps.log", "kubectl"},
          {"loki-query-range.json", "loki"},
          {"controller-events.jsonl.gz", "json"},
        }) {
      CliRun r = CliRun.run("validate", "-v", "samples/logs/" + c[0]);
      assertThat(r.err()).as(c[0]).contains("read as " + c[1]);
      assertThat(r.exit()).as(c[0]).isIn(0, 1);
    }
    assertThat(CliRun.run("validate", "samples/logs/containerd-cri.log").out())
        .contains("containerd-cri.log:7: LV003 error: collector-reserved key 'pod_name'")
        .contains("containerd-cri.log:3: LV001 error: not JSON: a klog text line");
    assertThat(CliRun.run("validate", "samples/logs/docker-json.log").out())
        .contains("docker-json.log:2: LV013 error: line is 27920 bytes");
    assertThat(CliRun.run("validate", "samples/logs/loki-query-range.json").out())
        .contains("loki-query-range.json:42: LV003 error: collector-reserved key 'hostname'");
  }

  @Test
  void inputFormatOverride() {
    CliRun r = CliRun.run("validate", "--input-format", "json", "samples/logs/kubectl-timestamps.log");
    assertThat(r.out()).contains("kubectl-timestamps.log:1: LV001 error: not JSON: starts with an RFC 3339 timestamp");
    assertThat(CliRun.run("validate", "--input-format", "xml", CONFORMING).exit()).isEqualTo(2);
  }

  @Test
  void schemaAdrAndFile(@TempDir Path dir) throws IOException {
    CliRun adr = CliRun.run("validate", "--schema", "adr", "samples/logs/containerd-cri.log");
    // The ADR schema lets pod_name through alone: only the klog line remains.
    assertThat(adr.out()).doesNotContain("LV003").contains("LV001");
    Path schema = dir.resolve("needs-service.json");
    Files.writeString(schema, "{\"type\":\"object\",\"required\":[\"service\"]}");
    CliRun custom = CliRun.run("validate", "--schema", schema.toString(), CONFORMING);
    assertThat(custom.exit()).isEqualTo(1);
    assertThat(custom.out()).contains("LV016").contains("service");
    assertThat(CliRun.run("validate", "--schema", "nope.json", CONFORMING).exit()).isEqualTo(2);
  }

  @Test
  void helpOnEverySubcommandAndVersion() {
    for (String sub : new String[] {"validate", "redact"}) {
      CliRun r = CliRun.run(sub, "--help");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage: logconv " + sub);
    }
    CliRun top = CliRun.run("--help");
    assertThat(top.out()).contains("validate").contains("redact");
    CliRun v = CliRun.run("--version");
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("logconv " + VersionProvider.version());
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CliRun.run().exit()).isEqualTo(2);
    CliRun r = CliRun.run("validate", "--no-such-option");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option");
    assertThat(CliRun.run("validate", "--format", "xml", CONFORMING).exit()).isEqualTo(2);
  }

  @Test
  void sarifOfEverySampleValidatesAgainstTheSchema() {
    CliRun r =
        CliRun.run(
            "validate",
            "--format",
            "sarif",
            BAD,
            CONFORMING,
            "samples/logs/containerd-cri.log",
            "samples/logs/docker-json.log",
            "samples/logs/loki-query-range.json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(io.logconv.lint.report.ReportersTest.sarifSchemaErrors(r.out())).isEmpty();
    assertThat(r.out()).contains("\"uri\":\"samples/logs/non-conformant.jsonl\"");
  }
}
