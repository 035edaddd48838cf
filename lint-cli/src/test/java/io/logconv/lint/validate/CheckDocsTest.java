package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.lint.validate.ValidatorRules.Check;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The table of checks in {@code lint-cli/README.md} must equal what {@link ValidatorRules#CHECKS}
 * renders. Regenerate it with {@code ./mvnw -B -ntp -o -q -pl lint-cli -am verify
 * -Dtest=CheckDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dlogconv.updateCheckDocs=true}.
 */
class CheckDocsTest {
  @Test
  void readmeTableMatchesTheChecks() throws Exception {
    Path readme = TestPaths.repoRoot().resolve("lint-cli/README.md");
    String committed = Files.readString(readme, StandardCharsets.UTF_8);
    String expected = CheckDocs.splice(committed, CheckDocs.table(ValidatorRules.CHECKS));
    if (Boolean.getBoolean("logconv.updateCheckDocs")) {
      Files.writeString(readme, expected, StandardCharsets.UTF_8);
      committed = expected;
    }
    assertThat(committed)
        .as("lint-cli/README.md's table of checks is out of date; regenerate it (see CheckDocsTest)")
        .isEqualTo(expected);
  }

  @Test
  void oneRowPerCheckWithItsWords() {
    String table = CheckDocs.table(ValidatorRules.CHECKS);
    assertThat(table.lines()).hasSize(2 + ValidatorRules.CHECKS.size());
    assertThat(table)
        .startsWith("| id | name | severity | what |\n|---|---|---|---|\n")
        .contains("| LV004 | pipeline-key | warning | ")
        .contains("| LV013 | line-too-long | error | over 16384 bytes with the newline");
    for (Check c : ValidatorRules.CHECKS) {
      assertThat(table).contains("| " + c.rule().id() + " | " + c.rule().name() + " | ");
    }
  }

  @Test
  void aPipeInTheWordsDoesNotSplitTheRow() {
    Check piped = new Check(ValidatorRules.NOT_JSON, "a | b");
    assertThat(CheckDocs.table(java.util.List.of(piped))).endsWith("| a \\| b |\n");
  }

  @Test
  void onlyTheTableBetweenTheMarkersIsReplaced() {
    String readme = "intro\n" + CheckDocs.BEGIN + "\nold table\n" + CheckDocs.END + "\nafter\n";
    assertThat(CheckDocs.splice(readme, "| new |\n"))
        .isEqualTo("intro\n" + CheckDocs.BEGIN + "\n\n| new |\n\n" + CheckDocs.END + "\nafter\n");
  }

  @Test
  void missingOrMisplacedMarkersAreAnError() {
    assertThatThrownBy(() -> CheckDocs.splice("no markers\n", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CheckDocs.BEGIN);
    assertThatThrownBy(() -> CheckDocs.splice(CheckDocs.END + "\n" + CheckDocs.BEGIN + "\n", "t"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> CheckDocs.splice(CheckDocs.BEGIN + "\n" + CheckDocs.END + "\n" + CheckDocs.END + "\n", "t"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
