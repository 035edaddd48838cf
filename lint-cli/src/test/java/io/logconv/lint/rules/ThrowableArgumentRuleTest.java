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

  @Test
  void throwablesReducedToTextOutsideCatchBlocks() {
    LintTestHelper.forRule(new ThrowableArgumentRule()).addSource("B.java", """
        import java.util.concurrent.CompletableFuture;
        import java.util.function.BiConsumer;
        import org.slf4j.Logger;
        class B {
          Logger log;
          private Throwable lastFailure;
          void onFailure(String id, Throwable cause) {
            // BUG: Diagnostic contains: only cause.getMessage() is logged
            log.warn("reconcile of {} failed: {}", id, cause.getMessage());
            // BUG: Diagnostic contains: only the string of cause is logged
            log.warn("reconcile of " + id + " failed: " + cause);
            // BUG: Diagnostic contains: only String.valueOf(cause) is logged
            log.warn("reconcile of {} failed: {}", id, String.valueOf(cause));
            // BUG: Diagnostic contains: only lastFailure.toString() is logged
            log.warn("last failure {}", lastFailure.toString());
            // BUG: Diagnostic contains: only this.lastFailure.getMessage() is logged
            log.warn("last failure {}", this.lastFailure.getMessage());
            log.warn("reconcile of " + id + " failed", cause);
            log.warn("reconcile of {} failed: {}", id, cause.getMessage(), cause);
          }
          void async(CompletableFuture<String> f) {
            f.whenComplete((String v, Throwable t) -> {
              // BUG: Diagnostic contains: only t.getMessage() is logged
              log.error("async step failed: {}", t.getMessage());
            });
            // an implicitly typed lambda parameter: its type is not known, nothing reported
            f.whenComplete((v, t) -> log.error("async step failed: {}", t.getMessage()));
            BiConsumer<String, Integer> c = (name, count) -> log.info("{}: {}", name, count.toString());
          }
        }
        """).doTest();
  }
}
