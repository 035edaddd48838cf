package io.logconv.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.LintTestHelper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad example in the docs of the rules whose severity depends on what the SDK does at run time
 * is reported at the rule's own severity, so that it fails the default build as the docs say, and
 * the good example is not reported at all.
 */
class DocumentedExamplesTest {
  @ParameterizedTest
  @ValueSource(strings = {"LC006", "LC007"})
  void badFailsAtTheRulesSeverityAndGoodIsClean(String id) {
    JavaRule<?> rule = id.equals("LC006") ? new SecretLoggedRule() : new PiiKeyRule();
    List<Finding> bad = lint(rule, rule.descriptor().badExample());
    List<Finding> good = lint(rule, rule.descriptor().goodExample());
    assertThat(bad).extracting(Finding::severity).contains(rule.descriptor().defaultSeverity());
    assertThat(good).isEmpty();
  }

  private static List<Finding> lint(JavaRule<?> rule, String example) {
    String source = """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(User user, Config config, Pseudonyms pseudonyms) {
        """ + example.indent(4) + """
          }
        }
        """;
    return LintTestHelper.forRule(rule).addSource("A.java", source).findings();
  }
}
