package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.Redactor;
import io.logconv.lint.validate.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * sdk-core's detectors are not on this branch, so a fake redactor hides the word "hunter2" in any
 * value and everything under a "password" key; the command's job is where it applies it.
 */
class RedactCommandTest {
  static final Redactor FAKE =
      new Redactor() {
        @Override
        public boolean isSensitiveKey(String key) {
          return "password".equals(key);
        }

        @Override
        public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
          if (isSensitiveKey(key)) {
            scratch.setLength(0);
            return scratch.append("[REDACTED:password]");
          }
          String s = value.toString();
          if (!s.contains("hunter2")) {
            return value;
          }
          scratch.setLength(0);
          return scratch.append(s.replace("hunter2", "[REDACTED:test]"));
        }
      };

  @TempDir Path dir;

  CliRun redact(byte[] stdin, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "redact";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.runWith(
        dir,
        stdin,
        (CommandLine cl) -> ((RedactCommand) cl.getSubcommands().get("redact").getCommand()).redactor = FAKE,
        all);
  }

  /** Like {@link #redact(byte[], String...)}, holding at most {@code maxKept} bytes of a line. */
  CliRun redactKeeping(int maxKept, String stdin, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "redact";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.runWith(
        dir,
        stdin.getBytes(StandardCharsets.UTF_8),
        (CommandLine cl) -> {
          RedactCommand c = (RedactCommand) cl.getSubcommands().get("redact").getCommand();
          c.redactor = FAKE;
          c.maxKept = maxKept;
        },
        all);
  }

  /** Every line of {@code out} parsed as JSON. */
  static java.util.List<tools.jackson.databind.JsonNode> jsonLines(String out) {
    java.util.List<tools.jackson.databind.JsonNode> nodes = new java.util.ArrayList<>();
    for (String line : out.lines().toList()) {
      nodes.add(tools.jackson.databind.json.JsonMapper.shared().readTree(line));
    }
    return nodes;
  }

  static final String TS = "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",";

  @Test
  void aLongJsonLineIsRedactedAsAStream() {
    String longLine = TS + "\"msg\":\"" + "a".repeat(5000) + " hunter2\",\"password\":\"p\",\"n\":[1,{\"b\":true}]}";
    CliRun r = redactKeeping(1024, longLine + "\n" + TS + "\"msg\":\"short\"}\n", "-");
    assertThat(r.exit()).isZero();
    var lines = jsonLines(r.out());
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("msg").asString()).endsWith(" [REDACTED:test]").hasSize(5000 + 16);
    assertThat(lines.get(0).get("password").asString()).isEqualTo("[REDACTED:password]");
    assertThat(lines.get(0).get("n").toString()).isEqualTo("[1,{\"b\":true}]");
    assertThat(r.err()).contains("2 lines, 1 with something hidden, 1 over 1024 bytes redacted as a stream");
  }

  @Test
  void aLongTextLineIsReplacedByAJsonNoteAndTheExitCodeSaysSo() {
    String text = "plain text hunter2 " + "b".repeat(3000);
    CliRun r = redactKeeping(1024, TS + "\"msg\":\"before\"}\n" + text + "\n" + TS + "\"msg\":\"after\"}\n", "-");
    assertThat(r.exit()).isEqualTo(1);
    var lines = jsonLines(r.out());
    assertThat(lines).hasSize(3);
    var note = lines.get(1);
    assertThat(note.get("level").asString()).isEqualTo("warn");
    assertThat(note.get("logger").asString()).isEqualTo("io.logconv");
    assertThat(note.get("logconv_redact_dropped").asLong()).isEqualTo(text.length());
    assertThat(note.get("msg").asString()).contains(text.length() + " bytes dropped").contains("not a JSON object");
    assertThat(r.out()).doesNotContain("hunter2").doesNotContain("bbbb");
    assertThat(r.err())
        .contains("logconv redact: -:2: a line of " + text.length() + " bytes dropped")
        .contains("3 lines, 0 with something hidden, 1 line replaced by a note");
  }

  @Test
  void aLongJsonLineThatBreaksOffIsClosedWithANote() {
    String cut = TS + "\"msg\":\"hunter2\",\"nested\":{\"list\":[\"" + "c".repeat(3000);
    CliRun r = redactKeeping(1024, cut + "\n" + TS + "\"msg\":\"next\"}\n", "-");
    assertThat(r.exit()).isEqualTo(1);
    var lines = jsonLines(r.out());
    assertThat(lines).hasSize(2);
    var first = lines.get(0);
    assertThat(first.get("ts").asString()).isEqualTo("2023-03-07T11:32:29.167Z");
    assertThat(first.get("msg").asString()).isEqualTo("[REDACTED:test]");
    assertThat(first.get("nested").get("list").get(0).asString()).startsWith("logconv redact dropped the rest:");
    assertThat(lines.get(1).get("msg").asString()).isEqualTo("next");
    assertThat(r.err()).contains("-:1: a line of").contains("redacted as a stream up to where").contains("1 cut");
  }

  @Test
  void aCriRecordRejoinedOverTheLimitKeepsItsFramingAndBecomesANote() {
    String part = "d".repeat(700);
    String in = "2024-07-02T12:40:06.1Z stdout P " + TS + "\"msg\":\"" + part + "\n"
        + "2024-07-02T12:40:06.2Z stdout P " + part + "\n"
        + "2024-07-02T12:40:06.3Z stdout F " + part + "\"}\n"
        + "2024-07-02T12:40:06.4Z stdout F " + TS + "\"msg\":\"hunter2\"}\n";
    CliRun r = redactKeeping(1024, in, "--input-format", "cri", "-");
    assertThat(r.exit()).isEqualTo(1);
    String[] out = r.out().lines().toArray(String[]::new);
    assertThat(out).hasSize(2);
    assertThat(out[0]).startsWith("2024-07-02T12:40:06.1Z stdout F {");
    var note = tools.jackson.databind.json.JsonMapper.shared().readTree(out[0].substring(out[0].indexOf('{')));
    assertThat(note.get("ts").asString()).isEqualTo("2023-03-07T11:32:29.167Z");
    assertThat(note.get("logger").asString()).isEqualTo("io.logconv");
    assertThat(note.get("msg").asString()).contains("container record rejoined");
    assertThat(out[1]).isEqualTo("2024-07-02T12:40:06.4Z stdout F " + TS + "\"msg\":\"[REDACTED:test]\"}");
  }

  @Test
  void aDockerRecordTooLongToParseBecomesANoteRecord() {
    String in = "{\"log\":\"" + "e".repeat(4000) + "\\n\",\"stream\":\"stdout\",\"time\":\"2019-04-01T17:58:33.1Z\"}\n"
        + "{\"log\":\"hunter2\\n\",\"stream\":\"stdout\",\"time\":\"2019-04-01T17:58:33.2Z\"}\n";
    CliRun r = redactKeeping(1024, in, "--input-format", "docker", "-");
    assertThat(r.exit()).isEqualTo(1);
    var lines = jsonLines(r.out());
    assertThat(lines).hasSize(2);
    var note = tools.jackson.databind.json.JsonMapper.shared().readTree(lines.get(0).get("log").asString());
    assertThat(note.get("msg").asString()).contains("Docker record longer than");
    assertThat(lines.get(1).get("log").asString()).isEqualTo("[REDACTED:test]\n");
  }

  @Test
  void aBrokenJsonDocumentIsClosedIntoValidJson() {
    String in = "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{\"stream\":{\"app\":\"a\"},"
        + "\"values\":[[\"1\",\"hunter2\"],[\"2\",";
    CliRun r = redact(in, "--input-format", "loki", "-");
    assertThat(r.exit()).isEqualTo(1);
    var doc = tools.jackson.databind.json.JsonMapper.shared().readTree(r.out());
    assertThat(doc.toString()).contains("[REDACTED:test]").contains("logconv redact dropped the rest").doesNotContain("hunter2");
    assertThat(r.err()).contains("1 cut");
  }

  @Test
  void emptyInputSaysNoLinesRead() {
    CliRun r = redact("", "-");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("logconv redact: no log lines read");
  }

  @Test
  void aBinaryFileIsNotRedacted() throws IOException {
    byte[] junk = new byte[2048];
    new java.util.Random(7).nextBytes(junk);
    Files.write(dir.resolve("junk.bin"), junk);
    CliRun r = redact(new byte[0], "junk.bin");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("junk.bin: binary file, not text: not redacted");
  }

  @Test
  void crlfLinesKeepTheirEnding() {
    CliRun r = redact(TS + "\"msg\":\"hunter2\"}\r\n" + TS + "\"msg\":\"ok\"}\r\n", "-");
    assertThat(r.exit()).isZero();
    assertThat(jsonLines(r.out().replace("\r", ""))).hasSize(2);
    assertThat(r.out()).contains("[REDACTED:test]");
  }

  @Test
  void sdkWarningsGoToStderrWithOnePrefixNeverIntoTheRedactedLog() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv(io.logconv.core.redact.SecretRedactor.HASH_KEY_ENV) == null
            && System.getProperty(io.logconv.core.redact.SecretRedactor.HASH_KEY_PROPERTY) == null,
        "a hash key is configured: no warning to route");
    String in = TS + "\"msg\":\"signed in\",\"email\":\"jane.doe@example.com\"}\n";
    CliRun r = CliRun.runIn(dir, in.getBytes(StandardCharsets.UTF_8), "redact", "-");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).doesNotContain("jane.doe").doesNotContain("hash key").doesNotContain("logconv");
    assertThat(jsonLines(r.out())).hasSize(1);
    assertThat(r.err())
        .contains("logconv redact: warning: no hash key is configured")
        .doesNotContain("logconv: logconv")
        .doesNotContain("warning: logconv:");
  }

  CliRun redact(String stdin, String... args) {
    return redact(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  @Test
  void jsonLinesByKeyAndValueKeepingKeyOrder() {
    String in =
        """
        {"ts":"2023-03-07T11:32:29.167Z","msg":"login with hunter2","password":12345,"z":1,"a":{"password":[1,2]}}
        {"ts":"2023-03-07T11:32:29.168Z","msg":"nothing here",  "n": 1.50}
        """;
    CliRun r = redact(in, "-");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"msg\":\"login with [REDACTED:test]\","
                + "\"password\":\"[REDACTED:password]\",\"z\":1,\"a\":{\"password\":\"[REDACTED:password]\"}}\n"
                // untouched line: byte for byte, spacing included
                + "{\"ts\":\"2023-03-07T11:32:29.168Z\",\"msg\":\"nothing here\",  \"n\": 1.50}\n");
  }

  @Test
  void plainTextByValue() {
    assertThat(redact("2025-06-15 14:23:01.042 7 INFO app [-] password is hunter2\n").out())
        .isEqualTo("2025-06-15 14:23:01.042 7 INFO app [-] password is [REDACTED:test]\n");
  }

  @Test
  void criFramingKeptAndPartialsRejoined() {
    String in =
        """
        2024-07-02T12:40:06.1Z stdout P {"msg":"hun
        2024-07-02T12:40:06.2Z stderr F plain hunter2
        2024-07-02T12:40:06.3Z stdout F ter2"}
        """;
    CliRun r = redact(in, "--input-format", "cri", "-");
    assertThat(r.out())
        .isEqualTo(
            """
            2024-07-02T12:40:06.2Z stderr F plain [REDACTED:test]
            2024-07-02T12:40:06.1Z stdout F {"msg":"[REDACTED:test]"}
            """);
  }

  @Test
  void dockerFramingKept() {
    String in =
        """
        {"log":"{\\"msg\\":\\"hunter","stream":"stdout","time":"2019-04-01T17:58:33.1Z"}
        {"log":"2 here\\"}\\n","stream":"stdout","time":"2019-04-01T17:58:33.2Z"}
        """;
    assertThat(redact(in, "-").out())
        .isEqualTo(
            "{\"log\":\"{\\\"msg\\\":\\\"[REDACTED:test] here\\\"}\\n\",\"stream\":\"stdout\","
                + "\"time\":\"2019-04-01T17:58:33.1Z\"}\n");
  }

  @Test
  void kubectlPrefixKept() {
    assertThat(redact("2024-07-02T12:40:06.615Z {\"msg\":\"hunter2\"}\n", "-").out())
        .isEqualTo("2024-07-02T12:40:06.615Z {\"msg\":\"[REDACTED:test]\"}\n");
  }

  @Test
  void lokiResponseLinesRedacted() {
    String in =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{\"stream\":{\"app\":\"a\"},"
            + "\"values\":[[\"1\",\"{\\\"password\\\":\\\"x\\\",\\\"msg\\\":\\\"hunter2\\\"}\"]]}]}}";
    String out = redact(in, "-").out();
    assertThat(out).doesNotContain("hunter2").contains("[REDACTED:test]").contains("[REDACTED:password]");
    assertThat(out).contains("\"resultType\":\"streams\"");
  }

  @Test
  void gzipAndFilesAndOutput() throws IOException {
    Path gz = dir.resolve("a.log.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write("{\"msg\":\"hunter2\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    CliRun r = redact(new byte[0], "-o", "out.log", "a.log.gz", "missing.log");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("missing.log: no such file");
    assertThat(Files.readString(dir.resolve("out.log"))).isEqualTo("{\"msg\":\"[REDACTED:test]\"}\n");
  }

  @Test
  void samplesRedactWithoutError() throws IOException {
    for (String s : new String[] {"containerd-cri.log", "docker-json.log", "loki-query-range.json", "non-conformant.jsonl"}) {
      CliRun r = redact(new byte[0], TestPaths.sample(s).toString());
      assertThat(r.exit()).as(s).isZero();
      assertThat(r.out()).as(s).isNotEmpty();
    }
    // With nothing to hide, a JSON-lines file comes back byte for byte.
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(Files.readAllBytes(TestPaths.sample("controller-events.jsonl")));
    assertThat(redact(new byte[0], TestPaths.sample("controller-events.jsonl").toString()).out())
        .isEqualTo(expected.toString(StandardCharsets.UTF_8));
  }
}
