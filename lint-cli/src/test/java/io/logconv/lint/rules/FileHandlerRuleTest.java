package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class FileHandlerRuleTest {
  @Test
  void flagsJulFileHandlers() {
    LintTestHelper.forRule(new FileHandlerRule())
        .addSource("A.java", """
            import java.util.logging.FileHandler;
            import java.util.logging.Logger;
            class A {
              void f() throws Exception {
                // BUG: Diagnostic contains: FileHandler writes logs to a file
                Logger.getLogger("a").addHandler(new FileHandler("/var/log/a.log"));
                // BUG: Diagnostic contains: FileHandler
                Object h = new java.util.logging.FileHandler();
                Object c = new java.util.logging.ConsoleHandler();
              }
            }
            """)
        .addSource("B.java", """
            import java.util.logging.*;
            class B {
              Handler h = new FileHandler("b.log"); // BUG: Diagnostic contains: FileHandler
            }
            """)
        .addSource("C.java", """
            import com.acme.io.FileHandler;
            class C {
              Object h = new FileHandler("uploads");
            }
            """)
        .doTest();
  }
}
