package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class AuditOutcomeValueRuleTest {
  private final LintTestHelper helper = LintTestHelper.forRule(new AuditOutcomeValueRule());

  @Test
  void flagsOutcomesAndLevelsOutsideTheirEnums() {
    helper.addSource("A.java", """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import io.logconv.core.api.AuditEvent;
        import io.logconv.core.api.ConventionsEvent;
        import io.logconv.schema.Action;
        import io.logconv.schema.Conventions;
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          enum Result { SUCCESS, DENIED }
          static final String OK = "ok";
          Logger log;
          void f() {
            // BUG: Diagnostic contains: outcome 'success' is not one of allowed, denied, error
            log.atInfo().addKeyValue("outcome", "success").log("x");
            // BUG: Diagnostic contains: outcome 'DENIED' is not one of allowed, denied, error
            log.atInfo().addKeyValue(Conventions.OUTCOME, "DENIED").log("case matters");
            // BUG: Diagnostic contains: outcome 'ok'
            MDC.put("outcome", OK);
            // BUG: Diagnostic contains: outcome 'SUCCESS'
            log.info("x", kv("outcome", Result.SUCCESS));
            // BUG: Diagnostic contains: auditLevel 'None' is not one of Metadata, Request, RequestResponse
            log.atInfo().addKeyValue("auditLevel", "None").log("x");
            // BUG: Diagnostic contains: auditLevel 'metadata'
            AuditEvent.of(Action.VIEW).kv("auditLevel", "metadata").log("x");
            // BUG: Diagnostic contains: outcome 'failure'
            ConventionsEvent.on(log.atWarn()).audit(Action.ADD).kv(Conventions.OUTCOME, "failure").log("x");
          }
        }
        """).doTest();
  }

  @Test
  void acceptsTheEnumsAndUnknownValues() {
    helper.addSource("A.java", """
        import io.logconv.core.api.AuditEvent;
        import io.logconv.schema.Action;
        import io.logconv.schema.AuditLevel;
        import io.logconv.schema.Outcome;
        import java.util.Map;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String result, Map<String, String> m) {
            log.atInfo().addKeyValue("outcome", "denied").log("x");
            log.atInfo().addKeyValue("outcome", Outcome.ERROR.label()).log("x");
            log.atInfo().addKeyValue("outcome", result).log("unknown at lint time");
            log.atInfo().addKeyValue("auditLevel", "RequestResponse").log("x");
            AuditEvent.of(Action.VIEW).outcome(Outcome.DENIED).level(AuditLevel.REQUEST).log("x");
            m.put("outcome", "success");
            log.atInfo().addKeyValue("result", "success").log("another key");
            log.info("outcome {}", "success");
          }
        }
        """).doTest();
  }
}
