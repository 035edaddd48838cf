package io.logconv.core.redact;

import java.util.List;

/**
 * IEEE 802 MAC addresses (EUI-48) in the three ways they are written: six groups of two hex
 * digits separated by {@code :} ({@code 00:1a:2b:3c:4d:5e}, Linux, IEEE 802) or by {@code -}
 * ({@code 00-1A-2B-3C-4D-5E}, Windows, the IEEE 802 canonical form), and three groups of four
 * separated by dots ({@code 001a.2b3c.4d5e}, Cisco). One kind of separator per address. Off by
 * default; on with {@link SecretRedactor.Builder#networkAddresses}. Prefilter: a {@code :},
 * {@code -} or {@code .} followed by a hex digit (the match looks back to the group before it).
 *
 * <p>Kept, because they name no one: {@code 00:00:00:00:00:00} and the broadcast address {@code
 * ff:ff:ff:ff:ff:ff}. Kept as look-alikes: other counts or sizes of groups (times {@code
 * 12:34:56}, UUIDs, dates, trace parents), mixed separators, a seventh group, a group glued to a
 * word, hex letters of both cases in one address, and dotted groups without both a digit and a
 * letter ({@code 2024.1105.0001}, {@code dead.beef.cafe}: numbers and words, where a real address
 * has both nearly always). An EUI-64 written with colons reads as an IPv6 address and is hidden as
 * one.
 *
 * <p>{@link RedactionMode#HASH} hashes the lowercase colon form, so that {@code
 * 00-1A-2B-3C-4D-5E}, {@code 001a.2b3c.4d5e} and {@code 00:1a:2b:3c:4d:5e} hash alike.
 *
 * <pre>{@code
 * MacAddressDetector.INSTANCE.match("lease for 00:1a:2b:3c:4d:5e", 0, 12); // span(10, 27)
 * }</pre>
 */
public final class MacAddressDetector implements SeparatorTriggeredDetector, CanonicalSpelling {
  /** The shared instance. */
  public static final MacAddressDetector INSTANCE = new MacAddressDetector();

  /** The type of its matches. */
  public static final String TYPE = "mac_address";

  private static final List<String> TRIGGERS = List.of(":", "-", ".");

  private MacAddressDetector() {}

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<String> triggers() {
    return TRIGGERS;
  }

  @Override
  public String followers() {
    return HEX_DIGITS;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    char sep = text.charAt(at);
    int size = sep == '.' ? 4 : 2;
    int groups = sep == '.' ? 3 : 6;
    int start = at - size;
    if (start < from || start < 0 || Text.escapedAt(text, start) || !startsAddress(text, start, sep)) {
      return NO_MATCH;
    }
    int n = text.length();
    int end = start + groups * (size + 1) - 1;
    if (end > n) {
      return NO_MATCH;
    }
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    int zeros = 0;
    int ones = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if ((i - start) % (size + 1) == size) {
        if (c != sep) {
          return NO_MATCH;
        }
        continue;
      }
      if (!Text.isHex(c)) {
        return NO_MATCH;
      }
      digit |= Text.isDigit(c);
      upper |= Text.isUpper(c);
      lower |= Text.isLower(c);
      zeros += c == '0' ? 1 : 0;
      ones += c == 'f' || c == 'F' ? 1 : 0;
    }
    if ((upper && lower)
        || (sep == '.' && !(digit && (upper || lower)))
        || zeros == 12
        || ones == 12
        || !boundaryAfter(text, end, sep)) {
      return NO_MATCH;
    }
    return ValueDetector.span(start, end);
  }

  /**
   * True if an address may start at {@code start}, judged by the char before it: not a word char
   * (but the letter of a backslash escape, other than the u of a Unicode escape), nor a separator
   * that would make it part of a longer run, nor the end of an earlier replacement ({@code ]}), so
   * that redacting again decides the same.
   */
  private static boolean startsAddress(CharSequence text, int start, char sep) {
    if (start == 0) {
      return true;
    }
    char before = text.charAt(start - 1);
    if (Text.isWordChar(before)) {
      return before != 'u' && Text.escapedAt(text, start - 1);
    }
    if (before == '-' && start >= 2 && (Text.isWordChar(text.charAt(start - 2)) || text.charAt(start - 2) == ']')) {
      return false; // glued to a word by a dash: vm-00:1a:…
    }
    return before != sep && before != ':' && before != '.' && before != ']';
  }

  private static boolean boundaryAfter(CharSequence text, int end, char sep) {
    int n = text.length();
    if (end >= n) {
      return true;
    }
    char c = text.charAt(end);
    // A replacement ("[REDACTED:…]") glued on may stand where a word char was: treat it alike.
    if (Text.isWordChar(c) || c == '[') {
      return false;
    }
    char next = end + 1 < n ? text.charAt(end + 1) : ' ';
    if (c == sep || c == ':' || c == '.') {
      return !(Text.isWordChar(next) || next == '[');
    }
    return true;
  }

  /** The lowercase colon form: {@code 00:1a:2b:3c:4d:5e}. */
  @Override
  public void appendCanonical(CharSequence text, int start, int end, StringBuilder out) {
    int digits = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Text.isHex(c)) {
        if (digits > 0 && digits % 2 == 0) {
          out.append(':');
        }
        out.append(Text.lower(c));
        digits++;
      }
    }
  }
}
