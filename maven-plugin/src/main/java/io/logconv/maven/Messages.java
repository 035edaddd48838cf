package io.logconv.maven;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The text the plugin writes to the Maven log: one line per finding that IDEs and terminals turn
 * into a link ({@code /abs/path/Foo.java:12:5: LC001 message}), the per-module summary, and the
 * build-failure message that says which rules failed and how to suppress or baseline them.
 *
 * <pre>{@code
 * log.warn(Messages.line(basedir, finding));
 * throw new MojoFailureException(Messages.failure(failing, Severity.WARNING, baselinePath, sarif));
 * }</pre>
 */
final class Messages {
  private Messages() {}

  /**
   * {@code file:line:col: <rule-id> <message>}, the file absolute so that a click opens it; the
   * column is left out when the rule does not know it.
   */
  static String line(Path basedir, Finding f) {
    String file = basedir.resolve(f.file()).normalize().toString();
    StringBuilder sb = new StringBuilder(file);
    if (f.line() > 0) {
      sb.append(':').append(f.line());
      if (f.column() > 0) {
        sb.append(':').append(f.column());
      }
    }
    return sb.append(": ").append(f.ruleId()).append(' ').append(f.message()).toString();
  }

  /** Rule id to number of findings, in id order. */
  static Map<String, Long> byRule(List<Finding> findings) {
    return findings.stream()
        .collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
  }

  /** {@code LC001 x1, LC008 x2}. */
  static String ruleCounts(List<Finding> findings) {
    return byRule(findings).entrySet().stream()
        .map(e -> e.getKey() + " x" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** Counts per severity: {@code 3 findings (2 errors, 1 warning, 0 notes)}. */
  static String counts(List<Finding> findings) {
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    long notes = findings.size() - errors - warnings;
    return plural(findings.size(), "finding") + " (" + plural(errors, "error") + ", "
        + plural(warnings, "warning") + ", " + plural(notes, "note") + ")";
  }

  /**
   * The failure message for the findings that reached the threshold: how many, of which rules,
   * and what to do about them. Source findings ({@code LC...}) can be suppressed or baselined;
   * log-file findings ({@code LV...}) are fixed where the logging is.
   */
  static String failure(
      List<Finding> failing, Severity threshold, String baselineFile, String logFilesHint,
      String sarifFile) {
    StringBuilder sb = new StringBuilder();
    sb.append("logconv: ").append(plural(failing.size(), "finding"))
        .append(" at or above ").append(name(threshold)).append(": ")
        .append(ruleCounts(failing)).append('.');
    String firstSource = failing.stream().map(Finding::ruleId).filter(id -> id.startsWith("LC"))
        .sorted().findFirst().orElse(null);
    boolean logFindings = failing.stream().anyMatch(f -> f.ruleId().startsWith("LV"));
    sb.append(failing.size() == 1 ? " Fix it" : " Fix them");
    if (firstSource != null) {
      sb.append(", or silence one on purpose with @SuppressWarnings(\"logconv:")
          .append(firstSource).append("\") on the enclosing declaration, or accept all current"
              + " source findings with 'mvn logconv:baseline' (writes ")
          .append(baselineFile).append(')');
    }
    sb.append('.');
    if (logFindings) {
      sb.append(" Log-file findings (LV...) are lines in ").append(logFilesHint)
          .append(" that break the contract: fix the logging call that wrote them.");
    }
    sb.append(" To change what fails: re-grade or switch off rules with <rules> (e.g."
        + " -Dlogconv.rules=").append(failing.get(0).ruleId()).append("=note)");
    if (threshold != Severity.ERROR) {
      sb.append(" or fail only on errors with -Dlogconv.failOnSeverity=error");
    }
    sb.append('.');
    if (sarifFile != null) {
      sb.append(" Details: ").append(sarifFile);
    }
    return sb.toString();
  }

  static String name(Severity s) {
    return s.name().toLowerCase(java.util.Locale.ROOT);
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
