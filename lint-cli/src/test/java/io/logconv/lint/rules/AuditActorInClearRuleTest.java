package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class AuditActorInClearRuleTest {
  private final LintTestHelper helper = LintTestHelper.forRule(new AuditActorInClearRule());

  @Test
  void flagsWhoActedInTheMessageOrAPairOfAnAuditEvent() {
    helper.addSource("A.java", """
        import io.logconv.core.api.AuditEvent;
        import io.logconv.core.api.ConventionsEvent;
        import io.logconv.schema.Action;
        import java.security.Principal;
        import org.slf4j.Logger;
        class A {
          Logger log;
          String actor;
          void f(String user, String userName, Principal principal, Account account, String ns) {
            // BUG: Diagnostic contains: 'user' names who acted and is a message argument of an audit event in clear; write who acted with actor(), which hashes it
            AuditEvent.of(Action.DELETE).resource(ns, "Pod", "p").log("deleted by {}", user);
            // BUG: Diagnostic contains: 'userName' names who acted and is concatenated into the message
            AuditEvent.of(Action.VIEW).log("viewed by " + userName);
            // BUG: Diagnostic contains: 'principal.getName()' names who acted
            AuditEvent.on(log.atInfo(), Action.ADD).log("added by {}", principal.getName());
            // BUG: Diagnostic contains: 'getUsername()' names who acted
            ConventionsEvent.on(log.atInfo()).audit(Action.UPDATE).log("by {}", account.getUsername());
            // BUG: Diagnostic contains: 'actor' names who acted and is a message argument
            log.atInfo().addKeyValue("audit", true).addKeyValue("action", "VIEW").log("by {}", this.actor);
            // BUG: Diagnostic contains: key 'user' names who acted on an audit event; write who acted with actor(), which hashes it
            AuditEvent.of(Action.VIEW).kv("user", user).log("viewed");
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
          void f(String user, String pod, Secret secret, String ns) {
            AuditEvent.of(Action.DELETE).actor(user).resource(ns, "Pod", pod).log("deleted {}", pod);
            AuditEvent.of(Action.VIEW).actor(user).log("viewed " + secret.getMetadata().getName());
            AuditEvent.of(Action.VIEW).actor(user).kv("replicas", 3).log("viewed");
            // Not audit events: the PII rules judge these.
            log.info("login by {}", user);
            log.atInfo().addKeyValue("audit", false).log("by {}", user);
            ConventionsEvent.on(log.atInfo()).log("by {}", user);
            ConventionsEvent.on(log.atInfo()).audit(Action.VIEW).log("by " + "literal");
          }
        }
        """).doTest();
  }
}
