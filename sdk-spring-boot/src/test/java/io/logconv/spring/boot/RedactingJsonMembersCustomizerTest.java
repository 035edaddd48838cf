package io.logconv.spring.boot;

import static io.logconv.spring.boot.ConventionsFormatterTest.env;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.logconv.spring.boot.app.DemoApplication;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.logconv.logback.ConventionsEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/** Boot's own JSON formats, with the starter on the class path, keep planted secrets out. */
class RedactingJsonMembersCustomizerTest {
  private final LoggerContext context = new LoggerContext();

  private String encode(String format, StandardEnvironment env) {
    return encode(format, env, new KeyValuePair("password", DemoApplication.PASSWORD));
  }

  private String encode(String format, StandardEnvironment env, KeyValuePair keyValue) {
    context.putObject(Environment.class.getName(), env);
    StructuredLogEncoder boot = new StructuredLogEncoder();
    boot.setContext(context);
    boot.setFormat(format);
    boot.start();
    Logger logger = context.getLogger("io.example.Login");
    LoggingEvent e =
        new LoggingEvent(
            Logger.FQCN, logger, Level.INFO, "login password={} token {}", null,
            new Object[] {DemoApplication.PASSWORD, DemoApplication.JWT});
    e.setMDCPropertyMap(Map.of("session", DemoApplication.JWT));
    e.addKeyValuePair(keyValue);
    return new String(boot.encode(e), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecs", "logstash", "gelf"})
  void bootsFormatsAreRedacted(String format) {
    String line = encode(format, env("spring.application.name", "checkout"));
    assertThat(line)
        .doesNotContain(DemoApplication.PASSWORD, DemoApplication.JWT)
        .contains("[REDACTED:password]", "[REDACTED:jwt]");
  }

  @Test
  void missingHashKeyIsLoggedUnderIoLogconv() throws InterruptedException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("LOGCONV_REDACT_HASH_KEY") == null && System.getProperty("logconv.redact.hashKey") == null);
    Logger warnings = (Logger) LoggerFactory.getLogger(ConventionsEncoder.WARNING_LOGGER);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    warnings.addAppender(seen);
    try {
      String line = encode("logstash", env(), new KeyValuePair("email", "jane@example.com"));
      assertThat(line).doesNotContain("jane@example.com").contains("h:");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (seen.list.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(seen.list)
          .singleElement()
          .satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN))
          .satisfies(e -> assertThat(e.getFormattedMessage()).startsWith("no hash key is configured"));
    } finally {
      warnings.detachAppender(seen);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecs", "logstash"})
  void networkAddressesInBootsFormatsFollowTheProperty(String format) {
    KeyValuePair client = new KeyValuePair("client", "203.0.113.7");
    assertThat(encode(format, env("spring.application.name", "checkout"), client)).contains("203.0.113.7");
    String line =
        encode(format, env("spring.application.name", "checkout", "logconv.redaction.network-addresses", "true"), client);
    assertThat(line).doesNotContain("203.0.113.7").contains("[REDACTED:ipv4]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecs", "logstash"})
  void redactionOffLeavesThemAsTheyAre(String format) {
    String line = encode(format, env("spring.application.name", "checkout", "logconv.redaction.enabled", "false"));
    assertThat(line).contains(DemoApplication.PASSWORD, DemoApplication.JWT);
  }
}
