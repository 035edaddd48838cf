package io.logconv.core.redact;

import java.util.List;

/**
 * IPv6 addresses in the text forms of RFC 4291 (section 2.2) that RFC 5952 recommends or allows:
 * eight groups of one to four hex digits ({@code 2001:db8:0:0:8:800:200c:417a}), one {@code ::}
 * for a run of zero groups ({@code 2001:db8::8:800:200c:417a}, {@code fe80::1}), and the last 32
 * bits as a dotted quad ({@code ::ffff:192.0.2.33}, {@code 64:ff9b::192.0.2.33}). A zone id after
 * the address ({@code fe80::1%eth0}, {@code %25eth0} in a URI), the brackets and port of
 * {@code [2001:db8::1]:8443} and a prefix length ({@code 2001:db8::/32}) are kept. Off by
 * default; on with {@link SecretRedactor.Builder#networkAddresses}. Prefilter: a {@code :}
 * followed by a hex digit or {@code :} (the address's first {@code :}; the match looks back to
 * the group before it).
 *
 * <p>Kept, because they name no one: the unspecified address {@code ::}, loopback {@code ::1},
 * and an IPv4-mapped address whose IPv4 address is kept ({@code ::ffff:127.0.0.1}). Kept as
 * look-alikes: times ({@code 12:34:56}) and port lists ({@code 80:443}), which have too few
 * groups; nine or more groups; a {@code ::} inside a word ({@code Foo::bar}, {@code std::vector})
 * or written twice; a compressed form without a decimal digit ({@code a::b}, {@code dead::beef},
 * {@code ::add}: names, not addresses); hex letters of both cases in one address ({@code
 * Cafe::Babe1}, which no tool writes); and groups of five or more hex digits (digests, trace ids,
 * UUIDs).
 *
 * <p>{@link RedactionMode#HASH} hashes the RFC 5952 canonical form (lowercase, leading zeros
 * dropped, the longest run of two or more zero groups compressed), and an IPv4-mapped address as
 * its IPv4 address, so that {@code 2001:DB8:0:0::1}, {@code 2001:db8::1}, and {@code
 * ::ffff:192.0.2.33} and {@code 192.0.2.33} hash alike.
 *
 * <pre>{@code
 * Ipv6AddressDetector.INSTANCE.match("peer [2001:db8::1]:8443", 0, 10); // span(6, 17)
 * }</pre>
 */
public final class Ipv6AddressDetector implements SeparatorTriggeredDetector, CanonicalSpelling {
  /** The shared instance. */
  public static final Ipv6AddressDetector INSTANCE = new Ipv6AddressDetector();

  /** The type of its matches. */
  public static final String TYPE = "ipv6";

  private static final List<String> TRIGGERS = List.of(":");

  private static final String HEX = "0123456789abcdef";

  private static final String FOLLOWERS = HEX_DIGITS + ":";

  /** Flags of {@link #parse}, above the end in the low 32 bits. */
  private static final long DIGIT = 1L << 32;

  private static final long UPPER = 1L << 33;
  private static final long LOWER = 1L << 34;
  private static final long GAP = 1L << 35;

  private Ipv6AddressDetector() {}

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
    return FOLLOWERS;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int start = groupStart(text, from, at);
    if (start < 0 || !boundaryBefore(text, start)) {
      return NO_MATCH;
    }
    long parsed = parse(text, start);
    // Only before an address is a dash looked behind: it may glue the address to a word.
    if (parsed < 0 || (start >= 2 && text.charAt(start - 1) == '-' && gluedByDash(text, start - 1))) {
      return NO_MATCH;
    }
    int end = (int) parsed;
    if ((parsed & UPPER) != 0 && (parsed & LOWER) != 0) {
      return NO_MATCH;
    }
    if ((parsed & GAP) != 0 && (parsed & DIGIT) == 0) {
      return NO_MATCH;
    }
    if (!boundaryAfter(text, end) || isKept(text, start, end)) {
      return NO_MATCH;
    }
    return ValueDetector.span(start, end);
  }

  /**
   * Where the address whose first {@code :} is at {@code at} may start: after the up to four hex
   * digits before it, not counting the letter of a backslash escape ({@code \b}); or -1 for more.
   */
  static int groupStart(CharSequence text, int from, int at) {
    int start = at;
    while (start > from && at - start < 5 && Text.isHex(text.charAt(start - 1))) {
      start--;
    }
    if (start < at && Text.escapedAt(text, start)) {
      start++; // "\bab:…": the b is the escape's
    }
    return at - start > 4 ? -1 : start;
  }

  /**
   * True if an address may start at {@code start}, judged by the char before it: it must not
   * continue the address (a word char, {@code :}, {@code .}) nor be the end of an earlier
   * replacement ({@code ]}), so that redacting again decides the same; the letter of a backslash
   * escape before it ({@code \n}) does not count.
   */
  private static boolean boundaryBefore(CharSequence text, int start) {
    if (start == 0) {
      return true;
    }
    char before = text.charAt(start - 1);
    if (Text.isWordChar(before)) {
      // The letter of an escape ("\n…"), but not the u of a Unicode escape, whose hex digits
      // would be taken for the address's.
      return before != 'u' && Text.escapedAt(text, start - 1);
    }
    return before != ':' && before != '.' && before != ']';
  }

  /**
   * True if the dash at {@code dash} glues what follows to a word before it (a name, a UUID, an
   * earlier replacement's {@code ]}) rather than ending a range's first address ({@code
   * 2001:db8::1-2001:db8::9}) or standing alone.
   */
  static boolean gluedByDash(CharSequence text, int dash) {
    char c = text.charAt(dash - 1);
    if (!Text.isWordChar(c) && c != ']') {
      return false;
    }
    // An address in text has at most 45 chars: find one that ends at the dash.
    for (int j = Math.max(0, dash - 45); j < dash; j++) {
      long parsed = parse(text, j);
      if (parsed >= 0 && (int) parsed == dash && boundaryBefore(text, j)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses the address starting at {@code start}: its end in the low 32 bits and the flags {@link
   * #DIGIT}, {@link #UPPER}, {@link #LOWER}, {@link #GAP} above, or -1 if none starts there.
   */
  static long parse(CharSequence text, int start) {
    int n = text.length();
    int i = start;
    int groups = 0;
    long flags = 0;
    if (Text.startsWith(text, i, "::")) {
      flags |= GAP;
      i += 2;
    }
    while (i < n) {
      int g = i;
      while (i < n && i - g <= 4 && Text.isHex(text.charAt(i))) {
        char c = text.charAt(i);
        flags |= Text.isDigit(c) ? DIGIT : Text.isUpper(c) ? UPPER : LOWER;
        i++;
      }
      if (i == g) {
        break; // after a final "::"
      }
      if (Text.charAt(text, i, '.') && Text.digitAt(text, i + 1)) {
        long quad = Ipv4AddressDetector.quad(text, g);
        if (quad < 0) {
          return -1; // a dotted number that is no address tail
        }
        groups += 2;
        i = (int) (quad >>> 32);
        break;
      }
      if (i - g > 4 || ++groups > 8) {
        return -1;
      }
      if (Text.charAt(text, i, ':') && Text.charAt(text, i + 1, ':')) {
        if ((flags & GAP) != 0) {
          return -1; // "::" twice
        }
        flags |= GAP;
        i += 2;
      } else if (Text.charAt(text, i, ':') && Text.hexAt(text, i + 1)) {
        i++;
      } else {
        break;
      }
    }
    if ((flags & GAP) != 0 ? groups > 7 : groups != 8) {
      return -1;
    }
    return flags | i;
  }

  /** True if the address ending at {@code end} ends there, rather than going on as something else. */
  private static boolean boundaryAfter(CharSequence text, int end) {
    int n = text.length();
    if (end >= n) {
      return true;
    }
    char c = text.charAt(end);
    // A replacement ("[REDACTED:…]") glued on may stand where a word char was: treat it alike, so
    // that redacting again decides the same.
    if (Text.isWordChar(c) || c == '[') {
      return false;
    }
    char next = end + 1 < n ? text.charAt(end + 1) : ' ';
    return switch (c) {
      // After a ':', an earlier hash ("h:…") may stand where a group or a dotted quad was.
      case ':' -> !(Text.isHex(next) || next == ':' || next == '['
          || (next == 'h' && Text.charAt(text, end + 2, ':')));
      case '.' -> !(Text.isWordChar(next) || next == '[');
      // "x::" before "//" is a URL's scheme and "://", not an address ending with "::".
      case '/' -> next != '/';
      default -> true;
    };
  }

  /** True for the addresses of no one: {@code ::}, {@code ::1}, IPv4-mapped kept IPv4 addresses. */
  private static boolean isKept(CharSequence text, int start, int end) {
    long high = half(text, start, end, true);
    long low = half(text, start, end, false);
    return high == 0
        && (low == 0 || low == 1 || (isMapped(low) && Ipv4AddressDetector.isKept((int) low)));
  }

  /** True if the low 64 bits of an address with high bits 0 are {@code ::ffff:0:0/96}'s. */
  private static boolean isMapped(long low) {
    return (low >>> 32) == 0xFFFF;
  }

  /**
   * The high or low 64 bits of the address {@code text[start, end)}, which {@link #parse} accepted:
   * its groups shifted in one by one, those after {@code ::} apart, then the groups before {@code
   * ::} moved up past the zeros it stands for.
   */
  static long half(CharSequence text, int start, int end, boolean high) {
    long headHigh = 0;
    long headLow = 0;
    long tailHigh = 0;
    long tailLow = 0;
    int headGroups = 0;
    boolean inTail = false;
    int i = start;
    while (i < end) {
      if (Text.startsWith(text, i, "::")) {
        inTail = true;
        i += 2;
        continue;
      }
      if (text.charAt(i) == ':') {
        i++;
        continue;
      }
      int g = i;
      int value = 0;
      while (i < end && Text.isHex(text.charAt(i))) {
        value = value << 4 | Character.digit(text.charAt(i), 16);
        i++;
      }
      int count = 1;
      if (i < end && text.charAt(i) == '.') {
        value = (int) Ipv4AddressDetector.quad(text, g);
        i = end;
        count = 2;
      }
      for (int k = count - 1; k >= 0; k--) {
        long group = (value >>> (16 * k)) & 0xFFFFL;
        if (inTail) {
          tailHigh = tailHigh << 16 | tailLow >>> 48;
          tailLow = tailLow << 16 | group;
        } else {
          headHigh = headHigh << 16 | headLow >>> 48;
          headLow = headLow << 16 | group;
          headGroups++;
        }
      }
    }
    int shift = 16 * (8 - headGroups);
    long h;
    long l;
    if (shift == 0) {
      h = headHigh;
      l = headLow;
    } else if (shift >= 128) {
      h = 0;
      l = 0;
    } else if (shift >= 64) {
      h = headLow << (shift - 64);
      l = 0;
    } else {
      h = headHigh << shift | headLow >>> (64 - shift);
      l = headLow << shift;
    }
    return high ? h | tailHigh : l | tailLow;
  }

  /**
   * The RFC 5952 form of the address (section 4: lowercase, no leading zeros, the longest run of
   * two or more zero groups, the first of equal runs, as {@code ::}); an IPv4-mapped address as its
   * dotted quad, the spelling of the same host over IPv4.
   */
  @Override
  public void appendCanonical(CharSequence text, int start, int end, StringBuilder out) {
    long high = half(text, start, end, true);
    long low = half(text, start, end, false);
    if (high == 0 && isMapped(low)) {
      Ipv4AddressDetector.appendQuad((int) low, out);
      return;
    }
    int bestStart = -1;
    int bestLength = 1;
    int runStart = -1;
    for (int k = 0; k <= 8; k++) {
      boolean zero = k < 8 && group(high, low, k) == 0;
      if (zero && runStart < 0) {
        runStart = k;
      } else if (!zero && runStart >= 0) {
        if (k - runStart > bestLength) {
          bestStart = runStart;
          bestLength = k - runStart;
        }
        runStart = -1;
      }
    }
    for (int k = 0; k < 8; k++) {
      if (k == bestStart) {
        out.append("::");
        k += bestLength - 1;
        continue;
      }
      if (k > 0 && k != bestStart + bestLength) {
        out.append(':');
      }
      appendHex(group(high, low, k), out);
    }
  }

  /** Appends {@code group} in lowercase hex without leading zeros. */
  private static void appendHex(int group, StringBuilder out) {
    boolean started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int digit = (group >>> shift) & 0xF;
      if (digit != 0 || started || shift == 0) {
        out.append(HEX.charAt(digit));
        started = true;
      }
    }
  }

  private static int group(long high, long low, int k) {
    long half = k < 4 ? high : low;
    return (int) (half >>> (16 * (3 - (k & 3)))) & 0xFFFF;
  }
}
