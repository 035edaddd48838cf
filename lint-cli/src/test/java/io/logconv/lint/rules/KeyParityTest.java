package io.logconv.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.EventWriter;
import io.logconv.core.LineFormat;
import io.logconv.core.StatusListener;
import io.logconv.core.redact.KeyRules;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import io.logconv.lint.source.LintTestHelper;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The linter judges a key as the SDK treats it at run time. For every key rule of sdk-core (in
 * several spellings) and a list of near misses, the value the SDK writer puts on the line under the
 * key (replaced, hashed or kept) is compared with what LC006 and LC007 say about the same key at
 * each site the linter reads keys from: SLF4J 2's {@code addKeyValue} and {@code MDC.put}, which
 * the SDK encoder writes as fields (a finding there is a note only), and a logstash {@code kv(...)}
 * argument, which it does not (a finding there keeps the rule's severity).
 */
class KeyParityTest {
  private static final String VALUE = "plain-value";
  private static final Pattern HASH = Pattern.compile("h:[0-9a-f]{12}");

  /** Keys a rule almost covers, or that an earlier word list judged otherwise than the SDK. */
  private static final List<String> NEAR_MISSES = List.of(
      "tokenCount", "secretName", "session_id", "signing_key", "given_name", "login", "mobile",
      "user", "passwordPolicy", "nextPageToken", "continueToken", "user_agent", "token_endpoint",
      "key_id", "bearer", "auth", "isTokenValid", "hasToken", "user.email", "db-password",
      "user_email", "emails", "tokens", "secret_key_ref", "apiKeyId", "pod_name", "level",
      "Authorization", "set_cookie", "JSESSIONID", "lastname", "birth_date", "phone_number");

  private static final EventWriter WRITER = LineFormat.builder()
      .redactor(SecretRedactor.builder().hashKeyFromEnvironment(false)
          .hashKey("key-parity-test-hash-key-0123456789").build())
      .contextFields(false)
      .statusListener(StatusListener.IGNORE)
      .build()
      .newWriter();

  /** The sites, each a line of code with {@code KEY} in place of the key. */
  private enum Site {
    ADD_KEY_VALUE("log.atInfo().addKeyValue(\"KEY\", v).log(\"x\");", true),
    MDC_PUT("MDC.put(\"KEY\", v);", true),
    STRUCTURED_ARGUMENT("log.info(\"x {}\", kv(\"KEY\", v));", false);

    final String code;
    final boolean writtenByKey;

    Site(String code, boolean writtenByKey) {
      this.code = code;
      this.writtenByKey = writtenByKey;
    }
  }

  @Test
  void theLinterJudgesEveryKeyAsTheSdkWritesIt() {
    List<String> keys = keys();
    StringBuilder src = new StringBuilder("""
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          Logger log;
          void f(String v) {
        """);
    int firstLine = (int) src.chars().filter(c -> c == '\n').count() + 1;
    for (String key : keys) {
      for (Site site : Site.values()) {
        src.append("    ").append(site.code.replace("KEY", key)).append('\n');
      }
    }
    src.append("  }\n}\n");
    List<Finding> findings = LintTestHelper.forRules(new SecretLoggedRule(), new PiiKeyRule())
        .addSource("A.java", src.toString()).findings();

    List<String> mismatches = new ArrayList<>();
    Set<KeyRules.Kind> seen = new LinkedHashSet<>();
    int line = firstLine;
    for (String key : keys) {
      KeyRules.Kind sdk = written(key);
      seen.add(sdk);
      for (Site site : Site.values()) {
        int at = line++;
        List<Finding> here = findings.stream().filter(f -> f.line() == at).toList();
        KeyRules.Kind lint = here.isEmpty() ? KeyRules.Kind.NONE
            : here.get(0).ruleId().equals("LC006") ? KeyRules.Kind.SECRET : KeyRules.Kind.PII;
        Severity expected = sdk == KeyRules.Kind.NONE ? null
            : site.writtenByKey ? Severity.NOTE
            : sdk == KeyRules.Kind.SECRET ? Severity.ERROR : Severity.WARNING;
        Severity actual = here.isEmpty() ? null : here.get(0).severity();
        if (here.size() > 1 || lint != sdk || expected != actual) {
          mismatches.add(key + " at " + site + ": the SDK writes it as " + sdk + ", the linter says "
              + here.stream().map(f -> f.ruleId() + " " + f.severity()).toList());
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(seen).as("the table holds keys of every kind").containsExactlyInAnyOrder(KeyRules.Kind.values());
    assertThat(keys).hasSizeGreaterThan(KeyRules.builtInRules().size() * 3);
  }

  @Test
  void theNearMissesAreJudgedAsTheIssueSays() {
    assertThat(written("session_id")).isEqualTo(KeyRules.Kind.SECRET);
    assertThat(written("signing_key")).isEqualTo(KeyRules.Kind.SECRET);
    assertThat(written("given_name")).isEqualTo(KeyRules.Kind.PII);
    assertThat(written("user")).isEqualTo(KeyRules.Kind.PII);
    assertThat(written("login")).isEqualTo(KeyRules.Kind.NONE);
    assertThat(written("mobile")).isEqualTo(KeyRules.Kind.NONE);
    assertThat(written("tokenCount")).isEqualTo(KeyRules.Kind.NONE);
    assertThat(written("passwordPolicy")).isEqualTo(KeyRules.Kind.NONE);
  }

  /** Every built-in rule as written, with a prefix, in camel case and upper case; the near misses. */
  private static List<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Map.Entry<String, KeyRules.Kind> rule : KeyRules.builtInRules().entrySet()) {
      String name = rule.getKey();
      keys.add(name);
      keys.add("app_" + name);
      keys.add("current" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
      keys.add(name.toUpperCase(Locale.ROOT));
    }
    keys.addAll(NEAR_MISSES);
    return List.copyOf(keys);
  }

  /** What the SDK writer did with {@link #VALUE} under {@code key}: replaced, hashed or kept. */
  private static KeyRules.Kind written(String key) {
    String line = WRITER.begin(0L, Level.INFO, "parity").message("x").field(key, VALUE).end().toString();
    JsonNode json = JsonMapper.shared().readTree(line);
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : json.properties()) {
      if (!Set.of(Conventions.TS, Conventions.LEVEL, Conventions.LOGGER, Conventions.MSG).contains(e.getKey())) {
        values.add(e.getValue().asString());
      }
    }
    assertThat(values).as(line).hasSize(1);
    String v = values.get(0);
    if (v.equals(VALUE)) {
      return KeyRules.Kind.NONE;
    }
    if (HASH.matcher(v).matches()) {
      return KeyRules.Kind.PII;
    }
    assertThat(v).as(line).startsWith("[REDACTED:");
    return KeyRules.Kind.SECRET;
  }
}
