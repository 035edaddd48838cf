package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class MessageConcatenationRuleTest {
  @Test
  void flagsBuiltMessages() {
    LintTestHelper.forRule(new MessageConcatenationRule()).addSource("A.java", """
        import java.util.logging.Logger;
        class A {
          private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(A.class);
          private static final Logger JUL = Logger.getLogger("a");
          void f(String name, int n) {
            // BUG: Diagnostic contains: string concatenation
            LOG.info("scaled " + name + " to " + n);
            // BUG: Diagnostic contains: String.format
            LOG.warn(String.format("scaled %s", name));
            // BUG: Diagnostic contains: formatted()
            LOG.atInfo().log("scaled %s".formatted(name));
            // BUG: Diagnostic contains: string concatenation
            LOG.atInfo().setMessage("scaled " + name).log();
            // BUG: Diagnostic contains: string concatenation
            JUL.info("scaled " + name);
            LOG.info("scaled {} to {}", name, n);
            LOG.info("a constant " + "split in two");
            String s = "not " + name + " logged";
            LOG.atInfo().addKeyValue("name", "a" + name).log("values may be built");
          }
        }
        """).doTest();
  }
}
