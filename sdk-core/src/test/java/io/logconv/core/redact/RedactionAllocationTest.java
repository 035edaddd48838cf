package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Proves the hot path's cost in allocated bytes, measured with {@code
 * com.sun.management.ThreadMXBean#getThreadAllocatedBytes} after a warm-up: redacting the strings
 * of a typical event allocates nothing; with one secret on the line (a password pair in the
 * message, hashed PII under a key, a card in a value) it allocates at most {@value
 * #SECRET_BOUND_PER_EVENT} bytes per event once the scratch builder has grown (measured: 0).
 */
class RedactionAllocationTest {
  private static final int WARMUP = 20_000;
  private static final int ITERATIONS = 10_000;

  /** Bytes per event allowed with one secret present; the measured value is 0. */
  static final int SECRET_BOUND_PER_EVENT = 16;

  private static final String[][] TYPICAL_EVENT = {
    {null, "reconciled Component go-net-http-hello-prqx in 87 ms"},
    {"namespace", "samburrai-tenant"},
    {"controllerKind", "Component"},
    {"action", "UPDATE"},
    {"name", "go-net-http-hello-prqx"},
    {"uid", "3f2a1c4e-9b7d-4e2a-8c1f-0d9e8b7a6c5d"},
    {"url", "http://go-net-http-hello.samburrai-tenant.svc:8080/healthz"},
    {"duration_ms", "87"},
    {"logger", "io.example.reconciler.ComponentReconciler"},
  };

  private static final String[][] EVENT_WITH_SECRETS = {
    {null, "login for app failed, password=hunter2 rejected"},
    {"namespace", "samburrai-tenant"},
    {"user", "jane.doe"},
    {"note", "card 4111 1111 1111 1111 declined"},
    {"duration_ms", "87"},
  };

  private static final String[][] EVENT_WITH_ADDRESSES = {
    {null, "accepted connection from 203.0.113.7:51234"},
    {"namespace", "samburrai-tenant"},
    {"peer", "[2001:db8::8:800:200c:417a]:8443"},
    {"hwaddr", "00:1a:2b:3c:4d:5e"},
    {"duration_ms", "87"},
  };

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void aTypicalEventAllocatesNothing() {
    assertThat(allocatedBytes(Redaction.REDACTOR, TYPICAL_EVENT)).isZero();
  }

  @Test
  void theTypicalEventIsReturnedAsItIs() {
    StringBuilder scratch = new StringBuilder();
    for (String[] kv : TYPICAL_EVENT) {
      assertThat(Redaction.REDACTOR.redact(kv[0], kv[1], scratch)).isSameAs(kv[1]);
    }
  }

  @Test
  void anEventWithSecretsAllocatesABoundedSmallAmount() {
    long bytes = allocatedBytes(Redaction.REDACTOR, EVENT_WITH_SECRETS);
    assertThat(bytes).isLessThanOrEqualTo((long) SECRET_BOUND_PER_EVENT * ITERATIONS);
  }

  @Test
  void withNetworkAddressesOnATypicalEventAllocatesNothing() {
    assertThat(allocatedBytes(Redaction.NETWORK, TYPICAL_EVENT)).isZero();
  }

  @Test
  void hashedNetworkAddressesAllocateABoundedSmallAmount() {
    SecretRedactor r =
        SecretRedactor.builder()
            .hashKeyFromEnvironment(false)
            .hashKey(Redaction.HASH_KEY)
            .networkAddresses(true)
            .mode("ipv4", RedactionMode.HASH)
            .mode("ipv6", RedactionMode.HASH)
            .mode("mac_address", RedactionMode.HASH)
            .build();
    long bytes = allocatedBytes(r, EVENT_WITH_ADDRESSES);
    assertThat(bytes).isLessThanOrEqualTo((long) SECRET_BOUND_PER_EVENT * ITERATIONS);
  }

  /** Bytes the current thread allocates redacting {@code event} {@link #ITERATIONS} times. */
  private long allocatedBytes(SecretRedactor redactor, String[][] event) {
    StringBuilder scratch = new StringBuilder(256);
    long sink = run(redactor, event, scratch, WARMUP);
    long tid = Thread.currentThread().getId();
    // What the measurement itself costs, subtracted below.
    long before0 = threads.getThreadAllocatedBytes(tid);
    long after0 = threads.getThreadAllocatedBytes(tid);
    long before = threads.getThreadAllocatedBytes(tid);
    sink += run(redactor, event, scratch, ITERATIONS);
    long after = threads.getThreadAllocatedBytes(tid);
    assertThat(sink).isPositive();
    return Math.max(0, (after - before) - (after0 - before0));
  }

  private static long run(
      SecretRedactor redactor, String[][] event, StringBuilder scratch, int iterations) {
    long sink = 0;
    for (int i = 0; i < iterations; i++) {
      for (String[] kv : event) {
        if (kv[0] != null && redactor.isSensitiveKey(kv[0])) {
          sink++;
        }
        sink += redactor.redact(kv[0], kv[1], scratch).length();
      }
    }
    return sink;
  }
}
