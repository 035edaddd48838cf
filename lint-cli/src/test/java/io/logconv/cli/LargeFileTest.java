package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated 1,000,000-line file validates in a JVM whose heap is capped at 128 MB. */
class LargeFileTest {
  static final int LINES = 1_000_000;

  @Test
  void millionLinesUnder128MegabytesOfHeap(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.log");
    write(file);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java.toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "validate",
                "--format",
                "json",
                "--max-findings",
                "5",
                file.toString()));
    pb.redirectOutput(dir.resolve("out.json").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"));
    String out = Files.readString(dir.resolve("out.json"));
    assertThat(err).doesNotContain("OutOfMemoryError");
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    // One line in a thousand breaks the contract: all are counted, five are shown.
    assertThat(out).contains("\"linesRead\":" + LINES).contains("\"findings\":" + (LINES / 1000));
    assertThat(out).contains("\"conformingLines\":" + (LINES - LINES / 1000));
    assertThat(out).contains("\"findingsShown\":5");
  }

  static void write(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < LINES; i++) {
        int ms = i % 1000;
        int s = (i / 1000) % 60;
        w.write(
            String.format(
                Locale.ROOT,
                "{\"ts\":\"2025-06-15T14:%02d:%02d.%03dZ\",\"level\":\"info\",\"logger\":\"io.example.R%d\","
                    + "\"msg\":\"Reconciled release-%d\",\"namespace\":\"tenant-%d\",\"controllerKind\":\"Release\","
                    + "\"name\":\"release-%d\"%s}\n",
                (i / 60000) % 60,
                s,
                ms,
                i % 7,
                i,
                i % 13,
                i,
                i % 1000 == 999 ? ",\"pod_name\":\"x\"" : ""));
      }
    }
  }
}
