package io.logconv.lint.report;

import io.logconv.lint.Finding;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run checked and found, counted over everything even when {@code --max-findings} hid some
 * findings: lines (or, for the source linter, files) read, how many conform, findings per rule id,
 * and the loggers (or classes) with the most findings.
 *
 * <pre>{@code
 * Summary s = new Summary(1, 10, 9, 1, 1, Map.of("LV003", 1L), List.of(new Summary.Top("app", 1)));
 * s.conformingPercent(); // 90.0
 * }</pre>
 *
 * @param files files read
 * @param linesRead lines (units) checked
 * @param conformingLines lines without any finding
 * @param findings all findings, shown or not
 * @param findingsShown findings written to the report
 * @param findingsByRule rule id to number of findings, in id order
 * @param topLoggers the loggers (for the source linter: files) with the most findings, most first
 * @param unit what {@code linesRead} counts: {@code "line"} (log files) or {@code "file"} (source)
 * @param crlfLines lines that ended in CR LF (accepted; counted so that a converted file shows)
 * @param uncheckedLines lines too long to hold in memory: reported, their content not checked
 * @param skippedBuildOutput source files not linted because they sit in a module's build output
 *     ({@code target/}, {@code build/} beside a build file); 0 for log lines
 * @param excluded source files not linted because an exclude pattern matched; 0 for log lines
 */
public record Summary(
    int files,
    long linesRead,
    long conformingLines,
    long findings,
    long findingsShown,
    Map<String, Long> findingsByRule,
    List<Top> topLoggers,
    String unit,
    long crlfLines,
    long uncheckedLines,
    long skippedBuildOutput,
    long excluded) {
  /** Units of log lines: a log-file validation run. */
  public static final String LINE = "line";

  /** Units of source files: a source-lint run. */
  public static final String FILE = "file";

  /** A summary of log lines. */
  public Summary(
      int files,
      long linesRead,
      long conformingLines,
      long findings,
      long findingsShown,
      Map<String, Long> findingsByRule,
      List<Top> topLoggers) {
    this(files, linesRead, conformingLines, findings, findingsShown, findingsByRule, topLoggers, LINE, 0, 0);
  }

  /** A summary counted in {@code unit} with line-ending and line-length notes, nothing skipped. */
  public Summary(
      int files,
      long linesRead,
      long conformingLines,
      long findings,
      long findingsShown,
      Map<String, Long> findingsByRule,
      List<Top> topLoggers,
      String unit,
      long crlfLines,
      long uncheckedLines) {
    this(files, linesRead, conformingLines, findings, findingsShown, findingsByRule, topLoggers,
        unit, crlfLines, uncheckedLines, 0, 0);
  }

  /** A summary counted in {@code unit}, without line-ending or line-length notes. */
  public Summary(
      int files,
      long linesRead,
      long conformingLines,
      long findings,
      long findingsShown,
      Map<String, Long> findingsByRule,
      List<Top> topLoggers,
      String unit) {
    this(files, linesRead, conformingLines, findings, findingsShown, findingsByRule, topLoggers, unit, 0, 0);
  }

  /**
   * The summary of a source-lint run: counted in files, conforming files are those without a
   * finding, and the ten files with the most findings are listed.
   */
  public static Summary ofSourceFiles(int files, List<Finding> findings) {
    return ofSourceFiles(files, findings, 0, 0);
  }

  /**
   * The summary of a source-lint run that also says how many files were left out: {@code
   * skippedBuildOutput} in build output directories, {@code excluded} by an exclude pattern.
   */
  public static Summary ofSourceFiles(
      int files, List<Finding> findings, long skippedBuildOutput, long excluded) {
    Map<String, Long> byRule = new TreeMap<>();
    Map<String, Long> byFile = new HashMap<>();
    for (Finding f : findings) {
      byRule.merge(f.ruleId(), 1L, Long::sum);
      byFile.merge(f.file(), 1L, Long::sum);
    }
    List<Top> top =
        byFile.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(10)
            .map(e -> new Top(e.getKey(), e.getValue()))
            .toList();
    long n = findings.size();
    return new Summary(files, files, Math.max(0, files - byFile.size()), n, n, byRule, top, FILE,
        0, 0, skippedBuildOutput, excluded);
  }

  /** A logger (or file) and its number of findings. */
  public record Top(String logger, long findings) {}

  /** Share of conforming lines in percent; 100 when nothing was read. */
  public double conformingPercent() {
    return linesRead == 0 ? 100.0 : conformingLines * 100.0 / linesRead;
  }
}
