package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class ActionValueRuleTest {
  private final LintTestHelper helper = LintTestHelper.forRule(new ActionValueRule());

  @Test
  void flagsLiteralsConstantsAndEnumNamesOutsideTheEnum() {
    helper.addSource("A.java", """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import io.logconv.schema.Conventions;
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          enum Verb { CREATE, UPDATE }
          static final String PATCH = "PATCH";
          Logger log;
          void f() {
            // BUG: Diagnostic contains: action 'MODIFY' is not one of VIEW, ADD, UPDATE, DELETE
            log.atInfo().addKeyValue("action", "MODIFY").log("x");
            // BUG: Diagnostic contains: 'update'
            log.atInfo().addKeyValue(Conventions.ACTION, "update").log("case matters");
            // BUG: Diagnostic contains: 'PATCH'
            MDC.put("action", PATCH);
            // BUG: Diagnostic contains: 'CREATE'
            log.info("x", kv("action", Verb.CREATE));
            // BUG: Diagnostic contains: 'CREATE'
            log.atInfo().addKeyValue("action", Verb.CREATE.name()).log("x");
            log.atInfo().addKeyValue("action", Verb.UPDATE).log("an enum whose name is allowed");
          }
        }
        """).doTest();
  }

  @Test
  void acceptsTheEnumAndUnknownValues() {
    helper.addSource("A.java", """
        import io.logconv.schema.Action;
        import java.util.Map;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String verb, Map<String, String> m) {
            // with the schema imported, a valid action string is a note whose fix is the constant
            // BUG: Diagnostic contains: action 'DELETE' written as a string
            log.atInfo().addKeyValue("action", "DELETE").log("x");
            log.atInfo().addKeyValue("action", Action.ADD).log("x");
            log.atInfo().addKeyValue("action", Action.VIEW.name()).log("x");
            log.atInfo().addKeyValue("action", verb).log("unknown at lint time");
            m.put("action", "MODIFY");
            String action = "MODIFY";
            log.info("action {}", "MODIFY");
          }
        }
        """).doTest();
  }
}
