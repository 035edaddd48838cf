package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class PiiKeyRuleTest {
  @Test
  void flagsPersonalDataKeys() {
    LintTestHelper.forRule(new PiiKeyRule()).addSource("A.java", """
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          Logger log;
          void f(String id) {
            // BUG: Diagnostic contains: key 'user_id' names personal data
            log.atInfo().addKeyValue("user_id", id).log("login");
            // BUG: Diagnostic contains: 'email'
            MDC.put("email", id);
            // BUG: Diagnostic contains: 'userName'
            log.atInfo().addKeyValue("userName", id).log("login");
            log.atInfo().addKeyValue("user_agent", id).log("not personal");
            log.atInfo().addKeyValue("namespace", id).log("x");
            log.info("user {} logged in", id);
          }
        }
        """).doTest();
  }
}
