package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the reader of stdout goes away ({@code logconv validate big.log | head -1}), the command
 * stops reading its input, prints nothing and exits with 141, as a process ended by SIGPIPE.
 */
class BrokenPipeTest {
  @TempDir Path dir;

  /** 30,000 lines, each with a finding: far more output than any buffer holds. */
  static byte[] manyFindings() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      sb.append("{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"n").append(i)
          .append("\",\"pod_name\":\"p\"}\n");
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Accepts {@code limit} bytes, then fails every write as a pipe with no reader does. */
  static final class ClosingPipe extends OutputStream {
    private long left;

    ClosingPipe(long limit) {
      left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        throw new IOException("Broken pipe");
      }
      left -= len;
    }
  }

  static final class Counting extends FilterInputStream {
    long read;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      read += Math.max(0, n);
      return n;
    }
  }

  private record Run(int exit, String err, long bytesRead) {}

  private Run run(byte[] input, String... args) {
    Counting in = new Counting(new ByteArrayInputStream(input));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliIo io = new CliIo(in, new ClosingPipe(100), new PrintStream(err, true, StandardCharsets.UTF_8), false, false, dir);
    int exit = Main.run(args, io);
    return new Run(exit, err.toString(StandardCharsets.UTF_8), in.read);
  }

  @Test
  void validateStopsQuietly() {
    byte[] input = manyFindings();
    Run r = run(input, "validate", "--threads", "2", "-");
    assertThat(r.exit()).isEqualTo(141);
    assertThat(r.err()).isEmpty();
    assertThat(r.bytesRead()).isLessThan(input.length / 2);
  }

  @Test
  void validateAsJsonAndSarifStopQuietlyToo() {
    for (String format : new String[] {"json", "sarif"}) {
      Run r = run(manyFindings(), "validate", "--format", format, "-");
      assertThat(r.exit()).as(format).isEqualTo(141);
      assertThat(r.err()).as(format).isEmpty();
    }
  }

  @Test
  void redactStopsQuietly() {
    byte[] input = manyFindings();
    Run r = run(input, "redact", "-");
    assertThat(r.exit()).isEqualTo(141);
    assertThat(r.err()).isEmpty();
    assertThat(r.bytesRead()).isLessThan(input.length / 2);
  }

  @Test
  void aWriteErrorThatIsNotAClosedPipeIsStillAnError() {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliIo io = new CliIo(new ByteArrayInputStream(manyFindings()), full,
        new PrintStream(err, true, StandardCharsets.UTF_8), false, false, dir);
    assertThat(Main.run(new String[] {"redact", "-"}, io)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("No space left on device").doesNotContain("\tat ");
  }

  /** The real thing: the CLI in its own JVM, its stdout a pipe whose reader stops after one line. */
  @Test
  void childProcessPipedIntoHeadOne() throws Exception {
    Path big = dir.resolve("big.log");
    Files.write(big, manyFindings());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String command : new String[] {"validate", "redact"}) {
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          "io.logconv.cli.Main", command, big.toString())
          .redirectError(ProcessBuilder.Redirect.PIPE)
          .start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(out.readLine()).as(command).isNotEmpty();
      } // closing our end: the child's next write finds no reader
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(command).isTrue();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(command + ": " + err).isEqualTo(141);
      assertThat(err).as(command).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}
