package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyRules#classify} and {@link KeyRules#builtInRules}, the query the linter asks, say what
 * the default redactor does with a key.
 */
class KeyRulesQueryTest {
  /** The default rules, in an instance of its own, so that the keys here fill no shared cache. */
  private static final SecretRedactor DEFAULTS =
      SecretRedactor.builder().hashKeyFromEnvironment(false).build();

  @Test
  void builtInRulesAreTheTablesOfTheContract() {
    Map<String, KeyRules.Kind> rules = KeyRules.builtInRules();
    assertThat(rules).hasSize(KeyRules.SECRET_RULES.length + KeyRules.PII_RULES.length);
    for (String[] r : KeyRules.SECRET_RULES) {
      assertThat(rules).containsEntry(r[0], KeyRules.Kind.SECRET);
    }
    for (String[] r : KeyRules.PII_RULES) {
      assertThat(rules).containsEntry(r[0], KeyRules.Kind.PII);
    }
    assertThatThrownBy(() -> rules.put("pin", KeyRules.Kind.SECRET))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyRuleInEverySpellingIsClassifiedAsTheRedactorTreatsIt() {
    KeyRules.builtInRules().forEach((name, kind) -> {
      for (String key : new String[] {name, "db_" + name, name.toUpperCase(Locale.ROOT), "my" + capitalized(name)}) {
        assertThat(KeyRules.classify(key)).as(key).isEqualTo(kind);
        assertSameAsRedactor(key);
      }
    });
  }

  @Test
  void nearMissesAreNotCovered() {
    for (String key : new String[] {"tokenCount", "secretName", "passwordPolicy", "token_endpoint", "key_id",
        "login", "mobile", "user_agent", "", "_"}) {
      assertThat(KeyRules.classify(key)).as(key).isEqualTo(KeyRules.Kind.NONE);
      assertSameAsRedactor(key);
    }
    assertThat(KeyRules.classify(null)).isEqualTo(KeyRules.Kind.NONE);
  }

  @Test
  void randomKeysAgreeWithTheRedactor() {
    String[] parts = {"user", "pass", "word", "token", "_", "-", ".", "Id", "key", "secret", "name",
        "count", "api", "session", "e", "mail", "x", "9", "given", "PHONE", " ", "signing"};
    Random random = new Random(20240702L);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder key = new StringBuilder();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        key.append(parts[random.nextInt(parts.length)]);
      }
      assertSameAsRedactor(key.toString());
    }
  }

  private static void assertSameAsRedactor(String key) {
    KeyRules.Kind kind = KeyRules.classify(key);
    assertThat(DEFAULTS.isSensitiveKey(key)).as(key).isEqualTo(kind != KeyRules.Kind.NONE);
    assertThat(DEFAULTS.isPiiKey(key)).as(key).isEqualTo(kind == KeyRules.Kind.PII);
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
