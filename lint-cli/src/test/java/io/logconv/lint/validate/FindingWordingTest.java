package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.KeyPolicy;
import io.logconv.core.StatusListener;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.Wording;
import io.logconv.schema.Conventions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The validator's messages: every finding on one key suggests the same new name, the one sdk-core's
 * KeyPolicy writes, and types take the right article.
 */
class FindingWordingTest {
  private static final String OK = "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\"";
  private static final Pattern SUGGESTED = Pattern.compile("write it as '([^']*)'");

  private static List<String> messages(String line) {
    LineValidator v =
        new LineValidator(SecretScanner.of(SecretRedactor.defaults()), null, Conventions.DEFAULT_MAX_LINE_BYTES);
    List<String> out = new ArrayList<>();
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    v.check(b, 0, b.length, (rule, message) -> out.add(rule.id() + " " + message));
    return out;
  }

  @ParameterizedTest
  @CsvSource({"@timestamp", "pod-name", "kubernetes.labels", "9lives", "time", "log", "a.b"})
  void everyFindingOnAKeySuggestsTheNameTheSdkWrites(String key) {
    List<String> found = messages(OK + ",\"" + key + "\":\"v\"}");
    List<String> suggestions = new ArrayList<>();
    for (String m : found) {
      Matcher s = SUGGESTED.matcher(m);
      while (s.find()) {
        suggestions.add(s.group(1));
      }
    }
    String sdk = new KeyPolicy(false, StatusListener.IGNORE).effectiveKey(key);
    assertThat(sdk).isNotEqualTo(key);
    assertThat(suggestions).as(found.toString()).isNotEmpty().containsOnly(sdk);
  }

  @Test
  void timestampGetsOneNameInBothFindings() {
    List<String> found = messages(OK + ",\"@timestamp\":\"y\"}");
    assertThat(found).hasSize(2);
    // "_timestamp", the Loki-safe spelling, is itself a key Loki reads: the SDK prefixes it.
    assertThat(found).allMatch(m -> m.contains("write it as 'app__timestamp'"));
    assertThat(String.join("\n", found)).doesNotContain("as '_timestamp'");
  }

  @Test
  void articlesFollowTheSound() {
    assertThat(String.join("\n", messages(OK + ",\"api_key\":\"abc\"}"))).contains("is an api_key by its key");
    assertThat(String.join("\n", messages(OK + ",\"password\":\"abc\"}"))).contains("is a password by its key");
    assertThat(String.join("\n", messages(OK + ",\"note\":\"mail me: jane.doe@example.com\"}")))
        .contains("holds an email (value not shown)");
    assertThat(String.join("\n", messages("mail jane.doe@example.com"))).contains("line holds an email");
  }

  @ParameterizedTest
  @CsvSource({
    "api_key, an api_key",
    "email, an email",
    "iban, an iban",
    "aws_access_key, an aws_access_key",
    "password, a password",
    "jwt, a jwt",
    "user_id, a user_id",
    "url_password, a url_password",
    "ssn, an ssn",
    "Integer, an Integer",
    "String, a String",
    "one_time_code, a one_time_code",
  })
  void wording(String noun, String expected) {
    assertThat(Wording.withArticle(noun)).isEqualTo(expected);
  }
}
