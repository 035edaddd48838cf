package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.redact;
import static io.logconv.core.redact.Redaction.types;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code password=…}, {@code secret: …} and {@code "token":"…"} pairs inside text. */
class KeyValueDetectorTest {
  @Test
  void keyRunningIntoAnEarlierMatchOrPastTheLimitIsJudgedByItsEnd() {
    // The key's head is the tail of a redacted SSN: the value must still go on the first pass.
    assertThat(redact("123-45-6789.password=hunter2"))
        .isEqualTo("[REDACTED:ssn].password=[REDACTED:password]");
    String longKey = "a".repeat(200) + "_password";
    assertThat(redact(longKey + "=hunter2")).isEqualTo(longKey + "=[REDACTED:password]");
  }

  @Test
  void pairsInFreeText() {
    assertThat(redact("login failed password=hunter2 for app"))
        .isEqualTo("login failed password=[REDACTED:password] for app");
    assertThat(redact("secret: s3cr3t")).isEqualTo("secret: [REDACTED:secret]");
    assertThat(redact("DB_PASSWORD=hunter2")).isEqualTo("DB_PASSWORD=[REDACTED:password]");
    assertThat(redact("--client-secret=abc123 --verbose"))
        .isEqualTo("--client-secret=[REDACTED:client_secret] --verbose");
    assertThat(redact("-Djavax.net.ssl.keyStorePassword=s3cr3tStore -Xmx1g"))
        .isEqualTo("-Djavax.net.ssl.keyStorePassword=[REDACTED:password] -Xmx1g");
    assertThat(redact("callback?code=abc&access_token=tok123&state=x"))
        .isEqualTo("callback?code=abc&access_token=[REDACTED:token]&state=x");
  }

  @Test
  void pairsInEmbeddedJson() {
    assertThat(redact("body={\"user\":\"svc\",\"token\":\"abc.def\",\"n\":1}"))
        .matches("body=\\{\"user\":\"h:[0-9a-f]{12}\",\"token\":\"\\[REDACTED:token]\",\"n\":1}");
    assertThat(redact("{ \"password\" : \"with \\\"quote\\\" inside\" }"))
        .isEqualTo("{ \"password\" : \"[REDACTED:password]\" }");
    assertThat(redact("{\"apiKey\": 12345}")).isEqualTo("{\"apiKey\": [REDACTED:api_key]}");
    assertThat(redact("{'secret': 'x y z'}")).isEqualTo("{'secret': '[REDACTED:secret]'}");
  }

  @Test
  void aQuotedValueStartingWithTwoColonsIsAValueNotTheGapAfterAKey() {
    // A single ':' after the opening quote, or after the closing one, is a JSON key's; "::" starts
    // a value such as an IPv6 address.
    assertThat(redact("token: \"::ffff:s3cr3t\"")).isEqualTo("token: \"[REDACTED:token]\"");
    assertThat(redact("password=\"x1y2z3\"::1")).isEqualTo("password=\"[REDACTED:password]\"::1");
    assertThat(redact("\"password=\",\"ok\":1")).isEqualTo("\"password=\",\"ok\":1");
  }

  @Test
  void pairsInJsonThatIsItselfEscapedInsideAString() {
    assertThat(redact("{\\\"token\\\":\\\"abc\\\"}"))
        .isEqualTo("{\\\"token\\\":\\\"[REDACTED:token]\\\"}");
  }

  @Test
  void pairsInStackTraces() {
    String trace =
        """
        java.lang.IllegalArgumentException: invalid config secret=topsecret
        \tat io.example.Config.load(Config.java:12)
        Caused by: java.io.IOException: password: hunter2
        \t... 1 more\
        """;
    assertThat(redact(trace))
        .isEqualTo(
            """
            java.lang.IllegalArgumentException: invalid config secret=[REDACTED:secret]
            \tat io.example.Config.load(Config.java:12)
            Caused by: java.io.IOException: password: [REDACTED:password]
            \t... 1 more\
            """);
  }

  @Test
  void piiPairsAreHashedAndReportTheirType() {
    assertThat(redact("user=jane")).matches("user=h:[0-9a-f]{12}");
    assertThat(redact("user=jane")).isEqualTo(redact("user=jane"));
    assertThat(types("email=jane@example.com")).containsExactly("email");
  }

  @Test
  void aPemBlockAfterAKeyIsLeftToThePrivateKeyDetector() {
    assertThat(
            redact("private_key: -----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----"))
        .isEqualTo("private_key: [REDACTED:private_key]");
  }

  @Test
  void keysThatMerelyContainAWordAndPlaceholdersAreKept() {
    assertKept("token_endpoint=https://idp.example/oauth2/token");
    assertKept("secret_name: db-credentials-v2");
    assertKept("key_id=0f1e2d3c");
    assertKept("password_policy=strict");
    assertKept("password=${DB_PASSWORD}");
    assertKept("password: ****");
    assertKept("token=[REDACTED:token]");
    assertKept("\"password\":null");
    assertKept("password=");
    assertKept("if (a == b) token != null");
    assertKept("at io.example.TokenService.refresh(TokenService.java:42)");
    assertKept("Caused by: io.example.PasswordException: expired");
  }

  @Test
  void anObjectUnderAKeyIsNoValueItsOwnPairsAre() {
    // The PII key "user" once hashed the "{" that opens its object.
    assertKept("{\"user\":{\"id\":7,\"plan\":\"pro\"},\"ok\":true}");
    assertThat(redact("{\"user\":{\"contact\":\"jane@example.com\"}}"))
        .isEqualTo("{\"user\":{\"contact\":\"[REDACTED:email]\"}}");
    assertThat(redact("{\"db\":{\"password\":\"Zq8rT2vLp0xY\"}}"))
        .isEqualTo("{\"db\":{\"password\":\"[REDACTED:password]\"}}");
  }
}
