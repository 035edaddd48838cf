package io.logconv.core.redact;

import java.util.List;

/**
 * International Bank Account Numbers: a known country code (upper case), two check digits and the
 * country's BBAN length, electronic ({@code GB82WEST12345698765432}) or printed in groups of four
 * ({@code GB82 WEST 1234 5698 7654 32}), that pass the ISO 13616 mod-97 check. Prefilter: a known
 * country code at a word start, then two digits. Kept: mod-97-invalid strings, lower case, wrong
 * lengths, unknown country codes.
 *
 * <pre>{@code
 * IbanDetector.INSTANCE.match("iban DE89 3704 0044 0532 0130 00", 0, 5); // span(5, 32)
 * }</pre>
 */
public final class IbanDetector implements ValueDetector {
  /** The shared instance. */
  public static final IbanDetector INSTANCE = new IbanDetector();

  /** Country code and total IBAN length, from the SWIFT IBAN registry. */
  private static final String LENGTHS =
      "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BR29BY28CH21CR22CY28CZ24DE22DK18DO28EE20EG29ES24FI18"
          + "FO18FR27GB22GE22GI23GL18GR27GT28HR21HU28IE22IL23IQ23IS26IT27JO30KW30KZ20LB28LC32LI21"
          + "LT20LU20LV21MC27MD24ME22MK19MR27MT31MU30NL18NO15PK24PL28PS29PT25QA29RO24RS22SA24SC31"
          + "SE24SI19SK24SM27ST25SV28TL23TN24TR26UA29VA22VG24XK20";

  /** Length by country code, indexed {@code (c1 - 'A') * 26 + (c2 - 'A')}; 0 if unknown. */
  private static final byte[] LENGTH = new byte[26 * 26];

  private static final List<String> TRIGGERS;

  static {
    for (int i = 0; i < LENGTHS.length(); i += 4) {
      LENGTH[(LENGTHS.charAt(i) - 'A') * 26 + (LENGTHS.charAt(i + 1) - 'A')] =
          (byte) Integer.parseInt(LENGTHS.substring(i + 2, i + 4));
    }
    String[] countries = new String[LENGTHS.length() / 4];
    for (int i = 0; i < countries.length; i++) {
      countries[i] = LENGTHS.substring(4 * i, 4 * i + 2);
    }
    // The known country codes are the prefilter: "UPDATE" fails on its second letter.
    TRIGGERS = List.of(countries);
  }

  private IbanDetector() {}

  @Override
  public String type() {
    return "iban";
  }

  @Override
  public List<String> triggers() {
    return TRIGGERS;
  }

  @Override
  public boolean wordStartOnly() {
    return true;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int n = text.length();
    if (at + 4 > n
        || !Text.isUpper(text.charAt(at + 1))
        || !Text.isDigit(text.charAt(at + 2))
        || !Text.isDigit(text.charAt(at + 3))) {
      return NO_MATCH;
    }
    int length = LENGTH[(text.charAt(at) - 'A') * 26 + (text.charAt(at + 1) - 'A')];
    if (length == 0) {
      return NO_MATCH;
    }
    int count = 0;
    int i = at;
    boolean spaced = false;
    while (i < n && count < length) {
      char c = text.charAt(i);
      if (Text.isUpper(c) || Text.isDigit(c)) {
        count++;
        i++;
      } else if (c == ' '
          && count % 4 == 0
          && count > 0
          && (spaced || count == 4)
          && i + 1 < n
          && (Text.isUpper(text.charAt(i + 1)) || Text.isDigit(text.charAt(i + 1)))) {
        spaced = true;
        i++;
      } else {
        break;
      }
    }
    if (count != length || Text.alnumAt(text, i) || Text.charAt(text, i, '_')) {
      return NO_MATCH;
    }
    return mod97(text, at, i) == 1 ? ValueDetector.span(at, i) : NO_MATCH;
  }

  /**
   * The ISO 13616 remainder of {@code text[start, end)} (spaces skipped): the first four characters
   * moved to the end, letters as 10–35; 1 for a valid IBAN.
   */
  static int mod97(CharSequence text, int start, int end) {
    int r = 0;
    for (int pass = 0; pass < 2; pass++) {
      int seen = 0;
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (c == ' ') {
          continue;
        }
        boolean head = seen++ < 4;
        if (head == (pass == 0)) {
          continue;
        }
        int v = Text.isDigit(c) ? c - '0' : c - 'A' + 10;
        r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
      }
    }
    return r;
  }
}
