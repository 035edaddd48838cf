package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class AuditSecretPayloadRuleTest {
  private final LintTestHelper helper = LintTestHelper.forRule(new AuditSecretPayloadRule());

  @Test
  void flagsPayloadsOfSecretsAndConfigMaps() {
    helper.addSource("A.java", """
        import io.logconv.core.api.AuditEvent;
        import io.logconv.core.api.ConventionsEvent;
        import io.logconv.schema.Action;
        import io.logconv.schema.Conventions;
        import org.slf4j.Logger;
        class A {
          static final String KIND = "configmaps";
          Logger log;
          void f(String ns, String n, Object body, Object resp) {
            AuditEvent.of(Action.UPDATE)
                .resource(ns, "Secret", n)
                // BUG: Diagnostic contains: payload of a Secret given in request(): payloads of Secret and ConfigMap are never written (the SDK writes [OMITTED:Secret]); leave it out
                .request(() -> body)
                // BUG: Diagnostic contains: payload of a Secret given in response()
                .response(() -> resp)
                .log("updated");
            // BUG: Diagnostic contains: payload of a ConfigMap given in request()
            AuditEvent.on(log.atInfo(), Action.ADD).resource(ns, KIND, n).request(() -> body).log("x");
            // BUG: Diagnostic contains: payload of a Secret given in request()
            AuditEvent.of(Action.VIEW).resource(ns, Conventions.Kinds.SECRET, n).request(() -> body).log("x");
            ConventionsEvent.on(log.atInfo()).audit(Action.UPDATE).controllerKind("secrets")
                // BUG: Diagnostic contains: payload of a Secret given in 'requestObject'
                .kv("requestObject", body).log("x");
            log.atInfo().addKeyValue("audit", true).addKeyValue("action", "UPDATE")
                .addKeyValue("controllerKind", "ConfigMap")
                // BUG: Diagnostic contains: payload of a ConfigMap given in 'responseObject'
                .addKeyValue(Conventions.RESPONSE_OBJECT, resp).log("x");
          }
        }
        """).doTest();
  }

  @Test
  void nearMissesAreNotReported() {
    helper.addSource("A.java", """
        import io.logconv.core.api.AuditEvent;
        import io.logconv.core.api.ConventionsEvent;
        import io.logconv.schema.Action;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String ns, String kind, String n, Object body) {
            AuditEvent.of(Action.UPDATE).resource(ns, "Deployment", n).request(() -> body).log("x");
            AuditEvent.of(Action.UPDATE).resource(ns, kind, n).request(() -> body).log("unknown kind");
            AuditEvent.of(Action.UPDATE).resource(ns, "SecretStore", n).request(() -> body).log("x");
            AuditEvent.of(Action.UPDATE).resource(ns, "Secret", n).log("no payload");
            // Not an audit event: no audit(...) step, no audit pair.
            ConventionsEvent.on(log.atInfo()).controllerKind("Secret").kv("requestObject", body).log("x");
            log.atInfo().addKeyValue("audit", false).addKeyValue("controllerKind", "Secret")
                .addKeyValue("requestObject", body).log("x");
          }
        }
        """).doTest();
  }
}
