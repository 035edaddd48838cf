package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md} must equal what the rules' metadata renders. Regenerate with {@code
 * ./mvnw -pl lint-cli -am verify -Dtest=RuleDocsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlogconv.updateRuleDocs=true}.
 */
class RuleDocsTest {
  @Test
  void docsMatchTheRules() throws Exception {
    Path docs = repositoryRoot().resolve("docs/rules.md");
    String expected = RuleDocs.markdown(SourceLinter.allRules());
    if (Boolean.getBoolean("logconv.updateRuleDocs")) {
      Files.createDirectories(docs.getParent());
      Files.writeString(docs, expected, StandardCharsets.UTF_8);
    }
    assertThat(docs).exists();
    assertThat(Files.readString(docs, StandardCharsets.UTF_8))
        .as("docs/rules.md is out of date; regenerate it (see RuleDocsTest)")
        .isEqualTo(expected);
  }

  @Test
  void everyRuleHasASectionWithBothExamples() {
    String page = RuleDocs.markdown(SourceLinter.allRules());
    for (var r : SourceLinter.allRules()) {
      assertThat(page).contains("## " + r.id(), r.badExample().strip(), r.goodExample().strip());
    }
  }

  static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("repository root not found above the working directory");
    }
    return p;
  }
}
