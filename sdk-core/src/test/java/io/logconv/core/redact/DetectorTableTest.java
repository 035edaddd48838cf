package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link DetectorTable} has true and false examples in {@code redact/examples.txt}
 * (written by hand) or {@code redact/corpus.txt} (generated, see {@code CorpusTest}), and they hold: a true example's marked span, and only it, is replaced by the rule's type, in a
 * message and in the other contexts a writer meets text in; a false example is kept whole.
 */
class DetectorTableTest {
  private static final char OPEN = '\u27e6';
  private static final char CLOSE = '\u27e7';

  /** One line of the examples file. */
  record Example(
      String file, int line, String ruleId, boolean secret, String text, String expectedType) {}

  /** The hand-written examples and the generated corpus ({@code CorpusTest} measures it). */
  static final List<String> FILES = List.of("/redact/examples.txt", "/redact/corpus.txt");

  static List<Example> examples() throws IOException {
    List<Example> list = new ArrayList<>();
    for (String file : FILES) {
      list.addAll(examples(file));
    }
    return list;
  }

  static List<Example> examples(String file) throws IOException {
    List<Example> list = new ArrayList<>();
    try (InputStream in = DetectorTableTest.class.getResourceAsStream(file)) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String[] cols = l.split("\t", -1);
        assertThat(cols.length).as("%s line %d: %s", file, i + 1, l).isBetween(3, 4);
        assertThat(cols[1]).as("%s line %d", file, i + 1).isIn("+", "-");
        list.add(
            new Example(
                file,
                i + 1,
                cols[0],
                cols[1].equals("+"),
                cols[2].replace("\\n", "\n"),
                cols.length == 4 ? cols[3] : null));
      }
    }
    return list;
  }

  @Test
  void everyRuleHasTrueAndFalseExamplesAndEveryExampleARule() throws IOException {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (DetectorRule r : DetectorTable.RULES) {
      counts.put(r.id(), new int[2]);
    }
    for (Example e : examples()) {
      assertThat(counts).as("%s line %d names an unknown rule", e.file(), e.line()).containsKey(e.ruleId());
      counts.get(e.ruleId())[e.secret() ? 0 : 1]++;
    }
    counts.forEach(
        (id, n) -> {
          assertThat(n[0]).as("true examples of %s", id).isPositive();
          assertThat(n[1]).as("false examples of %s", id).isPositive();
        });
  }

  @Test
  void ruleIdsAreUniqueKebabCaseAndTypesValid() {
    Set<String> ids = new HashSet<>();
    for (DetectorRule r : DetectorTable.RULES) {
      assertThat(ids.add(r.id())).as("duplicate %s", r.id()).isTrue();
      assertThat(r.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      if (r.detector() != null) {
        assertThat(r.detector().type()).isEqualTo(r.type()).matches("[a-z0-9_]+");
      }
    }
  }

  @Test
  void trueExamplesAreReplacedWhereMarkedAndNowhereElse() throws IOException {
    SoftAssertions softly = new SoftAssertions();
    for (Example e : examples()) {
      if (!e.secret()) {
        continue;
      }
      DetectorRule rule = DetectorTable.rule(e.ruleId());
      String type = e.expectedType() != null ? e.expectedType() : rule.type();
      StringBuilder text = new StringBuilder();
      StringBuilder expected = new StringBuilder();
      List<String> secrets = new ArrayList<>();
      int i = 0;
      String t = e.text();
      while (i < t.length()) {
        int open = t.indexOf(OPEN, i);
        if (open < 0) {
          text.append(t, i, t.length());
          expected.append(t, i, t.length());
          break;
        }
        int close = t.indexOf(CLOSE, open);
        text.append(t, i, open).append(t, open + 1, close);
        expected.append(t, i, open).append("[REDACTED:").append(type).append(']');
        secrets.add(t.substring(open + 1, close));
        i = close + 1;
      }
      assertThat(secrets).as("%s line %d marks no secret", e.file(), e.line()).isNotEmpty();
      SecretRedactor r = rule.optIn() ? Redaction.NETWORK : Redaction.REDACTOR;
      softly
          .assertThat(Redaction.redact(r, text.toString()))
          .as("%s line %d (%s)", e.file(), e.line(), e.ruleId())
          .isEqualTo(expected.toString());
      for (String context : Redaction.contexts(text.toString())) {
        String out = Redaction.redact(r, context);
        for (String s : secrets) {
          softly.assertThat(out).as("%s line %d (%s) in %s", e.file(), e.line(), e.ruleId(), context).doesNotContain(s);
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void falseExamplesAreKept() throws IOException {
    SoftAssertions softly = new SoftAssertions();
    for (Example e : examples()) {
      if (e.secret()) {
        continue;
      }
      DetectorRule rule = DetectorTable.rule(e.ruleId());
      SecretRedactor r = rule.optIn() ? Redaction.NETWORK : Redaction.REDACTOR;
      softly
          .assertThat(Redaction.redact(r, e.text()))
          .as("%s line %d (%s)", e.file(), e.line(), e.ruleId())
          .isEqualTo(e.text());
    }
    softly.assertAll();
  }
}
