package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void drawsAndClearsWhenEnabled() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress p = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), true, 0, 0);
    p.start("big.log", 2_000_000);
    p.update("big.log", 1_000_000);
    p.clear();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("logconv: big.log: 1.0 MB read (50%)")
        .endsWith("\r\u001b[K");
  }

  @Test
  void silentWhenStderrIsNotATerminal() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress p = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), false, 0, 0);
    p.start("big.log", 2_000_000);
    p.update("big.log", 1_000_000);
    p.clear();
    assertThat(err.size()).isZero();
  }

  @Test
  void smallFilesNeverShowIt() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress p = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), true);
    p.start("small.log", 10);
    p.update("small.log", 10);
    assertThat(err.size()).isZero();
  }
}
