package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.HASH_KEY;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The network address detectors: off by default, on with one switch, replaced as modes say. */
class NetworkAddressOptionTest {
  private static final String LINE =
      "client 203.0.113.7 via [2001:db8::1]:8443 from 00:1a:2b:3c:4d:5e on 127.0.0.1";

  private static SecretRedactor.Builder keyed() {
    return SecretRedactor.builder().hashKeyFromEnvironment(false).hashKey(HASH_KEY);
  }

  private static String hmac(String value) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HASH_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "h:" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 6);
  }

  @Test
  void offByDefaultAddressesAreKept() {
    SecretRedactor r = keyed().build();
    assertThat(r.redact(null, LINE, new StringBuilder())).isSameAs(LINE);
    assertThat(SecretRedactor.defaults().redact(null, LINE, new StringBuilder())).isSameAs(LINE);
    assertThat(SecretRedactor.defaults().detectors())
        .extracting(ValueDetector::type)
        .doesNotContainAnyElementsOf(SecretRedactor.NETWORK_ADDRESS_TYPES);
  }

  @Test
  void offTheirTriggersAreNotInTheScannersTables() {
    // Off costs nothing: a separator before a hex digit stops neither the scanner nor the writer's
    // copy loop (the pair table the writer reads), and a ':' calls no more detectors than before.
    Prefilter off = keyed().build().prefilter();
    Prefilter on = keyed().networkAddresses(true).build().prefilter();
    for (char c : new char[] {'.', '-'}) {
      for (char next : "0123456789abcdefABCDEF".toCharArray()) {
        if (!startsSomeOtherRulesLiteral(c, next)) {
          assertThat(off.triggersGoingOn(c, next)).as("%s%s off", c, next).isZero();
        }
        assertThat(on.triggersGoingOn(c, next) & Prefilter.TRIGGER_ANYWHERE)
            .as("%s%s on", c, next)
            .isNotZero();
      }
    }
    // '.' may start another rule's literal (Terraform's ".atlasv1."), but never with a digit.
    for (char digit = '0'; digit <= '9'; digit++) {
      assertThat(off.triggersGoingOn('.', digit)).isZero();
    }
    assertThat(keyed().networkAddresses(false).build().detectors())
        .extracting(ValueDetector::type)
        .doesNotContainAnyElementsOf(SecretRedactor.NETWORK_ADDRESS_TYPES);
  }

  /** True if a rule that is on by default has a trigger literal starting {@code c next}. */
  private static boolean startsSomeOtherRulesLiteral(char c, char next) {
    String pair = "" + c + next;
    for (DetectorRule r : DetectorTable.RULES) {
      if (r.detector() != null && !r.optIn()) {
        for (String t : r.detector().triggers()) {
          if (t.startsWith(pair)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Test
  void onEveryTypeIsRedactedAndLoopbackIsKept() {
    SecretRedactor r = keyed().networkAddresses(true).build();
    assertThat(redact(r, LINE))
        .isEqualTo(
            "client [REDACTED:ipv4] via [[REDACTED:ipv6]]:8443 from [REDACTED:mac_address] on"
                + " 127.0.0.1");
    assertThat(r.detectors())
        .extracting(ValueDetector::type)
        .containsAll(SecretRedactor.NETWORK_ADDRESS_TYPES);
  }

  @Test
  void oneTypeCanStillBeTurnedOff() {
    SecretRedactor r = keyed().networkAddresses(true).disable("ipv6").build();
    assertThat(redact(r, LINE))
        .isEqualTo(
            "client [REDACTED:ipv4] via [2001:db8::1]:8443 from [REDACTED:mac_address] on 127.0.0.1");
  }

  @Test
  void hashedTheCanonicalSpellingIsHashedWithTheDeploymentKey() throws Exception {
    SecretRedactor r =
        keyed()
            .networkAddresses(true)
            .mode("ipv4", RedactionMode.HASH)
            .mode("ipv6", RedactionMode.HASH)
            .mode("mac_address", RedactionMode.HASH)
            .build();
    assertThat(redact(r, "from 203.0.113.7")).isEqualTo("from " + hmac("203.0.113.7"));
    assertThat(redact(r, "from 2001:0DB8:0:0::1")).isEqualTo("from " + hmac("2001:db8::1"));
    assertThat(redact(r, "from 001A.2B3C.4D5E")).isEqualTo("from " + hmac("00:1a:2b:3c:4d:5e"));
    // One address, however a line spells it, hashes alike: on every line and every replica.
    SecretRedactor replica =
        keyed()
            .networkAddresses(true)
            .mode("ipv4", RedactionMode.HASH)
            .mode("ipv6", RedactionMode.HASH)
            .build();
    String v4 = redact(r, "192.0.2.33");
    assertThat(redact(r, "::ffff:192.0.2.33")).isEqualTo(v4);
    assertThat(redact(r, "::FFFF:C000:221")).isEqualTo(v4);
    assertThat(redact(replica, "192.0.2.33")).isEqualTo(v4);
    assertThat(redact(r, "2001:db8::1")).isEqualTo(redact(replica, "2001:DB8:0:0:0:0:0:1"));
    assertThat(redact(r, "00-1A-2B-3C-4D-5E")).isEqualTo(redact(r, "00:1a:2b:3c:4d:5e"));
    assertThat(redact(r, "192.0.2.34")).isNotEqualTo(v4);
    // The hash is earlier output: redacting again keeps it.
    String once = redact(r, "a 203.0.113.7:80 b 2001:db8::1%eth0 c 00:1a:2b:3c:4d:5e");
    assertThat(once).matches("a h:[0-9a-f]{12}:80 b h:[0-9a-f]{12}%eth0 c h:[0-9a-f]{12}");
    assertThat(redact(r, once)).isEqualTo(once);
  }

  @Test
  void redactingAgainDecidesTheSame() {
    // Where an earlier replacement meets an address that was kept, or the reverse.
    SecretRedactor r = keyed().networkAddresses(true).build();
    for (String text :
        List.of(
            "00:1a:2b:3c:4d:5e-203.0.113.7",
            "10.0.0.1+f6::ffff:",
            "203.0.113.73+123-45-6789",
            "fe80::1203.0.113.7jane@example.com",
            "0./240:://jane@example.com",
            "jane@example.com.5ABdE-3f2a1c4e-9b7d::ffff:256/24.",
            "token: \"::1:a+7",
            "password=\"=Foo::bar%\"::14E",
            "f03::ffff:1.2.3.4:fe80::1")) {
      String once = redact(r, text);
      assertThat(redact(r, once)).as("redact(redact(%s))", text).isEqualTo(once);
    }
    SecretRedactor hashed =
        keyed().networkAddresses(true).mode("ipv4", RedactionMode.HASH).build();
    String once = redact(hashed, "f03::ffff:1.2.3.4:fe80::1");
    assertThat(redact(hashed, once)).isEqualTo(once);
  }

  @Test
  void maskedAsAnyOtherType() {
    SecretRedactor r = keyed().networkAddresses(true).mode("ipv4", RedactionMode.MASK).build();
    assertThat(redact(r, "from 203.0.113.7")).isEqualTo("from ***.*.***.*");
  }

  @Test
  void scanReportsWhereNeverWhat() {
    SecretRedactor r = keyed().networkAddresses(true).build();
    StringBuilder found = new StringBuilder();
    r.scan(
        LINE,
        (type, start, end) ->
            found.append(type).append(' ').append(start).append('-').append(end).append(';'));
    int v4 = LINE.indexOf("203.");
    int v6 = LINE.indexOf("2001:");
    int mac = LINE.indexOf("00:1a");
    assertThat(found.toString())
        .isEqualTo(
            "ipv4 " + v4 + "-" + (v4 + 11) + ";ipv6 " + v6 + "-" + (v6 + 11) + ";mac_address " + mac
                + "-" + (mac + 17) + ";");
  }
}
