package io.logconv.lint.validate;

/**
 * Byte-level recognisers for the timestamps the sources and checks meet, without regular
 * expressions or decoding (they run once per line).
 */
final class Timestamps {
  private Timestamps() {}

  /**
   * If {@code b[off..end)} starts with an RFC 3339 timestamp ({@code 2024-07-02T12:40:06Z}, an
   * optional fraction of any length, {@code Z} or a {@code ±hh:mm} offset), returns the index just
   * after it; otherwise -1.
   */
  static int rfc3339End(byte[] b, int off, int end) {
    int i = off;
    if (end - i < 20) {
      return -1;
    }
    if (!digits(b, i, 4) || b[i + 4] != '-' || !digits(b, i + 5, 2) || b[i + 7] != '-'
        || !digits(b, i + 8, 2) || (b[i + 10] != 'T' && b[i + 10] != 't')
        || !digits(b, i + 11, 2) || b[i + 13] != ':' || !digits(b, i + 14, 2)
        || b[i + 16] != ':' || !digits(b, i + 17, 2)) {
      return -1;
    }
    i += 19;
    if (i < end && b[i] == '.') {
      i++;
      int s = i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == s) {
        return -1;
      }
    }
    if (i < end && (b[i] == 'Z' || b[i] == 'z')) {
      return i + 1;
    }
    if (i + 6 <= end && (b[i] == '+' || b[i] == '-') && digits(b, i + 1, 2) && b[i + 3] == ':'
        && digits(b, i + 4, 2)) {
      return i + 6;
    }
    return -1;
  }

  private static boolean digits(byte[] b, int i, int n) {
    for (int k = 0; k < n; k++) {
      byte c = b[i + k];
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * True if {@code s} is the contract's {@code ts}: {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, and a
   * real date and time (month 1–12, a day that month has, hour below 24…).
   */
  static boolean isContractTs(CharSequence s) {
    if (s.length() != 24) {
      return false;
    }
    for (int i = 0; i < 24; i++) {
      char c = s.charAt(i);
      boolean ok =
          switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == 'T';
            case 13, 16 -> c == ':';
            case 19 -> c == '.';
            case 23 -> c == 'Z';
            default -> c >= '0' && c <= '9';
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** For a string that {@link #isContractTs} accepts: true if its fields form a real date-time. */
  static boolean isRealDateTime(CharSequence s) {
    int year = num(s, 0, 4);
    int month = num(s, 5, 2);
    int day = num(s, 8, 2);
    int hour = num(s, 11, 2);
    int minute = num(s, 14, 2);
    int second = num(s, 17, 2);
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
      return false;
    }
    return day <= daysIn(year, month);
  }

  private static int daysIn(int year, int month) {
    boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return switch (month) {
      case 2 -> leap ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static int num(CharSequence s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
