package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path dir;

  private static final String CODE = """
      class A {
        void f() {
          System.out.println("one");
          System.out.println("two");
        }
      }
      """;

  private LintResult lint(Path baseline) throws Exception {
    return SourceLinter.builder().baseDirectory(dir).baseline(baseline).build()
        .lint(List.of(dir.resolve("src")));
  }

  @Test
  void baselinedFindingsStaySilentUntilTheirLineChanges() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path file = Files.writeString(src.resolve("A.java"), CODE);
    Path baseline = dir.resolve("logconv-baseline.txt");
    LintResult first = lint(null);
    assertThat(first.findings()).hasSize(2);
    Baseline.write(baseline, first);
    assertThat(Files.readString(baseline)).contains("LC011\tsrc/A.java\t");

    LintResult again = lint(baseline);
    assertThat(again.findings()).isEmpty();
    assertThat(again.baselined()).isEqualTo(2);

    // moved down by new lines and re-indented: still the same findings
    Files.writeString(file, "// header\n\n" + CODE.replace("    System", "      System"));
    assertThat(lint(baseline).findings()).isEmpty();

    // one line edited: that finding is new again, the other stays baselined
    Files.writeString(file, CODE.replace("\"two\"", "\"three\""));
    assertThat(lint(baseline).findings()).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(4);
      assertThat(f.message()).isEqualTo("System.out.println() writes unstructured text; use a logger");
    });
  }

  @Test
  void aSecondCopyOfABaselinedLineIsReported() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path file = Files.writeString(src.resolve("A.java"), CODE);
    Path baseline = dir.resolve("b.txt");
    Baseline.write(baseline, lint(null));
    Files.writeString(file, CODE.replace("System.out.println(\"two\");",
        "System.out.println(\"two\");\n    System.out.println(\"two\");"));
    LintResult r = lint(baseline);
    assertThat(r.findings()).hasSize(1);
    assertThat(r.baselined()).isEqualTo(2);
  }

  @Test
  void anotherFileWithTheSameLineIsNotCovered() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("A.java"), CODE);
    Path baseline = dir.resolve("b.txt");
    Baseline.write(baseline, lint(null));
    Files.writeString(src.resolve("B.java"), CODE.replace("class A", "class B"));
    assertThat(lint(baseline).findings()).extracting(Finding::file)
        .containsExactly("src/B.java", "src/B.java");
  }
}
