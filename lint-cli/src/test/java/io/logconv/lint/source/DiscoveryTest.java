package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.lint.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a directory run lints: build output, excludes, and the test profile. */
class DiscoveryTest {
  private static final String PRINTS = "class P { void f() { System.out.println(1); } }\n";

  @TempDir Path dir;

  private Path write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private LintResult lint(SourceLinter.Builder b, Path... roots) throws IOException {
    return b.baseDirectory(dir).build().lint(List.of(roots));
  }

  @Test
  void aJavaPackageNamedBuildIsLinted() throws IOException {
    // the only file of the tree sits in a package named build: it used to be dropped silently
    write("src/main/java/com/acme/build/Step.java", PRINTS);
    LintResult r = lint(SourceLinter.builder(), dir);
    assertThat(r.filesScanned()).isEqualTo(1);
    assertThat(r.findings()).extracting(Finding::file)
        .containsExactly("src/main/java/com/acme/build/Step.java");
    assertThat(r.skippedBuildOutput()).isZero();
  }

  @Test
  void buildOutputBesideABuildFileIsSkippedAndCounted() throws IOException {
    write("pom.xml", "<project/>");
    write("target/generated-sources/G.java", PRINTS);
    write("target/classes/logback.xml", "<configuration/>");
    write("gradle-mod/build.gradle.kts", "plugins { java }");
    write("gradle-mod/build/generated/H.java", PRINTS);
    write("ant-mod/build.xml", "<project/>");
    write("ant-mod/build/I.java", PRINTS);
    write("settings-mod/settings.gradle", "");
    write("settings-mod/target/J.java", PRINTS);
    write("gradle-mod/src/main/java/build/target/Kept.java", PRINTS);
    write("node_modules/x/N.java", PRINTS);
    write(".hidden/O.java", PRINTS);

    LintResult r = lint(SourceLinter.builder(), dir);
    assertThat(r.findings()).extracting(Finding::file)
        .containsExactly("gradle-mod/src/main/java/build/target/Kept.java");
    assertThat(r.skippedBuildOutput()).isEqualTo(5);
    assertThat(r.skipDetails()).isEqualTo("5 in build output not linted");

    // the module given as the root is such a module too
    LintResult module = lint(SourceLinter.builder(), dir.resolve("gradle-mod"));
    assertThat(module.filesScanned()).isEqualTo(1);
    assertThat(module.skippedBuildOutput()).isEqualTo(1);
  }

  @Test
  void excludesAreGlobsRelativeToEachRootAndCounted() throws IOException {
    write("a/src/generated/G.java", PRINTS);
    write("a/src/com/acme/generated/H.java", PRINTS);
    write("a/src/com/acme/App.java", PRINTS);
    write("b/generated/I.java", PRINTS);
    write("b/Other.java", PRINTS);

    LintResult r = lint(SourceLinter.builder().exclude("**/generated/**"),
        dir.resolve("a"), dir.resolve("b"));
    assertThat(r.findings()).extracting(Finding::file)
        .containsExactly("a/src/com/acme/App.java", "b/Other.java");
    assertThat(r.excluded()).isEqualTo(3);

    // relative to the root: "src/**" is a/src below root a, nothing below root b
    LintResult rooted = lint(SourceLinter.builder().exclude("src/**"), dir.resolve("a"), dir.resolve("b"));
    assertThat(rooted.findings()).extracting(Finding::file)
        .containsExactly("b/Other.java", "b/generated/I.java");

    // a file named as a root is linted whatever the patterns say
    Path file = dir.resolve("b/generated/I.java");
    assertThat(lint(SourceLinter.builder().exclude("**"), file).filesScanned()).isEqualTo(1);

    assertThatThrownBy(() -> SourceLinter.builder().exclude("src/[oops"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("src/[oops");
  }

  @Test
  void testSourcesAreLintedWithTheTestProfileUnlessItIsOff() throws IOException {
    for (String root : List.of("src/test/java", "src/it/java", "src/testFixtures/java",
        "src/jmh/java", "src/main/java")) {
      write("mod/" + root + "/P.java", PRINTS);
    }
    write("mod/src/test/java/Q.java", "import org.slf4j.Logger;\nclass Q { Logger log; void f() { log.atInfo()"
        + ".addKeyValue(\"pod_name\", 1).log(\"x\"); } }\n");

    LintResult r = lint(SourceLinter.builder(), dir);
    assertThat(r.findings()).extracting(Finding::file, Finding::ruleId).containsExactly(
        org.assertj.core.groups.Tuple.tuple("mod/src/main/java/P.java", "LC011"),
        org.assertj.core.groups.Tuple.tuple("mod/src/test/java/Q.java", "LC001"));

    LintResult off = lint(SourceLinter.builder().testProfile(false), dir);
    assertThat(off.findings()).filteredOn(f -> f.ruleId().equals("LC011")).hasSize(5);

    assertThat(SourceLinter.builder().build().lintText("src/test/java/P.java", PRINTS)).isEmpty();
    String fileAppender = "appender.f.type = RollingFile\nappender.f.name = F\n";
    assertThat(SourceLinter.builder().build()
        .lintText("src/test/resources/log4j2-test.properties", fileAppender)).isEmpty();
    assertThat(SourceLinter.builder().testProfile(false).build()
        .lintText("src/test/resources/log4j2-test.properties", fileAppender))
        .extracting(Finding::ruleId).containsExactly("LC013");
    assertThat(SourceLinter.isTestSource("/repo/src/main/java/test/P.java")).isFalse();
  }

  @Test
  void theTestProfileIsPartOfTheCacheKey() throws IOException {
    Path cache = dir.resolve("cache");
    write("src/test/java/P.java", PRINTS);
    assertThat(lint(SourceLinter.builder().cache(cache), dir.resolve("src")).findings()).isEmpty();
    assertThat(lint(SourceLinter.builder().cache(cache).testProfile(false), dir.resolve("src"))
        .findings()).hasSize(1);
  }
}
