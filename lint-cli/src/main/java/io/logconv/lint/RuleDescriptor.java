package io.logconv.lint;

/**
 * What a rule (a source-lint rule {@code LCnnn} or a log-file check {@code LVnnn}) is: its stable
 * id, short name, default severity, one-line summary, rationale and a bad and a good example. The
 * reporters derive SARIF rule entries and docs from it, so they cannot drift from the rule.
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
    String goodExample) {}
