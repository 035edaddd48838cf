package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBufferTest {
  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 9, 10, 99, 100, 1678188749167L, Long.MAX_VALUE, Long.MIN_VALUE, -42})
  void writesLongsLikeLongToString(long v) {
    assertThat(new JsonBuffer(1).appendLong(v).toString()).isEqualTo(Long.toString(v));
  }

  @Test
  void growsAndCanShrinkBackToARetainedCapacity() {
    JsonBuffer b = new JsonBuffer(16);
    b.appendRaw("x".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
    assertThat(b.capacity()).isGreaterThanOrEqualTo(100_000);
    b.reset(4096);
    assertThat(b.capacity()).isEqualTo(4096);
    assertThat(b.size()).isZero();
    b.append('[').appendBoolean(true).append(',').appendNull().append(',').appendPadded(7, 3);
    assertThat(new String(b.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("[true,null,007");
  }
}
