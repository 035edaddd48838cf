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
