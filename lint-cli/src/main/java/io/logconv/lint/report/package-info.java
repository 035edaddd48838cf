/**
 * Reporters shared by the source linter and the log-file validator: text ({@code file:line:
 * <rule-id> <message>}), JSON and SARIF 2.1.0. Both tools describe their rules with {@link
 * io.logconv.lint.RuleDescriptor} and their results with {@link io.logconv.lint.Finding}; a
 * {@link io.logconv.lint.report.Reporter} streams findings through a {@link
 * io.logconv.lint.report.ReportWriter} and closes with a {@link io.logconv.lint.report.Summary}
 * (counted by {@link io.logconv.lint.report.SummaryCounter}), or writes a whole {@link
 * io.logconv.lint.report.Report} held in memory. The finding formats live here and nowhere else.
 */
package io.logconv.lint.report;
