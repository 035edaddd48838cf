package io.logconv.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.rules.LogbackConsoleEncoderRule;
import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class LogbackFixesTest {
  private static final String BEFORE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <configuration>
        <!-- the console, for kubectl logs -->
        <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder class="ch.qos.logback.classic.encoder.PatternLayoutEncoder">
            <!-- keep it short -->
            <pattern>%d %-5level %logger - %msg%n</pattern>
          </encoder>
        </appender>
        <appender name="PLAIN" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%msg%n</pattern></encoder>
        </appender>
        <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
          <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
        </appender>
        <root level="INFO"><appender-ref ref="STDOUT"/></root>
      </configuration>
      """;

  private static final String AFTER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <configuration>
        <!-- the console, for kubectl logs -->
        <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder class="io.logconv.logback.ConventionsEncoder">
            <!-- keep it short -->
          </encoder>
        </appender>
        <appender name="PLAIN" class="ch.qos.logback.core.ConsoleAppender">
          <encoder class="io.logconv.logback.ConventionsEncoder"/>
        </appender>
        <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
          <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
        </appender>
        <root level="INFO"><appender-ref ref="STDOUT"/></root>
      </configuration>
      """;

  @Test
  void patternEncodersBecomeTheConventionsEncoderKeepingComments() {
    FixCheck check = FixCheck.of(new LogbackConsoleEncoderRule());
    assertThat(check.findings("logback.xml", BEFORE)).hasSize(3)
        .filteredOn(f -> f.fix() != null).hasSize(2);
    assertThat(check.fix("logback.xml", BEFORE)).isEqualTo(AFTER);
    // what is left is the other JSON encoder, which has no fix
    assertThat(check.findings("logback.xml", AFTER)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("LogstashEncoder"));
  }

  @Test
  void fixedFileStillLintsAsXml() {
    LintTestHelper.forRule(new LogbackConsoleEncoderRule()).addSource("logback.xml", AFTER
        .replace("    <encoder class=\"net.logstash",
            "    <!-- BUG: Diagnostic contains: LogstashEncoder -->\n    <encoder class=\"net.logstash"))
        .doTest();
  }
}
