package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Gens;
import io.logconv.core.Theories;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The properties of {@link RedactionPropertiesTest} with the network address detectors on, over
 * text where addresses and their look-alikes meet: idempotence, no exceptions, no planted address
 * survives.
 */
class NetworkAddressPropertiesTest {
  private static final SecretRedactor R = Redaction.NETWORK;

  /** Pieces of addresses and look-alikes, glued together at random. */
  static final List<String> FRAGMENTS =
      List.of(
          "203.0.113.7", "10.0.0.1", "127.0.0.1", "1.2.3.4", ".5", "-", "-SNAPSHOT", "v", "0",
          "255", "256", "010", ".", ":", "::", "2001:db8", "::1", "fe80::1", "%eth0", "%25", "[",
          "]", ":8443", "/24", "ffff", "::ffff:", "Foo::bar", "12:34:56", "00:1a:2b:3c:4d:5e",
          "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e", "ab", "cd", "AB", "3f2a1c4e-9b7d", " ", "\\",
          "\\n", "\\b", "\"", "=", "@", "[REDACTED:ipv4]", "h:0123456789ab", "jane@example.com",
          "4111111111111111", "+44 20 7946 0958", "password=", "x");

  private static final String NOISE = "0123456789abcdefABCDEFxyz .:-%[]/\\\"=_+\n";

  static final Gen<String> TEXTS =
      Gens.oneOf(
          Gens.strings(Gens.of(NOISE), 0, 80),
          Gens.lists(Gens.pick(FRAGMENTS), 0, 20)
              .map(l -> String.join("", l))
              .describedAs(Gens::quote));

  /** An address written as {@code text}, which must not survive. */
  record Planted(String text, String hidden) {}

  static final List<Planted> ADDRESSES =
      List.of(
          new Planted("203.0.113.7", "203.0.113.7"),
          new Planted("203.0.113.7:8443", "203.0.113.7"),
          new Planted("2001:db8::1", "2001:db8::1"),
          new Planted("[2001:db8::8:800:200c:417a]:443", "2001:db8::8:800:200c:417a"),
          new Planted("fe80::1ff:fe23:4567:890a%eth0", "fe80::1ff:fe23:4567:890a"),
          new Planted("::ffff:192.0.2.33", "192.0.2.33"),
          new Planted("00:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5e"),
          new Planted("00-1A-2B-3C-4D-5E", "00-1A-2B-3C-4D-5E"),
          new Planted("001a.2b3c.4d5e", "001a.2b3c.4d5e"));

  record Surrounded(String before, Planted address, String after) {}

  @Test
  void redactionIsIdempotentAndNeverThrows() {
    Theories.forAll(
        5000,
        TEXTS,
        text -> {
          String once = R.redact(null, text, new StringBuilder()).toString();
          String twice = R.redact(null, once, new StringBuilder()).toString();
          assertThat(twice).as("redact(redact(%s))", text).isEqualTo(once);
          R.scan(text, (type, start, end) -> assertThat(start).isBetween(0, end));
        });
  }

  @Test
  void aPlantedAddressNeverSurvives() {
    Gen<String> noisy = Gens.strings(Gens.of(NOISE), 0, 30);
    Theories.forAll(
        3000,
        noisy.zip(Gens.pick(ADDRESSES), noisy, Surrounded::new),
        p -> {
          String text = p.before() + " " + p.address().text() + " " + p.after();
          String out = R.redact(null, text, new StringBuilder()).toString();
          assertThat(out).as("redacted %s", text).doesNotContain(p.address().hidden());
          assertThat(R.redact(null, out, new StringBuilder()).toString()).isEqualTo(out);
        });
  }
}
