package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class UtcTimestampTest {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static String format(UtcTimestamp ts, long millis) {
    JsonBuffer b = new JsonBuffer(32);
    ts.append(b, millis);
    return b.toString();
  }

  @Test
  void formatsTheAdrExample() {
    assertThat(format(new UtcTimestamp(), 1678188749167L)).isEqualTo("2023-03-07T11:32:29.167Z");
  }

  @Test
  void cacheFollowsTheClockAcrossSecondsDaysAndBackwards() {
    UtcTimestamp ts = new UtcTimestamp();
    long[] times = {
      1678188749999L, 1678188750000L, 1678188749998L, 951782400000L, // 2000-02-29
      0L, -1L, 1709251199999L, 1709251200000L // 2024-02-29 -> 03-01
    };
    for (long t : times) {
      assertThat(format(ts, t)).as("%d", t).isEqualTo(ISO.format(Instant.ofEpochMilli(t)));
    }
  }

  @Test
  void agreesWithJavaTime() {
    // From 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z; QuickTheories tries both ends.
    Theories.forAll(
        2000,
        Generate.longRange(-62167219200000L, 253402300799999L),
        millis ->
            assertThat(format(new UtcTimestamp(), millis))
                .isEqualTo(ISO.format(Instant.ofEpochMilli(millis))));
  }

  @Test
  void clampsToFourDigitYears() {
    assertThat(format(new UtcTimestamp(), Long.MAX_VALUE)).isEqualTo("9999-12-31T23:59:59.999Z");
    assertThat(format(new UtcTimestamp(), Long.MIN_VALUE)).isEqualTo("0000-01-01T00:00:00.000Z");
  }
}
