package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseFailureTest {
  @TempDir Path dir;

  @Test
  void aJavaFileThatDoesNotParseIsOneFindingAndTheRunGoesOn() throws Exception {
    Files.writeString(dir.resolve("Broken.java"), "class Broken {\n  void f() { Log.info(\"x\" }\n");
    Files.writeString(dir.resolve("Fine.java"), "class Fine { void f() { System.out.println(1); } }\n");
    LintResult r = SourceLinter.builder().baseDirectory(dir).build().lint(List.of(dir));
    assertThat(r.parseFailures()).isEqualTo(1);
    assertThat(r.filesScanned()).isEqualTo(2);
    assertThat(r.findings()).extracting(Finding::file, Finding::ruleId, Finding::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Broken.java", "LC000", 2),
            org.assertj.core.groups.Tuple.tuple("Fine.java", "LC011", 1));
    assertThat(r.findings().get(0).message()).startsWith("Java source does not parse");
  }

  @Test
  void xmlThatIsNotWellFormedOrDeclaresADoctypeIsOneFinding() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY x SYSTEM \""
        + secret.toUri() + "\">]>\n<configuration><appender name=\"&x;\""
        + " class=\"ch.qos.logback.core.FileAppender\"/></configuration>\n";
    List<Finding> findings = SourceLinter.builder().build().lintText("logback.xml", xxe);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("LC000");
      assertThat(f.message()).doesNotContain("TOP-SECRET").contains("does not parse");
    });
    assertThat(SourceLinter.builder().build().lintText("logback.xml", "<configuration>\n<oops>"))
        .singleElement().extracting(Finding::ruleId).isEqualTo("LC000");
  }

  @Test
  void filesNoRuleCanConcernAreSkippedUnlessThePrefilterIsOff() {
    String broken = "class Plain { int x = ; }";
    assertThat(SourceLinter.builder().build().lintText("Plain.java", broken)).isEmpty();
    assertThat(SourceLinter.builder().prefilter(false).build().lintText("Plain.java", broken))
        .singleElement().extracting(Finding::ruleId).isEqualTo("LC000");
    assertThat(SourceLinter.builder().build().lintText("Logs.java", "class Logs { Logger log = ; }"))
        .singleElement().extracting(Finding::ruleId).isEqualTo("LC000");
  }

  @Test
  void theParseErrorCanBeDisabled() {
    assertThat(SourceLinter.builder().disable("LC000").prefilter(false).build()
        .lintText("A.java", "class {"))
        .isEmpty();
  }

  @Test
  void aLexicalErrorInsideAStringTemplateIsReportedAtItsLine() {
    String source = """
        class T {
          Logger log;
          void f(String name) {
            log.info("before");

            String s = STR."Hello \\{name}";
          }
        }
        """;
    assertThat(SourceLinter.builder().build().lintText("T.java", source))
        .singleElement().satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("LC000");
          assertThat(f.line()).isEqualTo(6);
          assertThat(f.column()).isPositive();
        });
  }
}
