package io.logconv.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixApplierTest {
  @Test
  void overlappingFixesWaitForTheNextPassAndSharedImportsAreAddedOnce() {
    String text = "import a.B;\nclass C { int x = 1 + 2; }\n";
    Replacement importD = new Replacement(1, 12, 1, 12, "\nimport a.D;");
    Fix one = new Fix("one", List.of(new Replacement(2, 19, 2, 24, "3"), importD));
    Fix overlapping = new Fix("two", List.of(new Replacement(2, 23, 2, 24, "4")));
    Fix three = new Fix("three", List.of(new Replacement(2, 7, 2, 8, "E"), importD));
    FixApplier.Result r = FixApplier.apply(text, List.of(one, overlapping, three));
    assertThat(r.text()).isEqualTo("import a.B;\nimport a.D;\nclass E { int x = 3; }\n");
    assertThat(r.applied()).containsExactly(one, three);
    assertThat(r.skipped()).containsExactly(overlapping);
  }

  @Test
  void aFixOutsideTheTextIsSkipped() {
    Fix outside = new Fix("x", List.of(new Replacement(9, 1, 9, 2, "y")));
    FixApplier.Result r = FixApplier.apply("a\n", List.of(outside));
    assertThat(r.text()).isEqualTo("a\n");
    assertThat(r.skipped()).containsExactly(outside);
  }

  @Test
  void unifiedDiffShowsTheChangedLinesWithContext() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    assertThat(UnifiedDiff.of("f.txt", before, after)).isEqualTo("""
        --- a/f.txt
        +++ b/f.txt
        @@ -2,7 +2,7 @@
         2
         3
         4
        -5
        +five
         6
         7
         8
        """);
    assertThat(UnifiedDiff.of("f.txt", before, before)).isEmpty();
  }
}
