package io.logconv.lint.source;

import io.logconv.lint.Severity;
import io.logconv.lint.fix.Fix;

/**
 * A finding inside one file, before the file name and the baseline are applied; {@code fix} is
 * null when the rule proposes none.
 */
record Hit(String ruleId, Severity severity, int line, int column, String message, Fix fix) {
  Hit(String ruleId, Severity severity, int line, int column, String message) {
    this(ruleId, severity, line, column, message, null);
  }
}
