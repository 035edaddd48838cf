package io.logconv.lint.rules;

import io.logconv.lint.Severity;
import io.logconv.lint.source.ConfigContext;
import io.logconv.lint.source.Log4jConfig;
import io.logconv.lint.source.LogbackConfig;
import io.logconv.lint.source.LogbackRule;
import io.logconv.lint.source.RuleInfo;
import java.util.Set;
import org.w3c.dom.Element;

/** LC013: a logging configuration writing to a file inside the container. */
@RuleInfo(
    id = "LC013",
    name = "file-appender",
    severity = Severity.ERROR,
    summary = "File appender in a logging configuration (Logback, Log4j2, Log4j 1)",
    rationale =
        "In a container only stdout and stderr are collected. A file appender writes lines"
            + " nobody ships, into the container's writable layer, until the pod is gone. Reported:"
            + " Logback's `FileAppender` and `RollingFileAppender` (and Spring Boot's included"
            + " `file-appender.xml`); Log4j2's `File`, `RollingFile`, `RollingRandomAccessFile`,"
            + " `RandomAccessFile` and `MemoryMappedFile` in any configuration syntax; Log4j 1's"
            + " `FileAppender`, `RollingFileAppender` and `DailyRollingFileAppender`. Off in test"
            + " sources (the test profile): a test's configuration never ships.",
    bad = """
        <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">
          <file>/var/log/app.log</file>
        </appender>
        """,
    good = """
        <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder class="io.logconv.logback.ConventionsEncoder"/>
        </appender>
        """)
public final class LogbackFileAppenderRule extends LogbackRule {
  private static final Set<String> FILE_APPENDERS =
      Set.of("ch.qos.logback.core.FileAppender", "ch.qos.logback.core.rolling.RollingFileAppender");
  private static final String SPRING_FILE_APPENDER = "logback/file-appender.xml";

  @Override
  protected void check(LogbackConfig config, ConfigContext ctx) {
    for (Element appender : config.elements("appender")) {
      String type = appender.getAttribute("class").strip();
      if (FILE_APPENDERS.contains(type)) {
        ctx.report(config.lineOf(appender), "appender '" + appender.getAttribute("name") + "' ("
            + type.substring(type.lastIndexOf('.') + 1)
            + ") writes logs to a file inside the container; log to the console");
      }
    }
    for (Element include : config.elements("include")) {
      if (include.getAttribute("resource").endsWith(SPRING_FILE_APPENDER)) {
        ctx.report(config.lineOf(include), "included " + include.getAttribute("resource")
            + " defines a file appender; log to the console");
      }
    }
  }

  @Override
  protected void check(Log4jConfig config, ConfigContext ctx) {
    for (Log4jConfig.Appender a : config.appenders()) {
      if (a.isFile()) {
        ctx.report(a.line(), config.dialect().label() + " appender '" + a.name() + "' ("
            + a.simpleType() + ") writes logs to a file inside the container; log to the console");
      }
    }
  }
}
