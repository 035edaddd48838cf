package io.logconv.cli;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import io.logconv.lint.source.Baseline;
import io.logconv.lint.source.LintResult;
import io.logconv.lint.source.SourceLinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code logconv lint [DIR|FILE...]}: runs the source linter over Java files and Logback
 * configurations and reports the findings as text or JSON, with a summary. Exit code 0 when no
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
    description = "Check Java sources and logback.xml against the log conventions.",
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

  @Option(names = "--fail-on", defaultValue = "note", paramLabel = "SEVERITY",
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

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Files parsed in parallel (default: number of cores).")
  Integer jobs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == Format.sarif) {
      err.println("logconv lint: SARIF output is written by the shared report module, which this"
          + " build does not include; use --format text or json");
      return ERROR;
    }
    List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    Path baselineFile = baseline == null && writeBaseline ? Path.of("logconv-baseline.txt") : baseline;
    SourceLinter.Builder builder = SourceLinter.builder()
        .enable(enable.toArray(String[]::new))
        .disable(disable.toArray(String[]::new))
        .baseline(writeBaseline ? null : baselineFile)
        .cache(noCache ? null : cache);
    severities.forEach(builder::severity);
    if (jobs != null) {
      if (jobs < 1) {
        err.println("logconv lint: --jobs must be at least 1");
        return ERROR;
      }
      builder.parallelism(jobs);
    }
    LintResult result;
    try {
      result = builder.build().lint(roots);
      if (writeBaseline) {
        Baseline.write(baselineFile, result);
        out.println("wrote " + result.findings().size() + " finding"
            + (result.findings().size() == 1 ? "" : "s") + " to baseline " + baselineFile);
        out.flush();
        return CLEAN;
      }
      String report = render(result);
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
          out.println(summary(result));
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

  private static String describe(Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (t instanceof java.nio.file.NoSuchFileException n) {
      return n.getFile() + ": no such file or directory";
    }
    return String.valueOf(t.getMessage());
  }

  /** The report in the chosen format: text or JSON (SARIF is refused before linting). */
  private String render(LintResult result) {
    StringWriter w = new StringWriter();
    if (format == Format.json) {
      renderJson(result, w);
    } else {
      for (Finding f : result.findings()) {
        w.append(f.file()).append(':').append(Integer.toString(f.line()));
        if (f.column() > 0) {
          w.append(':').append(Integer.toString(f.column()));
        }
        w.append(": ").append(lower(f.severity())).append(": ").append(f.message())
            .append(" [").append(f.ruleId()).append("]\n");
      }
    }
    return w.toString();
  }

  private static void renderJson(LintResult result, Writer w) {
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeArrayPropertyStart("findings");
      for (Finding f : result.findings()) {
        g.writeStartObject();
        g.writeStringProperty("ruleId", f.ruleId());
        g.writeStringProperty("severity", lower(f.severity()));
        g.writeStringProperty("file", f.file());
        g.writeNumberProperty("line", f.line());
        g.writeNumberProperty("column", f.column());
        g.writeStringProperty("message", f.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectPropertyStart("summary");
      g.writeNumberProperty("files", result.filesScanned());
      g.writeNumberProperty("filesFromCache", result.filesFromCache());
      g.writeNumberProperty("parseFailures", result.parseFailures());
      g.writeNumberProperty("errors", (int) result.count(Severity.ERROR));
      g.writeNumberProperty("warnings", (int) result.count(Severity.WARNING));
      g.writeNumberProperty("notes", (int) result.count(Severity.NOTE));
      g.writeNumberProperty("suppressed", result.suppressed());
      g.writeNumberProperty("baselined", result.baselined());
      g.writeEndObject();
      g.writeEndObject();
    } catch (JacksonException e) {
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    }
    try {
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String summary(LintResult r) {
    int n = r.findings().size();
    StringBuilder sb = new StringBuilder();
    sb.append(plural(n, "finding")).append(" (")
        .append(plural(r.count(Severity.ERROR), "error")).append(", ")
        .append(plural(r.count(Severity.WARNING), "warning")).append(", ")
        .append(plural(r.count(Severity.NOTE), "note")).append(") in ")
        .append(plural(r.filesScanned(), "file"));
    List<String> extra = new ArrayList<>();
    if (r.filesFromCache() > 0) {
      extra.add(r.filesFromCache() + " from cache");
    }
    if (r.parseFailures() > 0) {
      extra.add(r.parseFailures() + " did not parse");
    }
    if (r.suppressed() > 0) {
      extra.add(r.suppressed() + " suppressed");
    }
    if (r.baselined() > 0) {
      extra.add(r.baselined() + " baselined");
    }
    if (!extra.isEmpty()) {
      sb.append("; ").append(String.join(", ", extra));
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

  private static String lower(Severity s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
