package io.logconv.cli;

import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.Finding;
import io.logconv.lint.report.ReportWriter;
import io.logconv.lint.report.Reporter;
import io.logconv.lint.report.SummaryCounter;
import io.logconv.lint.report.Tool;
import io.logconv.lint.validate.InputFormat;
import io.logconv.lint.validate.SchemaCheck;
import io.logconv.lint.validate.SecretScanner;
import io.logconv.lint.validate.Validator;
import io.logconv.lint.validate.ValidatorRules;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code logconv validate [FILE... | -]}: checks log files (JSON lines, CRI, Docker json-file,
 * {@code kubectl logs --timestamps}, Loki responses, gzip) against the log contract and reports
 * findings as text, JSON or SARIF with a summary.
 *
 * <pre>{@code
 * logconv validate --format sarif --output findings.sarif /var/log/containers/app.log
 * kubectl logs deploy/app | logconv validate -
 * }</pre>
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Checks that each line of log files conforms to the log conventions and carries no secret.",
      "Exit codes: 0 all lines conform (or no lines, unless --require-lines), 1 findings (or no"
          + " lines with --require-lines), 2 usage or I/O error, 141 output closed early"
          + " (as in '| head')."
    })
public final class ValidateCommand implements Callable<Integer> {
  @ParentCommand LogconvCommand parent;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Log files (plain or .gz) to check; '-' or nothing reads stdin.")
  List<String> files;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output: text, json or sarif (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "Input: auto, json, cri, docker, kubectl, loki or json-document (default: detected per file).")
  String inputFormat;

  @Option(
      names = "--schema",
      paramLabel = "strict|adr|FILE",
      defaultValue = "strict",
      description =
          "strict: the contract (default); adr: ADR 0006's schema verbatim; or a JSON Schema file.")
  String schema;

  @Option(
      names = "--max-findings",
      paramLabel = "N",
      defaultValue = "-1",
      description = "Show at most N findings (default: all); the summary counts all of them.")
  long maxFindings;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of stdout.")
  Path output;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description = "Colour text output: auto (on a terminal), always or never.")
  String color;

  @Option(
      names = "--progress",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description = "Progress line on stderr: auto (when stderr is a terminal), always or never.")
  String progress;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: one per core).")
  Integer threads;

  @Option(
      names = "--top-loggers",
      paramLabel = "N",
      defaultValue = "10",
      description = "Loggers listed in the summary (default: ${DEFAULT-VALUE}).")
  int topLoggers;

  @Option(
      names = {"-v", "--verbose"},
      description = "Say on stderr which format each file was read as.")
  boolean verbose;

  @Option(
      names = "--require-lines",
      description = "Fail (exit 1) when the input holds no log line at all: an empty file or stdin"
          + " is then a failure, not a pass.")
  boolean requireLines;

  @Mixin PiiOption pii;

  private SummaryCounter counter;

  @Override
  public Integer call() throws IOException {
    CliIo io = parent.io();
    Reporter reporter;
    InputFormat forced = null;
    SchemaCheck schemaCheck;
    SecretScanner scanner = null;
    try {
      reporter = Reporter.forName(format, colour(io));
      if (!inputFormat.equalsIgnoreCase("auto")) {
        forced = InputFormat.parse(inputFormat);
        if (forced == null) {
          throw new IllegalArgumentException(
              "unknown --input-format '" + inputFormat + "': use auto, json, cri, docker, kubectl,"
                  + " loki or json-document");
        }
      }
      schemaCheck = schemaCheck(io);
      if (pii.any()) {
        // The SDK's detectors with the same kinds on: what a service with the option hides.
        scanner = SecretScanner.of(pii.applyTo(SecretRedactor.builder()).build());
      }
    } catch (IllegalArgumentException e) {
      io.err().println("logconv validate: " + e.getMessage());
      return LogconvCommand.ERROR;
    }
    Validator.Options options = Validator.Options.defaults().withFormat(forced).withSchema(schemaCheck);
    if (scanner != null) {
      options = options.withScanner(scanner);
    }
    if (threads != null) {
      options = options.withThreads(Math.max(1, threads));
    }
    List<String> inputs = files == null || files.isEmpty() ? List.of("-") : files;

    OutputStream rawOut;
    try {
      rawOut = output == null ? io.out() : Files.newOutputStream(io.workDir().resolve(output));
    } catch (IOException e) {
      io.err().println("logconv validate: cannot write " + output + ": " + Files2.reason(e));
      return LogconvCommand.ERROR;
    }
    boolean ioError = false;
    counter = new SummaryCounter();
    Progress progressLine = new Progress(io.err(), showProgress(io));
    Writer out = new BufferedWriter(new OutputStreamWriter(rawOut, StandardCharsets.UTF_8), 1 << 16);
    try (Validator validator = new Validator(options)) {
      ReportWriter report = reporter.start(out, tool(), ValidatorRules.ALL);
      Validator.Listener listener =
          new Validator.Listener() {
            private long shown;

            @Override
            public void finding(Finding f, String logger) throws IOException {
              boolean show = maxFindings < 0 || shown < maxFindings;
              counter.finding(f, logger, show);
              if (show) {
                shown++;
                report.finding(f);
              }
            }

            @Override
            public void line(boolean conforming) {
              counter.line(conforming);
            }

            @Override
            public void progress(String file, long bytes) {
              progressLine.update(file, bytes);
            }

            @Override
            public void crlfLine() {
              counter.crlfLine();
            }

            @Override
            public void uncheckedLine() {
              counter.uncheckedLine();
            }
          };
      for (String name : inputs) {
        ioError |= !validateOne(io, validator, name, listener, progressLine);
      }
      progressLine.clear();
      report.finish(counter.summary(topLoggers));
      out.flush();
    } finally {
      if (output != null) {
        out.close();
      }
    }
    if (ioError) {
      return LogconvCommand.ERROR;
    }
    if (counter.lines() == 0) {
      io.err().println("logconv validate: no log lines read"
          + (requireLines ? " (--require-lines: failing)" : ""));
      if (requireLines) {
        return LogconvCommand.FINDINGS;
      }
    }
    return counter.findings() > 0 ? LogconvCommand.FINDINGS : LogconvCommand.OK;
  }

  /** Validates one input; false after an I/O problem (already reported on stderr). */
  private boolean validateOne(
      CliIo io, Validator validator, String name, Validator.Listener listener, Progress progressLine) {
    if (name.equals("-")) {
      return run(io, validator, "-", io.in(), -1, listener, progressLine);
    }
    Path path = io.workDir().resolve(name);
    if (Files.isDirectory(path)) {
      io.err().println("logconv validate: " + name + ": is a directory; name the log files in it (e.g. " + name + "/*.log)");
      return false;
    }
    long size;
    InputStream in;
    try {
      size = Files.size(path);
      in = Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      io.err().println("logconv validate: " + name + ": no such file");
      return false;
    } catch (AccessDeniedException e) {
      io.err().println("logconv validate: " + name + ": permission denied");
      return false;
    } catch (IOException e) {
      io.err().println("logconv validate: " + name + ": cannot read: " + Files2.reason(e));
      return false;
    }
    try (InputStream closing = in) {
      return run(io, validator, name, closing, size, listener, progressLine);
    } catch (IOException e) {
      io.err().println("logconv validate: " + name + ": " + Files2.reason(e));
      return false;
    }
  }

  private boolean run(
      CliIo io,
      Validator validator,
      String name,
      InputStream in,
      long size,
      Validator.Listener listener,
      Progress progressLine) {
    progressLine.start(name, size);
    try {
      InputFormat f = validator.validate(name, in, listener);
      if (verbose) {
        io.err().println("logconv validate: " + name + ": read as " + f.id());
      }
      return true;
    } catch (IOException e) {
      progressLine.clear();
      io.err().println("logconv validate: " + name + ": read error: " + Files2.reason(e));
      return false;
    } finally {
      // Counted once per input opened, whether or not it could be read to its end.
      counter.file();
    }
  }

  private SchemaCheck schemaCheck(CliIo io) {
    String s = schema.toLowerCase(Locale.ROOT);
    if (s.equals("strict")) {
      return null;
    }
    if (s.equals("adr")) {
      return SchemaCheck.adr();
    }
    Path p = io.workDir().resolve(schema);
    try {
      return SchemaCheck.fromFile(p);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--schema " + schema + ": "
              + (Files.exists(p) ? "not a readable JSON Schema" : "no such file (use strict, adr or a schema file)"),
          e);
    }
  }

  private boolean colour(CliIo io) {
    return switch (color.toLowerCase(Locale.ROOT)) {
      case "always" -> true;
      case "never" -> false;
      case "auto" -> output == null && io.stdoutIsTerminal() && System.getenv("NO_COLOR") == null
          && !"dumb".equals(System.getenv("TERM"));
      default -> throw new IllegalArgumentException("--color must be auto, always or never");
    };
  }

  private boolean showProgress(CliIo io) {
    return switch (progress.toLowerCase(Locale.ROOT)) {
      case "always" -> true;
      case "never" -> false;
      case "auto" -> io.stderrIsTerminal();
      default -> throw new IllegalArgumentException("--progress must be auto, always or never");
    };
  }

  static Tool tool() {
    return new Tool("logconv", VersionProvider.version(), "https://logconv.io");
  }
}
