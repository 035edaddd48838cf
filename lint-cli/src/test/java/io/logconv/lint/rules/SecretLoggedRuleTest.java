package io.logconv.lint.rules;

import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class SecretLoggedRuleTest {
  @Test
  void flagsSecretKeysIdentifiersAndGetters() {
    LintTestHelper.forRule(new SecretLoggedRule()).addSource("A.java", """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          Logger log;
          void f(String user, String password, Config config, char[] dbPassword) {
            // BUG: Diagnostic contains: secret-like value 'password' is logged
            log.info("login {} {}", user, password);
            // BUG: Diagnostic contains: secret-like getter 'getPassword'
            log.debug("config {}", config.getPassword());
            // BUG: Diagnostic contains: secret-like key 'api_key'
            log.atInfo().addKeyValue("api_key", config.key()).log("x");
            // BUG: Diagnostic contains: 'token'
            log.info("x", kv("token", config.key()));
            // BUG: Diagnostic contains: 'getAccessToken'
            MDC.put("session", config.getAccessToken());
            // BUG: Diagnostic contains: 'credentials'
            log.warn("using " + config.credentials);
            // BUG: Diagnostic contains: 'dbPassword'
            log.atDebug().setMessage(() -> "pw " + new String(dbPassword)).log();
          }
        }
        """).doTest();
  }

  @Test
  void ignoresLookAlikes() {
    LintTestHelper.forRule(new SecretLoggedRule()).addSource("A.java", """
        import org.slf4j.Logger;
        class A {
          Logger log;
          String password() { return "x"; }
          void f(Secret secret, String continueToken, int tokenCount, Creds creds) {
            String p = password();                // called, never logged
            log.info("secret {} rotated", secret.getMetadata().getName());
            log.info("page {} of {}", continueToken, tokenCount);
            log.info("expired {}", creds.isTokenExpired());
            log.info("length {}", creds.getPassword().length());
            log.atInfo().addKeyValue("secretName", secret.getMetadata().getName()).log("x");
            log.info("password policy is {}", creds.passwordPolicy());
          }
        }
        """).doTest();
  }

  @Test
  void flagsLiteralsTheSecretDetectorsMatch() {
    // A stand-in scanner: the rule's literal check is wired to sdk-core's detectors through it.
    SecretLoggedRule rule = new SecretLoggedRule((text, sink) -> {
      int at = text.toString().indexOf("AKIA");
      if (at >= 0) {
        sink.onMatch("aws_access_key", at, at + 20);
      }
    });
    LintTestHelper.forRule(rule).addSource("A.java", """
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f() {
            // BUG: Diagnostic contains: string literal matching the 'aws_access_key' secret detector
            log.info("using key AKIAQ3EGRX5PZ7LM2KTD");
            // BUG: Diagnostic contains: 'aws_access_key'
            log.atInfo().addKeyValue("key_id", "AKIAQ3EGRX5PZ7LM2KTD").log("x");
            log.info("using the configured key");
            String notLogged = "AKIAQ3EGRX5PZ7LM2KTD";
          }
        }
        """).doTest();
  }
}
