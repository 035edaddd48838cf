package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Properties over arbitrary input: idempotence, no exceptions, no planted secret survives. */
class RedactionPropertiesTest {
  private static final SecretRedactor R = Redaction.REDACTOR;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A secret written as {@code text}, whose part {@code hidden} must not survive. */
  record Planted(String text, String hidden) {}

  static final List<Planted> SECRETS =
      List.of(
          new Planted(JwtDetectorTest.JWT, JwtDetectorTest.JWT.substring(40)),
          new Planted("AKIAQ3EGRX5PZ7LM2KTD", "AKIAQ3EGRX5PZ7LM2KTD"),
          new Planted("ghp_" + "EXAMPLEtoken".repeat(3), "EXAMPLEtoken".repeat(3)),
          new Planted("xoxb-0000000000-EXAMPLEexample", "EXAMPLEexample"),
          new Planted("AIzaSyDOCUMENTED_EXAMPLE_KEY_0123456789", "DOCUMENTED_EXAMPLE_KEY"),
          new Planted("sk_live_EXAMPLE00000000000000", "EXAMPLE00000000000000"),
          new Planted("Bearer mF_9.B5f-4.1JqM", "mF_9.B5f-4.1JqM"),
          new Planted("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "QWxhZGRpbjpvcGVuIHNlc2FtZQ"),
          new Planted("postgres://app:Hunter2Secret@db/x", "Hunter2Secret"),
          new Planted("password=Hunter2Secret", "Hunter2Secret"),
          new Planted("{\"token\":\"abcDEF123456\"}", "abcDEF123456"),
          new Planted(
              "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqEXAMPLE\n-----END PRIVATE KEY-----",
              "MIIEvQIBADANBgkqEXAMPLE"),
          new Planted("4111 1111 1111 1111", "4111 1111 1111 1111"),
          new Planted("4111111111111111", "4111111111111111"),
          new Planted("378282246310005", "378282246310005"),
          new Planted("jane.doe@example.com", "jane.doe@example.com"),
          new Planted("+44 20 7946 0958", "7946 0958"),
          new Planted("(212) 555-0123", "555-0123"),
          new Planted("GB82 WEST 1234 5698 7654 32", "WEST 1234 5698"),
          new Planted("DE89370400440532013000", "DE89370400440532013000"),
          new Planted("123-45-6789", "123-45-6789"));

  /** Characters that make detectors and their look-alikes meet. */
  private static final String NOISE =
      "abcxyzABCXYZ0123456789 .,:;=@/\\\"'{}[]()-_+*%$#&?!\n\t\u00e9\u4e2d\uD83D\uDE00";

  /** Pieces of secrets, placeholders and earlier output, to be glued together at random. */
  private static final List<String> FRAGMENTS =
      List.of(
          "password",
          "token",
          "user",
          "=",
          ":",
          "\"",
          "'",
          " ",
          "@",
          "example.com",
          "%40",
          "4111",
          "1111",
          " 1111",
          "-",
          "eyJhbGciOiJIUzI1NiJ9",
          ".",
          "Bearer ",
          "Basic ",
          "://",
          "AKIA",
          "IOSFODNN7EXAMPLE",
          "[REDACTED:",
          "token]",
          "]",
          "h:",
          "0123456789ab",
          "+44",
          " 20",
          "7946",
          "0958",
          "GB82",
          " WEST",
          "${",
          "}",
          "\\",
          "\n",
          "-----BEGIN ",
          "PRIVATE KEY-----",
          "-----END ",
          "ghp_",
          "EXAMPLEtoken",
          "123-45-6789",
          "****",
          "null");

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> glued =
        Arbitraries.of(FRAGMENTS).list().ofMaxSize(25).map(l -> String.join("", l));
    return Arbitraries.oneOf(
        Arbitraries.strings(), Arbitraries.strings().withChars(NOISE).ofMaxLength(80), glued);
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.of("password", "user", "name", "msg", "token_endpoint", "dbPassword"),
        Arbitraries.strings().withChars("abcdeOPRSTW_-").ofMaxLength(12));
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars(NOISE).ofMaxLength(40);
  }

  @Provide
  Arbitrary<Planted> secrets() {
    return Arbitraries.of(SECRETS);
  }

  @Property(tries = 3000)
  void redactionIsIdempotentAndNeverThrows(
      @ForAll("texts") String text, @ForAll("keys") String key) {
    String once = R.redact(key, text, new StringBuilder()).toString();
    String twice = R.redact(key, once, new StringBuilder()).toString();
    assertThat(twice).as("redact(redact(%s))", text).isEqualTo(once);
    R.scan(text, (type, start, end) -> assertThat(start).isBetween(0, end));
  }

  @Property(tries = 3000)
  void aPlantedSecretNeverSurvives(
      @ForAll("noise") String before,
      @ForAll("secrets") Planted secret,
      @ForAll("noise") String after) {
    String text = before + " " + secret.text() + " " + after;
    String out = R.redact(null, text, new StringBuilder()).toString();
    assertThat(out).as("redacted %s", text).doesNotContain(secret.hidden());
    assertThat(R.redact(null, out, new StringBuilder()).toString()).isEqualTo(out);
  }

  @Property(tries = 1000)
  void embeddedJsonStillParsesAndLosesItsSecret(
      @ForAll("jsonMaps") Map<String, String> map, @ForAll("secrets") Planted secret) {
    Map<String, String> withSecret = new LinkedHashMap<>(map);
    withSecret.put("detail", "see " + secret.text() + " here");
    String json = JSON.writeValueAsString(withSecret);
    String out = R.redact(null, json, new StringBuilder()).toString();
    JsonNode parsed = JSON.readTree(out);
    assertThat(parsed.isObject()).as("parses: %s", out).isTrue();
    assertThat(parsed.size()).isEqualTo(withSecret.size());
    // Other values are random and may hold the secret's text glued into a word; "detail" holds it
    // as a word of its own.
    assertThat(parsed.get("detail").toString()).doesNotContain(secret.hidden());
  }

  @Provide
  Arbitrary<Map<String, String>> jsonMaps() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of("password", "user", "token", "name", "secret_name", "Authorization"),
            Arbitraries.strings().withChars("abcxyz_").ofMinLength(1).ofMaxLength(8));
    Arbitrary<String> values = Arbitraries.oneOf(noise(), texts());
    return Combinators.combine(keys.list().ofMaxSize(5), values.list().ofSize(5))
        .as(
            (ks, vs) -> {
              Map<String, String> m = new LinkedHashMap<>();
              for (int i = 0; i < ks.size(); i++) {
                m.put(ks.get(i), vs.get(i));
              }
              return m;
            });
  }
}
