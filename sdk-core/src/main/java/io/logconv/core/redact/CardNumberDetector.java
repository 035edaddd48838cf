package io.logconv.core.redact;

/**
 * Payment card numbers: 13 to 19 digits, optionally in groups separated by single spaces or dashes
 * (one kind per number), that pass the Luhn check <em>and</em> start with an issuer prefix whose
 * length fits (Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay, Maestro,
 * Mir). Luhn alone passes one random digit run in ten; the issuer check rejects, among others,
 * epoch timestamps in milliseconds, microseconds and nanoseconds (they start with 1). Prefilter: a
 * digit at a word start, then a run of at least 13 digits. Kept: Luhn-invalid runs, longer digit
 * runs, numbers glued to letters, decimals and dashed identifiers (UUIDs).
 *
 * <pre>{@code
 * CardNumberDetector.INSTANCE.match("card 4111 1111 1111 1111", 0, 5); // span(5, 24)
 * CardNumberDetector.isIssuerPrefix("4111111111111111", 0, 16);       // true (Visa, 16 digits)
 * }</pre>
 */
public final class CardNumberDetector implements DigitRunDetector {
  /** The shared instance. */
  public static final CardNumberDetector INSTANCE = new CardNumberDetector();

  private static final int MIN = 13;
  private static final int MAX = 19;

  private CardNumberDetector() {}

  /**
   * True if the digits at {@code at} are the value of a key that ends in {@code id} ({@code
   * dd.trace_id=3806875852371067029}, {@code "spanId": "…"}): 64-bit decimal trace and span ids
   * are 19 or 20 digits, and one in thirty or so would otherwise pass for a card.
   */
  static boolean underIdKey(CharSequence text, int from, int at) {
    int j = at - 1;
    if (j >= from && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
      j--;
    }
    while (j >= from && text.charAt(j) == ' ') {
      j--;
    }
    if (j < from || (text.charAt(j) != '=' && text.charAt(j) != ':')) {
      return false;
    }
    j--;
    if (j >= from && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
      j--;
    }
    return j - 1 >= from
        && Text.lower(text.charAt(j)) == 'd'
        && Text.lower(text.charAt(j - 1)) == 'i'
        && (j - 2 < from
            || !Text.isLetter(text.charAt(j - 2))
            || (Text.isLower(text.charAt(j - 2)) && text.charAt(j - 1) == 'I'));
  }

  @Override
  public String type() {
    return "card";
  }

  @Override
  public int minDigits() {
    return MIN;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    // Part of a decimal (3.4111…), a version or a dashed identifier: not a card.
    if (at > 0
        && (text.charAt(at - 1) == '.' || text.charAt(at - 1) == '-')
        && (Text.digitAt(text, at - 2) || Text.charAt(text, at - 2, ']'))) {
      return NO_MATCH;
    }
    if (underIdKey(text, from, at)) {
      return NO_MATCH;
    }
    int n = text.length();
    int digits = 0;
    int groups = 0;
    int i = at;
    char sep = 0;
    // Groups as cards are printed: a first group of 4, then groups of 3 to 6, one separator kind.
    // Group ends are candidates: "4111 1111 1111 1111 123" is a card followed by a number.
    // Candidate ends and digit counts, 8 bits per group (at most 6 groups, offsets below 25):
    // packed into longs so that scanning grouped digits allocates nothing.
    long ends = 0;
    long counts = 0;
    while (true) {
      int g = i;
      while (i < n && Text.isDigit(text.charAt(i))) {
        i++;
      }
      int len = i - g;
      if (groups == 0) {
        if (len > MAX) {
          return NO_MATCH;
        }
      } else if (len < 3 || len > 6 || digits + len > MAX) {
        break;
      }
      digits += len;
      char c = i < n ? text.charAt(i) : 0;
      boolean more =
          (c == ' ' || c == '-')
              && (sep == 0 || sep == c)
              && (groups > 0 || len == 4)
              && Text.digitAt(text, i + 1);
      ends |= (long) (i - at) << (8 * groups);
      counts |= (long) digits << (8 * groups);
      groups++;
      if (!more) {
        break;
      }
      sep = c;
      i++;
    }
    for (int k = groups - 1; k >= 0; k--) {
      // An inner candidate is followed by its separator; after a dash that is one identifier.
      boolean last = k == groups - 1;
      int end = at + (int) ((ends >>> (8 * k)) & 0xFF);
      int count = (int) ((counts >>> (8 * k)) & 0xFF);
      if ((last || sep == ' ') && accept(text, at, end, count, last)) {
        return ValueDetector.span(at, end);
      }
    }
    return NO_MATCH;
  }

  private static boolean accept(CharSequence text, int at, int end, int digits, boolean last) {
    if (digits < MIN) {
      return false;
    }
    if (last) {
      if (Text.alnumAt(text, end) || Text.charAt(text, end, '_')) {
        return false;
      }
      if ((Text.charAt(text, end, '.') || Text.charAt(text, end, '-'))
          && (Text.digitAt(text, end + 1) || Text.charAt(text, end + 1, '['))) {
        return false;
      }
    }
    return luhnValid(text, at, end) && isIssuerPrefix(text, at, end);
  }

  /**
   * True if the digits of {@code text[start, end)} (separators skipped) start with a card issuer's
   * prefix and have one of that issuer's lengths.
   */
  public static boolean isIssuerPrefix(CharSequence text, int start, int end) {
    int len = 0;
    int prefix = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Text.isDigit(c)) {
        if (len < 6) {
          prefix = prefix * 10 + (c - '0');
        }
        len++;
      }
    }
    if (len < 6) {
      return false;
    }
    int p1 = prefix / 100000;
    int p2 = prefix / 10000;
    int p3 = prefix / 1000;
    int p4 = prefix / 100;
    if (p1 == 4) { // Visa
      return len == 13 || len == 16 || len == 19;
    }
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) { // Mastercard
      return len == 16;
    }
    if (p2 == 34 || p2 == 37) { // American Express
      return len == 15;
    }
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) { // Discover
      return len >= 16 && len <= 19;
    }
    if (p4 >= 3528 && p4 <= 3589) { // JCB
      return len >= 16 && len <= 19;
    }
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) { // Diners Club
      return len >= 14 && len <= 19;
    }
    if (p2 == 62) { // UnionPay
      return len >= 16 && len <= 19;
    }
    if (p4 == 5018
        || p4 == 5020
        || p4 == 5038
        || p4 == 5893
        || p4 == 6304
        || p4 == 6759
        || (p4 >= 6761 && p4 <= 6763)) { // Maestro
      return len >= 13 && len <= 19;
    }
    if (p4 >= 2200 && p4 <= 2204) { // Mir
      return len >= 16 && len <= 19;
    }
    return false;
  }

  /** True if the digits of {@code text[start, end)} (separators skipped) pass the Luhn check. */
  public static boolean luhnValid(CharSequence text, int start, int end) {
    int sum = 0;
    boolean doubled = false;
    for (int i = end - 1; i >= start; i--) {
      char c = text.charAt(i);
      if (!Text.isDigit(c)) {
        continue;
      }
      int d = c - '0';
      if (doubled) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
