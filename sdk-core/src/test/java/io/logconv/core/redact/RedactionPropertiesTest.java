package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Gens;
import io.logconv.core.Theories;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
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
          new Planted("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", "Tq4ZmW8rKd2LpX7vNc3BhJ6sFy9GaE3ttQju"),
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
          "null",
          // The key/value syntaxes, command lines and token shapes of the detector table.
          " := ",
          " => ",
          " ?= ",
          "<password>",
          "</password>",
          "{Name:DB_PASSWORD Value:",
          "- name: DB_PASSWORD\n  value: ",
          "key=\"ApiSecret\" value=\"",
          "user: token: ",
          "mysql ",
          " -p",
          "sshpass -p ",
          "curl -u ",
          " -storepass ",
          "jdbc:oracle:thin:app/",
          "@//",
          "#",
          "eyJhdXRocyI6",
          "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVkt",
          "Q~",
          ".atlasv1.",
          "-us1",
          "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",
          "sk-proj-",
          "hooks.slack.com/services/",
          "T0AAAAAAA/B0BBBBBBB/",
          "xoxe.xoxb-");

  /** Any text up to 255 chars, text of {@link #NOISE}, or fragments glued together. */
  static final Gen<String> TEXTS =
      Gens.oneOf(
          Gens.strings(Gens.ANY, 0, 255),
          Gens.strings(Gens.of(NOISE), 0, 80),
          Gens.lists(Gens.pick(FRAGMENTS), 0, 25)
              .map(l -> String.join("", l))
              .describedAs(Gens::quote));

  static final Gen<String> KEYS =
      Gens.oneOf(
          Generate.constant((String) null),
          Gens.pick("password", "user", "name", "msg", "token_endpoint", "dbPassword"),
          Gens.strings(Gens.of("abcdeOPRSTW_-"), 0, 12));

  static final Gen<String> NOISY = Gens.strings(Gens.of(NOISE), 0, 40);

  static final Gen<Planted> PLANTED = Gens.pick(SECRETS);

  record Keyed(String key, String text) {}

  record Surrounded(String before, Planted secret, String after) {}

  record Embedded(Map<String, String> map, Planted secret) {}

  @Test
  void redactionIsIdempotentAndNeverThrows() {
    Theories.forAll(
        3000,
        KEYS.zip(TEXTS, Keyed::new),
        k -> {
          String once = R.redact(k.key(), k.text(), new StringBuilder()).toString();
          String twice = R.redact(k.key(), once, new StringBuilder()).toString();
          assertThat(twice).as("redact(redact(%s))", k.text()).isEqualTo(once);
          R.scan(k.text(), (type, start, end) -> assertThat(start).isBetween(0, end));
        });
  }

  @Test
  void aPlantedSecretNeverSurvives() {
    Theories.forAll(
        3000,
        NOISY.zip(PLANTED, NOISY, Surrounded::new),
        p -> {
          String text = p.before() + " " + p.secret().text() + " " + p.after();
          String out = R.redact(null, text, new StringBuilder()).toString();
          assertThat(out).as("redacted %s", text).doesNotContain(p.secret().hidden());
          assertThat(R.redact(null, out, new StringBuilder()).toString()).isEqualTo(out);
        });
  }

  @Test
  void embeddedJsonStillParsesAndLosesItsSecret() {
    Theories.forAll(
        1000,
        JSON_MAPS.zip(PLANTED, Embedded::new),
        e -> {
          Map<String, String> withSecret = new LinkedHashMap<>(e.map());
          withSecret.put("detail", "see " + e.secret().text() + " here");
          String json = JSON.writeValueAsString(withSecret);
          String out = R.redact(null, json, new StringBuilder()).toString();
          JsonNode parsed = JSON.readTree(out);
          assertThat(parsed.isObject()).as("parses: %s", out).isTrue();
          assertThat(parsed.size()).isEqualTo(withSecret.size());
          // Other values are random and may hold the secret's text glued into a word; "detail"
          // holds it as a word of its own.
          assertThat(parsed.get("detail").toString()).doesNotContain(e.secret().hidden());
        });
  }

  /** Objects of up to 5 keys, sensitive or not, with noisy or secret-laden values. */
  static final Gen<Map<String, String>> JSON_MAPS =
      Gens.lists(
              Gens.oneOf(
                  Gens.pick("password", "user", "token", "name", "secret_name", "Authorization"),
                  Gens.strings(Gens.of("abcxyz_"), 1, 8)),
              0,
              5)
          .zip(
              Gens.lists(Gens.oneOf(NOISY, TEXTS), 5, 5),
              (ks, vs) -> {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < ks.size(); i++) {
                  m.put(ks.get(i), vs.get(i));
                }
                return m;
              });
}
