package io.logconv.lint.source;

import io.logconv.lint.RuleDescriptor;

/**
 * Base class of a rule over a logging configuration file: Logback ({@code logback.xml}, {@code
 * logback-spring.xml}) or Log4j ({@code log4j2.xml}, {@code log4j2.properties}, {@code
 * log4j2.yaml}, {@code log4j2.json}, {@code log4j.properties}, {@code log4j.xml}). The engine
 * parses the file once (securely: no external DTDs, no external entities) and hands a Logback
 * configuration to {@link #check(LogbackConfig, ConfigContext)} and a Log4j one to {@link
 * #check(Log4jConfig, ConfigContext)}, which does nothing unless the rule overrides it.
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

  /** Looks at one Log4j2 or Log4j 1 configuration; by default reports nothing. */
  protected void check(Log4jConfig config, ConfigContext ctx) {}

  final void dispatch(LogbackConfig config, ConfigContext ctx) {
    ctx.enter(this);
    check(config, ctx);
  }

  final void dispatch(Log4jConfig config, ConfigContext ctx) {
    ctx.enter(this);
    check(config, ctx);
  }
}
