package io.logconv.cli;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import io.logconv.lint.fix.Classpaths;
import io.logconv.lint.fix.Fixer;
import io.logconv.lint.fix.UnifiedDiff;
import io.logconv.lint.report.Report;
import io.logconv.lint.report.Reporter;
import io.logconv.lint.report.Summary;
import io.logconv.lint.source.Baseline;
import io.logconv.lint.source.LintResult;
import io.logconv.lint.source.SourceLinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logconv lint [DIR|FILE...]}: runs the source linter over Java files and Logback
 * configurations and reports the findings as text, JSON or SARIF 2.1.0 (the reporters {@code
 * logconv validate} uses), with a summary. Exit code 0 when no
 * finding reaches {@code --fail-on}, 1 when one does, 2 on a usage or I/O error.
 *
 * <pre>{@code
 * int exit = new CommandLine(new LintCommand()).execute("src/main", "--format", "json");
 * }</pre>
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Check Java sources and logging configurations (Logback, Log4j2, Log4j 1)"
        + " against the log conventions.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:usage or I/O error"
    })
public final class LintCommand implements Callable<Integer> {
  static final int CLEAN = 0;
  static final int FINDINGS = 1;
  static final int ERROR = 2;

  /** Output formats. */
  enum Format {
    text,
    json,
    sarif
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR|FILE", arity = "0..*",
      description = "Directories or files to check (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Ignore findings listed in this baseline file.")
  Path baseline;

  @Option(names = "--write-baseline",
      description = "Write every current finding to the --baseline file (default"
          + " logconv-baseline.txt) and exit 0.")
  boolean writeBaseline;

  @Option(names = "--fail-on", defaultValue = "warning", paramLabel = "SEVERITY",
      converter = SeverityConverter.class,
      description = "Exit 1 when a finding is at least this severe: error, warning, note"
          + " (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Option(names = "--cache", paramLabel = "FILE", defaultValue = ".logconv-cache",
      description = "Cache of per-file results keyed by content (default: ${DEFAULT-VALUE}).")
  Path cache;

  @Option(names = "--no-cache", description = "Do not read or write the cache.")
  boolean noCache;

  @Option(names = "--enable", split = ",", paramLabel = "ID",
      description = "Run only these rules (comma-separated ids).")
  List<String> enable = new ArrayList<>();

  @Option(names = "--disable", split = ",", paramLabel = "ID",
      description = "Do not run these rules (comma-separated ids).")
  List<String> disable = new ArrayList<>();

  @Option(names = "--severity", split = ",", paramLabel = "ID=SEVERITY",
      converter = {IdConverter.class, SeverityConverter.class},
      description = "Override a rule's severity, e.g. LC008=error.")
  Map<String, Severity> severities = new LinkedHashMap<>();

  @Option(names = "--logger-wrapper", paramLabel = "TYPE:METHODS:SKIP",
      description = "Check calls of a logging wrapper from outside the tree like logging calls:"
          + " TYPE its fully qualified name, METHODS its logging methods (comma-separated; *"
          + " for every method named after a level, such as debugCr), SKIP the number of leading"
          + " context arguments before the message. Repeatable. Wrappers declared in the tree are"
          + " found without this.")
  List<String> loggerWrappers = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Do not lint files whose path relative to the directory given matches GLOB"
          + " (repeatable), e.g. '**/generated/**'.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--test-profile", paramLabel = "on|off", defaultValue = "on", arity = "1",
      converter = OnOffConverter.class,
      description = "Lint test sources (src/test/, src/it/, src/testFixtures/, src/jmh/) with the"
          + " test profile, in which LC011, LC013 and LC014 are off (default: on); off lints"
          + " them like main code.")
  boolean testProfile;

  @Option(names = "--fix",
      description = "Apply the fixes findings carry (rewriting files in place), then report what"
          + " remains.")
  boolean fix;

  @Option(names = "--dry-run",
      description = "With --fix: print the changes as a unified diff instead of writing them.")
  boolean dryRun;

  @Option(names = "--classpath", split = "${sys:path.separator}", paramLabel = "PATH",
      description = "The linted project's classpath (jars and class directories); where it holds"
          + " logconv-schema, fixes may use its Action constants.")
  List<Path> classpath = new ArrayList<>();

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Files parsed in parallel (default: number of cores).")
  Integer jobs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    Path baselineFile = baseline == null && writeBaseline ? Path.of("logconv-baseline.txt") : baseline;
    SourceLinter.Builder builder = SourceLinter.builder()
        .enable(enable.toArray(String[]::new))
        .disable(disable.toArray(String[]::new))
        .baseline(writeBaseline ? null : baselineFile)
        .cache(noCache ? null : cache)
        .testProfile(testProfile)
        .schemaOnClasspath(Classpaths.containsSchema(classpath));
    try {
      builder.exclude(excludes.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      err.println("logconv lint: --exclude " + e.getMessage());
      err.flush();
      return ERROR;
    }
    severities.forEach(builder::severity);
    for (String w : loggerWrappers) {
      try {
        builder.loggerWrapper(w);
      } catch (IllegalArgumentException e) {
        err.println("logconv lint: --logger-wrapper: " + e.getMessage());
        return ERROR;
      }
    }
    if (jobs != null) {
      if (jobs < 1) {
        err.println("logconv lint: --jobs must be at least 1");
        return ERROR;
      }
      builder.parallelism(jobs);
    }
    if (dryRun && !fix) {
      err.println("logconv lint: --dry-run needs --fix");
      return ERROR;
    }
    LintResult result;
    try {
      SourceLinter linter = builder.build();
      result = linter.lint(roots);
      if (fix && !writeBaseline) {
        Fixer.Outcome fixed = Fixer.fix(linter, result, dryRun);
        if (dryRun) {
          for (Fixer.Change c : fixed.changes()) {
            out.print(UnifiedDiff.of(c.display(), c.before(), c.after()));
          }
          err.println("logconv lint: would fix " + fixOutcome(fixed));
          return fixed.fixed() > 0 ? FINDINGS : CLEAN;
        }
        err.println("logconv lint: fixed " + fixOutcome(fixed));
        result = linter.lint(roots);
      }
      if (writeBaseline) {
        Baseline.write(baselineFile, result);
        out.println("wrote " + result.findings().size() + " finding"
            + (result.findings().size() == 1 ? "" : "s") + " to baseline " + baselineFile);
        out.flush();
        return CLEAN;
      }
      String report = render(result);
      String details = result.details();
      if (output != null) {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(output, report, StandardCharsets.UTF_8);
        out.println(summary(result));
      } else {
        out.print(report);
        if (format == Format.text) {
          if (!details.isEmpty()) {
            out.println("  " + details);
          }
        } else {
          err.println(summary(result));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      err.println("logconv lint: " + describe(e));
      return ERROR;
    } finally {
      out.flush();
      err.flush();
    }
    return result.hasFindingsAtLeast(failOn) ? FINDINGS : CLEAN;
  }

  private static String fixOutcome(Fixer.Outcome o) {
    return plural(o.fixed(), "finding") + " in " + plural(o.changes().size(), "file")
        + (o.fixed() > 0 ? " (" + o.byRule() + ")" : "");
  }

  private static String describe(Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (t instanceof java.nio.file.NoSuchFileException n) {
      return n.getFile() + ": no such file or directory";
    }
    return String.valueOf(t.getMessage());
  }

  /** The report in the chosen format, written by the reporters the validator uses too. */
  private String render(LintResult result) throws IOException {
    StringBuilder sb = new StringBuilder();
    Reporter.forName(format.name(), false).write(report(result), sb);
    return sb.toString();
  }

  /**
   * The run as a shared {@link Report}: every rule the linter has (for SARIF's rule entries), the
   * findings, and a summary counted in files, with the files that have the most findings.
   */
  static Report report(LintResult r) {
    return new Report(
        ValidateCommand.tool(),
        SourceLinter.allRules(),
        r.findings(),
        Summary.ofSourceFiles(r.filesScanned(), r.findings(), r.skippedBuildOutput(),
            r.excluded()));
  }

  static String summary(LintResult r) {
    int n = r.findings().size();
    StringBuilder sb = new StringBuilder();
    sb.append(plural(n, "finding")).append(" (")
        .append(plural(r.count(Severity.ERROR), "error")).append(", ")
        .append(plural(r.count(Severity.WARNING), "warning")).append(", ")
        .append(plural(r.count(Severity.NOTE), "note")).append(") in ")
        .append(plural(r.filesScanned(), "file"));
    String details = r.details();
    if (!details.isEmpty()) {
      sb.append("; ").append(details);
    }
    if (!r.skipDetails().isEmpty()) {
      sb.append("; ").append(r.skipDetails());
    }
    return sb.toString();
  }

  /** Severity names in any case ({@code warning}, {@code WARNING}). */
  static final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      try {
        return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a severity (error, warning, note)");
      }
    }
  }

  /** {@code on}/{@code off} (also {@code true}/{@code false}). */
  static final class OnOffConverter implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "on", "true" -> true;
        case "off", "false" -> false;
        default -> throw new TypeConversionException("'" + value + "' is not on or off");
      };
    }
  }

  /** Rule ids as given. */
  static final class IdConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return value.strip();
    }
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
