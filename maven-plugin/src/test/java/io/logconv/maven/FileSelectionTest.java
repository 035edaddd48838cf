package io.logconv.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSelectionTest {
  @TempDir Path dir;

  private Path touch(String rel) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
    return p;
  }

  @Test
  void picksJavaAndLogbackFilesUnderTheRoots() throws IOException {
    Path java = touch("src/main/java/com/a/A.java");
    Path top = touch("src/main/java/Top.java");
    Path logback = touch("src/main/resources/logback.xml");
    Path spring = touch("src/main/resources/logback-spring.xml");
    touch("src/main/resources/logback-test.xml");
    touch("src/main/resources/application.yml");
    touch("src/main/java/com/a/notes.txt");

    List<Path> files = FileSelection.sources(
        List.of(dir.resolve("src/main/java"), dir.resolve("src/main/resources"),
            dir.resolve("src/main/missing")),
        List.of(), List.of());

    assertThat(files).containsExactly(top, java, spring, logback);
  }

  @Test
  void includesAndExcludesAreAntStyleGlobsRelativeToTheRoot() throws IOException {
    Path root = dir.resolve("src");
    Path keep = touch("src/com/a/A.java");
    Path top = touch("src/B.java");
    touch("src/com/a/generated/G.java");
    touch("src/generated/H.java");
    touch("src/org/b/C.java");

    assertThat(FileSelection.sources(List.of(root), List.of(), List.of("**/generated/**")))
        .containsExactlyInAnyOrder(keep, top, dir.resolve("src/org/b/C.java"));
    assertThat(FileSelection.sources(List.of(root), List.of("com/"), List.of("**/generated/**")))
        .containsExactly(keep);
    assertThat(FileSelection.sources(List.of(root), List.of("**/*.java"), List.of("com/**", "org/**")))
        .containsExactly(top, dir.resolve("src/generated/H.java"));
  }

  @Test
  void log4jConfigurationsAreSelectedAsTheLinterFindsThemAndExcludesApplyToThem() throws IOException {
    Path res = dir.resolve("src/main/resources");
    Path log4j2 = touch("src/main/resources/log4j2.xml");
    Path props = touch("src/main/resources/log4j2.properties");
    Path log4j1 = touch("src/main/resources/log4j.properties");
    touch("src/main/resources/log4j2.component.properties");
    touch("src/main/resources/legacy/log4j.xml");

    assertThat(FileSelection.sources(List.of(res), List.of(), List.of("legacy/")))
        .containsExactly(log4j1, props, log4j2);
    // the same files the linter itself would find under the root, less the excluded one
    io.logconv.lint.source.LintResult r = io.logconv.lint.source.SourceLinter.builder()
        .exclude("legacy/").build().lint(List.of(res));
    assertThat(r.filesScanned()).isEqualTo(3);
    assertThat(r.excluded()).isEqualTo(1);
  }

  @Test
  void logFilesArePathsOrGlobsRelativeToTheModule() throws IOException {
    Path a = touch("target/logconv/a.log");
    Path b = touch("target/logconv/b.log");
    touch("target/logconv/c.txt");
    Path nested = touch("samples/x/y/n.log");
    Path plain = touch("one.json");

    assertThat(FileSelection.logFiles(dir, List.of("target/logconv/*.log"), true))
        .containsExactly(a, b);
    assertThat(FileSelection.logFiles(dir, List.of("samples/**/*.log", "one.json", " "), true))
        .containsExactly(plain, nested);
    assertThat(FileSelection.logFiles(dir, List.of(dir.resolve("target") + "/*/*.log"), true))
        .containsExactly(a, b);
    assertThat(FileSelection.logFiles(dir, List.of("nothing/*.log"), true)).isEmpty();
  }

  @Test
  void aMissingPlainLogFileIsAnErrorOnlyWhenConfigured() {
    assertThatThrownBy(() -> FileSelection.logFiles(dir, List.of("missing.log"), true))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing.log");
    assertThat(catching(() -> FileSelection.logFiles(dir, List.of("missing.log"), false))).isEmpty();
  }

  private interface Call {
    List<Path> run() throws IOException;
  }

  private static List<Path> catching(Call c) {
    try {
      return c.run();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
