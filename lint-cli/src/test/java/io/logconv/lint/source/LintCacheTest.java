package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCacheTest {
  @TempDir Path dir;

  private LintResult lint(Path cache, String... disabled) throws Exception {
    return SourceLinter.builder().baseDirectory(dir).cache(cache).disable(disabled).build()
        .lint(List.of(dir.resolve("src")));
  }

  @Test
  void unchangedFilesComeFromTheCacheWithTheSameFindings() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("A.java"), "class A { void f() { System.out.println(1); } }");
    Files.writeString(src.resolve("B.java"), "class B { @SuppressWarnings(\"logconv\") void f() { System.out.println(1); } }");
    Files.writeString(src.resolve("C.java"), "class C { Logger log; ");
    Path cache = dir.resolve("target/.logconv-cache");

    LintResult cold = lint(cache);
    assertThat(cold.filesFromCache()).isZero();
    assertThat(cache).exists();
    LintResult warm = lint(cache);
    assertThat(warm.filesFromCache()).isEqualTo(3);
    assertThat(warm.findings()).isEqualTo(cold.findings());
    assertThat(warm.suppressed()).isEqualTo(cold.suppressed()).isEqualTo(1);
    assertThat(warm.parseFailures()).isEqualTo(1);

    Files.writeString(src.resolve("A.java"), "class A { void f() { System.err.println(1); } }");
    LintResult changed = lint(cache);
    assertThat(changed.filesFromCache()).isEqualTo(2);
    assertThat(changed.findings().get(0).message()).contains("System.err");
  }

  @Test
  void anotherRuleSetOrACorruptCacheStartsOver() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("A.java"), "class A { void f() { System.out.println(1); } }");
    Path cache = dir.resolve(".logconv-cache");
    lint(cache);
    LintResult otherRules = lint(cache, "LC001");
    assertThat(otherRules.filesFromCache()).isZero();

    Files.write(cache, new byte[] {1, 2, 3});
    LintResult afterCorruption = lint(cache);
    assertThat(afterCorruption.filesFromCache()).isZero();
    assertThat(afterCorruption.findings()).hasSize(1);
  }

  @Test
  void severityOverridesApplyToCachedResults() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("A.java"), "class A { void f() { System.out.println(1); } }");
    Path cache = dir.resolve(".logconv-cache");
    lint(cache);
    LintResult r = SourceLinter.builder().baseDirectory(dir).cache(cache)
        .severity("LC011", Severity.NOTE).build().lint(List.of(src));
    assertThat(r.filesFromCache()).isEqualTo(1);
    assertThat(r.findings()).singleElement().extracting(f -> f.severity()).isEqualTo(Severity.NOTE);
  }
}
