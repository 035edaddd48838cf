package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class UnsafeKeyRuleTest {
  @Test
  void flagsKeysOutsideThePattern() {
    LintTestHelper.forRule(new UnsafeKeyRule()).addSource("A.java", """
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          Logger log;
          void f(int status) {
            // BUG: Diagnostic contains: key 'http.status' is not Loki-safe
            log.atInfo().addKeyValue("http.status", status).log("done");
            // BUG: Diagnostic contains: '1st_try'
            MDC.put("1st_try", "x");
            // BUG: Diagnostic contains: 'trace-id'
            log.atInfo().addKeyValue("trace-id", status).log("done");
            log.atInfo().addKeyValue("http_status", status).log("safe");
            log.atInfo().addKeyValue("_private", status).log("safe");
            log.atInfo().addKeyValue("@timestamp", status).log("a pipeline key: LC001's business");
            log.info("a message with a.dot is not a key");
          }
        }
        """).doTest();
  }
}
