package io.logconv.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.logconv.lint.Finding;
import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

/** LC013 and LC014 over Log4j2 (XML, properties, YAML, JSON) and Log4j 1 configurations. */
class Log4jRulesTest {
  private static LintTestHelper both() {
    return LintTestHelper.forRules(new LogbackFileAppenderRule(), new LogbackConsoleEncoderRule());
  }

  @Test
  void log4j2XmlFileAppendersAreReportedAtTheLineTheirTagStartsOn() {
    both().addSource("log4j2.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <Configuration status="WARN" monitorInterval="30">
          <Properties>
            <Property name="logDir">${sys:app.logs.dir:-/var/log/app}</Property>
          </Properties>
          <Appenders>
            <Console name="STDOUT" target="SYSTEM_OUT">
              <!-- BUG: Diagnostic contains: Log4j2 console appender 'STDOUT' uses PatternLayout instead of ConventionsLayout -->
              <PatternLayout pattern="[%d] %p %m (%c)%n"/>
            </Console>
            <!-- BUG: Diagnostic contains: Log4j2 appender 'ServerAppender' (RollingFile) writes logs to a file -->
            <RollingFile name="ServerAppender"
                         fileName="${logDir}/server.log"
                         filePattern="${logDir}/server.log.%d{yyyy-MM-dd-HH}">
              <PatternLayout pattern="[%d] %p %m (%c)%n"/>
              <TimeBasedTriggeringPolicy/>
            </RollingFile>
            <!-- BUG: Diagnostic contains: appender 'audit' (File) -->
            <Appender type="File" name="audit" fileName="audit.log">
              <Layout type="PatternLayout" pattern="%m%n"/>
            </Appender>
            <!-- BUG: Diagnostic contains: appender 'fast' (RollingRandomAccessFile) -->
            <RollingRandomAccessFile name="fast" fileName="a.log" filePattern="a.%i.log"/>
            <!-- BUG: Diagnostic contains: appender 'raf' (RandomAccessFile) -->
            <RandomAccessFile name="raf" fileName="b.log"/>
            <!-- BUG: Diagnostic contains: appender 'mmap' (MemoryMappedFile) -->
            <MemoryMappedFile name="mmap" fileName="c.log"/>
            <Routing name="routing">
              <Routes pattern="$${ctx:tenant}">
                <Route>
                  <!-- BUG: Diagnostic contains: appender 'tenant-${ctx:tenant}' (RollingFile) -->
                  <RollingFile name="tenant-${ctx:tenant}" fileName="${ctx:tenant}.log"
                               filePattern="${ctx:tenant}.%i.log"/>
                </Route>
              </Routes>
            </Routing>
            <Console name="JSON">
              <!-- BUG: Diagnostic contains: uses JsonTemplateLayout (template classpath:EcsLayout.json) instead of ConventionsLayout -->
              <JsonTemplateLayout eventTemplateUri="classpath:EcsLayout.json"/>
            </Console>
            <!-- BUG: Diagnostic contains: console appender 'BARE' has no layout -->
            <Console name="BARE"/>
            <Console name="GOOD" target="SYSTEM_OUT">
              <ConventionsLayout redaction="true"/>
            </Console>
            <Async name="ASYNC"><AppenderRef ref="GOOD"/></Async>
          </Appenders>
          <Loggers>
            <Root level="info"><AppenderRef ref="GOOD"/></Root>
          </Loggers>
        </Configuration>
        """).doTest();
  }

  @Test
  void log4j2PropertiesInTheShapeOperatorsShip() {
    both().addSource("log4j2.properties", """
        name = OperatorConfig

        # BUG: Diagnostic contains: Log4j2 console appender 'STDOUT' has no layout
        appender.console.type = Console
        appender.console.name = STDOUT

        # BUG: Diagnostic contains: appender 'ROLL' (RollingFile)
        appender.rolling.type = RollingFile
        appender.rolling.name = ROLL
        appender.rolling.fileName = /var/log/op.log
        appender.rolling.filePattern = /var/log/op.%i.log
        # BUG: Diagnostic contains: console appender 'json' uses JsonTemplateLayout
        appender.json.layout.type = JsonTemplateLayout
        appender.json.layout.eventTemplateUri = classpath:GelfLayout.json
        appender.json.type = Console
        appender.good.type : Console
        appender.good.name = GOOD
        appender.good.layout.type = ConventionsLayout

        rootLogger.level = ${env:LOG_LEVEL:-INFO}
        rootLogger.appenderRef.console.ref = STDOUT
        """).doTest();
  }

  @Test
  void log4j2PropertiesWithALayoutOnTheConsole() {
    both().addSource("log4j2-test.properties", """
        appender.console.type = Console
        appender.console.name = STDOUT
        # BUG: Diagnostic contains: console appender 'STDOUT' uses PatternLayout
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = %d{yyyy-MM-dd HH:mm:ss} %-5p %c{1}:%L - %m%n
        """).doTest();
  }

  @Test
  void log4j2Yaml() {
    both().addSource("log4j2.yaml", """
        Configuration:
          status: warn
          Appenders:
            Console:
              name: STDOUT
              target: SYSTEM_OUT
              # BUG: Diagnostic contains: console appender 'STDOUT' uses PatternLayout
              PatternLayout:
                Pattern: "%d %p %c{1.} [%t] %m%n"
            RollingFile:
              # BUG: Diagnostic contains: appender 'roll1' (RollingFile)
              - name: roll1
                fileName: logs/app.log
                filePattern: "logs/app.%i.log.gz"
              # BUG: Diagnostic contains: appender 'roll2' (RollingFile)
              - name: roll2
                fileName: logs/other.log
            # BUG: Diagnostic contains: appender 'plain' (File)
            File:
              name: plain
              fileName: logs/plain.log
          Loggers:
            Root:
              level: info
              AppenderRef:
                ref: STDOUT
        """).doTest();
  }

  @Test
  void log4j2JsonFindingsPointAtTheAppenders() {
    String json = """
        {
          "configuration": {
            "status": "warn",
            "appenders": {
              "Console": {
                "name": "STDOUT",
                "ConventionsLayout": {}
              },
              "RollingFile": {
                "name": "ROLL",
                "fileName": "app.log",
                "PatternLayout": { "pattern": "%m%n" }
              },
              "appender": [
                { "type": "Console", "name": "RAW", "PatternLayout": { "pattern": "%m%n" } }
              ]
            },
            "loggers": { "root": { "level": "info", "AppenderRef": { "ref": "STDOUT" } } }
          }
        }
        """;
    assertThat(both().addSource("log4j2.json", json).findings())
        .extracting(Finding::ruleId, Finding::line)
        .containsExactly(tuple("LC013", 9), tuple("LC014", 15));
  }

  @Test
  void log4j1PropertiesInTheShapeKafkaAndZooKeeperShip() {
    both().addSource("log4j.properties", """
        log4j.rootLogger=INFO, stdout, kafkaAppender

        # BUG: Diagnostic contains: Log4j 1 console appender 'stdout' uses org.apache.log4j.PatternLayout; Log4j 1 has no logconv layout
        log4j.appender.stdout=org.apache.log4j.ConsoleAppender
        log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
        log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n

        # BUG: Diagnostic contains: Log4j 1 appender 'kafkaAppender' (DailyRollingFileAppender)
        log4j.appender.kafkaAppender=org.apache.log4j.DailyRollingFileAppender
        log4j.appender.kafkaAppender.DatePattern='.'yyyy-MM-dd-HH
        log4j.appender.kafkaAppender.File=${kafka.logs.dir}/server.log
        # BUG: Diagnostic contains: appender 'ROLLINGFILE' (RollingFileAppender)
        log4j.appender.ROLLINGFILE = \\
            org.apache.log4j.RollingFileAppender
        ! BUG markers only in '#' comments; this '!' line is a comment too
        # BUG: Diagnostic contains: appender 'TRACEFILE' (FileAppender)
        log4j.appender.TRACEFILE:org.apache.log4j.FileAppender
        log4j.logger.kafka=INFO
        """).doTest();
  }

  @Test
  void log4j1XmlWithItsDoctype() {
    both().addSource("log4j.xml", """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE log4j:configuration SYSTEM "log4j.dtd">
        <log4j:configuration xmlns:log4j="http://jakarta.apache.org/log4j/">
          <!-- BUG: Diagnostic contains: Log4j 1 console appender 'console' uses org.apache.log4j.PatternLayout -->
          <appender name="console" class="org.apache.log4j.ConsoleAppender">
            <layout class="org.apache.log4j.PatternLayout">
              <param name="ConversionPattern" value="%d %-5p %c - %m%n"/>
            </layout>
          </appender>
          <!-- BUG: Diagnostic contains: Log4j 1 appender 'file' (RollingFileAppender) -->
          <appender name="file"
                    class="org.apache.log4j.RollingFileAppender">
            <param name="File" value="app.log"/>
          </appender>
          <root><priority value="info"/><appender-ref ref="console"/></root>
        </log4j:configuration>
        """).doTest();
  }

  @Test
  void aLogbackAppenderWhoseStartTagSpansLinesIsReportedWhereItStarts() {
    both().addSource("logback.xml", """
        <configuration>
          <!-- BUG: Diagnostic contains: appender 'FILE' (FileAppender) -->
          <appender name="FILE"
                    class="ch.qos.logback.core.FileAppender">
            <file>app.log</file>
          </appender>
        </configuration>
        """).doTest();
  }
}
