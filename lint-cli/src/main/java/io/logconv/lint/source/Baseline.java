package io.logconv.lint.source;

import io.logconv.lint.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepted findings that stay silent until the code around them changes. An entry is keyed on the
 * rule id, the file and a hash of the finding's line with its whitespace normalised, never on the
 * line number: adding lines above a finding keeps it baselined, editing the line brings it back.
 * Identical lines in one file are counted, so a second copy of a baselined line is reported.
 *
 * <p>The file is plain text, one entry per line, tab-separated: rule, file, line hash, then the
 * line number and message as it was written (for readers; matching ignores them). Lines starting
 * with {@code #} are comments.
 *
 * <pre>{@code
 * Baseline.write(path, result);                 // logconv lint --write-baseline
 * SourceLinter.builder().baseline(path).build()  // later runs ignore those findings
 * }</pre>
 */
public final class Baseline {
  private final Map<String, Integer> counts;

  private Baseline(Map<String, Integer> counts) {
    this.counts = counts;
  }

  /** Reads a baseline file. */
  public static Baseline read(Path file) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 4);
      if (f.length < 3) {
        throw new IOException(file + ": not a logconv baseline line: " + line);
      }
      counts.merge(key(f[0], f[1], f[2]), 1, Integer::sum);
    }
    return new Baseline(counts);
  }

  /** Writes every finding of {@code result} (baselined ones included) to {@code file}. */
  public static void write(Path file, LintResult result) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("# logconv lint baseline: these findings are ignored until their line changes.\n");
      w.write("# rule\tfile\tline-hash\tline\tmessage\n");
      List<LintResult.Entry> entries = new ArrayList<>(result.entries());
      for (LintResult.Entry e : entries) {
        Finding f = e.finding();
        w.write(f.ruleId() + "\t" + f.file() + "\t" + e.lineHash() + "\t" + f.line() + "\t"
            + f.message().replace('\t', ' ').replace('\n', ' ') + "\n");
      }
    }
  }

  /** Takes one matching entry, if any is left; true if {@code finding} is baselined. */
  boolean consume(Finding finding, String lineHash) {
    String k = key(finding.ruleId(), finding.file(), lineHash);
    Integer n = counts.get(k);
    if (n == null || n == 0) {
      return false;
    }
    counts.put(k, n - 1);
    return true;
  }

  /** A copy whose counts can be consumed by one run. */
  Baseline fresh() {
    return new Baseline(new HashMap<>(counts));
  }

  private static String key(String rule, String file, String hash) {
    return rule + '\t' + file + '\t' + hash;
  }
}
