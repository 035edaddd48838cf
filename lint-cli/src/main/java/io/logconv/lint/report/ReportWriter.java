package io.logconv.lint.report;

import io.logconv.lint.Finding;
import java.io.IOException;

/**
 * A report being written: findings one at a time, in the order they should appear, then the
 * summary, which closes the document. Holds no findings in memory.
 *
 * <pre>{@code
 * ReportWriter w = Reporter.json().start(out, tool, rules);
 * w.finding(f);
 * w.finish(summary);
 * }</pre>
 */
public interface ReportWriter {
  /** Writes one finding. */
  void finding(Finding finding) throws IOException;

  /** Writes the summary and ends the document; flushes {@code out} if it is {@link java.io.Flushable}. */
  void finish(Summary summary) throws IOException;
}
