package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives a clear message and the right exit code, never a stack trace, and the rest goes on. */
class BadInputTest {
  @TempDir Path dir;

  static final String GOOD = "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"ok\"}\n";

  CliRun validate(String... files) {
    String[] args = new String[files.length + 1];
    args[0] = "validate";
    System.arraycopy(files, 0, args, 1, files.length);
    CliRun r = CliRun.runIn(dir, new byte[0], args);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).doesNotContain("Exception").doesNotContain("\tat ");
    return r;
  }

  @Test
  void binaryGarbage() throws IOException {
    byte[] junk = new byte[4096];
    new Random(42).nextBytes(junk);
    Files.write(dir.resolve("junk.bin"), junk);
    Files.writeString(dir.resolve("good.log"), GOOD);
    CliRun r = validate("junk.bin", "good.log");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("junk.bin:1: LV001").contains("binary data");
    assertThat(r.out()).contains("in 2 files");
  }

  @Test
  void invalidUtf8() throws IOException {
    byte[] line = "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"caf\u00e9\"}\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] broken = line.clone();
    int at = new String(line, StandardCharsets.ISO_8859_1).indexOf("caf") + 3;
    broken[at + 1] = 'x'; // é's continuation byte replaced: a lead byte with no follower
    Path f = dir.resolve("utf8.log");
    try (OutputStream o = Files.newOutputStream(f)) {
      o.write(broken);
      o.write(GOOD.getBytes(StandardCharsets.UTF_8));
    }
    CliRun r = validate("utf8.log");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("utf8.log:1: LV001 not a JSON object: invalid UTF-8 at byte " + (at + 1));
    assertThat(r.out()).contains("2 lines read").contains("1 conforming");
  }

  @Test
  void truncatedJson() throws IOException {
    Files.writeString(dir.resolve("cut.log"), GOOD + "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"lev\n" + GOOD);
    CliRun r = validate("cut.log");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("cut.log:2: LV001 not a JSON object: truncated JSON").contains("3 lines read, 2 conforming".replace("lines read, ", "lines read in 1 file, "));
  }

  @Test
  void tenMegabyteSingleLine() throws IOException {
    Path f = dir.resolve("huge.log");
    try (OutputStream o = Files.newOutputStream(f)) {
      o.write("{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 10; i++) {
        o.write(chunk);
      }
      o.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
      o.write(GOOD.getBytes(StandardCharsets.US_ASCII));
    }
    CliRun r = validate("huge.log");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("huge.log:1: LV013 line is 10485818 bytes").contains("not checked further");
    assertThat(r.out()).contains("2 lines read in 1 file, 1 conforming");
  }

  @Test
  void emptyFile() throws IOException {
    Files.write(dir.resolve("empty.log"), new byte[0]);
    CliRun r = validate("empty.log");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("0 lines read in 1 file");
  }

  @Test
  void missingFileAndDirectoryExitTwoButOthersAreChecked() throws IOException {
    Files.writeString(dir.resolve("good.log"), GOOD);
    Files.createDirectory(dir.resolve("logs"));
    CliRun r = validate("missing.log", "logs", "good.log");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("logconv validate: missing.log: no such file")
        .contains("logconv validate: logs: is a directory");
    assertThat(r.out()).contains("1 line read in 1 file, 1 conforming");
  }

  @Test
  void corruptGzip() throws IOException {
    Path gz = dir.resolve("cut.log.gz");
    byte[] whole = Files.readAllBytes(io.logconv.lint.validate.TestPaths.sample("controller-events.jsonl.gz"));
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(dir.resolve("good.log"), GOOD);
    CliRun r = validate("cut.log.gz", "good.log");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("cut.log.gz: read error:");
    assertThat(r.out()).contains("in 2 files");
  }
}
