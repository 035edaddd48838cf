package io.logconv.core.redact;

/**
 * IPv4 addresses (RFC 791's 32-bit address) in dotted-decimal text: four decimal octets of 0 to
 * 255 without leading zeros, the strict form {@code inet_pton} reads ({@code 203.0.113.7}). A port
 * ({@code 203.0.113.7:8443}) or a prefix length ({@code 203.0.113.0/24}) after it is kept. Off by
 * default; on with {@link SecretRedactor.Builder#networkAddresses}. Prefilter: a digit at a word
 * start starting a run of 4 or more digits.
 *
 * <p>Kept, because they name no one: loopback {@code 127.0.0.0/8}, {@code 0.0.0.0/8} (the
 * unspecified address {@code 0.0.0.0}), and {@code 240.0.0.0/4}, reserved and never a host's
 * (netmasks such as {@code 255.255.255.0}, the broadcast address {@code 255.255.255.255}). Kept as
 * look-alikes: an octet over 255 or with a leading zero ({@code 010.0.0.1}, which {@code
 * inet_aton} reads as octal: ambiguous, so no address), more than four parts ({@code 1.2.3.4.5},
 * OIDs such as {@code 1.3.6.1.4.1}), and what reads as a version: digits inside a word ({@code
 * v1.2.3.4}), after a name and a dash ({@code app-1.2.3.4}), or with a suffix ({@code
 * 1.2.3.4-SNAPSHOT}, {@code 1.2.3.4-1}, {@code 1.2.3.4+build}, {@code 1.2.3.4.jar}). A bare
 * {@code 1.2.3.4} cannot be told from a four-part version and is hidden: a team that turned
 * addresses on prefers losing a version to leaking an address. A range keeps both ends apart:
 * {@code 10.0.0.1-10.0.0.9} hides both addresses.
 *
 * <pre>{@code
 * Ipv4AddressDetector.INSTANCE.match("from 203.0.113.7:8443", 0, 5); // span(5, 16)
 * }</pre>
 */
public final class Ipv4AddressDetector implements DigitRunDetector, CanonicalSpelling {
  /** The shared instance. */
  public static final Ipv4AddressDetector INSTANCE = new Ipv4AddressDetector();

  /** The type of its matches. */
  public static final String TYPE = "ipv4";

  private Ipv4AddressDetector() {}

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public int minDigits() {
    return 4;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    // The quad first: most digit runs fail it within a few chars, before any look around.
    long quad = quad(text, at);
    if (quad < 0) {
      return NO_MATCH;
    }
    // Right after an earlier match the char before counts as none, as the scanner has it.
    if (at > from && at > 0) {
      char before = text.charAt(at - 1);
      if (before == '.') {
        return NO_MATCH; // the tail of a longer dotted number: an OID, a version
      }
      if (before == '-' && at >= 2 && gluedByDash(text, at - 1)) {
        return NO_MATCH; // a name and its version: app-1.2.3.4
      }
    }
    int end = (int) (quad >>> 32);
    if (!boundaryAfter(text, end) || isKept((int) quad)) {
      return NO_MATCH;
    }
    return ValueDetector.span(at, end);
  }

  /**
   * True if the dash at {@code dash} glues what follows to a word before it ({@code app-},
   * {@code x86-}, or an earlier replacement's {@code ]}) rather than ending a range's first address
   * ({@code 10.0.0.1-}) or standing alone.
   */
  private static boolean gluedByDash(CharSequence text, int dash) {
    char c = text.charAt(dash - 1);
    if (!Text.isWordChar(c) && c != ']') {
      return false;
    }
    // A quad has at most 15 chars: find one that starts a word and ends at the dash.
    for (int j = Math.max(0, dash - 15); j < dash; j++) {
      long quad = quad(text, j);
      if (quad >= 0
          && (int) (quad >>> 32) == dash
          && (j == 0 || !(Text.isWordChar(text.charAt(j - 1)) || text.charAt(j - 1) == '.'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The dotted quad starting at {@code i}: its end in the high and its 32-bit value in the low 32
   * bits, or -1. Octets are 0 to 255, one to three digits, without a leading zero.
   */
  static long quad(CharSequence text, int i) {
    int n = text.length();
    int value = 0;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (!Text.charAt(text, i, '.')) {
          return -1;
        }
        i++;
      }
      int start = i;
      int octet = 0;
      while (i < n && Text.isDigit(text.charAt(i))) {
        if (i - start == 3) {
          return -1;
        }
        octet = octet * 10 + (text.charAt(i) - '0');
        i++;
      }
      if (i == start || octet > 255 || (i - start > 1 && text.charAt(start) == '0')) {
        return -1;
      }
      value = value << 8 | octet;
    }
    return ((long) i << 32) | (value & 0xFFFFFFFFL);
  }

  /** True for the addresses of no one: {@code 0.0.0.0/8}, {@code 127.0.0.0/8}, {@code 240.0.0.0/4}. */
  static boolean isKept(int address) {
    int first = address >>> 24;
    return first == 0 || first == 127 || first >= 240;
  }

  /** True if the quad ending at {@code end} ends there, rather than going on as a version. */
  private static boolean boundaryAfter(CharSequence text, int end) {
    int n = text.length();
    if (end >= n) {
      return true;
    }
    char c = text.charAt(end);
    // A replacement ("[REDACTED:…]") may stand where a part or a word char was: treat it alike,
    // so that redacting again decides the same.
    if (Text.isWordChar(c) || c == '[') {
      return false;
    }
    char next = end + 1 < n ? text.charAt(end + 1) : ' ';
    return switch (c) {
      case '.' -> !(Text.isWordChar(next) || next == '[');
      case '+' -> !(Text.isWordChar(next) || next == '[');
      // A range goes on with an address; anything else after a dash is a version's suffix.
      case '-' -> !(Text.isWordChar(next) || next == '[') || quad(text, end + 1) >= 0;
      default -> true;
    };
  }

  /** A quad in the strict form is its own canonical spelling. */
  @Override
  public void appendCanonical(CharSequence text, int start, int end, StringBuilder out) {
    out.append(text, start, end);
  }

  /** Appends the dotted quad of {@code address}. */
  static void appendQuad(int address, StringBuilder out) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.append((address >>> shift) & 0xFF);
      if (shift > 0) {
        out.append('.');
      }
    }
  }
}
