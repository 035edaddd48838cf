package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class LintCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path src;

  @BeforeEach
  void sources() throws Exception {
    src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("A.java"), """
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String p) {
            log.atInfo().addKeyValue("pod_name", p).log("x");
            System.out.println(p);
          }
        }
        """);
  }

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new LintCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--cache")) {
      all.add("--no-cache");
    }
    return cmd.execute(all.toArray(String[]::new));
  }

  @Test
  void textReportWithSummaryAndExitCodeOne() {
    int exit = run(src.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("A.java:5:30: LC001 error: collector-reserved key 'pod_name'")
        .contains("A.java:6:5: LC011 warning: System.out.println()")
        .contains("1 file checked, 0 without findings (0.0%), 2 findings")
        .contains("LC001  reserved-key")
        .contains("top files by findings:");
  }

  @Test
  void failOnDecidesTheExitCode() throws Exception {
    Files.writeString(src.resolve("A.java"), "class A { void f() { System.out.println(1); } }");
    assertThat(run(src.toString(), "--fail-on", "error")).isZero();
    assertThat(run(src.toString(), "--fail-on", "warning")).isEqualTo(1);
    assertThat(run(src.toString(), "--severity", "LC011=error", "--fail-on", "ERROR"))
        .isEqualTo(1);
  }

  /** As the Maven gate: a note (the SDK makes the value safe at run time) fails nothing by default. */
  @Test
  void notesFailOnlyWhenAskedTo() throws Exception {
    Files.writeString(
        src.resolve("A.java"),
        "class A { org.slf4j.Logger log; void f(String u) {"
            + " log.atInfo().addKeyValue(\"user_id\", u).log(\"signed in\"); } }");
    assertThat(run(src.toString())).isZero();
    assertThat(out.toString()).contains("LC007 note");
    assertThat(run(src.toString(), "--fail-on", "note")).isEqualTo(1);
  }

  @Test
  void cleanCodeExitsZero() throws Exception {
    Files.writeString(src.resolve("A.java"), "class A { void f() {} }");
    assertThat(run(src.toString())).isZero();
    assertThat(out.toString()).contains("0 findings");
  }

  @Test
  void jsonGoesToTheOutputFile() throws Exception {
    Path report = dir.resolve("out/report.json");
    assertThat(run(src.toString(), "--format", "json", "--output", report.toString())).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("findings")).hasSize(2);
    assertThat(json.get("findings").get(0).get("ruleId").asString()).isEqualTo("LC001");
    assertThat(json.get("findings").get(0).get("line").asInt()).isEqualTo(5);
    assertThat(json.get("summary").get("files").asInt()).isEqualTo(1);
    assertThat(out.toString()).contains("2 findings");
  }

  @Test
  void jsonOnStdoutKeepsTheSummaryOnStderr() throws Exception {
    run(src.toString(), "--format", "json");
    assertThat(new ObjectMapper().readTree(out.toString()).get("findings")).hasSize(2);
    assertThat(err.toString()).contains("2 findings");
  }

  @Test
  void writeBaselineThenLintWithIt() {
    Path baseline = dir.resolve("baseline.txt");
    assertThat(run(src.toString(), "--baseline", baseline.toString(), "--write-baseline")).isZero();
    assertThat(out.toString()).contains("wrote 2 findings to baseline");
    assertThat(baseline).exists();
    assertThat(run(src.toString(), "--baseline", baseline.toString())).isZero();
    assertThat(out.toString()).contains("0 findings", "2 baselined");
  }

  @Test
  void cacheMakesTheSecondRunReadNothing() {
    Path cache = dir.resolve("target/lint.cache");
    run(src.toString(), "--cache", cache.toString());
    run(src.toString(), "--cache", cache.toString());
    assertThat(out.toString()).contains("1 from cache");
  }

  @Test
  void usageAndIoErrorsExitTwo() {
    assertThat(run("--format", "yaml")).isEqualTo(2);
    assertThat(run(dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing: no such file or directory");
  }

  @Test
  void sarifReportCarriesEveryRuleAndTheFindings() throws Exception {
    assertThat(run(src.toString(), "--format", "sarif")).isEqualTo(1);
    JsonNode sarif = new ObjectMapper().readTree(out.toString());
    assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.at("/tool/driver/rules")).hasSizeGreaterThanOrEqualTo(15);
    assertThat(run.get("results")).hasSize(2);
    assertThat(run.get("results").get(0).get("ruleId").asString()).isEqualTo("LC001");
  }

  @Test
  void disableAndEnable() {
    assertThat(run(src.toString(), "--disable", "LC001,LC011")).isZero();
    assertThat(run(src.toString(), "--enable", "LC011", "--fail-on", "error")).isZero();
  }

  @Test
  void loggerWrapperFromOutsideTheTreeIsChecked() throws Exception {
    Files.writeString(src.resolve("A.java"), """
        import com.acme.CtxLogger;
        class A {
          CtxLogger log;
          void f(Ctx ctx, String p) { log.warnCtx(ctx, "pod {} not ready after {}", p); }
        }
        """);
    assertThat(run(src.toString(), "--enable", "LC009")).isZero();
    assertThat(run(src.toString(), "--enable", "LC009", "--logger-wrapper", "com.acme.CtxLogger:*:1"))
        .isEqualTo(LintCommand.FINDINGS);
    assertThat(out.toString()).contains("LC009", "2 placeholders but 1 argument");
  }

  @Test
  void malformedLoggerWrapperIsAUsageError() {
    assertThat(run(src.toString(), "--logger-wrapper", "com.acme.CtxLogger:warnCtx"))
        .isEqualTo(LintCommand.ERROR);
    assertThat(err.toString()).contains("--logger-wrapper", "TYPE:METHOD[,METHOD...]:SKIP");
  }

  @Test
  void rulesCommandListsEveryRule() {
    CommandLine cmd = new CommandLine(new RulesCommand());
    cmd.setOut(new PrintWriter(out));
    assertThat(cmd.execute()).isZero();
    assertThat(out.toString()).contains("LC000", "LC001  error    reserved-key", "LC014");
    StringWriter verbose = new StringWriter();
    cmd.setOut(new PrintWriter(verbose));
    cmd.execute("--verbose");
    assertThat(verbose.toString()).contains("Bad:", "Good:", "addKeyValue(\"pod_name\"");
  }

  @Test
  void excludeTestProfileAndSkippedCountsInEveryFormat() throws Exception {
    Path mod = Files.createDirectories(dir.resolve("mod"));
    Files.writeString(mod.resolve("pom.xml"), "<project/>");
    Path gen = Files.createDirectories(mod.resolve("src/main/java/generated"));
    Files.writeString(gen.resolve("G.java"), "class G { void f() { System.out.println(1); } }\n");
    Path test = Files.createDirectories(mod.resolve("src/test/java"));
    Files.writeString(test.resolve("T.java"), "class T { void f() { System.out.println(1); } }\n");
    Path target = Files.createDirectories(mod.resolve("target/generated-sources"));
    Files.writeString(target.resolve("X.java"), "class X { void f() { System.out.println(1); } }\n");

    assertThat(run(mod.toString(), "--exclude", "**/generated/**")).isZero();
    assertThat(out.toString())
        .contains("1 file checked")
        .contains("not linted: 1 file in build output, 1 excluded by pattern")
        .doesNotContain("1 excluded\n");

    out.getBuffer().setLength(0);
    assertThat(run(mod.toString(), "--exclude", "**/generated/**", "--test-profile=off")).isOne();
    assertThat(out.toString()).contains("T.java:1:22: LC011 warning: System.out.println()");

    out.getBuffer().setLength(0);
    assertThat(run(mod.toString(), "--format", "json")).isOne();
    JsonNode summary = new ObjectMapper().readTree(out.toString()).get("summary");
    assertThat(summary.get("skippedBuildOutput").asInt()).isEqualTo(1);
    assertThat(summary.get("excluded").asInt()).isZero();
    assertThat(summary.get("filesWithFindings").asInt()).isEqualTo(1);
    assertThat(summary.get("topFiles").get(0).get("file").asString()).endsWith("G.java");
    assertThat(summary.has("linesRead")).isFalse();

    out.getBuffer().setLength(0);
    assertThat(run(mod.toString(), "--format", "sarif", "--exclude", "**/generated/**")).isZero();
    JsonNode sarifSummary = new ObjectMapper().readTree(out.toString())
        .at("/runs/0/properties/summary");
    assertThat(sarifSummary.get("skippedBuildOutput").asInt()).isEqualTo(1);
    assertThat(sarifSummary.get("excluded").asInt()).isEqualTo(1);
    assertThat(err.toString()).contains("in 1 file; 1 in build output not linted, 1 excluded");

    assertThat(run(mod.toString(), "--test-profile", "maybe")).isEqualTo(2);
    assertThat(run(mod.toString(), "--exclude", "[oops")).isEqualTo(2);
    assertThat(err.toString()).contains("--exclude not a valid glob: '[oops'");
  }
}
