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
          void f(String user, String password, Config config, char[] dbPassword, String sessionId) {
            // BUG: Diagnostic contains: secret-like value 'password' is logged
            log.info("login {} {}", user, password);
            // BUG: Diagnostic contains: secret-like getter 'getPassword'
            log.debug("config {}", config.getPassword());
            // BUG: Diagnostic contains: secret key 'api_key'; the SDK encoder writes [REDACTED:api_key]
            log.atInfo().addKeyValue("api_key", config.key()).log("x");
            // BUG: Diagnostic contains: secret key 'token', not redacted by key because a logstash
            log.info("x", kv("token", config.key()));
            // BUG: Diagnostic contains: 'getAccessToken'
            MDC.put("session", config.getAccessToken());
            // BUG: Diagnostic contains: 'credentials'
            log.warn("using " + config.credentials);
            // BUG: Diagnostic contains: 'dbPassword'
            log.atDebug().setMessage(() -> "pw " + new String(dbPassword)).log();
            // BUG: Diagnostic contains: secret-like value 'sessionId'
            log.info("resumed {}", sessionId);
            // BUG: Diagnostic contains: secret-like getter 'signingKey'
            log.info("loaded {}", config.signingKey());
            // BUG: Diagnostic contains: secret key 'session_id'; the SDK encoder writes [REDACTED:session_id]
            MDC.put("session_id", sessionId);
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
          void f(Secret secret, String continueToken, int tokenCount, Creds creds, String nextPageToken) {
            String p = password();                // called, never logged
            log.info("secret {} rotated", secret.getMetadata().getName());
            log.info("page {} of {}", continueToken, tokenCount);
            log.info("next {}", nextPageToken);
            log.info("expired {} {}", creds.isTokenExpired(), creds.hasPassword());
            log.info("length {}", creds.getPassword().length());
            log.atInfo().addKeyValue("secretName", secret.getMetadata().getName()).log("x");
            log.atInfo().addKeyValue("tokenCount", tokenCount).log("x");
            log.info("password policy is {}", creds.passwordPolicy());
            int length = creds.getPassword().length();
            log.info("{} chars", length);
            String bearer = "Bearer";
            log.info("scheme {}", bearer);
          }
        }
        """).doTest();
  }

  @Test
  void followsLocalVariablesToTheSecretTheyHold() {
    LintTestHelper.forRule(new SecretLoggedRule()).addSource("A.java", """
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(Config config, String header, Runnable r) {
            String bearer = "Bearer " + config.getApiToken();
            // BUG: Diagnostic contains: 'bearer' is logged and holds secret-like getter 'getApiToken'
            log.trace("authorization header is " + bearer);
            String url = config.apiServer() + "?key=" + bearer;
            // BUG: Diagnostic contains: 'url' is logged and holds secret-like getter 'getApiToken'
            log.info("calling {}", url);
            // BUG: Diagnostic contains: 'url'
            r = () -> log.info("calling {}", url);
            log.info("header {}", header);         // a parameter: its value is not known here
            String masked = bearer.substring(0, 6); // dereferenced: what is logged is not the token
            log.info("scheme {}", masked);
            boolean valid = config.check(config.getApiToken()); // what a call returns is not followed
            log.info("valid {}", valid);
            String chosen = header != null ? header : (String) bearer;
            // BUG: Diagnostic contains: 'chosen' is logged and holds secret-like getter 'getApiToken'
            log.info("using {}", chosen);
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
            // BUG: Diagnostic contains: 'aws_access_key'
            log.info("key {}", "AKIAQ3EGRX5PZ7LM2KTD".strip());
            log.info("using the configured key");
            String notLogged = "AKIAQ3EGRX5PZ7LM2KTD";
          }
        }
        """).doTest();
  }

  @Test
  void whatTheSdkHidesWhateverItHoldsIsANoteTheRestAnError() {
    Severities.check(new SecretLoggedRule(), """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import net.logstash.logback.marker.Markers;
        import org.apache.logging.log4j.ThreadContext;
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          Logger log;
          org.apache.logging.log4j.Logger log4j;
          java.util.logging.Logger jul;
          void f(String user, String password, String token, Config config) {
            log.atInfo().addKeyValue("password", password).log("x");        // note
            MDC.put("api_key", config.key());                                // note
            MDC.putCloseable("db_password", config.key());                   // note
            ThreadContext.put("password", config.key());                     // error
            log.info("x {}", kv("password", config.key()));                  // error
            log.info("x", Markers.append("token", config.key()));            // error
            log.info("token {}", token);                                     // note
            log.info("password: {}", config.getPassword());                  // note
            log.info("user {} password {}", user, password);                 // note
            log.info("token {}", "t=" + token);                              // note
            log.info("user {} with {}", user, password);                     // error
            log.info("token {} {}", user, token);                            // error
            log.info("token " + token);                                      // error
            log4j.info("token {}", token);                                   // error
            jul.info("token " + token);                                      // error
            String held = token;
            log.info("the token is {}", held);                               // note
          }
        }
        """);
  }

  @Test
  void aSecretLiteralIsAnErrorWhereverItIsLoggedButAPlaceholderIsNoSecret() {
    Severities.check(new SecretLoggedRule(), """
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String user) {
            log.info("token {}", "AKIAQ3EGRX5PZ7LM2KTD");                    // error
            log.info("no secret {}", "AKIAQ3EGRX5PZ7LM2KTD");                // error
            log.info("nothing secret {}", "AKIAIOSFODNN7EXAMPLE");
            log.atInfo().addKeyValue("key_id", "AKIAQ3EGRX5PZ7LM2KTD").log("x"); // error
            log.info("password: {}", user);
            log.info("password=hunter2 for {}", user);                       // error
            log.info("attempt {} with token={}", 3, user);
          }
        }
        """);
  }

  @Test
  void namesOfSecretsMaskedValuesNumbersAndTemplatesAreNoSecret() {
    LintTestHelper.forRule(new SecretLoggedRule())
        .addSource("org/example/Session.java", """
            package org.example;
            public class Session {
              public long getSessionId() { return 1L; }
              public String getSessionToken() { return "elsewhere a String"; }
            }
            """)
        .addSource("org/example/A.java", """
            package org.example;
            import org.slf4j.Logger;
            class A {
              Logger log;
              static final String IMAGE_PULL_SECRET = "STRIMZI_IMAGE_PULL_SECRET";
              void f(String namespace, String secretName, long sessionId, Session s,
                  byte[] sessionPasswd, String token, String password) {
                log.info("Secret: {}/{} created", namespace, secretName);
                log.info("pull secret from {}", IMAGE_PULL_SECRET);
                log.info("session 0x{}", Long.toHexString(sessionId));
                log.info("session {} expired", s.getSessionId());
                log.info("session passwd {}", sessionPasswd == null ? "<null>" : "<hidden>");
                log.info("token present: {}, length {}", token != null, token.length());
                log.info("token {}", mask(token));
                log.info("token hash {}", sha256(token));
                log.info("sending Authorization: Bearer {}", "<redacted>");
                log.info(String.format("Authorization: Bearer %s", "<redacted>"));
                log.info("contact admin@example.org for access");
                // BUG: Diagnostic contains: secret-like value 'password' is logged
                log.info("login with {}", password == null ? "none" : password);
              }
              String mask(String s) { return "***"; }
              String sha256(String s) { return s; }
              long getSessionToken() { return 7L; }
              class SendThread extends Thread {
                public void run() { log.info("session 0x{} closed", Long.toHexString(getSessionToken())); }
              }
            }
            """)
        .doTest();
  }

  @Test
  void wholeKubernetesSecretsAndConfigMapsLogged() {
    LintTestHelper.forRule(new SecretLoggedRule()).addSource("A.java", """
        import io.fabric8.kubernetes.api.model.ConfigMap;
        import io.fabric8.kubernetes.api.model.Secret;
        import io.kubernetes.client.openapi.models.V1Secret;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(Secret secretCreated, V1Secret official, ConfigMap cm) {
            // BUG: Diagnostic contains: whole Secret 'secretCreated' is logged
            log.info("created {}", secretCreated);
            // BUG: Diagnostic contains: whole Secret 'official' is logged
            log.debug("read " + official);
            // BUG: Diagnostic contains: the data of ConfigMap 'cm' are logged
            log.debug("config {}", cm.getData());
            log.info("created {}/{}", secretCreated.getMetadata().getNamespace(),
                secretCreated.getMetadata().getName());
          }
        }
        """).doTest();
  }
}
