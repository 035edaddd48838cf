package io.logconv.lint.source;

import io.logconv.lint.RuleDescriptor;

/**
 * A source rule, the type the engine finds through {@link java.util.ServiceLoader}. Rules do not
 * implement it directly: they extend {@link JavaRule} (Java sources) or {@link LogbackRule}
 * ({@code logback.xml}), and declare their metadata with {@link RuleInfo}. A new rule is one class
 * plus one line in {@code META-INF/services/io.logconv.lint.source.LintRule}.
 *
 * <pre>{@code
 * for (LintRule rule : ServiceLoader.load(LintRule.class)) {
 *   System.out.println(rule.descriptor().id());
 * }
 * }</pre>
 */
public interface LintRule {
  /** The rule's metadata, read from its {@link RuleInfo}. */
  RuleDescriptor descriptor();

  /** Builds the descriptor from the {@link RuleInfo} on {@code type}. */
  static RuleDescriptor describe(Class<?> type) {
    RuleInfo info = type.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(type.getName() + " has no @RuleInfo");
    }
    return new RuleDescriptor(
        info.id(),
        info.name(),
        info.severity(),
        info.summary(),
        info.rationale(),
        info.bad(),
        info.good(),
        info.fix());
  }
}
