package io.logconv.core.redact;

/**
 * US Social Security numbers written {@code AAA-GG-SSSS}, with the numbers the SSA never issues
 * excluded (area 000, 666 or 900–999; group 00; serial 0000). Prefilter: a digit at a word start,
 * then the dashes at the right places. Kept: dates ({@code 2024-01-15}), dashed numbers with other
 * group lengths, parts of longer dashed identifiers, undashed nine-digit numbers.
 *
 * <pre>{@code
 * UsSsnDetector.INSTANCE.match("ssn 123-45-6789", 0, 4); // span(4, 15)
 * }</pre>
 */
public final class UsSsnDetector implements DigitRunDetector {
  /** The shared instance. */
  public static final UsSsnDetector INSTANCE = new UsSsnDetector();


  private UsSsnDetector() {}

  @Override
  public String type() {
    return "ssn";
  }

  @Override
  public int minDigits() {
    return 9;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int end = at + 11;
    if (end > text.length()
        || text.charAt(at + 3) != '-'
        || text.charAt(at + 6) != '-'
        || (at > 0 && text.charAt(at - 1) == '-')
        || Text.alnumAt(text, end)
        || (Text.charAt(text, end, '-')
            && (Text.alnumAt(text, end + 1) || Text.charAt(text, end + 1, '[')))) {
      return NO_MATCH;
    }
    for (int i = at; i < end; i++) {
      if (i != at + 3 && i != at + 6 && !Text.isDigit(text.charAt(i))) {
        return NO_MATCH;
      }
    }
    int area = number(text, at, 3);
    int group = number(text, at + 4, 2);
    int serial = number(text, at + 7, 4);
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return NO_MATCH;
    }
    return ValueDetector.span(at, end);
  }

  private static int number(CharSequence text, int start, int len) {
    int v = 0;
    for (int i = start; i < start + len; i++) {
      v = v * 10 + (text.charAt(i) - '0');
    }
    return v;
  }
}
