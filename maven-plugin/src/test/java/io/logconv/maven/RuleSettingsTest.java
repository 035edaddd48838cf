package io.logconv.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import io.logconv.lint.source.SourceLinter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSettingsTest {
  @Test
  void readsTheListAndTheStringFormTheStringWinning() {
    RuleSettings s = RuleSettings.parse(
        List.of(new Rule("LC008", "error", true), new Rule("LC011", null, false),
            new Rule("LC007", null, false)),
        " lc007=on , LV004=note,LC014=off,");

    assertThat(s.disabled()).containsExactlyInAnyOrder("LC011", "LC014");
    assertThat(s.severities())
        .containsEntry("LC008", Severity.ERROR)
        .containsEntry("LV004", Severity.NOTE)
        .hasSize(2);
  }

  @Test
  void rejectsUnknownIdsBadSeveritiesAndEntriesWithoutAValue() {
    assertThatThrownBy(() -> RuleSettings.parse(List.of(), "LC99=error"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown rule id 'LC99'")
        .hasMessageContaining("LC001");
    assertThatThrownBy(() -> RuleSettings.parse(List.of(new Rule("LC008", "fatal", true)), null))
        .hasMessageContaining("'fatal' for LC008 is not error, warning, note or off");
    assertThatThrownBy(() -> RuleSettings.parse(List.of(), "LC008"))
        .hasMessageContaining("'LC008' is not ID=SEVERITY");
    assertThatThrownBy(() -> RuleSettings.parse(List.of(new Rule(null, "error", true)), null))
        .hasMessageContaining("unknown rule id ''");
  }

  @Test
  void configuresTheSourceLinter() {
    RuleSettings s = RuleSettings.parse(List.of(), "LC008=error,LC011=off");
    SourceLinter linter = s.configure(SourceLinter.builder()).parallelism(1).build();
    String code = """
        class A {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(A.class);
          void f(String id) {
            log.info("id " + id);
            System.out.println("x");
          }
        }
        """;

    List<Finding> findings = linter.lintText("A.java", code);

    assertThat(findings).extracting(Finding::ruleId).containsExactly("LC008");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(linter.rules()).noneMatch(r -> r.descriptor().id().equals("LC011"));
  }

  @Test
  void appliesToLogFileFindings() {
    RuleSettings s = RuleSettings.parse(List.of(), "LV004=note,LV003=off");
    Finding pipeline = new Finding("LV004", Severity.WARNING, "a.log", 1, 0, "stream");
    Finding reserved = new Finding("LV003", Severity.ERROR, "a.log", 2, 0, "pod_name");
    Finding other = new Finding("LV006", Severity.ERROR, "a.log", 3, 0, "level");

    assertThat(s.apply(pipeline))
        .isEqualTo(new Finding("LV004", Severity.NOTE, "a.log", 1, 0, "stream"));
    assertThat(s.apply(reserved)).isNull();
    assertThat(s.apply(other)).isSameAs(other);
  }

  @Test
  void knowsEverySourceRuleAndLogFileCheck() {
    assertThat(RuleSettings.allDescriptors())
        .extracting(d -> d.id())
        .contains("LC000", "LC014", "LV001", "LV017")
        .doesNotHaveDuplicates();
  }
}
