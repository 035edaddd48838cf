package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.rules.RuleAccess;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionTest {
  private static final String HEADER = "import org.slf4j.Logger;\n";

  @Test
  void suppressWarningsOnAnEnclosingDeclarationSilencesTheNamedRule() {
    LintTestHelper.forRules(RuleAccess.systemOut(), RuleAccess.reservedKey()).addSource("A.java",
        HEADER + """
        class A {
          Logger log;
          @SuppressWarnings("logconv:LC011")
          void byId() { System.out.println("x"); }

          @SuppressWarnings("logconv:system-out")
          void byName() { System.out.println("x"); }

          @SuppressWarnings({"unchecked", "logconv:LC011"})
          void inArray() { System.out.println("x"); }

          @SuppressWarnings(value = "logconv:LC011")
          void named() { System.out.println("x"); }

          @SuppressWarnings("logconv:LC011")
          void otherRuleStillReported(String p) {
            // BUG: Diagnostic contains: 'pod_name'
            log.atInfo().addKeyValue("pod_name", p).log("x");
          }

          @SuppressWarnings("unchecked")
          void unrelated() {
            System.out.println("x"); // BUG: Diagnostic contains: System.out
          }

          void local() {
            @SuppressWarnings("logconv")
            Runnable r = () -> System.out.println("inside a suppressed local");
            System.out.println("x"); // BUG: Diagnostic contains: System.out
          }

          @SuppressWarnings("logconv")
          class Inner {
            void f(String p) {
              System.out.println("x");
              log.atInfo().addKeyValue("pod_name", p).log("x");
            }
          }
        }
        """).doTest();
  }

  @Test
  void classLevelSuppressionCoversEveryMemberAndIsCounted() {
    SourceLinter linter = SourceLinter.builder()
        .rules(List.of(RuleAccess.systemOut())).build();
    String text = """
        @SuppressWarnings("logconv")
        class A {
          void f() { System.out.println("a"); System.err.println("b"); }
          String field = String.valueOf(1);
        }
        """;
    assertThat(linter.lintText("A.java", text)).isEmpty();
    assertThat(linter.lintText("A.java", text.replace("@SuppressWarnings(\"logconv\")", "")))
        .hasSize(2);
  }
}
