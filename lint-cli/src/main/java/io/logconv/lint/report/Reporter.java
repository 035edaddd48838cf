package io.logconv.lint.report;

import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns findings into one output format: {@link #text(boolean)} ({@code file:line: <rule-id>
 * <message>}), {@link #json()}, or {@link #sarif()} (SARIF 2.1.0 for GitHub code scanning). Shared
 * by the log-file validator and the source linter: both describe their rules with {@link
 * RuleDescriptor} and their results with {@link Finding}. A reporter streams: {@link #start} opens
 * a document, findings are written as they come, the summary closes it.
 *
 * <pre>{@code
 * ReportWriter w = Reporter.forName("sarif", false).start(out, tool, rules);
 * for (Finding f : findings) w.finding(f);
 * w.finish(summary);
 * // or, with everything in memory:
 * Reporter.text(false).write(new Report(tool, rules, findings, summary), out);
 * }</pre>
 */
public interface Reporter {
  /**
   * Opens a report on {@code out}.
   *
   * @param rules every rule the run may report, in the order they are listed
   */
  ReportWriter start(Appendable out, Tool tool, List<RuleDescriptor> rules) throws IOException;

  /** Writes a whole report held in memory. */
  default void write(Report report, Appendable out) throws IOException {
    ReportWriter w = start(out, report.tool(), report.rules());
    for (Finding f : report.findings()) {
      w.finding(f);
    }
    w.finish(report.summary());
  }

  /** {@code file:line: <rule-id> <message>} lines and a summary; ANSI colours if {@code colour}. */
  static Reporter text(boolean colour) {
    return new TextReporter(colour);
  }

  /** One JSON document: tool, rules, findings, summary. */
  static Reporter json() {
    return new JsonReporter();
  }

  /**
   * SARIF 2.1.0, one run, as GitHub code scanning accepts it, with locations relative to the
   * working directory ({@code %SRCROOT%}).
   */
  static Reporter sarif() {
    return sarif(Path.of(""));
  }

  /**
   * SARIF 2.1.0 with locations relative to {@code baseDirectory}, the run's {@code %SRCROOT%}
   * (relative file names in findings are taken as relative to it).
   */
  static Reporter sarif(Path baseDirectory) {
    return new SarifReporter(baseDirectory);
  }

  /** The reporter named {@code text}, {@code json} or {@code sarif}. */
  static Reporter forName(String name, boolean colour) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "text" -> text(colour);
      case "json" -> json();
      case "sarif" -> sarif();
      default -> throw new IllegalArgumentException(
          "unknown report format '" + name + "': use text, json or sarif");
    };
  }
}
