package io.logconv.lint.report;

import io.logconv.lint.Finding;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a run as it goes, in constant memory, and turns the counts into a {@link Summary}. The
 * logger table is bounded: past {@value #MAX_LOGGERS} distinct loggers, new ones are counted under
 * {@code (other loggers)}. Not thread-safe: feed it from the thread that reports.
 *
 * <pre>{@code
 * SummaryCounter c = new SummaryCounter();
 * c.line(true); c.finding(f, "io.example.Reconciler", true);
 * Summary s = c.summary(10);
 * }</pre>
 */
public final class SummaryCounter {
  static final int MAX_LOGGERS = 10_000;
  static final String NO_LOGGER = "(no logger)";
  static final String OTHER = "(other loggers)";

  private int files;
  private long lines;
  private long conforming;
  private long findings;
  private long shown;
  private long crlf;
  private long unchecked;
  private final Map<String, Long> byRule = new TreeMap<>();
  private final Map<String, Long> byLogger = new HashMap<>();

  /** One more file read. */
  public void file() {
    files++;
  }

  /** One more line checked. */
  public void line(boolean isConforming) {
    lines++;
    if (isConforming) {
      conforming++;
    }
  }

  /** One more line that ended in CR LF. */
  public void crlfLine() {
    crlf++;
  }

  /** One more line too long to check. */
  public void uncheckedLine() {
    unchecked++;
  }

  /** Lines counted so far. */
  public long lines() {
    return lines;
  }

  /** One more finding, on a line logged by {@code logger} (null if none); shown or hidden. */
  public void finding(Finding f, String logger, boolean wasShown) {
    findings++;
    if (wasShown) {
      shown++;
    }
    byRule.merge(f.ruleId(), 1L, Long::sum);
    String key = logger == null ? NO_LOGGER : logger;
    if (byLogger.size() >= MAX_LOGGERS && !byLogger.containsKey(key)) {
      key = OTHER;
    }
    byLogger.merge(key, 1L, Long::sum);
  }

  /** Total findings counted so far. */
  public long findings() {
    return findings;
  }

  /** The summary, with the {@code topN} loggers with the most findings. */
  public Summary summary(int topN) {
    List<Summary.Top> top =
        byLogger.entrySet().stream()
            .sorted(
                Comparator.comparing(Map.Entry<String, Long>::getValue)
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .limit(topN)
            .map(e -> new Summary.Top(e.getKey(), e.getValue()))
            .toList();
    return new Summary(
        files, lines, conforming, findings, shown, new TreeMap<>(byRule), top, Summary.LINE, crlf,
        unchecked);
  }
}
