package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.Severity;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLinterTest {
  @TempDir Path dir;

  @Test
  void everyRuleIsRegisteredWithAStableUniqueIdAndCompleteMetadata() {
    List<RuleDescriptor> rules = SourceLinter.allRules();
    assertThat(rules).extracting(RuleDescriptor::id).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("LC\\d{3}"))
        .contains("LC000", "LC001", "LC005", "LC010", "LC014");
    assertThat(new HashSet<>(rules.stream().map(RuleDescriptor::name).toList())).hasSize(rules.size());
    assertThat(rules).allSatisfy(r -> {
      assertThat(r.summary()).isNotBlank();
      assertThat(r.rationale()).isNotBlank();
      assertThat(r.badExample()).isNotBlank();
      assertThat(r.goodExample()).isNotBlank();
    });
    // LC000 and LC018 belong to the engine, not to a rule class
    assertThat(SourceLinter.loadRules()).hasSize(rules.size() - 2);
  }

  @Test
  void findsJavaAndLogbackFilesSkipsBuildOutputAndSortsFindings() throws Exception {
    write("b/B.java", "class B { void f() { System.out.println(1); System.err.println(2); } }");
    write("a/A.java", "class A {\n void f() {\n  System.out.println(1);\n }\n}");
    write("a/logback.xml", "<configuration>\n<appender name=\"F\" class=\"ch.qos.logback.core.FileAppender\"/>\n</configuration>");
    write("a/other.xml", "<configuration><appender class=\"ch.qos.logback.core.FileAppender\"/></configuration>");
    write("pom.xml", "<project/>");
    write("target/generated/G.java", "class G { void f() { System.out.println(1); } }");
    write(".hidden/H.java", "class H { void f() { System.out.println(1); } }");
    LintResult r = SourceLinter.builder().baseDirectory(dir).build().lint(List.of(dir));
    assertThat(r.filesScanned()).isEqualTo(3);
    assertThat(r.skippedBuildOutput()).isEqualTo(1);
    assertThat(r.findings()).extracting(f -> f.file() + ":" + f.line() + ":" + f.column() + " " + f.ruleId())
        .containsExactly("a/A.java:3:3 LC011", "a/logback.xml:2:0 LC013", "b/B.java:1:22 LC011",
            "b/B.java:1:45 LC011");
    assertThat(r.findings()).isSortedAccordingTo(Comparator.comparing(Finding::file)
        .thenComparingInt(Finding::line).thenComparingInt(Finding::column));
  }

  @Test
  void enableDisableAndSeverityOverrides() throws Exception {
    write("A.java", "class A { void f(Exception e) { System.out.println(1); e.printStackTrace(); } }");
    assertThat(SourceLinter.builder().baseDirectory(dir).disable("LC011").build()
        .lint(List.of(dir)).findings()).isEmpty();
    assertThat(SourceLinter.builder().baseDirectory(dir).enable("LC001").build()
        .lint(List.of(dir)).findings()).isEmpty();
    assertThat(SourceLinter.builder().baseDirectory(dir).severity("LC011", Severity.ERROR).build()
        .lint(List.of(dir)).findings()).hasSize(2).allMatch(f -> f.severity() == Severity.ERROR);
  }

  @Test
  void parallelAndSequentialRunsAgree() throws Exception {
    for (int i = 0; i < 40; i++) {
      write("p/F" + i + ".java", "class F" + i + " { void f() { System.out.println(" + i + "); } }");
    }
    List<Finding> one = SourceLinter.builder().parallelism(1).build().lint(List.of(dir)).findings();
    List<Finding> two = SourceLinter.builder().parallelism(2).build().lint(List.of(dir)).findings();
    assertThat(two).hasSize(40).isEqualTo(one);
  }

  @Test
  void aMissingRootIsAnIoError() {
    assertThatThrownBy(() -> SourceLinter.builder().build().lint(List.of(dir.resolve("nope"))))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aSingleFileRootIsLinted() throws Exception {
    Path f = write("One.java", "class One { void f() { System.out.println(1); } }");
    assertThat(SourceLinter.builder().baseDirectory(dir).build().lint(List.of(f)).findings())
        .extracting(Finding::file).containsExactly("One.java");
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }
}
