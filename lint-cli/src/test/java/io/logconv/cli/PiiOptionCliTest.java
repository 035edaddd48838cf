package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code --pii network} on {@code redact} and {@code validate}, with sdk-core's detectors: IP and
 * MAC addresses, which the SDK keeps by default, are hidden and reported only when it is given.
 */
class PiiOptionCliTest {
  static final String LINE =
      "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"logger\":\"io.example.Gateway\","
          + "\"msg\":\"accepted 203.0.113.7:51234 on 127.0.0.1:8080\",\"peer\":\"[2001:db8::1]:443\","
          + "\"hwaddr\":\"00:1a:2b:3c:4d:5e\",\"version\":\"v1.2.3.4\"}\n";

  private static byte[] line() {
    return LINE.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void redactKeepsAddressesByDefault() {
    CliRun r = CliRun.withStdin(line(), "redact", "-");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(LINE);
  }

  @Test
  void redactWithPiiNetworkHidesThem() {
    CliRun r = CliRun.withStdin(line(), "redact", "--pii", "network", "-");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"logger\":\"io.example.Gateway\","
                + "\"msg\":\"accepted [REDACTED:ipv4]:51234 on 127.0.0.1:8080\","
                + "\"peer\":\"[[REDACTED:ipv6]]:443\",\"hwaddr\":\"[REDACTED:mac_address]\","
                + "\"version\":\"v1.2.3.4\"}\n");
    assertThat(r.err()).contains("1 line, 1 with something hidden");
  }

  @Test
  void validatePassesAddressesByDefault() {
    CliRun r = CliRun.withStdin(line(), "validate", "-");
    assertThat(r.exit()).as(r.out()).isZero();
  }

  @Test
  void validateWithPiiNetworkReportsThemWithoutShowingThem() {
    CliRun r = CliRun.withStdin(line(), "validate", "--pii=network", "-");
    assertThat(r.exit()).isEqualTo(LogconvCommand.FINDINGS);
    assertThat(r.out())
        .contains("LV014")
        .contains("holds an ipv4", "holds an ipv6", "mac_address")
        .doesNotContain("203.0.113.7", "2001:db8::1", "00:1a:2b:3c:4d:5e");
  }

  @Test
  void anUnknownKindIsAUsageError() {
    CliRun redact = CliRun.withStdin(line(), "redact", "--pii", "network,phones", "-");
    assertThat(redact.exit()).isEqualTo(LogconvCommand.ERROR);
    assertThat(redact.err()).contains("logconv redact: unknown --pii kind 'phones': use network");
    assertThat(redact.out()).isEmpty();
    CliRun validate = CliRun.withStdin(line(), "validate", "--pii", "ip", "-");
    assertThat(validate.exit()).isEqualTo(LogconvCommand.ERROR);
    assertThat(validate.err()).contains("logconv validate: unknown --pii kind 'ip': use network");
  }

  @Test
  void helpNamesTheOption() {
    assertThat(CliRun.run("redact", "--help").out()).contains("--pii=KINDS", "network");
    assertThat(CliRun.run("validate", "--help").out()).contains("--pii=KINDS", "network");
  }
}
