package io.logconv.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import io.logconv.lint.source.LintTestHelper;
import java.util.List;
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

  @Test
  void java25IoPrintingIsConsolePrinting() {
    LintTestHelper.forRule(new SystemOutRule()).addSource("B.java", """
        class B {
          void f(String name) {
            // BUG: Diagnostic contains: IO.println() writes unstructured text to the console
            IO.println("hello " + name);
            // BUG: Diagnostic contains: java.lang.IO.print()
            java.lang.IO.print(name);
            String line = IO.readln();
          }
        }
        """).addSource("C.java", """
        import com.example.io.IO;
        class C {
          void f() { IO.println("own class named IO"); }
        }
        """).doTest();
  }

  @Test
  void aNoteInCommandLineToolsAndExamples() {
    List<Finding> main = LintTestHelper.forRule(new SystemOutRule()).addSource("Tool.java", """
        public class Tool {
          public static void main(String[] args) {
            System.out.println("usage: tool FILE");
          }
          static class Helper { void f() { System.err.println("nested"); } }
        }
        """).addSource("Compact.java", """
        void main() {
            IO.println("Hello, World!");
        }
        """).addSource("src/main/java/com/acme/examples/Demo.java", """
        class Demo { void f() { System.out.println("demo"); } }
        """).addSource("src/main/java/com/acme/Pkg.java", """
        package com.acme.example;
        class Pkg { void f() { System.out.println("pkg"); } }
        """).addSource("src/main/java/com/example/shop/Shop.java", """
        package com.example.shop;
        class Shop { void f() { System.out.println("placeholder package, not an example"); } }
        """).addSource("src/main/java/com/acme/Service.java", """
        package com.acme;
        class Service {
          void main(int notLaunchable) {}
          void f() { System.out.println("service"); }
        }
        """).findings();
    assertThat(main).extracting(Finding::file, Finding::severity).containsExactlyInAnyOrder(
        tuple("Tool.java", Severity.NOTE),
        tuple("Tool.java", Severity.NOTE),
        tuple("Compact.java", Severity.NOTE),
        tuple("src/main/java/com/acme/examples/Demo.java", Severity.NOTE),
        tuple("src/main/java/com/acme/Pkg.java", Severity.NOTE),
        tuple("src/main/java/com/example/shop/Shop.java", Severity.WARNING),
        tuple("src/main/java/com/acme/Service.java", Severity.WARNING));
    assertThat(main).filteredOn(f -> f.file().equals("Tool.java")).first()
        .extracting(Finding::message).asString().contains("this class has a main method");
    assertThat(main).filteredOn(f -> f.file().endsWith("Demo.java")).first()
        .extracting(Finding::message).asString().contains("example code");
  }
}
