package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.Chars;
import io.logconv.core.redact.Prefilter;
import io.logconv.core.redact.SecretRedactor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The writer's one-pass copy with the redactor's trigger test ({@link
 * JsonEscaper#appendString(JsonBuffer, CharSequence, char[], int)}) must never let through a text the redactor would change,
 * and must write exactly what {@link JsonEscaper#appendString(JsonBuffer, CharSequence)} writes when it lets one through.
 */
class JsonEscaperPropertyTest {
  private static final SecretRedactor R = SecretRedactor.defaults();
  private static final Prefilter P = R.prefilter();
  private static final JsonEscaper SCAN = new JsonEscaper(P);

  /** Pieces where triggers, word starts, escapes and look-alikes meet. */
  private static final List<String> FRAGMENTS =
      List.of(
          "password=", "token: ", "\"secret\":\"", "Bearer ", "bearer ", "Basic ", "eyJhbGciOiJIUzI1NiJ9",
          ".eyJzdWIiOiIxIn0", ".c2lnbmF0dXJl", "://", "postgres://app:", "@db/x", "ghp_", "gho_",
          "AKIA", "IOSFODNN7EXAMPLE", "4111", " 1111", "-1111", "123-45-6789", "+44 20 7946 0958",
          "(212) 555-0123", "GB82WEST12345698765432", "jane@example.com", "%40", "[REDACTED:email]",
          "h:0123456789ab", "\\n", "\\\"", "\\", "\n", "\"", "é", "中", "\uD83D\uDE00", "\uD83D",
          "go-net-http-hello-prqx", "3f2c9a1e-6b7d-4e0f", "70", "v2", "https://registry.example.com/");

  private static final String NOISE = "abgxsBeA0123456789 .,:;=@/\\\"'-_+(%\n\u00e9\u4e2d";

  private static final Gen<String> TEXTS =
      Gens.lists(Gens.<String>oneOf(Gens.pick(FRAGMENTS), Gens.strings(Gens.of(NOISE), 1, 4)), 0, 12)
          .map(l -> String.join("", l))
          .describedAs(Gens::quote);

  @Test
  void neverPassesWhatTheRedactorChangesAndWritesWhatAppendStringWrites() {
    Theories.forAll(5000, TEXTS, JsonEscaperPropertyTest::passesOnlyWhatTheRedactorKeeps);
  }

  private static void passesOnlyWhatTheRedactorKeeps(String text) {
    boolean clean = R.redact(null, text, new StringBuilder()) == text;
    JsonBuffer fused = new JsonBuffer(8);
    fused.append('x');
    char[] chars = Chars.ensure(null, text.length() + 1);
    Chars.copy(text, text.length(), chars);
    boolean written = SCAN.appendString(fused, text, chars, text.length());
    if (written) {
      assertThat(clean).as("let through: %s", text).isTrue();
      assertThat(fused.toString()).isEqualTo("x" + JsonText.quoted(text));
    } else {
      assertThat(fused.toString()).isEqualTo("x");
    }
    if (!clean) {
      assertThat(written).isFalse();
    }
  }

  /** The redactor with the network address detectors on, whose triggers are separators. */
  private static final SecretRedactor NETWORK = SecretRedactor.builder().networkAddresses(true).build();

  private static final JsonEscaper NETWORK_SCAN = new JsonEscaper(NETWORK.prefilter());

  private static final List<String> ADDRESS_FRAGMENTS =
      List.of(
          "203.0.113.7", "127.0.0.1", "1.2.3.4-", "v1.2.3.4", ".5", ":8443", "2001:db8::1", "::",
          "::1", "fe80::1%eth0", "[", "]", "Foo::bar", "12:34:56", "00:1a:2b:3c:4d:5e",
          "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e", "ab", "AB", "3f2c9a1e-6b7d-4e0f", "-", ".", ":",
          "[REDACTED:ipv4]", "h:0123456789ab", "\\n", "\\b", "\\", " ");

  private static final Gen<String> ADDRESS_TEXTS =
      Gens.lists(
              Gens.<String>oneOf(
                  Gens.pick(ADDRESS_FRAGMENTS), Gens.strings(Gens.of("0123456789abcdefAF:.-% "), 1, 4)),
              0,
              12)
          .map(l -> String.join("", l))
          .describedAs(Gens::quote);

  @Test
  void withNetworkAddressesOnItNeverPassesWhatTheRedactorChanges() {
    Theories.forAll(
        5000,
        ADDRESS_TEXTS,
        text -> {
          boolean clean = NETWORK.redact(null, text, new StringBuilder()) == text;
          JsonBuffer fused = new JsonBuffer(8);
          char[] chars = Chars.ensure(null, text.length() + 1);
          Chars.copy(text, text.length(), chars);
          boolean written = NETWORK_SCAN.appendString(fused, text, chars, text.length());
          if (!clean) {
            assertThat(written).as("let through: %s", text).isFalse();
          }
        });
  }

  @Test
  void withoutRedactionEveryTextIsWrittenAsAppendStringWritesIt() {
    Theories.forAll(1000, TEXTS, JsonEscaperPropertyTest::writtenAsAppendStringWritesIt);
  }

  private static void writtenAsAppendStringWritesIt(String text) {
    JsonBuffer fused = new JsonBuffer(8);
    char[] chars = Chars.ensure(null, text.length() + 1);
    Chars.copy(text, text.length(), chars);
    JsonEscaper none = new JsonEscaper(Prefilter.NOTHING_TO_HIDE);
    assertThat(none.appendString(fused, text, chars, text.length())).isTrue();
    assertThat(fused.toString()).isEqualTo(JsonText.quoted(text));
  }

  @Test
  void aTriggerAfterAnEscapedNewlineCountsAsAtAWordStart() {
    // In embedded JSON, "\n" is two chars; the word after it starts a word, as after a newline.
    String text = "{\"k\":\"a\\nBearer mF_9.B5f-4.1JqM\"}";
    char[] chars = Chars.ensure(null, text.length() + 1);
    Chars.copy(text, text.length(), chars);
    assertThat(SCAN.appendString(new JsonBuffer(8), text, chars, text.length()))
        .isFalse();
    assertThat(R.redact(null, text, new StringBuilder()).toString()).contains("[REDACTED:");
  }

  @Test
  void aTriggerInsideAWordIsLetThrough() {
    String text = "xgho_ and abc4111111111111111";
    char[] chars = Chars.ensure(null, text.length() + 1);
    Chars.copy(text, text.length(), chars);
    assertThat(SCAN.appendString(new JsonBuffer(8), text, chars, text.length()))
        .isTrue();
  }
}
