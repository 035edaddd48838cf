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

class Ipv4AddressDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "203.0.113.7",
        "198.51.100.254",
        "192.0.2.1",
        "10.0.0.1",
        "172.16.254.3",
        "192.168.1.20",
        "100.64.0.1",
        "8.8.8.8",
        "1.2.3.4", // a bare quad: an address, though it could be a version (see the detector)
        "239.255.255.250",
        "126.255.255.255",
        "128.0.0.1",
      })
  void addressesAreRedactedWhenTheOptionIsOn(String address) {
    assertRedacted(NETWORK, address, address, "ipv4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"203.0.113.7", "10.96.0.1:443", "192.168.1.20"})
  void addressesAreKeptByDefault(String address) {
    assertKept(REDACTOR, address);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "client 203.0.113.7:8443 connected | client [REDACTED:ipv4]:8443 connected",
        "GET http://10.96.0.1:443/healthz | GET http://[REDACTED:ipv4]:443/healthz",
        "route 203.0.113.0/24 added | route [REDACTED:ipv4]/24 added",
        "X-Forwarded-For: 203.0.113.7, 198.51.100.2 | X-Forwarded-For: [REDACTED:ipv4], [REDACTED:ipv4]",
        "pool 10.0.0.1-10.0.0.9 | pool [REDACTED:ipv4]-[REDACTED:ipv4]",
        "from 203.0.113.7. | from [REDACTED:ipv4].",
        "client_ip=192.168.1.20,port=80 | client_ip=[REDACTED:ipv4],port=80",
        "(203.0.113.7) | ([REDACTED:ipv4])",
        "tcp:203.0.113.7 | tcp:[REDACTED:ipv4]",
        "peer=\"203.0.113.7\" | peer=\"[REDACTED:ipv4]\"",
      })
  void onlyTheAddressIsReplaced(String text, String expected) {
    assertThat(redact(NETWORK, text)).isEqualTo(expected);
  }

  @Test
  void afterAnEscapedNewlineAnAddressStartsAWord() {
    assertThat(redact(NETWORK, "{\"log\":\"a\\n203.0.113.7\"}"))
        .isEqualTo("{\"log\":\"a\\n[REDACTED:ipv4]\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // loopback, unspecified, reserved (netmasks, broadcast): no one's address
        "127.0.0.1",
        "127.1.2.3",
        "0.0.0.0",
        "0.1.2.3",
        "255.255.255.255",
        "255.255.255.0",
        "255.255.0.0",
        "240.0.0.1",
        "listening on 0.0.0.0:8080 and 127.0.0.1:9090",
        // versions
        "v1.2.3.4",
        "V10.0.0.1",
        "1.2.3.4-SNAPSHOT",
        "1.2.3.4-rc1",
        "1.2.3.4-1",
        "1.2.3.4+build.7",
        "1.2.3.4.jar",
        "app-1.2.3.4",
        "kernel_5.15.0.1",
        "release 1.2.3.4.5",
        // OIDs
        "1.3.6.1.4.1.311",
        "2.5.4.3.1",
        // not four octets of 0-255 without leading zeros
        "256.1.1.1",
        "1.2.3.256",
        "999.10.10.10",
        "010.0.0.1",
        "192.168.001.001",
        "10.0.1",
        "1.2.3.4567",
        "10.0.0.1a",
        "x10.0.0.1",
        // other numbers
        "3.14",
        "2024.05.01",
        "01.05.2024",
        "1.5s",
        "12:34:56.789",
        "2023-03-07T11:32:29.167Z",
        "ip-10-0-12-34.ec2.internal",
        "resourceVersion 48213377",
        "ports 80,443,8080",
        "in 1234 ms",
      })
  void lookAlikesAreKept(String text) {
    assertKept(NETWORK, text);
  }
}
