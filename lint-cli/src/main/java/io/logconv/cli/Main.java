package io.logconv.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of the {@code logconv} jar: runs the command and exits with its code (0 all conform,
 * 1 findings, 2 usage or I/O error). Errors are one line on stderr, never a stack trace.
 *
 * <pre>{@code
 * java -jar lint-cli/target/logconv.jar validate samples/logs/controller-events.jsonl
 * }</pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, CliIo.system()));
  }

  /** Runs {@code logconv args} with {@code io} and returns the exit code. */
  public static int run(String[] args, CliIo io) {
    return commandLine(io).execute(args);
  }

  /** The configured command line: streams, exit codes, error handling. */
  public static CommandLine commandLine(CliIo io) {
    CommandLine cl = new CommandLine(new LogconvCommand(io));
    // --help and --version print to stdout like every other tool; errors go to stderr.
    cl.setOut(new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
    cl.setExitCodeExceptionMapper(e -> LogconvCommand.ERROR);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (!(e instanceof LogconvCommand.UsageError)) {
            commandLine.getErr().println("logconv: " + describe(e));
            commandLine.getErr().flush();
          }
          return LogconvCommand.ERROR;
        });
    return cl;
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
