package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most common way a service logs a secret: as an argument the message names. Hidden on the
 * logging thread and behind an {@code AsyncAppender}, where the message was formatted before the
 * encoder saw it.
 */
class NamedSecretArgumentTest {
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

  @ParameterizedTest
  @ValueSource(strings = {"logback.xml", "logback-async.xml"})
  void passwordAndTokenArgumentsNeverReachTheLine(String config) {
    LogbackHarness h = LogbackHarness.capture(config);
    Logger log = LoggerFactory.getLogger("io.example.Login");
    StringBuilder mutable = new StringBuilder("open sesame");
    log.info("user {} logged in with password {} bearer {}", "svc", mutable, JWT);
    mutable.setLength(0); // an AsyncAppender must not depend on the argument afterwards
    log.atInfo().setMessage("token: {}").addArgument("plain words").log();
    log.info("Secret {} created", "db-creds");
    List<String> lines = h.lines();
    assertThat(lines).hasSize(3);
    assertThat(Lines.conforming(lines.get(0)).get("msg").asString())
        .isEqualTo("user svc logged in with password [REDACTED:password] bearer [REDACTED:bearer_token]");
    assertThat(Lines.conforming(lines.get(1)).get("msg").asString())
        .isEqualTo("token: [REDACTED:token]");
    assertThat(Lines.conforming(lines.get(2)).get("msg").asString())
        .isEqualTo("Secret db-creds created");
    assertThat(String.join("\n", lines)).doesNotContain("open sesame").doesNotContain("plain words");
  }
}
