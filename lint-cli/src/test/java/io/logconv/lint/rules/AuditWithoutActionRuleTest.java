package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class AuditWithoutActionRuleTest {
  @Test
  void flagsAuditEventsWithoutAction() {
    LintTestHelper.forRule(new AuditWithoutActionRule()).addSource("A.java", """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String name) {
            // BUG: Diagnostic contains: audit event without 'action'
            log.atInfo().addKeyValue("audit", true).addKeyValue("name", name).log("rotated");
            // BUG: Diagnostic contains: audit event without 'action'
            log.info("rotated {}", name, kv("audit", true));
            log.atInfo().addKeyValue("audit", true).addKeyValue("action", "UPDATE").log("ok");
            log.info("ok", kv("audit", true), kv("action", "DELETE"));
            log.atInfo().addKeyValue("audit", false).log("not an audit event");
            log.atInfo().addKeyValue("name", name).log("no audit at all");
          }
        }
        """).doTest();
  }
}
