package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class ThrowableArgumentRuleTest {
  @Test
  void flagsMisplacedAndMessageOnlyThrowables() {
    LintTestHelper.forRule(new ThrowableArgumentRule()).addSource("A.java", """
        import java.io.IOException;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String url, int attempt) {
            try {
              fetch(url);
            } catch (IOException e) {
              // BUG: Diagnostic contains: throwable 'e' is not the last argument
              log.error("fetch of {} failed", e, url);
              // BUG: Diagnostic contains: only e.getMessage() is logged
              log.error("fetch of {} failed: {}", url, e.getMessage());
              // BUG: Diagnostic contains: only e.getMessage() is logged
              log.atWarn().addKeyValue("error", e.getMessage()).log("fetch failed");
              log.error("fetch of {} failed", url, e);
              log.error("fetch of {} failed: {}", url, e.getMessage(), e);
              log.atWarn().setCause(e).addKeyValue("reason", e.getMessage()).log("fetch failed");
            }
            Problem p = new Problem();
            log.info("problem {}", p.getMessage());
            log.info("attempt {} of {}", attempt, url);
          }
          void fetch(String url) throws IOException {}
        }
        """).doTest();
  }
}
