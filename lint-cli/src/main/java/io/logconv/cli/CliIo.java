package io.logconv.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The streams and terminal facts a command runs with: the process's own in {@link Main}, captured
 * ones in tests. Whether stdout and stderr are terminals decides colour and the progress line;
 * {@code bin/logconv} passes what the shell knows ({@code -Dlogconv.stdout.tty}), and otherwise
 * Linux's {@code /proc/self/fd} is asked.
 *
 * <pre>{@code
 * CliIo io = new CliIo(stdin, stdout, stderr, false, false, Path.of(""));
 * }</pre>
 *
 * @param workDir directory relative file names are resolved against
 */
public record CliIo(
    InputStream in,
    OutputStream out,
    PrintStream err,
    boolean stdoutIsTerminal,
    boolean stderrIsTerminal,
    Path workDir) {

  /**
   * The process's streams and terminals. Stdout is the file descriptor itself, not {@code
   * System.out}: a {@link java.io.PrintStream} hides write errors, so a command would never learn
   * that the reader of a pipe has gone.
   */
  public static CliIo system() {
    return new CliIo(
        System.in,
        new FileOutputStream(FileDescriptor.out),
        System.err,
        isTerminal("logconv.stdout.tty", 1),
        isTerminal("logconv.stderr.tty", 2),
        Path.of(""));
  }

  /** These streams with stdout replaced. */
  public CliIo withOut(OutputStream newOut) {
    return new CliIo(in, newOut, err, stdoutIsTerminal, stderrIsTerminal, workDir);
  }

  static boolean isTerminal(String property, int fd) {
    String told = System.getProperty(property);
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    try {
      Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
      String t = target.toString();
      return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty") || t.equals("/dev/console");
    } catch (IOException | RuntimeException e) {
      // Not Linux (or no /proc): without bin/logconv's word, assume a pipe (no colour, no
      // progress), the safe side for scripts.
      return false;
    }
  }
}
