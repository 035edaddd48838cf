package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which configuration files are found, and what becomes of files the linter does not understand. */
class LoggingConfigTest {
  @TempDir Path dir;

  private SourceLinter linter() {
    return SourceLinter.builder().baseDirectory(dir).build();
  }

  @Test
  void log4jConfigurationsAreFoundInEveryNamingAndOthersAreNot() throws Exception {
    Path res = Files.createDirectories(dir.resolve("src/main/resources"));
    String console = """
        appender.c.type = Console
        appender.c.name = OUT
        appender.c.layout.type = ConventionsLayout
        """;
    for (String name : List.of("log4j2.properties", "log4j2-test.properties", "log4j2.yml",
        "log4j2-test.yaml", "log4j2.json", "log4j2-test.jsn")) {
      Files.writeString(res.resolve(name), name.endsWith("properties") ? console
          : name.contains(".y") ? "Configuration:\n  status: warn\n" : "{\"Configuration\":{}}\n");
    }
    Files.writeString(res.resolve("log4j2.xml"), "<Configuration/>\n");
    Files.writeString(res.resolve("log4j2-spring.xml"), "<Configuration/>\n");
    Files.writeString(res.resolve("log4j.properties"), "log4j.rootLogger=INFO\n");
    Files.writeString(res.resolve("log4j.xml"), "<log4j:configuration/>\n");
    // not configurations: system properties of Log4j2, and other files
    Files.writeString(res.resolve("log4j2.component.properties"), "log4j2.isThreadContextMapInheritable=true\n");
    Files.writeString(res.resolve("application.properties"), "server.port=8080\n");
    Files.writeString(res.resolve("config.yaml"), "a: 1\n");

    LintResult r = linter().lint(List.of(dir));

    assertThat(r.filesScanned()).isEqualTo(10);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void aLog4j2PropertiesFileWithoutAppendersIsANoteNotAParseError() throws Exception {
    // passed by name, as before: it used to be read as XML ("Content is not allowed in prolog")
    Path file = Files.writeString(dir.resolve("log4j2.properties"),
        "status = warn\nrootLogger.level = info\n");
    LintResult r = linter().lint(List.of(file));
    assertThat(r.parseFailures()).isZero();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo(SourceLinter.UNSUPPORTED_CONFIG.id());
      assertThat(f.severity()).isEqualTo(Severity.NOTE);
      assertThat(f.line()).isEqualTo(1);
      assertThat(f.message()).startsWith("not a supported logging configuration")
          .contains("appender.<id>.type");
    });
  }

  @Test
  void filesPassedByNameThatAreNoLoggingConfigurationAreNotes() throws Exception {
    Path conf = Files.writeString(dir.resolve("app.conf"), "key = value\n");
    Path beans = Files.writeString(dir.resolve("beans.xml"), "<beans><bean id=\"a\"/></beans>\n");
    Path yaml = Files.writeString(dir.resolve("values.yaml"), "replicas: 2\n");
    LintResult r = linter().lint(List.of(conf, beans, yaml));
    assertThat(r.findings()).extracting(Finding::file, Finding::ruleId, Finding::severity)
        .containsExactly(
            tuple("app.conf", "LC018", Severity.NOTE),
            tuple("beans.xml", "LC018", Severity.NOTE),
            tuple("values.yaml", "LC018", Severity.NOTE));
    assertThat(r.findings().get(1).message()).contains("root element <beans>");
    assertThat(SourceLinter.builder().disable("LC018").build().lint(List.of(conf)).findings())
        .isEmpty();
  }

  @Test
  void aLogbackConfigurationPassedUnderAnotherNameIsStillChecked() throws Exception {
    Path file = Files.writeString(dir.resolve("logback-prod.xml"), """
        <configuration>
          <appender name="F" class="ch.qos.logback.core.FileAppender"/>
        </configuration>
        """);
    assertThat(linter().lint(List.of(file)).findings())
        .extracting(Finding::ruleId, Finding::line).containsExactly(tuple("LC013", 2));
  }

  @Test
  void yamlAndJsonThatDoNotParseAreParseErrorsAtTheirLine() {
    SourceLinter l = SourceLinter.builder().build();
    assertThat(l.lintText("log4j2.yaml", "Configuration:\n  Appenders:\n    Console: [a, b\n"))
        .singleElement().satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("LC000");
          assertThat(f.message()).startsWith("YAML does not parse");
          assertThat(f.line()).isGreaterThan(1);
        });
    assertThat(l.lintText("log4j2.json", "{\n  \"Configuration\": {\n    \"x\": ,\n  }\n}\n"))
        .singleElement().satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("LC000");
          assertThat(f.message()).startsWith("JSON does not parse");
          assertThat(f.line()).isEqualTo(3);
        });
  }

  @Test
  void log4jXmlMayDeclareADoctypeButNoExternalEntityIsRead() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE log4j:configuration [<!ENTITY x SYSTEM \""
        + secret.toUri() + "\">]>\n<log4j:configuration>\n";
    SourceLinter l = SourceLinter.builder().build();
    // in content the reference is skipped: the file is still checked
    assertThat(l.lintText("log4j.xml", doctype + "<appender name=\"a\""
        + " class=\"org.apache.log4j.FileAppender\"><param name=\"File\">&x;</param>"
        + "</appender></log4j:configuration>\n"))
        .singleElement().satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("LC013");
          assertThat(f.line()).isEqualTo(4);
        });
    // in an attribute it is refused: a parse error that does not show the file
    assertThat(l.lintText("log4j.xml", doctype + "<appender name=\"a&x;\""
        + " class=\"org.apache.log4j.FileAppender\"/></log4j:configuration>\n"))
        .singleElement().satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("LC000");
          assertThat(f.message()).doesNotContain("TOP-SECRET");
        });
  }
}
