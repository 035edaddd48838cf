package io.logconv.lint.report;

import java.util.List;
import java.util.Map;

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
 */
public record Summary(
    int files,
    long linesRead,
    long conformingLines,
    long findings,
    long findingsShown,
    Map<String, Long> findingsByRule,
    List<Top> topLoggers,
    String unit) {
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
    this(files, linesRead, conformingLines, findings, findingsShown, findingsByRule, topLoggers, LINE);
  }

  /** A logger (or file) and its number of findings. */
  public record Top(String logger, long findings) {}

  /** Share of conforming lines in percent; 100 when nothing was read. */
  public double conformingPercent() {
    return linesRead == 0 ? 100.0 : conformingLines * 100.0 / linesRead;
  }
}
