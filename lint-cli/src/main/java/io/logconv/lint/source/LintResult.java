package io.logconv.lint.source;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link SourceLinter#lint} run found: the findings that count (sorted by file, line,
 * column, rule), and how the run went: files scanned, how many came from the cache, how many did
 * not parse, how many findings an annotation or the baseline silenced.
 *
 * <pre>{@code
 * LintResult r = linter.lint(List.of(Path.of("src")));
 * if (r.hasFindingsAtLeast(Severity.WARNING)) { ... }
 * }</pre>
 */
public final class LintResult {
  /** One finding that counts, with the hash of its line that keys it in a baseline. */
  record Entry(Finding finding, String lineHash) {}

  private final List<Entry> entries;
  private final List<Finding> findings;
  private final int filesScanned;
  private final int filesFromCache;
  private final int parseFailures;
  private final int suppressed;
  private final int baselined;
  private final int skippedBuildOutput;
  private final int excluded;

  LintResult(
      List<Entry> entries,
      int filesScanned,
      int filesFromCache,
      int parseFailures,
      int suppressed,
      int baselined) {
    this(entries, filesScanned, filesFromCache, parseFailures, suppressed, baselined, 0, 0);
  }

  private LintResult(
      List<Entry> entries,
      int filesScanned,
      int filesFromCache,
      int parseFailures,
      int suppressed,
      int baselined,
      int skippedBuildOutput,
      int excluded) {
    this.skippedBuildOutput = skippedBuildOutput;
    this.excluded = excluded;
    this.entries = List.copyOf(entries);
    this.findings = entries.stream().map(Entry::finding).toList();
    this.filesScanned = filesScanned;
    this.filesFromCache = filesFromCache;
    this.parseFailures = parseFailures;
    this.suppressed = suppressed;
    this.baselined = baselined;
  }

  /** The findings, sorted by file, line, column and rule id. */
  public List<Finding> findings() {
    return findings;
  }

  /** Number of files (Java sources and Logback configurations) looked at. */
  public int filesScanned() {
    return filesScanned;
  }

  /** Number of those whose result came from the cache, unparsed. */
  public int filesFromCache() {
    return filesFromCache;
  }

  /** Number of files that did not parse (each is also one finding). */
  public int parseFailures() {
    return parseFailures;
  }

  /** Findings silenced by {@code @SuppressWarnings("logconv...")}. */
  public int suppressed() {
    return suppressed;
  }

  /** Findings silenced by the baseline. */
  public int baselined() {
    return baselined;
  }

  /**
   * Number of lintable files not looked at because they sit in build output ({@code target/} or
   * {@code build/} beside a build file).
   */
  public int skippedBuildOutput() {
    return skippedBuildOutput;
  }

  /** Number of lintable files left out by an exclude pattern. */
  public int excluded() {
    return excluded;
  }

  /**
   * The files discovery left out, for one-line summaries: {@code "38 in build output not linted,
   * 12 excluded"}, each part only when not zero, or an empty string.
   */
  public String skipDetails() {
    List<String> parts = new ArrayList<>();
    if (skippedBuildOutput > 0) {
      parts.add(skippedBuildOutput + " in build output not linted");
    }
    if (excluded > 0) {
      parts.add(excluded + " excluded");
    }
    return String.join(", ", parts);
  }

  /** This result with the numbers of files discovery left out. */
  LintResult withSkipped(int buildOutput, int excludedFiles) {
    return new LintResult(entries, filesScanned, filesFromCache, parseFailures, suppressed,
        baselined, buildOutput, excludedFiles);
  }

  /** Number of findings of exactly {@code severity}. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /**
   * What a findings count does not say, for summaries: files read from the cache, files that did
   * not parse, suppressed and baselined findings; each part only when not zero, such as {@code
   * "12 from cache, 1 suppressed"}, or an empty string.
   */
  public String details() {
    List<String> parts = new ArrayList<>();
    if (filesFromCache() > 0) {
      parts.add(filesFromCache() + " from cache");
    }
    if (parseFailures() > 0) {
      parts.add(parseFailures() + " did not parse");
    }
    if (suppressed() > 0) {
      parts.add(suppressed() + " suppressed");
    }
    if (baselined() > 0) {
      parts.add(baselined() + " baselined");
    }
    return String.join(", ", parts);
  }

  /** True if some finding is at least as severe as {@code threshold}. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().isAtLeast(threshold));
  }

  List<Entry> entries() {
    return entries;
  }
}
