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
    assertThat(r.out()).contains("junk.bin:1: LV001 error: binary file, not text");
    assertThat(r.out()).contains("1 line read in 2 files, 1 conforming");
    // One finding for the file: no per-"line" findings, no secret found in random bytes.
    assertThat(r.out()).containsOnlyOnce("junk.bin:").doesNotContain("LV014");
  }

  @Test
  void anExecutableIsOneFinding() throws IOException {
    // The class file of this very test: real machine-readable bytes, full of NULs.
    byte[] classFile;
    try (var in = BadInputTest.class.getResourceAsStream("BadInputTest.class")) {
      classFile = in.readAllBytes();
    }
    Files.write(dir.resolve("BadInputTest.class"), classFile);
    CliRun r = validate("BadInputTest.class");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).containsOnlyOnce("BadInputTest.class:").contains("no log lines read (1 file), 1 finding");
  }

  @Test
  void aLogWithAStrayControlCharacterIsStillReadLineByLine() throws IOException {
    Files.writeString(dir.resolve("odd.log"), GOOD + "\u0001 text\n" + GOOD.repeat(5));
    CliRun r = validate("odd.log");
    assertThat(r.out()).contains("odd.log:2: LV001").contains("7 lines read in 1 file, 6 conforming");
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
    assertThat(r.out()).contains("utf8.log:1: LV001 error: not a JSON object: invalid UTF-8 at byte " + (at + 1));
    assertThat(r.out()).contains("2 lines read").contains("1 conforming");
  }

  @Test
  void truncatedJson() throws IOException {
    Files.writeString(dir.resolve("cut.log"), GOOD + "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"lev\n" + GOOD);
    CliRun r = validate("cut.log");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("cut.log:2: LV001 error: not a JSON object: truncated JSON").contains("3 lines read, 2 conforming".replace("lines read, ", "lines read in 1 file, "));
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
    assertThat(r.out()).contains("huge.log:1: LV013 error: line is 10485818 bytes").contains("not checked further");
    assertThat(r.out()).contains("2 lines read in 1 file, 1 conforming");
    assertThat(r.out()).contains("1 line too long to hold in memory: reported, content not checked");
    assertThat(CliRun.runIn(dir, new byte[0], "validate", "--format", "json", "huge.log").out())
        .contains("\"uncheckedLines\":1");
  }

  @Test
  void emptyFile() throws IOException {
    Files.write(dir.resolve("empty.log"), new byte[0]);
    CliRun r = validate("empty.log");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("no log lines read (1 file), 0 findings").doesNotContain("100.0%");
    assertThat(r.err()).contains("logconv validate: no log lines read");
  }

  @Test
  void emptyInputFailsWithRequireLines() throws IOException {
    Files.write(dir.resolve("empty.log"), new byte[0]);
    assertThat(validate("--require-lines", "empty.log").exit()).isEqualTo(1);
    CliRun stdin = CliRun.runIn(dir, new byte[0], "validate", "--require-lines", "-");
    assertThat(stdin.exit()).isEqualTo(1);
    assertThat(stdin.err()).contains("no log lines read (--require-lines: failing)");
    Files.writeString(dir.resolve("good.log"), GOOD);
    assertThat(validate("--require-lines", "empty.log", "good.log").exit()).isZero();
  }

  @Test
  void crlfLinesAreAcceptedAndCounted() throws IOException {
    Files.writeString(dir.resolve("crlf.log"), GOOD.replace("\n", "\r\n").repeat(3) + GOOD);
    CliRun r = validate("crlf.log");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("4 lines read in 1 file, 4 conforming")
        .contains("3 lines ended in CR LF (accepted");
    CliRun json = CliRun.runIn(dir, new byte[0], "validate", "--format", "json", "crlf.log");
    assertThat(json.out()).contains("\"crlfLines\":3");
  }

  @Test
  void crlfInsideCriRecordsIsAcceptedToo() throws IOException {
    String cri = "2024-07-02T12:40:06.615123456Z stdout F " + GOOD.strip() + "\r\n";
    Files.writeString(dir.resolve("cri.log"), cri.repeat(2));
    CliRun r = validate("cri.log");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("2 lines read in 1 file, 2 conforming").contains("2 lines ended in CR LF");
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

  @Test
  void truncatedGzipKeepsEveryLineDecodedBeforeTheCut() throws IOException {
    // 20,000 lines, each with one finding (a reserved key), compressed and cut in half: the
    // first part decodes, the lines in it are checked and reported, then the error, exit 2.
    Path gz = dir.resolve("rotated.log.gz");
    try (OutputStream o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      for (int i = 0; i < 20_000; i++) {
        String bad = "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"n" + i
            + "\",\"pod_name\":\"p\"}\n";
        o.write(bad.getBytes(StandardCharsets.US_ASCII));
      }
    }
    byte[] whole = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
    CliRun r = validate("--format", "json", "rotated.log.gz");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("rotated.log.gz: read error:").contains("truncated");
    var summary = tools.jackson.databind.json.JsonMapper.shared().readTree(r.out()).get("summary");
    long lines = summary.get("linesRead").asLong();
    assertThat(lines).isBetween(5_000L, 19_999L);
    assertThat(summary.get("findings").asLong()).isEqualTo(lines);
  }

  @Test
  void truncatedSmallGzipStillReportsItsLines() throws IOException {
    // Shorter than the 64 KiB the format detector peeks at: the cut falls inside the peek.
    Path gz = dir.resolve("small.log.gz");
    try (OutputStream o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      for (int i = 0; i < 200; i++) {
        o.write(GOOD.replace("\"ok\"", "\"ok " + i + "\"").getBytes(StandardCharsets.US_ASCII));
      }
    }
    byte[] whole = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length - 12));
    CliRun r = validate("small.log.gz");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).containsPattern("\\b1\\d\\d lines read in 1 file");
  }
}
