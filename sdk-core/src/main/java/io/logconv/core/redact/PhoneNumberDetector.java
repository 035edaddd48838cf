package io.logconv.core.redact;

import java.util.List;

/**
 * Phone numbers in three shapes. E.164 with optional grouping: {@code +} and 8 to 15 digits, groups
 * separated by one space, dash or dot, or a parenthesised group ({@code +44 (0)20 7946 0958}).
 * North American numbers: {@code (212) 555-0123}, {@code 212-555-0123}, {@code 212.555.0123} (area
 * code and exchange start with 2–9). National numbers with a trunk 0, grouped by spaces or dashes:
 * {@code 020 7946 0958}, {@code 01 23 45 67 89} (10 or 11 digits, groups of 2 or more). Prefilter:
 * {@code +}, {@code (}, or a digit at a word start. Kept: time zone offsets ({@code +05:30}), IP
 * addresses, versions, dates, durations, plain digit runs without {@code +}.
 *
 * <pre>{@code
 * PhoneNumberDetector.INSTANCE.match("call +1 212 555 0123", 0, 5); // span(5, 20)
 * }</pre>
 */
public final class PhoneNumberDetector implements DigitRunDetector {
  /** The shared instance. */
  public static final PhoneNumberDetector INSTANCE = new PhoneNumberDetector();

  private static final List<String> TRIGGERS =
      List.of("+", "(", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  private PhoneNumberDetector() {}

  @Override
  public String type() {
    return "phone";
  }

  @Override
  public List<String> triggers() {
    return TRIGGERS;
  }

  @Override
  public int minDigits() {
    return 8;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    char c = text.charAt(at);
    if (c == '+') {
      return at > 0 && text.charAt(at - 1) == '+' ? NO_MATCH : e164(text, at);
    }
    if (at > 0 && isGlue(text.charAt(at - 1))) {
      return NO_MATCH;
    }
    if (c == '0') {
      return trunk(text, at);
    }
    return northAmerican(text, at);
  }

  /** Characters that make a number part of something else (a version, an IP, a sum, a range). */
  private static boolean isGlue(char c) {
    return c == '.' || c == '-' || c == '+' || c == '/' || c == ':' || c == '#';
  }

  private static long e164(CharSequence text, int at) {
    int n = text.length();
    int i = at + 1;
    if (i >= n || text.charAt(i) < '1' || text.charAt(i) > '9') {
      return NO_MATCH;
    }
    int digits = 0;
    int end = i;
    // The last group end followed by a space: "+1 212 555 0123 4567 89" is a number and more.
    int spacedEnd = -1;
    int spacedDigits = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Text.isDigit(c)) {
        if (digits == 15) {
          return fallback(at, spacedEnd, spacedDigits, 8, 15);
        }
        digits++;
        i++;
        end = i;
      } else if ((c == ' ' || c == '-' || c == '.') && nextStartsGroup(text, i + 1)) {
        if (c == ' ') {
          spacedEnd = i;
          spacedDigits = digits;
        }
        i++;
      } else if (c == '(' && Text.digitAt(text, i + 1)) {
        int close = i + 1;
        while (close < n && Text.isDigit(text.charAt(close))) {
          close++;
        }
        if (!Text.charAt(text, close, ')') || close - i > 5 || digits + close - i - 1 > 15) {
          break;
        }
        digits += close - i - 1;
        i = close + 1;
        end = i;
        if (i < n && text.charAt(i) == ' ') {
          i++;
        }
      } else {
        break;
      }
    }
    if (digits < 8 || !boundaryAfter(text, end)) {
      return end == i ? fallback(at, spacedEnd, spacedDigits, 8, 15) : NO_MATCH;
    }
    return ValueDetector.span(at, end);
  }

  private static long fallback(int at, int end, int digits, int min, int max) {
    return end > at && digits >= min && digits <= max ? ValueDetector.span(at, end) : NO_MATCH;
  }

  private static boolean nextStartsGroup(CharSequence text, int i) {
    return Text.digitAt(text, i) || (Text.charAt(text, i, '(') && Text.digitAt(text, i + 1));
  }

  private static long northAmerican(CharSequence text, int at) {
    int i = at;
    char sep;
    if (text.charAt(at) == '(') {
      if (!digits(text, at + 1, 3) || !Text.charAt(text, at + 4, ')')) {
        return NO_MATCH;
      }
      i = at + 5;
      if (Text.charAt(text, i, ' ')) {
        i++;
      }
      sep = '-';
      if (!areaOrExchange(text, at + 1)) {
        return NO_MATCH;
      }
    } else {
      if (!digits(text, at, 3) || !areaOrExchange(text, at)) {
        return NO_MATCH;
      }
      sep = at + 3 < text.length() ? text.charAt(at + 3) : 0;
      if (sep != '-' && sep != '.') {
        return NO_MATCH;
      }
      i = at + 4;
    }
    if (!digits(text, i, 3) || !areaOrExchange(text, i)) {
      return NO_MATCH;
    }
    char sep2 = i + 3 < text.length() ? text.charAt(i + 3) : 0;
    boolean sepOk = sep2 == sep || (text.charAt(at) == '(' && sep2 == ' ');
    int end = i + 8;
    if (!sepOk || !digits(text, i + 4, 4) || !boundaryAfter(text, end)) {
      return NO_MATCH;
    }
    return ValueDetector.span(at, end);
  }

  private static long trunk(CharSequence text, int at) {
    int n = text.length();
    if (!Text.digitAt(text, at + 1) || text.charAt(at + 1) == '0') {
      return NO_MATCH;
    }
    int i = at;
    int digits = 0;
    int groups = 0;
    char sep = 0;
    int end = at;
    int best = -1;
    while (true) {
      int g = i;
      while (i < n && Text.isDigit(text.charAt(i))) {
        i++;
      }
      int len = i - g;
      if (len < 2 || (groups == 0 && len > 5) || digits + len > 11) {
        break;
      }
      digits += len;
      groups++;
      end = i;
      char c = i < n ? text.charAt(i) : 0;
      boolean more = (c == ' ' || c == '-') && (sep == 0 || sep == c) && Text.digitAt(text, i + 1);
      if (groups >= 2 && digits >= 10 && (more ? c == ' ' : boundaryAfter(text, end))) {
        best = end;
      }
      if (!more) {
        break;
      }
      sep = c;
      i++;
    }
    return best < 0 ? NO_MATCH : ValueDetector.span(at, best);
  }

  private static boolean areaOrExchange(CharSequence text, int i) {
    return text.charAt(i) >= '2';
  }

  private static boolean digits(CharSequence text, int start, int count) {
    if (start + count > text.length()) {
      return false;
    }
    for (int i = start; i < start + count; i++) {
      if (!Text.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean boundaryAfter(CharSequence text, int end) {
    if (Text.alnumAt(text, end) || Text.charAt(text, end, '_')) {
      return false;
    }
    char c = end < text.length() ? text.charAt(end) : ' ';
    // A replacement ("[REDACTED:…]") may stand where a digit was: treat it alike, so that
    // redacting again decides the same.
    return !((c == '.' || c == '-' || c == ':' || c == '/')
        && (Text.digitAt(text, end + 1) || Text.charAt(text, end + 1, '[')));
  }
}
