package io.logconv.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.rules.MessageConcatenationRule;
import io.logconv.lint.rules.ThrowableArgumentRule;
import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class ExceptionFixesTest {
  private static final String BEFORE = """
      import java.io.IOException;
      import org.slf4j.Logger;
      import org.slf4j.LoggerFactory;

      class Fetcher {
        private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

        void fetch(String url) {
          try {
            open(url);
          } catch (IOException e) {
            // BUG: Diagnostic contains: only e.getMessage()
            log.error("fetch of {} failed: {}", url, e.getMessage());
            // BUG: Diagnostic contains: only e.getLocalizedMessage()
            log.warn("fetch failed (" + e.getLocalizedMessage() + ")");
            // BUG: Diagnostic contains: only e.getMessage()
            log.error("fetch of {} failed: {}. Retrying", url, e.getMessage());
            // BUG: Diagnostic contains: only e.getMessage()
            log.warn("fetch of {} failed, due to: {}", url, e.getMessage());
            // BUG: Diagnostic contains: only e.getMessage()
            log.warn("fetch of {}. Exception: {}", url, e.getMessage());
            // BUG: Diagnostic contains: only e.getMessage()
            log.warn("fetch failed with error {}", e.getMessage());
          }
        }

        void open(String url) throws IOException {}
      }
      """;

  private static final String AFTER = """
      import java.io.IOException;
      import org.slf4j.Logger;
      import org.slf4j.LoggerFactory;

      class Fetcher {
        private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

        void fetch(String url) {
          try {
            open(url);
          } catch (IOException e) {
            // BUG: Diagnostic contains: only e.getMessage()
            log.error("fetch of {} failed", url, e);
            // BUG: Diagnostic contains: only e.getLocalizedMessage()
            log.warn("fetch failed", e);
            // BUG: Diagnostic contains: only e.getMessage()
            log.error("fetch of {} failed: {}. Retrying", url, e.getMessage());
            // BUG: Diagnostic contains: only e.getMessage()
            log.warn("fetch of {} failed", url, e);
            // BUG: Diagnostic contains: only e.getMessage()
            log.warn("fetch of {}", url, e);
            // BUG: Diagnostic contains: only e.getMessage()
            log.warn("fetch failed with error", e);
          }
        }

        void open(String url) throws IOException {}
      }
      """;

  @Test
  void theMessageOnlyValueBecomesTheExceptionPassedLast() {
    LintTestHelper.forRule(new ThrowableArgumentRule()).addSource("Fetcher.java", BEFORE).doTest();
    FixCheck check = FixCheck.of(new ThrowableArgumentRule());
    // the third keeps text after the value: no fix would say the same
    assertThat(check.fix("Fetcher.java", BEFORE)).isEqualTo(AFTER);
    assertThat(check.counts()).containsEntry("LC010", 5);
  }

  @Test
  void aConcatenationWithValuesIsFixedInTwoSteps() {
    String before = """
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String id) {
            try {
              Integer.parseInt(id);
            } catch (NumberFormatException e) {
              log.warn("bad id " + id + ": " + e.getMessage());
            }
          }
        }
        """;
    FixCheck check = FixCheck.of(new MessageConcatenationRule(), new ThrowableArgumentRule());
    String after = check.fix("A.java", before);
    assertThat(after).contains("log.warn(\"bad id {}\", id, e);");
    assertThat(check.counts()).containsEntry("LC008", 1).containsEntry("LC010", 1);
  }

}
