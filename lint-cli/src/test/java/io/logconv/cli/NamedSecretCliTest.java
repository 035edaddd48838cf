package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A password that the message names without {@code =} or {@code :}, as a service printed it when
 * it formatted the message itself: {@code validate} reports it and {@code redact} hides it, with
 * sdk-core's detectors.
 */
class NamedSecretCliTest {
  static final String LINE =
      "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"logger\":\"io.example.Login\","
          + "\"msg\":\"user logged in with password hunter2-S3cret! bearer [REDACTED:jwt]\","
          + "\"detail\":\"the secret is s3cr3t!\"}\n";

  @Test
  void validateReportsIt() {
    CliRun r = CliRun.withStdin(LINE.getBytes(StandardCharsets.UTF_8), "validate", "-");
    assertThat(r.exit()).isNotZero();
    assertThat(r.out()).contains("LV014").doesNotContain("hunter2-S3cret!");
  }

  @Test
  void redactHidesIt() {
    CliRun r = CliRun.withStdin(LINE.getBytes(StandardCharsets.UTF_8), "redact", "-");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("with password [REDACTED:password] bearer [REDACTED:jwt]")
        .contains("\"detail\":\"the secret is [REDACTED:secret]\"")
        .doesNotContain("hunter2")
        .doesNotContain("s3cr3t");
  }

  @Test
  void proseAfterTheWordIsNotAFinding() {
    String line =
        "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"logger\":\"io.example.Login\","
            + "\"msg\":\"password reset email sent; token expired\"}\n";
    CliRun r = CliRun.withStdin(line.getBytes(StandardCharsets.UTF_8), "validate", "-");
    assertThat(r.exit()).as(r.out()).isZero();
  }
}
