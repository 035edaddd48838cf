package io.logconv.lint;

import io.logconv.lint.fix.Fix;

/**
 * One problem found by a source rule or a log-file check, at a place a user can click: {@code
 * file:line:column}. Lines and columns are 1-based; {@code column} is 0 when unknown. The message
 * never contains a secret found in the input. {@code fix} is the change the rule proposes, in the
 * same file, or null when it proposes none.
 *
 * <pre>{@code
 * new Finding("LV003", Severity.ERROR, "app.log", 12, 0, "collector-reserved key 'pod_name'");
 * }</pre>
 */
public record Finding(
    String ruleId, Severity severity, String file, int line, int column, String message, Fix fix) {
  /** A finding without a fix. */
  public Finding(
      String ruleId, Severity severity, String file, int line, int column, String message) {
    this(ruleId, severity, file, line, column, message, null);
  }
}
