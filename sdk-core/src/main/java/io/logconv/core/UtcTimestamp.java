package io.logconv.core;

/**
 * Writes epoch milliseconds as the contract's {@code ts}: UTC ISO-8601 with milliseconds and
 * {@code Z}, such as {@code 2023-03-07T11:32:29.167Z}. The date and time up to the second are
 * computed once per second and cached as bytes, so a timestamp usually costs a copy of 20 bytes and
 * four digit writes. No {@code java.time} objects are created. Not thread-safe: one per writer.
 *
 * <pre>{@code
 * UtcTimestamp ts = new UtcTimestamp();
 * ts.append(buffer, 1678188749167L); // 2023-03-07T11:32:29.167Z
 * }</pre>
 */
public final class UtcTimestamp {
  private static final long MIN_MILLIS = -62167219200000L; // 0000-01-01T00:00:00.000Z
  private static final long MAX_MILLIS = 253402300799999L; // 9999-12-31T23:59:59.999Z

  private final byte[] prefix = new byte[20];
  private final JsonBuffer scratch = new JsonBuffer(20);
  private long cachedSecond = Long.MIN_VALUE;

  /** Appends the timestamp for {@code epochMillis}, without quotes. */
  public void append(JsonBuffer out, long epochMillis) {
    long millis = Math.min(Math.max(epochMillis, MIN_MILLIS), MAX_MILLIS);
    long second = Math.floorDiv(millis, 1000L);
    if (second != cachedSecond) {
      fillPrefix(second);
      cachedSecond = second;
    }
    out.appendRaw(prefix);
    int ms = (int) Math.floorMod(millis, 1000L);
    out.appendMillis((byte) ('0' + ms / 100), (byte) ('0' + ms / 10 % 10), (byte) ('0' + ms % 10));
  }

  private void fillPrefix(long epochSecond) {
    long days = Math.floorDiv(epochSecond, 86400L);
    int secOfDay = (int) Math.floorMod(epochSecond, 86400L);
    // Civil date from days since 1970-01-01 (proleptic Gregorian), after H. Hinnant.
    long z = days + 719468;
    long era = Math.floorDiv(z, 146097L);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long year = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    if (month <= 2) {
      year++;
    }
    JsonBuffer b = scratch;
    b.reset();
    b.appendPadded((int) year, 4).append('-').appendPadded(month, 2).append('-');
    b.appendPadded(day, 2).append('T').appendPadded(secOfDay / 3600, 2).append(':');
    b.appendPadded((secOfDay / 60) % 60, 2).append(':').appendPadded(secOfDay % 60, 2);
    b.append('.');
    System.arraycopy(b.array(), 0, prefix, 0, 20);
  }
}
