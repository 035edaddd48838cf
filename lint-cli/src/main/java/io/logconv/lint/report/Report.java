package io.logconv.lint.report;

import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import java.util.List;

/**
 * A whole report held in memory: the tool, the descriptors of every rule it ran (so SARIF can list
 * them and findings can point at them), the findings in order, and the summary. For small runs and
 * tests; large runs stream through {@link Reporter#start}.
 *
 * <pre>{@code
 * Report r = new Report(tool, ValidatorRules.ALL, findings, counter.summary(10));
 * Reporter.sarif().write(r, writer);
 * }</pre>
 */
public record Report(Tool tool, List<RuleDescriptor> rules, List<Finding> findings, Summary summary) {}
