package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The pieces the rules without a prefix of their own stand on: a token found by the variable that
 * holds it ({@link TokenDetector.Builder#assign}), the Discord bot token's snowflake check, the
 * generic rule ({@link GenericSecretDetector}). Made-up values; the
 * rules' own samples run in {@link DetectorTableTest} and {@link CorpusTest}.
 */
class KeywordAndGenericRulesTest {
  private static final String HEX32 = "9f3c2a71d04b8e65c1a2f3e4d5b6a798";

  @Test
  void aKeywordRuleKeepsTheNameAndTheAssignmentAndHidesTheValue() {
    assertThat(redact("export DD_API_KEY=" + HEX32))
        .isEqualTo("export DD_API_KEY=[REDACTED:datadog_api_key]");
    assertThat(redact("{\"DD_API_KEY\": \"" + HEX32 + "\"}"))
        .isEqualTo("{\"DD_API_KEY\": \"[REDACTED:datadog_api_key]\"}");
    assertThat(redact("curl -H 'DD-API-KEY: " + HEX32 + "' https://api.example"))
        .isEqualTo("curl -H 'DD-API-KEY: [REDACTED:datadog_api_key]' https://api.example");
  }

  @Test
  void aKeywordRuleNeedsAnAssignmentAndTheExactShape() {
    // No = or : between the name and the value: prose, not an assignment.
    assertThat(redact("DD_API_KEY " + HEX32 + " rotated")).isEqualTo("DD_API_KEY " + HEX32 + " rotated");
    // 31 hex digits are no Datadog API key; the pair detector then judges it by its key.
    assertThat(redact("DD_API_KEY=" + HEX32.substring(1))).doesNotContain("datadog_api_key");
  }

  @Test
  void discordBotTokensStartWithTheBase64OfADigitId() {
    String id = Base64.getEncoder().withoutPadding()
        .encodeToString("112233445566778899".getBytes(StandardCharsets.US_ASCII));
    String token = id + ".GZk3Qw.Rq2vT8xLp0sYb4nMw7cJd1fHk9aZe6uXo3I";
    assertThat(redact("bot started with " + token))
        .isEqualTo("bot started with [REDACTED:discord_bot_token]");
    String letters = Base64.getEncoder().withoutPadding()
        .encodeToString("1a2b3c4d5e6f7g8h9i".getBytes(StandardCharsets.US_ASCII));
    String notAnId = letters + ".GZk3Qw.Rq2vT8xLp0sYb4nMw7cJd1fHk9aZe6uXo3I";
    assertThat(redact("bot started with " + notAnId)).isEqualTo("bot started with " + notAnId);
  }

  @Test
  void theGenericRuleTakesRandomValuesUnderSecretNamesNoKeyRuleCovers() {
    String v = "Zq8rT2vLp0xYw4Nc7Hb1Jk5M";
    assertThat(redact("serviceAuthKey = \"" + v + "\""))
        .isEqualTo("serviceAuthKey = \"[REDACTED:generic_secret]\"");
    assertThat(redact("clientSecretValue=" + v + " ok"))
        .isEqualTo("clientSecretValue=[REDACTED:generic_secret] ok");
    assertThat(redact("db_pass: " + v)).isEqualTo("db_pass: [REDACTED:generic_secret]");
    // A key the key rules cover keeps the key rule's type.
    assertThat(redact("client_secret=" + v)).isEqualTo("client_secret=[REDACTED:client_secret]");
  }

  @Test
  void theGenericRuleKeepsPlaceholdersWordsAndOtherKeys() {
    for (String kept :
        new String[] {
          "serviceAuthKey=${SERVICE_AUTH_KEY}",
          "serviceAuthKey=$SERVICE_AUTH_KEY",
          "serviceAuthKey=$(cat /run/secrets/auth)",
          "serviceAuthKey=<service-auth-key>",
          "serviceAuthKey={{ .Values.authKey }}",
          "serviceAuthKey=xxxxxxxxxxxxxxxxxxxxxxxx",
          "serviceAuthKey=****************",
          "serviceAuthKey=PerpetualEnterpriseLicense",
          "serviceAuthKey=aaaa1111bbbb2222",
          "serviceAuthKey=Zq8rT2vLp0x",
          "cacheKey=Zq8rT2vLp0xYw4Nc7Hb1Jk5M",
          "publicKey=Zq8rT2vLp0xYw4Nc7Hb1Jk5M",
          "authorKey=Zq8rT2vLp0xYw4Nc7Hb1Jk5M",
          "serviceAuthKey=/etc/auth/Zq8rT2vLp0xYw4Nc7.pem",
          "serviceAuthKey=https://vault.example/v1/Zq8rT2vLp0xYw4Nc"
        }) {
      assertThat(redact(kept)).as(kept).isEqualTo(kept);
    }
  }

  @Test
  void hexValuesHaveTheirOwnThreshold() {
    // Drawn at random, 32 hex digits: 3.32 bits per char, under the 3.5 that other values need.
    String hex = "a4c123b1612dd272d1371c17149d4395";
    assertThat(GenericSecretDetector.entropy(hex, 0, hex.length()))
        .isLessThan(GenericSecretDetector.MIN_ENTROPY)
        .isGreaterThanOrEqualTo(GenericSecretDetector.MIN_ENTROPY_HEX);
    assertThat(redact("masterKey=" + hex)).isEqualTo("masterKey=[REDACTED:generic_secret]");
    assertThat(redact("masterKey=deadbeefdeadbeef")).isEqualTo("masterKey=deadbeefdeadbeef");
  }

  @Test
  void theEntropyThresholdSeparatesRandomFromRepetitive() {
    String random = "Zq8rT2vLp0xYw4Nc";
    String repetitive = "ab12ab12ab12ab12";
    assertThat(GenericSecretDetector.entropy(random, 0, random.length()))
        .isGreaterThanOrEqualTo(GenericSecretDetector.MIN_ENTROPY);
    assertThat(GenericSecretDetector.entropy(repetitive, 0, repetitive.length()))
        .isLessThan(GenericSecretDetector.MIN_ENTROPY);
  }
}
