package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.RedactionMode;
import io.logconv.core.redact.Redactor;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Level;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Arguments that a message template names a secret ({@code "password {}"}) are hidden whole,
 * whatever they look like, before they are substituted; in the message as a backend formatted it
 * too.
 */
class SecretArgumentTest {
  private static final SecretRedactor REDACTOR =
      SecretRedactor.builder().hashKeyFromEnvironment(false).hashKey("test-only-hash-key-0123456789").build();

  private static String format(String template, Object... args) {
    StringBuilder out = new StringBuilder();
    MessageTemplate.format(out, template, args, args.length, REDACTOR);
    return out.toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "password {}                  | password [REDACTED:password]",
        "token: {}                    | token: [REDACTED:token]",
        "login with secret {} ok      | login with secret [REDACTED:secret] ok",
        "api key {}                   | api key [REDACTED:api_key]",
        "API-Key='{}'                 | API-Key='[REDACTED:api_key]'",
        "the password is {}           | the password is [REDACTED:password]",
        "db password was \"{}\"       | db password was \"[REDACTED:password]\"",
        "signing key = {}             | signing key = [REDACTED:secret_key]",
        "password=[{}]                | password=[[REDACTED:password]]",
        "client Secret {}             | client Secret [REDACTED:client_secret]",
        "session id {} expired        | session id [REDACTED:session_id] expired",
      })
  void anArgumentASecretWordIntroducesIsHiddenWhatever(String template, String expected) {
    // "a b" is prose to any detector: only the template says it is a secret.
    assertThat(format(template.strip(), "a b")).isEqualTo(expected.strip());
  }

  @Test
  void theSpringBootLine() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    assertThat(format("user logged in with password {} bearer {}", "hunter2-S3cret!", jwt))
        .isEqualTo("user logged in with password [REDACTED:password] bearer " + jwt);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "reconciled {} in {} ms",
        "password reset email sent to {}",
        "password policy {} applied",
        "Secret {} created",
        "Secret: {}/{} created",
        "secret name {}",
        "token endpoint {}",
        "user {} logged in",
        "tokens: {}",
      })
  void otherArgumentsAreSubstitutedAsTheyAre(String template) {
    StringBuilder plain = new StringBuilder();
    MessageTemplate.format(plain, template, new Object[] {"a b", "c d"}, 2);
    assertThat(format(template, "a b", "c d")).isEqualTo(plain.toString()).contains("a b");
  }

  @Test
  void placeholderArgumentsAndEmptyOnesAreKept() {
    assertThat(format("password {}", "${DB_PASSWORD}")).isEqualTo("password ${DB_PASSWORD}");
    assertThat(format("password {}", "****")).isEqualTo("password ****");
    assertThat(format("password {}", (Object) null)).isEqualTo("password null");
    assertThat(format("password '{}'", "")).isEqualTo("password ''");
  }

  @Test
  void onlyThePlaceholderTheWordIntroduces() {
    assertThat(format("password {} for user {} on {}", "a b", "c", "d"))
        .isEqualTo("password [REDACTED:password] for user c on d");
    assertThat(format("user {} with token {}", "c", 42)).isEqualTo("user c with token [REDACTED:token]");
    // Escaped placeholders are literal text, and "\\{}" still substitutes.
    assertThat(format("password \\{} {}", "x")).isEqualTo("password {} x");
    assertThat(format("password \\\\{}", "x")).isEqualTo("password \\[REDACTED:password]");
  }

  @Test
  void replacementModesApply() {
    SecretRedactor masking =
        SecretRedactor.builder().mode("password", RedactionMode.MASK).build();
    StringBuilder out = new StringBuilder();
    MessageTemplate.format(out, "password {}!", new Object[] {"hunter2-S3cret"}, 1, masking);
    assertThat(out).hasToString("password *******-**cret!");
    SecretRedactor hashing =
        SecretRedactor.builder().hashKeyFromEnvironment(false).hashKey("test-only-hash-key-0123456789")
            .mode("token", RedactionMode.HASH).build();
    out.setLength(0);
    MessageTemplate.format(out, "token {} ok", new Object[] {"abc"}, 1, hashing);
    String hashed = out.toString();
    assertThat(hashed).matches("token h:[0-9a-f]{12} ok");
    StringBuilder again = new StringBuilder();
    hashing.redact("token", "abc", again);
    assertThat(hashed).isEqualTo("token " + again + " ok");
  }

  @Test
  void customAndDisabledKeyRules() {
    SecretRedactor custom = SecretRedactor.builder().secretKey("pin", "card_pin").disable("token").build();
    StringBuilder out = new StringBuilder();
    MessageTemplate.format(out, "pin {} and token {}", new Object[] {"1234", "t"}, 2, custom);
    assertThat(out).hasToString("pin [REDACTED:card_pin] and token t");
    out.setLength(0);
    MessageTemplate.format(out, "password {}", new Object[] {"x"}, 1, Redactor.NONE);
    assertThat(out).hasToString("password x");
  }

  // --- the message as a backend formatted it (AsyncAppender) ------------------------------------

  private static String deferred(String template, int argCount, String formatted) {
    StringBuilder out = new StringBuilder(formatted);
    MessageTemplate.redactArguments(out, template, argCount, REDACTOR);
    return out.toString();
  }

  @Test
  void aFormattedMessageIsAlignedWithItsTemplate() {
    assertThat(deferred("user {} with password {} bearer {}", 3, "user c with password a b bearer t"))
        .isEqualTo("user c with password [REDACTED:password] bearer t");
    // The argument holds the literal text after it: hidden whole, never cut short.
    assertThat(deferred("password {} for {}", 2, "password x for y for z"))
        .isEqualTo("password [REDACTED:password] for z");
    assertThat(deferred("token {}{} ok", 2, "token abcdef ok")).isEqualTo("token [REDACTED:token] ok");
    // Fewer arguments than placeholders: the rest stay as written.
    assertThat(deferred("a {} password {}", 1, "a b password {}")).isEqualTo("a b password {}");
    assertThat(deferred("password {}", 1, "password ****")).isEqualTo("password ****");
  }

  @Test
  void aFormattedMessageThatDoesNotMatchItsTemplateIsLeftToTheDetectors() {
    assertThat(deferred("password {} here", 1, "something else")).isEqualTo("something else");
    assertThat(deferred("reconciled {}", 1, "reconciled x")).isEqualTo("reconciled x");
  }

  // --- through the writer -----------------------------------------------------------------------

  @Test
  void theWriterHidesNamedArgumentsInBothPaths() {
    LineFormat format = LineFormat.builder().redactor(REDACTOR).build();
    EventWriter w = format.newWriter();
    JsonNode direct =
        Lines.conforming(
            Lines.text(
                w.begin(0L, Level.INFO, "app")
                    .message("login {} with password {}", new Object[] {"c", "open sesame"}, 2)
                    .end()));
    assertThat(direct.get("msg").asString()).isEqualTo("login c with password [REDACTED:password]");
    JsonNode later =
        Lines.conforming(
            Lines.text(
                w.begin(0L, Level.INFO, "app")
                    .message("login c with password open sesame", "login {} with password {}", 2)
                    .end()));
    assertThat(later.get("msg").asString()).isEqualTo("login c with password [REDACTED:password]");
    LineFormat off = LineFormat.builder().redactor(Redactor.NONE).build();
    JsonNode kept =
        Lines.conforming(
            Lines.text(
                off.newWriter()
                    .begin(0L, Level.INFO, "app")
                    .message("password {}", new Object[] {"open sesame"}, 1)
                    .end()));
    assertThat(kept.get("msg").asString()).isEqualTo("password open sesame");
  }

  @Test
  void theWriterHidesSecretsNamedInValuesAndExceptionMessages() {
    EventWriter w = LineFormat.builder().redactor(REDACTOR).build().newWriter();
    JsonNode n =
        Lines.conforming(
            Lines.text(
                w.begin(0L, Level.ERROR, "app")
                    .message("login failed, password hunter2x")
                    .field("note", "the secret is s3cr3t!")
                    .throwable(new IllegalStateException("rejected: password is Zq8#rT2!vLp0"))
                    .end()));
    assertThat(n.get("msg").asString()).isEqualTo("login failed, password [REDACTED:password]");
    assertThat(n.get("note").asString()).isEqualTo("the secret is [REDACTED:secret]");
    assertThat(n.get("error").asString())
        .isEqualTo("java.lang.IllegalStateException: rejected: password is [REDACTED:password]");
    assertThat(n.get("stacktrace").asString()).doesNotContain("Zq8#rT2!vLp0");
  }

  @Test
  void manyTemplatesAndTemplatesBuiltPerEventAreEachJudgedByTheirOwnWords() {
    EventWriter w = LineFormat.builder().redactor(REDACTOR).build().newWriter();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 40; i++) {
        // More templates than the writer keeps, colliding in its slots, some built anew each time.
        String template = i % 2 == 0 ? "step " + i + " password {}" : "step " + i + " value {}";
        if (i % 3 == 0) {
          template = new String(template.toCharArray());
        }
        JsonNode n =
            Lines.conforming(
                Lines.text(
                    w.begin(0L, Level.INFO, "app").message(template, new Object[] {"a b"}, 1).end()));
        assertThat(n.get("msg").asString())
            .as(template)
            .isEqualTo(i % 2 == 0 ? "step " + i + " password [REDACTED:password]" : "step " + i + " value a b");
      }
    }
  }

  @Test
  void hidingANamedArgumentAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    EventWriter w = LineFormat.builder().redactor(REDACTOR).build().newWriter();
    Object[] args = {"c", "open sesame", 87};
    long sink = 0;
    for (int i = 0; i < 20_000; i++) {
      sink += w.begin(0L, Level.INFO, "app").message("login {} with password {} in {} ms", args, 3).end().size();
    }
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    for (int i = 0; i < 10_000; i++) {
      sink += w.begin(0L, Level.INFO, "app").message("login {} with password {} in {} ms", args, 3).end().size();
    }
    long after = threads.getThreadAllocatedBytes(tid);
    assertThat(sink).isPositive();
    assertThat(after - before).as("bytes for 10,000 events").isLessThan(10_000);
  }
}
