package io.logconv.lint.source;

import io.logconv.lint.RuleDescriptor;

/**
 * Base class of a rule over a Logback configuration file ({@code logback.xml} or {@code
 * logback-spring.xml}). The engine parses the file once (securely: no DTDs, no external entities)
 * and hands the parsed {@link LogbackConfig} to every such rule.
 *
 * <pre>{@code
 * @RuleInfo(id = "LC013", ...)
 * public final class FileAppenderRule extends LogbackRule {
 *   @Override protected void check(LogbackConfig config, ConfigContext ctx) {
 *     for (Element a : config.appenders()) { ... ctx.report(config.lineOf(a), "..."); }
 *   }
 * }
 * }</pre>
 */
public abstract class LogbackRule implements LintRule {
  private final RuleDescriptor descriptor = LintRule.describe(getClass());

  @Override
  public final RuleDescriptor descriptor() {
    return descriptor;
  }

  /** Looks at one configuration file and reports through {@code ctx}. */
  protected abstract void check(LogbackConfig config, ConfigContext ctx);

  final void dispatch(LogbackConfig config, ConfigContext ctx) {
    ctx.enter(this);
    check(config, ctx);
  }
}
