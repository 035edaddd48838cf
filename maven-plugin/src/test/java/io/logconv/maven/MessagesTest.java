package io.logconv.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private static final Path BASE = Path.of("/work/service");

  @Test
  void aFindingIsAClickableAbsoluteFileLineColumn() {
    Finding f = new Finding("LC001", Severity.ERROR, "src/main/java/A.java", 12, 5, "reserved");
    Finding noColumn = new Finding("LC013", Severity.ERROR, "src/main/resources/logback.xml", 3, 0, "file");
    Finding outside = new Finding("LV003", Severity.ERROR, "/logs/app.log", 2, 0, "pod_name");

    assertThat(Messages.line(BASE, f)).isEqualTo("/work/service/src/main/java/A.java:12:5: LC001 reserved");
    assertThat(Messages.line(BASE, noColumn))
        .isEqualTo("/work/service/src/main/resources/logback.xml:3: LC013 file");
    assertThat(Messages.line(BASE, outside)).isEqualTo("/logs/app.log:2: LV003 pod_name");
  }

  @Test
  void countsBySeverityAndRule() {
    List<Finding> fs = List.of(
        new Finding("LC008", Severity.WARNING, "A.java", 1, 1, "m"),
        new Finding("LC001", Severity.ERROR, "A.java", 2, 1, "m"),
        new Finding("LC008", Severity.WARNING, "A.java", 3, 1, "m"));

    assertThat(Messages.counts(fs)).isEqualTo("3 findings (1 error, 2 warnings, 0 notes)");
    assertThat(Messages.ruleCounts(fs)).isEqualTo("LC001 x1, LC008 x2");
  }

  @Test
  void theFailureSaysHowManyOfWhichRulesAndHowToSuppressOrBaseline() {
    List<Finding> fs = List.of(
        new Finding("LC008", Severity.WARNING, "A.java", 1, 1, "m"),
        new Finding("LC001", Severity.ERROR, "A.java", 2, 1, "m"));

    String m = Messages.failure(fs, Severity.WARNING, "logconv-baseline.txt", "target/logconv/*.log",
        "target/logconv.sarif");

    assertThat(m)
        .startsWith("logconv: 2 findings at or above warning: LC001 x1, LC008 x1. Fix them")
        .contains("@SuppressWarnings(\"logconv:LC001\")")
        .contains("'mvn logconv:baseline' (writes logconv-baseline.txt)")
        .contains("-Dlogconv.failOnSeverity=error")
        .doesNotContain("Log-file findings")
        .endsWith("Details: target/logconv.sarif");
  }

  @Test
  void logFileFindingsAreFixedNotSuppressed() {
    List<Finding> fs = List.of(new Finding("LV003", Severity.ERROR, "target/logconv/a.log", 2, 0, "m"));

    String m = Messages.failure(fs, Severity.ERROR, "logconv-baseline.txt", "target/logconv/*.log", null);

    assertThat(m)
        .startsWith("logconv: 1 finding at or above error: LV003 x1. Fix it.")
        .contains("Log-file findings (LV...) are lines in target/logconv/*.log")
        .contains("-Dlogconv.rules=LV003=note")
        .doesNotContain("@SuppressWarnings")
        .doesNotContain("failOnSeverity")
        .doesNotContain("Details");
  }
}
