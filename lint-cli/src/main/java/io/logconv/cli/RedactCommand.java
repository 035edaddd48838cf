package io.logconv.cli;

import io.logconv.core.redact.Redactor;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.validate.InputFormat;
import io.logconv.lint.validate.LogRedactor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code logconv redact [FILE... | -]}: writes each line back with secrets and personal data
 * replaced by sdk-core's redactor, keeping JSON key order and CRI/Docker framing, so that a log can
 * be attached to a bug report. Every line it writes is whole: a line it cannot redact whole (see
 * {@link LogRedactor}) is replaced or closed with a note, named on stderr, counted in the summary
 * line on stderr, and the exit code is then 1.
 *
 * <pre>{@code
 * kubectl logs deploy/app | logconv redact - > app-redacted.log
 * }</pre>
 */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Writes log files back with secrets and personal data redacted. A line too long to redact"
          + " whole is replaced by (or closed with) a JSON note saying what was dropped and why.",
      "Exit codes: 0 done, 1 done but some lines were replaced or cut (named on stderr), 2 usage"
          + " or I/O error, 141 output closed early (as in '| head')."
    })
public final class RedactCommand implements Callable<Integer> {
  @ParentCommand LogconvCommand parent;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Log files (plain or .gz); '-' or nothing reads stdin.")
  List<String> files;

  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "Input: auto, json, cri, docker, kubectl, loki or json-document.")
  String inputFormat;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  @Mixin PiiOption pii;

  /** Longest line held in memory; longer JSON lines are redacted as a stream. */
  static final int MAX_KEPT = 1 << 20;
  /** Lines replaced or cut that are named one by one on stderr; the rest are only counted. */
  static final int NOTES_SHOWN = 20;

  /**
   * The redactor used; tests replace it (then {@code --pii} is only checked). Null: sdk-core's
   * defaults with the {@code --pii} kinds on, warning on this stderr.
   */
  Redactor redactor;

  /** Bytes held in memory per line; tests lower it. */
  int maxKept = MAX_KEPT;

  @Override
  public Integer call() throws IOException {
    CliIo io = parent.io();
    InputFormat forced = null;
    if (!inputFormat.equalsIgnoreCase("auto")) {
      forced = InputFormat.parse(inputFormat);
      if (forced == null) {
        io.err().println("logconv redact: unknown --input-format '" + inputFormat + "'");
        return LogconvCommand.ERROR;
      }
    }
    Redactor r;
    try {
      SecretRedactor.Builder configured = pii.applyTo(defaultRedactor(io));
      r = redactor == null ? configured.build() : redactor;
    } catch (IllegalArgumentException e) {
      io.err().println("logconv redact: " + e.getMessage());
      return LogconvCommand.ERROR;
    }
    OutputStream out;
    try {
      out = new BufferedOutputStream(
          output == null ? io.out() : Files.newOutputStream(io.workDir().resolve(output)), 1 << 16);
    } catch (IOException e) {
      io.err().println("logconv redact: cannot write " + output + ": " + Files2.reason(e));
      return LogconvCommand.ERROR;
    }
    boolean failed = false;
    String[] current = {"-"};
    long[] noted = {0};
    LogRedactor lr = new LogRedactor(r, maxKept,
        (line, what) -> {
          if (noted[0]++ < NOTES_SHOWN) {
            io.err().println("logconv redact: " + current[0] + ":" + line + ": " + what);
          }
        });
    try {
      for (String name : files == null || files.isEmpty() ? List.of("-") : files) {
        current[0] = name;
        if (name.equals("-")) {
          failed |= !redactOne(io, lr, name, io.in(), forced, out);
          continue;
        }
        Path p = io.workDir().resolve(name);
        if (Files.isDirectory(p)) {
          io.err().println("logconv redact: " + name + ": is a directory; name the log files in it");
          failed = true;
          continue;
        }
        try (InputStream in = Files.newInputStream(p)) {
          failed |= !redactOne(io, lr, name, in, forced, out);
        } catch (IOException e) {
          io.err().println("logconv redact: " + name + ": " + Files2.reason(e));
          failed = true;
        }
      }
      out.flush();
    } finally {
      if (output != null) {
        out.close();
      }
    }
    io.err().println(summary(lr, maxKept));
    if (failed) {
      return LogconvCommand.ERROR;
    }
    return lr.replaced() + lr.cut() > 0 ? LogconvCommand.FINDINGS : LogconvCommand.OK;
  }

  /** Redacts one input; false after a read error (reported; what came before it was written). */
  private static boolean redactOne(
      CliIo io, LogRedactor lr, String name, InputStream in, InputFormat forced, OutputStream out) {
    try {
      lr.redact(in, forced, out);
      return true;
    } catch (IOException e) {
      io.err().println("logconv redact: " + name + ": " + Files2.reason(e));
      return false;
    }
  }

  /** The one line on stderr that says what was done. */
  static String summary(LogRedactor lr, int maxKept) {
    if (lr.lines() == 0) {
      return "logconv redact: no log lines read";
    }
    StringBuilder sb = new StringBuilder("logconv redact: ")
        .append(lr.lines()).append(lr.lines() == 1 ? " line, " : " lines, ")
        .append(lr.changed()).append(" with something hidden");
    if (lr.streamed() > 0) {
      sb.append(", ").append(lr.streamed()).append(" over ").append(maxKept)
          .append(" bytes redacted as a stream");
    }
    if (lr.replaced() > 0) {
      sb.append(", ").append(lr.replaced()).append(lr.replaced() == 1 ? " line" : " lines")
          .append(" replaced by a note (too long to redact)");
    }
    if (lr.cut() > 0) {
      sb.append(", ").append(lr.cut()).append(" cut and closed with a note");
    }
    return sb.toString();
  }

  /**
   * sdk-core's redactor, its one-time warning (no hash key) on this command's stderr with one
   * prefix, never on stdout, where the redacted log goes.
   */
  private static SecretRedactor.Builder defaultRedactor(CliIo io) {
    return SecretRedactor.builder()
        .warnings(m -> io.err().println("logconv redact: warning: " + m.replaceFirst("^logconv: ", "")));
  }
}
