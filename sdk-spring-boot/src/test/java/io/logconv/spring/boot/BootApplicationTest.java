package io.logconv.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.logconv.core.Jdks;
import io.logconv.spring.boot.app.DemoApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Spring Boot applications with the starter and nothing else, each in a JVM of its own: every
 * line they write to stdout and stderr, banner, start-up, Tomcat, requests and graceful shutdown
 * included, passes the validator with zero findings, and no planted secret comes out.
 */
class BootApplicationTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static List<JsonNode> parse(List<String> lines) {
    return lines.stream().map(JSON::readTree).toList();
  }

  private static Optional<JsonNode> withMsg(List<JsonNode> lines, String part) {
    return lines.stream().filter(n -> n.path("msg").asString("").contains(part)).findFirst();
  }

  /** The requests of one web run, then SIGTERM; returns the lines of stdout. */
  private List<JsonNode> serve(Path java, String... args) throws Exception {
    try (ChildApplication app = ChildApplication.start(dir, java, List.of(), args)) {
      int port = app.awaitPort();
      assertThat(ChildApplication.get(port, "/hello?name=ada")).isEqualTo(200);
      assertThat(ChildApplication.get(port, "/login")).isEqualTo(200);
      assertThat(ChildApplication.get(port, "/fail")).isEqualTo(500);
      app.terminate();
      app.assertConformantAndSecretFree();
      List<JsonNode> lines = parse(app.stdoutLines());

      String expected = System.getProperty("logconv.test.boot-version");
      if (expected != null) {
        assertThat(SpringBootVersion.getVersion()).as("the Boot version under test").isEqualTo(expected);
      }
      JsonNode banner = lines.get(0);
      assertThat(banner.get("msg").asString())
          .as("the banner is the first line, as one line")
          .contains(":: Spring Boot ::")
          .contains("(v" + SpringBootVersion.getVersion() + ")");
      assertThat(banner.get("service").asString()).isEqualTo("demo");
      assertThat(withMsg(lines, "Tomcat started on port")).isPresent();

      JsonNode hello = withMsg(lines, "said hello to ada").orElseThrow();
      assertThat(hello.get("greeted").asString()).isEqualTo("ada");
      assertThat(hello.get("email").asString()).as("personal data is hashed").startsWith("h:");
      assertThat(hello.get("request_id").asString()).isEqualTo("req-1");
      assertThat(hello.path("trace_id").asString("")).as("Micrometer Tracing's traceId").matches("[0-9a-f]{32}");
      assertThat(hello.path("span_id").asString("")).as("Micrometer Tracing's spanId").matches("[0-9a-f]{16}");
      assertThat(hello.has("traceId") || hello.has("spanId")).isFalse();

      assertThat(lines.stream().filter(n -> n.get("msg").asString().startsWith("login"))).hasSize(3);
      JsonNode failure =
          lines.stream().filter(n -> n.has("stacktrace")).findFirst().orElseThrow();
      assertThat(failure.get("level").asString()).isEqualTo("error");
      assertThat(failure.get("error").asString())
          .isEqualTo("java.lang.IllegalStateException: planted failure in a controller");

      assertThat(withMsg(lines, "Graceful shutdown complete")).as("graceful shutdown").isPresent();
      return lines;
    }
  }

  @Test
  void webApplicationWritesOnlyConformantLines() throws Exception {
    List<JsonNode> lines = serve(Jdks.current());
    assertThat(withMsg(lines, "no hash key is configured"))
        .as("logconv's own warning is a line like the others")
        .hasValueSatisfying(
            w -> {
              assertThat(w.get("logger").asString()).isEqualTo("io.logconv");
              assertThat(w.get("level").asString()).isEqualTo("warn");
            });
  }

  @Test
  void webApplicationOnVirtualThreadsWritesOnlyConformantLines() throws Exception {
    Optional<Path> java = Jdks.withVirtualThreads();
    assumeTrue(java.isPresent(), "no Java 21+ found for virtual threads");
    List<JsonNode> lines = serve(java.get(), "--spring.threads.virtual.enabled=true");
    JsonNode hello = withMsg(lines, "said hello to ada").orElseThrow();
    assertThat(hello.get("virtual").asBoolean()).as("the request ran on a virtual thread").isTrue();
  }

  @Test
  void explicitFormatWinsAndBootsOwnFormatIsRedacted() throws Exception {
    try (ChildApplication app =
        ChildApplication.start(
            dir,
            Jdks.current(),
            List.of(),
            "--spring.main.web-application-type=none",
            "--logging.structured.format.console=ecs")) {
      assertThat(app.awaitExit()).isZero();
      app.assertSecretFree();
      List<JsonNode> lines = parse(app.stdoutLines());
      assertThat(lines).allSatisfy(n -> assertThat(n.has("@timestamp")).as(n.toString()).isTrue());
      JsonNode planted =
          lines.stream()
              .filter(n -> n.path("message").asString("").startsWith("starting with password="))
              .findFirst()
              .orElseThrow();
      assertThat(planted.get("message").asString()).contains("[REDACTED:");
    }
  }

  @Test
  void usersLogbackSpringXmlWins() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(
        conf.resolve("logback-spring.xml"),
        """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>USER %level %logger %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="OUT"/></root>
        </configuration>
        """,
        StandardCharsets.UTF_8);
    try (ChildApplication app =
        ChildApplication.start(
            dir, Jdks.current(), List.of(conf), "--spring.main.web-application-type=none")) {
      assertThat(app.awaitExit()).isZero();
      assertThat(app.stdoutLines())
          .anyMatch(l -> l.startsWith("USER INFO " + DemoApplication.class.getName() + " Started DemoApplication"))
          .noneMatch(l -> l.startsWith("{"));
    }
  }
}
