package io.logconv.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of the {@code logconv} jar: runs the command and exits with its code (0 all conform,
 * 1 findings, 2 usage or I/O error, 141 when the reader of stdout went away, as a process killed by
 * SIGPIPE reports it in a shell). Errors are one line on stderr, never a stack trace; a closed
 * output pipe ends the run quietly.
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
    CommandLine cl = commandLine(io);
    int exit = cl.execute(args);
    try {
      cl.getOut().flush();
    } catch (OutputClosed e) {
      return OutputClosed.EXIT_CODE;
    }
    return exit;
  }

  /** The configured command line: streams, exit codes, error handling. */
  public static CommandLine commandLine(CliIo unguarded) {
    CliIo io = unguarded.withOut(OutputClosed.guard(unguarded.out()));
    CommandLine cl = new CommandLine(new LogconvCommand(io));
    // --help and --version print to stdout like every other tool; errors go to stderr.
    cl.setOut(new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
    cl.setExitCodeExceptionMapper(e -> LogconvCommand.ERROR);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (OutputClosed.in(e)) {
            return OutputClosed.EXIT_CODE; // nobody reads any more: nothing to say, and no one to say it to
          }
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
