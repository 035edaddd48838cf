package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.fail;

import io.logconv.lint.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs rules over source text whose expected findings are written beside the code, in the style of
 * Error Prone's {@code CompilationTestHelper}: {@code // BUG: Diagnostic contains: <text>} (or
 * {@code <!-- BUG: Diagnostic contains: <text> -->} in XML, {@code # BUG: ...} in properties and
 * YAML) at the end of a line expects a finding
 * on that line, alone on a line it expects one on the next code line. Every expected finding must
 * be reported with a message containing the text, and every reported finding must be expected, so a
 * false positive fails the test as surely as a miss.
 *
 * <pre>{@code
 * LintTestHelper.forRule(new SystemOutRule())
 *     .addSourceLines("A.java",
 *         "class A { void f() {",
 *         "  // BUG: Diagnostic contains: System.out.println",
 *         "  System.out.println(1);",
 *         "} }")
 *     .doTest();
 * }</pre>
 */
public final class LintTestHelper {
  private static final Pattern MARKER =
      Pattern.compile("(?://|<!--|#)\\s*BUG: Diagnostic contains:\\s*(.*?)\\s*(?:-->)?\\s*$");

  private final List<LintRule> rules;
  private final Map<String, String> files = new LinkedHashMap<>();
  private final List<String> wrappers = new ArrayList<>();

  private LintTestHelper(List<LintRule> rules) {
    this.rules = rules;
  }

  /** A helper running only {@code rules} (and the parse-error check). */
  public static LintTestHelper forRules(LintRule... rules) {
    return new LintTestHelper(List.of(rules));
  }

  /** A helper running only {@code rule} (and the parse-error check). */
  public static LintTestHelper forRule(LintRule rule) {
    return forRules(rule);
  }

  /** Adds a file; its name decides whether it is Java or a Logback configuration. */
  public LintTestHelper addSourceLines(String fileName, String... lines) {
    files.put(fileName, String.join("\n", lines) + "\n");
    return this;
  }

  /** Adds a file from one text (a text block); its name decides Java or Logback. */
  public LintTestHelper addSource(String fileName, String text) {
    files.put(fileName, text);
    return this;
  }

  /** Lints every added file and returns the findings, unchecked. */
  public List<Finding> findings() {
    return linter().lintTexts(files);
  }

  /** Lints every added file and checks the findings against the markers. */
  public void doTest() {
    List<Finding> all = linter().lintTexts(files);
    List<String> problems = new ArrayList<>();
    files.forEach((name, text) -> {
      Map<Integer, List<String>> expected = expectations(text);
      List<Finding> actual = all.stream().filter(f -> f.file().equals(name)).toList();
      for (Finding f : actual) {
        List<String> texts = expected.get(f.line());
        if (texts == null || texts.stream().noneMatch(f.message()::contains)) {
          problems.add("unexpected finding " + describe(f));
        }
      }
      expected.forEach((line, texts) -> {
        for (String t : texts) {
          boolean found = actual.stream()
              .anyMatch(f -> f.line() == line && f.message().contains(t));
          if (!found) {
            problems.add("missing finding at " + name + ":" + line + " containing \"" + t + "\"");
          }
        }
      });
      if (!problems.isEmpty()) {
        problems.add("all findings in " + name + ": "
            + actual.stream().map(LintTestHelper::describe).toList());
      }
    });
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  private SourceLinter linter() {
    SourceLinter.Builder b = SourceLinter.builder().rules(rules);
    wrappers.forEach(b::loggerWrapper);
    return b.build();
  }

  /** Treats this {@code TYPE:METHOD[,METHOD...]:SKIP} as a logging wrapper from outside. */
  public LintTestHelper loggerWrapper(String spec) {
    wrappers.add(spec);
    return this;
  }

  private static String describe(Finding f) {
    return f.file() + ":" + f.line() + ":" + f.column() + " " + f.ruleId() + " " + f.message();
  }

  private static Map<Integer, List<String>> expectations(String text) {
    Map<Integer, List<String>> out = new TreeMap<>();
    String[] lines = text.split("\n", -1);
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      if (m.find()) {
        String before = lines[i].substring(0, m.start()).strip();
        if (before.isEmpty()) {
          pending.add(m.group(1));
          continue;
        }
        out.computeIfAbsent(i + 1, k -> new ArrayList<>()).add(m.group(1));
      }
      if (!pending.isEmpty() && !lines[i].isBlank()) {
        out.computeIfAbsent(i + 1, k -> new ArrayList<>()).addAll(pending);
        pending.clear();
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException("marker at the end of the file applies to no line");
    }
    return out;
  }
}
