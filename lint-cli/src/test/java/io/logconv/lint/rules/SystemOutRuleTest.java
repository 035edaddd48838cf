package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class SystemOutRuleTest {
  @Test
  void flagsConsolePrinting() {
    LintTestHelper.forRule(new SystemOutRule()).addSource("A.java", """
        import java.io.PrintWriter;
        class A {
          void f(PrintWriter out, Report report) {
            // BUG: Diagnostic contains: System.out.println() writes unstructured text
            System.out.println("hello");
            // BUG: Diagnostic contains: System.err.printf()
            System.err.printf("%d%n", 1);
            try {
              g();
            } catch (RuntimeException e) {
              // BUG: Diagnostic contains: printStackTrace()
              e.printStackTrace();
              // BUG: Diagnostic contains: printStackTrace()
              e.printStackTrace(System.err);
              e.printStackTrace(out);
            }
            out.println("to a writer");
            report.printStackTrace(out, 3);
            java.lang.System.out.flush(); // BUG: Diagnostic contains: System.out.flush()
          }
          void g() {}
        }
        """).doTest();
  }
}
