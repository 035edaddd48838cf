package io.logconv.lint;

/**
 * What a rule (a source-lint rule {@code LCnnn} or a log-file check {@code LVnnn}) is: its stable
 * id, short name, default severity, one-line summary, rationale, a bad and a good example, and
 * what its automatic fix does ({@code ""} when it has none). The reporters derive SARIF rule
 * entries and docs from it, so they cannot drift from the rule.
 *
 * <pre>{@code
 * new RuleDescriptor("LC001", "reserved-key", Severity.ERROR,
 *     "Collector-reserved key written by the application", "...", "log.atInfo()...", "...");
 * }</pre>
 */
public record RuleDescriptor(
    String id,
    String name,
    Severity defaultSeverity,
    String summary,
    String rationale,
    String badExample,
    String goodExample,
    String fix) {
  /** A rule without an automatic fix. */
  public RuleDescriptor(
      String id,
      String name,
      Severity defaultSeverity,
      String summary,
      String rationale,
      String badExample,
      String goodExample) {
    this(id, name, defaultSeverity, summary, rationale, badExample, goodExample, "");
  }

  /** True if findings of this rule may carry a fix ({@code logconv lint --fix} applies it). */
  public boolean hasFix() {
    return !fix.isEmpty();
  }
}
