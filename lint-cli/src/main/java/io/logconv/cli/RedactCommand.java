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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code logconv redact [FILE... | -]}: writes each line back with secrets and personal data
 * replaced by sdk-core's redactor, keeping JSON key order and CRI/Docker framing, so that a log can
 * be attached to a bug report.
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
      "Writes log files back with secrets and personal data redacted.",
      "Exit codes: 0 done, 2 usage or I/O error."
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

  /** The redactor used; tests replace it. */
  Redactor redactor = SecretRedactor.defaults();

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
    OutputStream out;
    try {
      out = new BufferedOutputStream(
          output == null ? io.out() : Files.newOutputStream(io.workDir().resolve(output)), 1 << 16);
    } catch (IOException e) {
      io.err().println("logconv redact: cannot write " + output + ": " + Files2.reason(e));
      return LogconvCommand.ERROR;
    }
    boolean failed = false;
    LogRedactor lr = new LogRedactor(redactor, 1 << 20);
    try {
      for (String name : files == null || files.isEmpty() ? List.of("-") : files) {
        if (name.equals("-")) {
          lr.redact(io.in(), forced, out);
          continue;
        }
        Path p = io.workDir().resolve(name);
        if (Files.isDirectory(p)) {
          io.err().println("logconv redact: " + name + ": is a directory; name the log files in it");
          failed = true;
          continue;
        }
        try (InputStream in = Files.newInputStream(p)) {
          lr.redact(in, forced, out);
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
    return failed ? LogconvCommand.ERROR : LogconvCommand.OK;
  }
}
