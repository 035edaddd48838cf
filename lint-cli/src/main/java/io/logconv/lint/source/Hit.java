package io.logconv.lint.source;

import io.logconv.lint.Severity;

/** A finding inside one file, before the file name and the baseline are applied. */
record Hit(String ruleId, Severity severity, int line, int column, String message) {}
