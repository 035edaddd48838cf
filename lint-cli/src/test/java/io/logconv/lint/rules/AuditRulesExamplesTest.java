package io.logconv.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.LintTestHelper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit rules' documented examples, as user code with sdk-core's imports: the bad example is
 * reported at the rule's severity, the good one not at all.
 */
class AuditRulesExamplesTest {
  static Stream<Named<JavaRule<?>>> rules() {
    return Stream.of(new AuditOutcomeValueRule(), new AuditSecretPayloadRule(), new AuditActorInClearRule())
        .map(r -> Named.of(r.descriptor().id(), r));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void badIsReportedAndGoodIsClean(JavaRule<?> rule) {
    List<Finding> bad = lint(rule, rule.descriptor().badExample());
    assertThat(bad).isNotEmpty();
    assertThat(bad).extracting(Finding::severity).containsOnly(rule.descriptor().defaultSeverity());
    assertThat(lint(rule, rule.descriptor().goodExample())).isEmpty();
  }

  private static List<Finding> lint(JavaRule<?> rule, String example) {
    String source = """
        import io.logconv.core.api.AuditEvent;
        import io.logconv.schema.Action;
        import io.logconv.schema.Outcome;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String user, String ns, String name, Object secret) {
        """ + example.indent(4) + """
          }
        }
        """;
    return LintTestHelper.forRule(rule).addSource("A.java", source).findings();
  }
}
