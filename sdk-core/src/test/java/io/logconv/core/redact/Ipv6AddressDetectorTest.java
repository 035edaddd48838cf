package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.NETWORK;
import static io.logconv.core.redact.Redaction.REDACTOR;
import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6AddressDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2001:db8:0:0:8:800:200c:417a",
        "2001:0db8:0000:0000:0008:0800:200c:417a",
        "2001:DB8:0:0:8:800:200C:417A",
        "2001:db8::8:800:200c:417a",
        "2001:db8::1",
        "2001:db8::",
        "fe80::1ff:fe23:4567:890a",
        "fe80::1",
        "ff02::1:ff00:1234",
        "::2",
        "1:2:3:4:5:6:7:8",
        "1::",
        "::ffff:192.0.2.33",
        "::ffff:c000:221",
        "64:ff9b::192.0.2.33",
        "2001:db8:1:2:3:4:192.0.2.33",
        "0:0:0:0:0:0:0:2",
        "00:1a:2b:3c:4d:5e:6f:70", // an EUI-64 with colons reads as an address
      })
  void addressesAreRedactedWhenTheOptionIsOn(String address) {
    assertRedacted(NETWORK, address, address, "ipv6");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1", "fe80::1ff:fe23:4567:890a", "::ffff:192.0.2.33"})
  void addressesAreKeptByDefault(String address) {
    assertKept(REDACTOR, address);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "peer [2001:db8::1]:8443 | peer [[REDACTED:ipv6]]:8443",
        "GET http://[2001:db8::1]/x | GET http://[[REDACTED:ipv6]]/x",
        "via fe80::1%eth0 | via [REDACTED:ipv6]%eth0",
        "http://[fe80::1%25eth0]:80/ | http://[[REDACTED:ipv6]%25eth0]:80/",
        "prefix 2001:db8::/32 | prefix [REDACTED:ipv6]/32",
        "dial 2001:db8::1: refused | dial [REDACTED:ipv6]: refused",
        "from 2001:db8::1. | from [REDACTED:ipv6].",
        "a=2001:db8::1,b=2001:db8::2 | a=[REDACTED:ipv6],b=[REDACTED:ipv6]",
        "{\"ip\":\"2001:db8::1\"} | {\"ip\":\"[REDACTED:ipv6]\"}",
      })
  void onlyTheAddressIsReplaced(String text, String expected) {
    assertThat(redact(NETWORK, text)).isEqualTo(expected);
  }

  @Test
  void theLetterOfAnEscapeBeforeTheAddressIsNotPartOfIt() {
    assertThat(redact(NETWORK, "a\\nfe80::1 b\\bfe80::2"))
        .isEqualTo("a\\n[REDACTED:ipv6] b\\b[REDACTED:ipv6]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // unspecified, loopback, IPv4-mapped kept IPv4 addresses: no one's
        "::",
        "::1",
        "0:0:0:0:0:0:0:1",
        "0000:0000:0000:0000:0000:0000:0000:0001",
        "::ffff:127.0.0.1",
        "::ffff:7f00:1",
        "::ffff:0.0.0.0",
        "[::1]:8080",
        "listening on [::]:8080",
        // code
        "Foo::bar",
        "std::vector<int>",
        "Base::add",
        "a::b",
        "dead::beef",
        "::add",
        "Cafe::Babe1",
        "String::valueOf",
        "a :: Int",
        // times, ports, counts
        "12:34:56",
        "12:34:56.789",
        "10:00",
        "80:443",
        "1:30:00",
        "2023-03-07T11:32:29.167Z",
        "2024-05-01 10:00:00,123",
        // not an address
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "12345::1",
        "fe80::1g",
        "fe80::12345",
        "2001:db8:::1",
        "Fe80::1",
        "::ffff:1.2.3.4.5",
        "::ffff:1.2.3.256",
        "1:2:3:4:5:6:7",
        // hex that is no address
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "4bf92f3577b34da6a3ce929d0e0e4736",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "3f2a1c4e-9b7d-4e2a-8c1f-0d9e8b7a6c5d",
        "Foo.java:42",
        "system:serviceaccount:kube-system:default",
        "java.lang.Object@1b6d3586",
        "ab:cd",
      })
  void lookAlikesAreKept(String text) {
    assertKept(NETWORK, text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // RFC 5952 section 4: lowercase, no leading zeros, the longest zero run compressed
        "2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1",
        "2001:DB8::1 | 2001:db8::1",
        "2001:db8:0:0:0::1 | 2001:db8::1",
        "2001:db8::0:1 | 2001:db8::1",
        // a single zero group is not compressed
        "2001:db8:0:1:1:1:1:1 | 2001:db8:0:1:1:1:1:1",
        "2001:db8::1:1:1:1:1 | 2001:db8:0:1:1:1:1:1",
        // the longest run, the first of equal runs
        "2001:0:0:1:0:0:0:1 | 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1 | 2001:db8::1:0:0:1",
        "1:0:0:0:0:0:0:0 | 1::",
        "0:0:0:0:0:0:0:2 | ::2",
        "fe80:0:0:0:1ff:fe23:4567:890a | fe80::1ff:fe23:4567:890a",
        // IPv4-mapped: the IPv4 address, as the same host is written over IPv4
        "::ffff:192.0.2.33 | 192.0.2.33",
        "::FFFF:C000:0221 | 192.0.2.33",
        "0:0:0:0:0:ffff:192.0.2.33 | 192.0.2.33",
        // other embedded IPv4 addresses in hex
        "64:ff9b::192.0.2.33 | 64:ff9b::c000:221",
      })
  void theCanonicalSpellingIsRfc5952s(String address, String canonical) {
    StringBuilder out = new StringBuilder();
    Ipv6AddressDetector.INSTANCE.appendCanonical(address, 0, address.length(), out);
    assertThat(out.toString()).isEqualTo(canonical);
  }
}
