package io.logconv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code logconv} command: {@code --help}, {@code --version} and the subcommands.
 * Subcommands reach the streams through {@link #io()} via {@code @ParentCommand}. A new subcommand
 * is added to the {@code subcommands} list below and nowhere else.
 *
 * <pre>{@code
 * int exit = Main.run(new String[] {"validate", "app.log"}, CliIo.system());
 * }</pre>
 */
@Command(
    name = "logconv",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Checks logs and code against the Kubernetes log conventions.",
      "Exit codes: 0 all conform, 1 findings, 2 usage or I/O error, 141 output closed early."
    },
    subcommands = {
      ValidateCommand.class,
      RedactCommand.class,
      LintCommand.class,
      RulesCommand.class,
      OpenSearchCommand.class,
    })
public final class LogconvCommand implements Runnable {
  /** Exit code when every line conforms. */
  public static final int OK = 0;
  /** Exit code when there are findings. */
  public static final int FINDINGS = 1;
  /** Exit code for a usage or I/O error. */
  public static final int ERROR = 2;

  private final CliIo io;

  @Spec CommandSpec spec;

  public LogconvCommand(CliIo io) {
    this.io = io;
  }

  /** The streams and terminal facts this run uses. */
  public CliIo io() {
    return io;
  }

  @Override
  public void run() {
    // "logconv" alone: show what it can do, and fail like any other usage error.
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new UsageError();
  }

  /** Thrown to end with {@link #ERROR} after the message has been printed. */
  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError() {
      super(null, null, false, false);
    }
  }
}
