package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class AuditTypeRuleTest {
  @Test
  void flagsNonBooleans() {
    LintTestHelper.forRule(new AuditTypeRule()).addSource("A.java", """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          Logger log;
          void f(boolean flag, String text, Boolean boxed) {
            // BUG: Diagnostic contains: audit given the string "true"
            log.atInfo().addKeyValue("audit", "true").log("x");
            // BUG: Diagnostic contains: a number
            log.atInfo().addKeyValue("audit", 1).log("x");
            // BUG: Diagnostic contains: a String variable
            MDC.put("audit", text);
            // BUG: Diagnostic contains: valueOf
            log.info("x", kv("audit", String.valueOf(flag)));
            log.atInfo().addKeyValue("audit", true).log("x");
            log.atInfo().addKeyValue("audit", flag).log("x");
            log.atInfo().addKeyValue("audit", boxed).log("x");
            log.atInfo().addKeyValue("audit", Boolean.TRUE).log("x");
            log.atInfo().addKeyValue("auditor", "true").log("another key");
          }
        }
        """).doTest();
  }
}
