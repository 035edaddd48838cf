/**
 * The source lint rules, one small class each, with their metadata in {@link
 * io.logconv.lint.source.RuleInfo} and registered in {@code
 * META-INF/services/io.logconv.lint.source.LintRule}. A rule says what it reports, not how files
 * are found, parsed, suppressed or cached. Contract facts (reserved keys, the key pattern, the
 * {@code action} values) come from {@code io.logconv.schema}; which keys and names hold secrets or
 * personal data, what the SDK hides at run time and the detectors for literals from sdk-core's
 * {@code KeyRules} and {@code SecretRedactor} (through {@code SdkRedaction}).
 */
package io.logconv.lint.rules;
