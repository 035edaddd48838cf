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
 * @param topLoggers the loggers with the most findings, most first
 */
public record Summary(
    int files,
    long linesRead,
    long conformingLines,
    long findings,
    long findingsShown,
    Map<String, Long> findingsByRule,
    List<Top> topLoggers) {
  /** A logger and its number of findings. */
  public record Top(String logger, long findings) {}

  /** Share of conforming lines in percent; 100 when nothing was read. */
  public double conformingPercent() {
    return linesRead == 0 ? 100.0 : conformingLines * 100.0 / linesRead;
  }
}
