package io.logconv.lint.fix;

import io.logconv.lint.Finding;
import io.logconv.lint.source.LintResult;
import io.logconv.lint.source.SourceLinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the fixes of a lint run to the files they belong to. Per file, the fixes that do not
 * overlap are applied together, the file is linted again in memory and the fixes found then are
 * applied, until none is left or {@link #MAX_PASSES} passes are done; so fixes that touch the same
 * call ({@code LC008} then {@code LC010}) are each computed on the result of the other. A file is
 * written only if it changed, in place and atomically, as UTF-8 (how the linter reads it).
 *
 * <pre>{@code
 * LintResult before = linter.lint(roots);
 * Fixer.Outcome fixed = Fixer.fix(linter, before, true);
 * LintResult after = linter.lint(roots); // what remains
 * }</pre>
 */
public final class Fixer {
  /** Passes per file at most; fixes converge in two for every rule today. */
  public static final int MAX_PASSES = 5;

  private Fixer() {}

  /**
   * One changed file.
   *
   * @param file the file
   * @param display its name in findings
   * @param before its text before
   * @param after its text with the fixes
   */
  public record Change(Path file, String display, String before, String after) {}

  /**
   * What a fix run did.
   *
   * @param fixedByRule the fixes applied per rule id, sorted by id
   * @param changes the files changed, in the order of the findings
   */
  public record Outcome(Map<String, Integer> fixedByRule, List<Change> changes) {
    /** The number of fixes applied. */
    public int fixed() {
      return fixedByRule.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code "LC001 x2, LC008 x5"}, or {@code ""} when nothing was fixed. */
    public String byRule() {
      List<String> parts = new ArrayList<>();
      fixedByRule.forEach((id, n) -> parts.add(id + " x" + n));
      return String.join(", ", parts);
    }
  }

  /**
   * Applies the fixes of {@code result}'s findings; writes the files unless {@code dryRun}.
   *
   * @throws IOException if a file cannot be read or written
   */
  public static Outcome fix(SourceLinter linter, LintResult result, boolean dryRun)
      throws IOException {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      if (f.fix() != null) {
        byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, Integer> counts = new TreeMap<>();
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      Path file = linter.baseDirectory().resolve(e.getKey());
      String before = Files.readString(file, StandardCharsets.UTF_8);
      String after = fixText(linter, e.getKey(), before, e.getValue(), counts);
      if (!after.equals(before)) {
        changes.add(new Change(file, e.getKey(), before, after));
        if (!dryRun) {
          write(file, after);
        }
      }
    }
    return new Outcome(java.util.Collections.unmodifiableMap(counts), List.copyOf(changes));
  }

  /**
   * Applies {@code findings}' fixes to {@code text}, the content of the file named {@code
   * display}, relinting in memory between passes; adds what was applied to {@code counts}.
   */
  public static String fixText(SourceLinter linter, String display, String text,
      List<Finding> findings, Map<String, Integer> counts) {
    String current = text;
    List<Finding> pending = findings;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      IdentityHashMap<Fix, String> rules = new IdentityHashMap<>();
      List<Fix> fixes = new ArrayList<>();
      for (Finding f : pending) {
        if (f.fix() != null) {
          rules.put(f.fix(), f.ruleId());
          fixes.add(f.fix());
        }
      }
      if (fixes.isEmpty()) {
        break;
      }
      FixApplier.Result r = FixApplier.apply(current, fixes);
      if (r.applied().isEmpty() || r.text().equals(current)) {
        break;
      }
      for (Fix f : r.applied()) {
        counts.merge(rules.get(f), 1, Integer::sum);
      }
      current = r.text();
      pending = linter.lintText(display, current);
    }
    return current;
  }

  private static void write(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".logconv-fix");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
