package io.logconv.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A gate told to validate log files fails when it validated none, and only then. */
class NothingValidatedTest {
  @Test
  void noFileMatched() {
    assertThat(CheckMojo.nothingValidated("target/logs/*.log", 0, 0))
        .isEqualTo("logconv: logFiles (target/logs/*.log) matched no log file: no log line was validated");
  }

  @Test
  void filesMatchedButEmpty() {
    assertThat(CheckMojo.nothingValidated("a.log, b.log", 2, 0))
        .isEqualTo("logconv: the 2 log files matched by logFiles (a.log, b.log) hold no log line: nothing was validated");
  }

  @Test
  void linesRead() {
    assertThat(CheckMojo.nothingValidated("a.log", 1, 1)).isNull();
  }
}
