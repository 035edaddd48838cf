package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class LogbackRulesTest {
  @Test
  void flagsFileAppenders() {
    LintTestHelper.forRule(new LogbackFileAppenderRule()).addSource("logback.xml", """
        <configuration>
          <!-- BUG: Diagnostic contains: appender 'FILE' (RollingFileAppender) writes logs to a file -->
          <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">
            <file>/var/log/app.log</file>
          </appender>
          <!-- BUG: Diagnostic contains: appender 'PLAIN' (FileAppender) -->
          <appender name="PLAIN" class="ch.qos.logback.core.FileAppender"/>
          <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder class="io.logconv.logback.ConventionsEncoder"/>
          </appender>
          <!-- BUG: Diagnostic contains: file-appender.xml -->
          <include resource="org/springframework/boot/logging/logback/file-appender.xml"/>
          <property name="LOG_FILE" value="app.log"/>
        </configuration>
        """).doTest();
  }

  @Test
  void flagsConsoleAppendersWithoutTheConventionsEncoder() {
    LintTestHelper.forRule(new LogbackConsoleEncoderRule()).addSource("logback-spring.xml", """
        <configuration>
          <appender name="PATTERN" class="ch.qos.logback.core.ConsoleAppender">
            <!-- BUG: Diagnostic contains: console appender 'PATTERN' uses the default pattern encoder -->
            <encoder>
              <pattern>%d %-5level %logger - %msg%n</pattern>
            </encoder>
          </appender>
          <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
            <!-- BUG: Diagnostic contains: uses net.logstash.logback.encoder.LogstashEncoder -->
            <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
          </appender>
          <!-- BUG: Diagnostic contains: console appender 'BARE' has no -->
          <appender name="BARE" class="ch.qos.logback.core.ConsoleAppender"/>
          <appender name="GOOD" class="ch.qos.logback.core.ConsoleAppender">
            <encoder class="io.logconv.logback.ConventionsEncoder"/>
          </appender>
          <springProfile name="dev">
            <!-- BUG: Diagnostic contains: console-appender.xml -->
            <include resource="org/springframework/boot/logging/logback/console-appender.xml"/>
          </springProfile>
          <appender name="ASYNC" class="ch.qos.logback.classic.AsyncAppender">
            <appender-ref ref="GOOD"/>
          </appender>
        </configuration>
        """).doTest();
  }
}
