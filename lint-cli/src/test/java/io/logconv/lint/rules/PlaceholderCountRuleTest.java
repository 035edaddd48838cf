package io.logconv.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class PlaceholderCountRuleTest {
  @Test
  void flagsMismatches() {
    LintTestHelper.forRule(new PlaceholderCountRule()).addSource("A.java", """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import org.apache.logging.log4j.LogManager;
        import org.slf4j.Logger;
        import org.slf4j.Marker;
        class A {
          Logger log;
          org.apache.logging.log4j.Logger l4j = LogManager.getLogger();
          static final String FORMAT = "retry {} of {}";
          void f(String name, int n, Marker marker, Object[] all, Result result) {
            // BUG: Diagnostic contains: format has 2 placeholders but 1 argument
            log.warn("retrying {} after {} ms", name);
            // BUG: Diagnostic contains: format has 1 placeholder but 2 arguments
            log.info("scaled {}", name, n);
            // BUG: Diagnostic contains: format has 2 placeholders
            log.info(FORMAT, name);
            // BUG: Diagnostic contains: format has 0 placeholders but 1 argument
            log.info(marker, "done", name);
            // BUG: Diagnostic contains: format has 2 placeholders
            l4j.info("log4j {} {}", name);
            // BUG: Diagnostic contains: format has 2 placeholders
            log.atInfo().addArgument(name).log("fluent {} {}");
            try {
              run();
            } catch (RuntimeException e) {
              log.error("failed {}", name, e);
              log.error("failed", e);
              // BUG: Diagnostic contains: (the last a throwable)
              log.error("failed {} {} {}", name, e);
            }
            log.info("escaped \\\\{} and {}", name);
            log.error("failed for {}", name, result.exception());
            log.info("structured {}", name, kv("n", n));
            log.info("structured only", kv("n", n));
            log.info("spread {} {}", all);
            log.atInfo().addArgument(name).log("fluent {}");
            log.atInfo().log("fluent {} {}", name, n);
          }
          void run() {}
        }
        """).doTest();
  }

  @Test
  void resolvesTheThrowableInItsOwnScope() {
    LintTestHelper.forRule(new PlaceholderCountRule()).addSource("A.java", """
        import java.util.Map;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(Map<String, Integer> m, String name) {
            for (Map.Entry<String, Integer> e : m.entrySet()) {
              log.info("entry {}", e.getKey());
            }
            try {
              run();
            } catch (IllegalStateException e) {
              log.error("failed {}", name, e);
            }
            // an implicitly typed lambda parameter may be a throwable: no finding
            m.forEach((k, e) -> log.info("lambda {}", k, e));
            m.forEach((k, v) -> log.info("lambda {} {} {}", k, v)); // BUG: Diagnostic contains: 3 placeholders
            String e = "not a throwable";
            log.info("local {}", name, e); // BUG: Diagnostic contains: 2 arguments
          }
          void run() {}
        }
        """).doTest();
  }

  @Test
  void countsLikeSlf4j() {
    assertThat(PlaceholderCountRule.placeholders("{} {}")).isEqualTo(2);
    assertThat(PlaceholderCountRule.placeholders("\\{} {}")).isEqualTo(1);
    assertThat(PlaceholderCountRule.placeholders("\\\\{}")).isEqualTo(1);
    assertThat(PlaceholderCountRule.placeholders("{{}}")).isEqualTo(1);
    assertThat(PlaceholderCountRule.placeholders("{ }")).isZero();
  }
}
