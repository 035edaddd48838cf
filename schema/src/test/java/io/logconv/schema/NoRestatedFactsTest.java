package io.logconv.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main source outside {@code schema} restates a contract fact: a string literal equal to a
 * field name, an enum value, a level or a reserved or pipeline key is a second copy of a fact this
 * module owns, unless the same text names something else (a report's JSON key, a logging API's
 * method, a Docker record's field) and is listed below with what it names. Comments, Javadoc and
 * text blocks (rule examples written as user code) are not read.
 */
class NoRestatedFactsTest {
  /** Literals that are the same text as a contract fact but name something else, by file. */
  private static final Map<String, Set<String>> ELSEWHERE =
      Map.ofEntries(
          // The reporters' own formats: SARIF and logconv's JSON report have these keys.
          Map.entry("lint/report/JsonReporter.java", Set.of("name", "message", "logger")),
          Map.entry("lint/report/SarifReporter.java", Set.of("name", "level", "message", "error")),
          // Severity names of findings.
          Map.entry("cli/LintCommand.java", Set.of("error")),
          Map.entry("maven/Messages.java", Set.of("error")),
          Map.entry("maven/RuleSettings.java", Set.of("error")),
          // JavaParser and logback.xml: a method's and an appender's name attribute.
          Map.entry("lint/rules/AuditTypeRule.java", Set.of("name")),
          Map.entry("lint/rules/LogbackConsoleEncoderRule.java", Set.of("name")),
          Map.entry("lint/rules/LogbackFileAppenderRule.java", Set.of("name")),
          Map.entry("lint/source/ConstantFolder.java", Set.of("name")),
          // Log4j2 and Log4j 1 configurations: an appender's and a layout's name attribute.
          Map.entry("lint/source/Log4jConfig.java", Set.of("name")),
          // Logging APIs' method names (SLF4J's info(), JUL's log()), not the contract's levels.
          Map.entry("lint/source/LoggingApis.java", Set.of("log", "trace", "debug", "info", "warn", "error")),
          // Docker's json-file and CRI record fields, which logconv unwraps.
          Map.entry("lint/validate/DockerSource.java", Set.of("log", "stream")),
          Map.entry("lint/validate/FormatDetector.java", Set.of("log", "stream", "time")),
          Map.entry("lint/validate/LogRedactor.java", Set.of("log", "stream", "time")),
          Map.entry("lint/validate/InputFormat.java", Set.of("docker")),
          // The CRI and Docker parsers' record time, a default pipeline key of the ingest processor.
          Map.entry("opensearch/LogconvProcessor.java", Set.of("time")),
          // Spring Boot's banner mode "log"; SecretRedactor's null check of a parameter "name".
          Map.entry("spring/boot/LogconvEnvironmentPostProcessor.java", Set.of("log")),
          Map.entry("core/redact/SecretRedactor.java", Set.of("name")),
          // The "name" field of name/value pairs in logged config (Go structs, env lists).
          Map.entry("core/redact/KeyValueDetector.java", Set.of("name")),
          // Log4j2's MapMessage names its text entry "message", the convention JSON layouts read.
          Map.entry("log4j2/ConventionsLayout.java", Set.of("message")));

  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static Set<String> facts() {
    Set<String> facts = new HashSet<>();
    for (Field f : Field.values()) {
      facts.add(f.key());
    }
    Arrays.stream(Action.values()).map(Action::name).forEach(facts::add);
    Arrays.stream(Level.values()).map(Level::label).forEach(facts::add);
    Arrays.stream(Outcome.values()).map(Outcome::label).forEach(facts::add);
    Arrays.stream(AuditLevel.values()).map(AuditLevel::label).forEach(facts::add);
    facts.addAll(Conventions.PAYLOAD_FREE_KINDS);
    facts.add(Conventions.AUDIT_LOGGER);
    facts.addAll(Conventions.ADR_RESERVED_KEYS);
    facts.addAll(Conventions.PIPELINE_KEYS);
    return facts;
  }

  private static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("repository root not found above the working directory");
    }
    return p;
  }

  @Test
  void noMainSourceOutsideSchemaRestatesAContractFact() throws IOException {
    Path root = repositoryRoot();
    Set<String> facts = facts();
    List<String> restated = new ArrayList<>();
    int files = 0;
    try (Stream<Path> all = Files.walk(root)) {
      for (Path f : (Iterable<Path>) all.filter(NoRestatedFactsTest::isOtherModulesMainSource)::iterator) {
        files++;
        String rel = root.relativize(f).toString().replace('\\', '/');
        Set<String> allowed =
            ELSEWHERE.entrySet().stream()
                .filter(e -> rel.endsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(Set.of());
        restated.addAll(scan(rel, f, facts, allowed));
      }
    }
    assertThat(files).as("main sources read").isGreaterThan(100);
    assertThat(restated)
        .as("read these from io.logconv.schema (Conventions, Field, Action, Level) instead")
        .isEmpty();
  }

  private static boolean isOtherModulesMainSource(Path p) {
    String s = p.toString().replace('\\', '/');
    return s.endsWith(".java")
        && s.contains("/src/main/java/")
        && !s.contains("/target/")
        && !s.contains("/schema/src/")
        && !s.contains("/benchmarks/")
        && !s.contains("/samples/")
        && !s.contains("/demo/")
        && !s.contains("/src/it/");
  }

  private static List<String> scan(String rel, Path f, Set<String> facts, Set<String> allowed) {
    List<String> out = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean inTextBlock = false;
    boolean inComment = false;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (inComment) {
        inComment = !line.contains("*/");
        continue;
      }
      if (countOf(line, "\"\"\"") % 2 == 1) {
        inTextBlock = !inTextBlock;
        continue;
      }
      if (inTextBlock || line.startsWith("//") || line.startsWith("*")) {
        continue;
      }
      if (line.startsWith("/*")) {
        inComment = !line.contains("*/");
        continue;
      }
      Matcher m = LITERAL.matcher(line);
      while (m.find()) {
        String text = m.group(1);
        if (facts.contains(text) && !allowed.contains(text)) {
          out.add(rel + ":" + (n + 1) + ": \"" + text + "\"");
        }
      }
    }
    return out;
  }

  private static int countOf(String s, String part) {
    int count = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      count++;
    }
    return count;
  }
}
