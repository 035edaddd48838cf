package io.logconv.lint.rules;

import io.logconv.lint.Severity;
import io.logconv.lint.fix.LogbackFixes;
import io.logconv.lint.source.ConfigContext;
import io.logconv.lint.source.Log4jConfig;
import io.logconv.lint.source.LogbackConfig;
import io.logconv.lint.source.LogbackRule;
import io.logconv.lint.source.RuleInfo;
import java.util.List;
import org.w3c.dom.Element;

/** LC014: console output that is not the conventions encoder's or layout's JSON. */
@RuleInfo(
    id = "LC014",
    name = "console-layout",
    severity = Severity.WARNING,
    summary = "Console appender without the logconv encoder or layout (Logback, Log4j2, Log4j 1)",
    rationale =
        "What a service prints to stdout is what the collector ships. A console appender with a"
            + " pattern layout or another JSON format writes lines that do not follow the"
            + " conventions (field names, reserved keys, redaction). In Logback use"
            + " `io.logconv.logback.ConventionsEncoder` (Spring Boot's included"
            + " `console-appender.xml` is reported too); in Log4j2 use the `ConventionsLayout`"
            + " plugin of logconv-sdk-log4j2 (a `JsonTemplateLayout`, `JsonLayout` or"
            + " `PatternLayout` is reported). Log4j 1 has no logconv layout: each of its console"
            + " appenders is reported. Off in test sources (the test profile).",
    bad = """
        <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%d %-5level %logger - %msg%n</pattern></encoder>
        </appender>
        """,
    good = """
        <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder class="io.logconv.logback.ConventionsEncoder"/>
        </appender>
        """,
    fix = "Replaces a console appender's pattern encoder (no class, or PatternLayoutEncoder) with"
        + " `<encoder class=\"io.logconv.logback.ConventionsEncoder\"/>`, keeping comments inside"
        + " it; the application then needs logconv-sdk-logback at run time.")
public final class LogbackConsoleEncoderRule extends LogbackRule {
  static final String CONVENTIONS_ENCODER = "io.logconv.logback.ConventionsEncoder";
  /** The plugin name of logconv-sdk-log4j2's layout ({@code io.logconv.log4j2.ConventionsLayout}). */
  static final String CONVENTIONS_LAYOUT = "ConventionsLayout";
  private static final String CONSOLE_APPENDER = "ch.qos.logback.core.ConsoleAppender";
  private static final String SPRING_CONSOLE_APPENDER = "logback/console-appender.xml";

  @Override
  protected void check(LogbackConfig config, ConfigContext ctx) {
    List<Element> allEncoders = config.elements("encoder");
    for (Element appender : config.elements("appender")) {
      if (!appender.getAttribute("class").strip().equals(CONSOLE_APPENDER)) {
        continue;
      }
      String name = appender.getAttribute("name");
      List<Element> encoders = LogbackConfig.children(appender, "encoder");
      if (encoders.isEmpty()) {
        ctx.report(config.lineOf(appender), "console appender '" + name + "' has no "
            + CONVENTIONS_ENCODER + " encoder");
      }
      for (Element encoder : encoders) {
        String type = encoder.getAttribute("class").strip();
        if (!type.equals(CONVENTIONS_ENCODER)) {
          boolean pattern = type.isEmpty() || type.equals(LogbackFixes.PATTERN_ENCODER);
          ctx.report(config.lineOf(encoder), "console appender '" + name + "' uses "
              + (type.isEmpty() ? "the default pattern encoder" : type) + " instead of "
              + CONVENTIONS_ENCODER, !pattern ? null : LogbackFixes.conventionsEncoder(
                  ctx.text(), indexOf(allEncoders, encoder), CONVENTIONS_ENCODER).orElse(null));
        }
      }
    }
    for (Element include : config.elements("include")) {
      if (include.getAttribute("resource").endsWith(SPRING_CONSOLE_APPENDER)) {
        ctx.report(config.lineOf(include), "included " + include.getAttribute("resource")
            + " writes pattern-formatted console lines instead of " + CONVENTIONS_ENCODER);
      }
    }
  }

  @Override
  protected void check(Log4jConfig config, ConfigContext ctx) {
    for (Log4jConfig.Appender a : config.appenders()) {
      if (!a.isConsole()) {
        continue;
      }
      Log4jConfig.Layout layout = a.layout();
      if (config.dialect() == Log4jConfig.Dialect.LOG4J1) {
        ctx.report(a.line(), "Log4j 1 console appender '" + a.name() + "' uses "
            + (layout == null ? "no layout" : layout.type()) + "; Log4j 1 has no logconv layout:"
            + " move to Log4j2 with " + CONVENTIONS_LAYOUT + " or to Logback with "
            + CONVENTIONS_ENCODER);
      } else if (layout == null) {
        ctx.report(a.line(), "Log4j2 console appender '" + a.name() + "' has no layout (the"
            + " default is a pattern layout); use " + CONVENTIONS_LAYOUT);
      } else if (!layout.type().equalsIgnoreCase(CONVENTIONS_LAYOUT)) {
        ctx.report(layout.line(), "Log4j2 console appender '" + a.name() + "' uses "
            + (layout.type().isEmpty() ? "a layout without a type" : layout.type())
            + (layout.template().isEmpty() ? "" : " (template " + layout.template() + ")")
            + " instead of " + CONVENTIONS_LAYOUT);
      }
    }
  }

  private static int indexOf(List<Element> elements, Element e) {
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i).isSameNode(e)) {
        return i;
      }
    }
    return -1;
  }
}
