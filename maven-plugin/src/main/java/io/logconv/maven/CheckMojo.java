package io.logconv.maven;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import io.logconv.lint.report.Report;
import io.logconv.lint.report.Reporter;
import io.logconv.lint.report.Summary;
import io.logconv.lint.report.Tool;
import io.logconv.lint.source.LintResult;
import io.logconv.lint.validate.SchemaCheck;
import io.logconv.lint.validate.Validator;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code logconv:check}, bound to {@code verify}: lints the module's Java sources and
 * {@code logback.xml} with lint-cli's source linter, validates the log files the module's tests
 * wrote (by default {@code target/logconv/*.log}) and any configured ones with lint-cli's
 * validator, prints each finding as {@code file:line:col: <rule-id> <message>}, writes a SARIF
 * report, and fails the build when a finding reaches {@code failOnSeverity}.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.logconv</groupId>
 *   <artifactId>logconv-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>check</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresProject = true)
public final class CheckMojo extends AbstractLogconvMojo {
  /** The default log files: what the module's tests wrote through the logconv encoder. */
  static final String DEFAULT_LOG_FILES = "logconv/*.log";

  /** Fail the build when a finding reaches {@code failOnSeverity}; false only reports. */
  @Parameter(property = "logconv.failOnViolation", defaultValue = "true")
  private boolean failOnViolation;

  /**
   * The least severity that fails the build: {@code error}, {@code warning} or {@code note}.
   * Default {@code warning}: every finding of the rules as shipped fails, and a rule re-graded to
   * {@code note} is reported without failing.
   */
  @Parameter(property = "logconv.failOnSeverity", defaultValue = "warning")
  private String failOnSeverity;

  /**
   * How log lines are checked: {@code strict} (the contract), {@code adr} (ADR 0006's schema
   * verbatim) or the path of a JSON Schema file.
   */
  @Parameter(property = "logconv.schema", defaultValue = "strict")
  private String schema;

  /**
   * Log files to validate: paths or globs relative to the module directory. Default: {@code
   * ${project.build.directory}/logconv/*.log}, when there are any.
   */
  @Parameter(property = "logconv.logFiles")
  private List<String> logFiles = new ArrayList<>();

  /** Where the SARIF 2.1.0 report of all findings is written. */
  @Parameter(property = "logconv.sarifOutput", defaultValue = "${project.build.directory}/logconv.sarif")
  private File sarifOutput;

  /** Print each finding to the Maven log (the summary and failure message are always printed). */
  @Parameter(property = "logconv.consoleOutput", defaultValue = "true")
  private boolean consoleOutput;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    String reason = skipReason();
    if (reason != null) {
      log.info("logconv: " + reason);
      return;
    }
    Severity threshold = severity(failOnSeverity);
    RuleSettings settings = ruleSettings();
    List<Path> sources = sourceFiles();
    List<Path> logs = logFiles();
    boolean logsConfigured = logFilesConfigured();
    if (logsConfigured && logs.isEmpty()) {
      gateFailure(nothingValidated(String.join(", ", logFiles), 0, 0));
      if (sources.isEmpty()) {
        return;
      }
    }
    if (sources.isEmpty() && logs.isEmpty()) {
      log.info("logconv: skipped: no Java sources, logback.xml or log files in this module");
      return;
    }

    List<Finding> findings = new ArrayList<>();
    LintResult lint = sources.isEmpty() ? null : lint(sources, settings, true);
    if (lint != null) {
      findings.addAll(lint.findings());
    }
    long[] lines = new long[2]; // read, conforming
    if (!logs.isEmpty()) {
      validate(logs, settings, findings, lines);
    }

    if (consoleOutput) {
      for (Finding f : findings) {
        String line = Messages.line(basedir(), f);
        switch (f.severity()) {
          case ERROR -> log.error(line);
          case WARNING -> log.warn(line);
          case NOTE -> log.info(line);
        }
      }
    }
    String sarif = writeSarif(findings, sources.size() + logs.size());
    log.info("logconv: " + moduleName() + ": " + summary(findings, sources.size(), lint, logs.size(), lines)
        + (sarif == null ? "" : "; SARIF: " + sarif));

    if (logsConfigured && !logs.isEmpty() && lines[0] == 0) {
      gateFailure(nothingValidated(String.join(", ", logFiles), logs.size(), lines[0]));
    }

    List<Finding> failing = findings.stream().filter(f -> f.severity().isAtLeast(threshold)).toList();
    if (!failing.isEmpty()) {
      String message = Messages.failure(failing, threshold, display(baseline.toPath()),
          logFilesHint(), sarif);
      if (failOnViolation) {
        throw new MojoFailureException(message);
      }
      log.warn(message + " (not failing: failOnViolation is false)");
    }
  }

  /**
   * Why a gate told to validate log files ({@code logFiles}) validated nothing, or null when it
   * did: no file matched, or the files matched hold no log line. A gate that checks nothing must
   * not pass as if everything conformed.
   */
  static String nothingValidated(String patterns, int files, long lines) {
    if (files == 0) {
      return "logconv: logFiles (" + patterns + ") matched no log file: no log line was validated";
    }
    if (lines == 0) {
      return "logconv: the " + Messages.plural(files, "log file") + " matched by logFiles (" + patterns
          + ") hold no log line: nothing was validated";
    }
    return null;
  }

  /** Fails the build with {@code message}, or warns when failOnViolation is false. */
  private void gateFailure(String message) throws MojoFailureException {
    if (failOnViolation) {
      throw new MojoFailureException(message);
    }
    getLog().warn(message + " (not failing: failOnViolation is false)");
  }

  private static Severity severity(String name) throws MojoExecutionException {
    try {
      return Severity.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new MojoExecutionException(
          "logconv: failOnSeverity '" + name + "' is not error, warning or note", e);
    }
  }

  private boolean logFilesConfigured() {
    return logFiles != null && logFiles.stream().anyMatch(s -> s != null && !s.isBlank());
  }

  private String logFilesHint() {
    return logFilesConfigured() ? String.join(", ", logFiles) : defaultLogFiles();
  }

  private String defaultLogFiles() {
    return display(Path.of(project.getBuild().getDirectory()).resolve(DEFAULT_LOG_FILES));
  }

  private List<Path> logFiles() throws MojoExecutionException {
    boolean configured = logFilesConfigured();
    List<String> patterns = configured ? logFiles : List.of(defaultLogFiles());
    try {
      return FileSelection.logFiles(basedir(), patterns, configured);
    } catch (IOException e) {
      throw new MojoExecutionException("logconv: logFiles: " + e.getMessage(), e);
    }
  }

  private SchemaCheck schemaCheck() throws MojoExecutionException {
    String s = schema == null ? "strict" : schema.strip();
    if (s.equalsIgnoreCase("strict")) {
      return null;
    }
    if (s.equalsIgnoreCase("adr")) {
      return SchemaCheck.adr();
    }
    Path p = basedir().resolve(s);
    try {
      return SchemaCheck.fromFile(p);
    } catch (IOException e) {
      throw new MojoExecutionException("logconv: schema " + s + ": "
          + (Files.exists(p) ? "not a readable JSON Schema" : "no such file (use strict, adr or a schema file)"), e);
    }
  }

  /** Runs the validator over {@code logs}, adding findings (after the rule settings) and line counts. */
  private void validate(List<Path> logs, RuleSettings settings, List<Finding> out, long[] lines)
      throws MojoExecutionException {
    Validator.Options options = Validator.Options.defaults().withSchema(schemaCheck());
    Validator.Listener listener = new Validator.Listener() {
      @Override
      public void finding(Finding finding, String logger) {
        Finding f = settings.apply(finding);
        if (f != null) {
          out.add(f);
        }
      }

      @Override
      public void line(boolean conforming) {
        lines[0]++;
        if (conforming) {
          lines[1]++;
        }
      }
    };
    String[] reading = {""};
    try (Validator validator = new Validator(options)) {
      for (Path file : logs) {
        reading[0] = display(file);
        try (InputStream in = Files.newInputStream(file)) {
          validator.validate(display(file), in, listener);
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException("logconv: cannot read log file " + reading[0] + ": " + e.getMessage(), e);
    }
  }

  private String summary(List<Finding> findings, int sourceCount, LintResult lint, int logCount, long[] lines) {
    StringBuilder sb = new StringBuilder(Messages.counts(findings)).append(" in ")
        .append(Messages.plural(sourceCount, "source file"));
    if (logCount > 0) {
      sb.append(" and ").append(Messages.plural(logCount, "log file")).append(" (")
          .append(Messages.plural(lines[0], "line")).append(')');
    }
    if (lint != null && !lint.details().isEmpty()) {
      sb.append("; ").append(lint.details());
    }
    return sb.toString();
  }

  /** Writes all findings as SARIF; returns the file as displayed, or null when not configured. */
  private String writeSarif(List<Finding> findings, int files)
      throws MojoExecutionException {
    if (sarifOutput == null) {
      return null;
    }
    Summary summary = Summary.ofSourceFiles(files, findings);
    Tool tool = new Tool("logconv", plugin == null ? "unknown" : plugin.getVersion(), "https://logconv.io");
    Report report = new Report(tool, RuleSettings.allDescriptors(), findings, summary);
    Path out = sarifOutput.toPath();
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        Reporter.sarif(basedir()).write(report, w);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("logconv: cannot write " + out + ": " + e.getMessage(), e);
    }
    return display(out);
  }
}
