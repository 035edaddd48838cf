package io.logconv.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import io.logconv.lint.source.LintRule;
import io.logconv.lint.source.LintTestHelper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the severity of each finding against a tag at the end of its line: {@code // note},
 * {@code // warning} or {@code // error} expects exactly one finding of that severity there, and a
 * line without a tag none.
 */
final class Severities {
  private static final Pattern TAG = Pattern.compile("//\\s*(note|warning|error)\\s*$");

  private Severities() {}

  static void check(LintRule rule, String source) {
    Map<Integer, Severity> expected = new TreeMap<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = TAG.matcher(lines[i]);
      if (m.find()) {
        expected.put(i + 1, Severity.valueOf(m.group(1).toUpperCase(Locale.ROOT)));
      }
    }
    List<Finding> findings = LintTestHelper.forRule(rule).addSource("A.java", source).findings();
    Map<Integer, Severity> actual = new TreeMap<>();
    List<String> twice = new ArrayList<>();
    for (Finding f : findings) {
      if (actual.put(f.line(), f.severity()) != null) {
        twice.add(f.line() + ": " + f.message());
      }
    }
    assertThat(twice).as("lines with more than one finding; findings: %s", findings).isEmpty();
    assertThat(actual).as("severity by line; findings: %s", findings).isEqualTo(expected);
  }
}
