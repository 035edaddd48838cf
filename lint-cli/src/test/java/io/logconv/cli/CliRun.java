package io.logconv.cli;

import io.logconv.lint.validate.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the command in-process with captured streams, from the repository root. */
record CliRun(int exit, String out, String err) {
  static CliRun run(String... args) {
    return runIn(TestPaths.repoRoot(), new byte[0], args);
  }

  static CliRun withStdin(byte[] stdin, String... args) {
    return runIn(TestPaths.repoRoot(), stdin, args);
  }

  static CliRun runIn(Path dir, byte[] stdin, String... args) {
    return runWith(dir, stdin, null, args);
  }

  /** Like {@link #runIn}, letting the test adjust the command line (e.g. a fake redactor). */
  static CliRun runWith(Path dir, byte[] stdin, java.util.function.Consumer<CommandLine> adjust, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliIo io =
        new CliIo(
            new ByteArrayInputStream(stdin),
            out,
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false,
            false,
            dir);
    CommandLine cl = Main.commandLine(io);
    if (adjust != null) {
      adjust.accept(cl);
    }
    int exit = cl.execute(args);
    return new CliRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
