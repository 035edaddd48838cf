package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class PiiKeyRuleTest {
  @Test
  void flagsPersonalDataKeys() {
    LintTestHelper.forRule(new PiiKeyRule()).addSource("A.java", """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          Logger log;
          void f(String id) {
            // BUG: Diagnostic contains: key 'user_id' names personal data (the SDK encoder writes a keyed hash
            log.atInfo().addKeyValue("user_id", id).log("login");
            // BUG: Diagnostic contains: 'email'
            MDC.put("email", id);
            // BUG: Diagnostic contains: 'userName'
            log.atInfo().addKeyValue("userName", id).log("login");
            // BUG: Diagnostic contains: 'given_name'
            log.atInfo().addKeyValue("given_name", id).log("login");
            // BUG: Diagnostic contains: key 'email' names personal data and is written as it is because a logstash
            log.info("login {}", kv("email", id));
            log.atInfo().addKeyValue("user_agent", id).log("not personal");
            log.atInfo().addKeyValue("login", id).log("no key rule covers it");
            log.atInfo().addKeyValue("mobile", id).log("no key rule covers it");
            log.atInfo().addKeyValue("namespace", id).log("x");
            log.info("user {} logged in", id);
          }
        }
        """).doTest();
  }

  @Test
  void whatTheSdkHashesIsANoteTheRestAWarning() {
    Severities.check(new PiiKeyRule(), """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import net.logstash.logback.marker.Markers;
        import org.apache.logging.log4j.ThreadContext;
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          Logger log;
          void f(String id) {
            log.atInfo().addKeyValue("user", id).log("x");                  // note
            MDC.put("email", id);                                           // note
            log.info("x {}", kv("user", id));                               // warning
            log.info("x", Markers.append("phone", id));                     // warning
            ThreadContext.put("date_of_birth", id);                         // warning
          }
        }
        """);
  }

  @Test
  void personalDataGettersAndLiteralsLogged() {
    LintTestHelper.forRule(new PiiKeyRule()).addSource("B.java", """
        import org.slf4j.Logger;
        class B {
          Logger log;
          void f(User user, String id) {
            // BUG: Diagnostic contains: getter 'getEmail' returns personal data
            log.info("invited {} as {}", user.getEmail(), id);
            // BUG: Diagnostic contains: 'email' personal-data detector
            log.info("escalated to oncall@example.com");
            log.info("invited {} ({} chars)", id, user.getEmail().length());
            log.info("has mail: {}", user.getEmail() != null);
            log.info("mail hash {}", hash(user.getEmail()));
          }
          String hash(String s) { return s; }
        }
        """).doTest();
  }
}
