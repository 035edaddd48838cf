package io.logconv.core.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A credential that announces itself with a fixed literal (a vendor's prefix such as {@code
 * sk-proj-} or {@code dckr_pat_}, or an infix such as {@code .atlasv1.}), checked by its documented
 * shape: the literal is the trigger; the chars after it must be a fixed sequence of runs (an
 * alphabet and a length range) and literals; some formats also have runs before the literal; the
 * token must end (and start) at a word boundary; a validator may check a checksum or what the body
 * decodes to. A format without a prefix of its own takes the name of the variable or header that
 * holds it as its literal and an assignment after it ({@link Builder#assign}): {@code DD_API_KEY=}
 * and the 32 hex digits after it, of which only the digits are hidden. Thread-safe, and allocation-free but for a checksum's state where a token's shape
 * has matched: one instance per rule of {@link DetectorTable}.
 *
 * <p>Kept: the literal alone or with a body too short or too long for the format, longer
 * identifiers that merely contain it, bodies of one repeated char ({@code sk-proj-xxxx…}) and
 * vendors' documented example keys ({@code …EXAMPLE}).
 *
 * <pre>{@code
 * TokenDetector d = TokenDetector.builder("docker_token").prefixes("dckr_pat_")
 *     .run(Alphabet.BASE64URL, 27, 27).build();
 * d.match("push with dckr_pat_…", 0, 10); // the span of the whole token
 * }</pre>
 */
public final class TokenDetector implements ValueDetector {
  /** The characters a run may hold. */
  public enum Alphabet {
    /** {@code A-Z0-9}. */
    UPPER_DIGIT("A-Z0-9"),
    /** {@code a-z0-9}. */
    LOWER_DIGIT("a-z0-9"),
    /** {@code A-Za-z}. */
    LETTERS("A-Za-z"),
    /** {@code 0-9}. */
    DIGITS("0-9"),
    /** {@code A-Za-z0-9}. */
    ALNUM("A-Za-z0-9"),
    /** {@code A-Za-z0-9_}. */
    ALNUM_UNDERSCORE("A-Za-z0-9_"),
    /** {@code A-Za-z0-9-}. */
    ALNUM_DASH("A-Za-z0-9-"),
    /** {@code A-Za-z0-9_-}: base64url without padding. */
    BASE64URL("A-Za-z0-9_-"),
    /** {@code A-Za-z0-9_-} with single dots inside: GitLab's routable tokens. */
    BASE64URL_DOTTED("A-Za-z0-9_-."),
    /** {@code A-Za-z0-9+/}: base64 (padding is a run of its own). */
    BASE64("A-Za-z0-9+/"),
    /** {@code 0-9a-f}. */
    HEX_LOWER("0-9a-f"),
    /** {@code 0-9a-fA-F}. */
    HEX("0-9a-fA-F"),
    /** The 32 upper-case chars of bech32 (age keys). */
    BECH32_UPPER("bech32"),
    /** {@code A-Za-z0-9_~.}: Azure AD client secrets. */
    AZURE_SECRET("A-Za-z0-9_~."),
    /** {@code A-Za-z0-9_-=}: Terraform and Atlassian tokens. */
    BASE64URL_EQ("A-Za-z0-9_=-"),
    /** {@code A-Za-z0-9+/_=-}: base64 of either kind with padding. */
    BASE64_MIXED("A-Za-z0-9+/_=-"),
    /** {@code A-Za-z0-9%+/=}: base64, percent-encoded or not (query parameters). */
    URL_BASE64("A-Za-z0-9%+/="),
    /** {@code A-Za-z0-9_/-}: a URL path. */
    PATH("A-Za-z0-9_/-"),
    /** {@code A-Za-z0-9@_/-}: a webhook URL path with ids joined by {@code @}. */
    WEBHOOK_PATH("A-Za-z0-9@_/-"),
    /** {@code a-z2-7}: lower-case base32 (Azure DevOps' first personal access tokens). */
    BASE32_LOWER("a-z2-7"),
    /**
     * An assignment between a key and its value: {@code =} or {@code :} with the quotes, spaces
     * and backslashes around them ({@code DD_API_KEY=}, {@code "X-Auth-Key": "}, {@code \\":\\"}).
     */
    ASSIGN("assign"),
    /** {@code =}: base64 padding. */
    PAD("=");

    private final String shown;

    Alphabet(String shown) {
      this.shown = shown;
    }

    /** The alphabet as the README writes it. */
    public String shown() {
      return shown;
    }

    boolean contains(char c) {
      return switch (this) {
        case UPPER_DIGIT -> Text.isUpper(c) || Text.isDigit(c);
        case LOWER_DIGIT -> Text.isLower(c) || Text.isDigit(c);
        case LETTERS -> Text.isLetter(c);
        case DIGITS -> Text.isDigit(c);
        case ALNUM -> Text.isAlnum(c);
        case ALNUM_UNDERSCORE -> Text.isWordChar(c);
        case ALNUM_DASH -> Text.isAlnum(c) || c == '-';
        case BASE64URL, BASE64URL_DOTTED -> Text.isWordChar(c) || c == '-';
        case BASE64 -> Text.isAlnum(c) || c == '+' || c == '/';
        case HEX_LOWER -> Text.isHexLower(c);
        case HEX -> Text.isHex(c);
        case BECH32_UPPER -> c < 128 && BECH32.indexOf(c) >= 0;
        case AZURE_SECRET -> Text.isWordChar(c) || c == '~' || c == '.';
        case BASE64URL_EQ -> Text.isWordChar(c) || c == '-' || c == '=';
        case BASE64_MIXED -> Text.isWordChar(c) || c == '+' || c == '/' || c == '=' || c == '-';
        case URL_BASE64 -> Text.isAlnum(c) || c == '%' || c == '+' || c == '/' || c == '=';
        case PATH -> Text.isWordChar(c) || c == '/' || c == '-';
        case WEBHOOK_PATH -> Text.isWordChar(c) || c == '/' || c == '-' || c == '@';
        case BASE32_LOWER -> Text.isLower(c) || (c >= '2' && c <= '7');
        case ASSIGN -> c == '=' || c == ':' || c == '"' || c == '\'' || c == ' ' || c == '\\';
        case PAD -> c == '=';
      };
    }

    /** True if {@code text[i]} belongs to the run: a char of the alphabet, or an inner dot. */
    boolean containsAt(CharSequence text, int i) {
      char c = text.charAt(i);
      if (contains(c)) {
        return true;
      }
      return this == BASE64URL_DOTTED
          && c == '.'
          && i + 1 < text.length()
          && contains(text.charAt(i + 1));
    }
  }

  private static final String BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

  /** What a validator checks on a match that has the right shape. */
  public enum Validator {
    /** Nothing more. */
    NONE,
    /**
     * The last 6 chars are the CRC32 of the 30 before them in base62 ({@code 0-9A-Za-z}, zero
     * padded): GitHub's classic tokens and npm's.
     */
    CRC32_BASE62,
    /** The base64 decodes to a PEM header of a private key (not a certificate or public key). */
    BASE64_PEM_PRIVATE_KEY,
    /**
     * The part before the first dot is base64 of 17 to 20 ASCII digits: a Discord snowflake id,
     * which starts a Discord bot token.
     */
    BASE64_SNOWFLAKE
  }

  /** One piece of the shape: a literal, or a run of an alphabet. */
  static final class Segment {
    final String literal;
    final Alphabet alphabet;
    final int min;
    final int max;

    private Segment(String literal, Alphabet alphabet, int min, int max) {
      this.literal = literal;
      this.alphabet = alphabet;
      this.min = min;
      this.max = max;
    }

    /** The segment as the README writes it. */
    String shown() {
      if (literal != null) {
        return "`" + literal + "`";
      }
      if (alphabet == Alphabet.ASSIGN) {
        return "`=` or `:` (quotes and spaces around it kept)";
      }
      String n = min == max ? Integer.toString(min) : max >= UNBOUNDED ? min + "+" : min + "–" + max;
      return n + " of `" + alphabet.shown() + "`";
    }
  }

  /** A run's maximum that stands for "no limit". */
  public static final int UNBOUNDED = 1 << 20;

  private final String type;
  private final List<String> prefixes;
  private final List<String> triggers;
  private final boolean wordStart;
  private final Segment[] after;
  private final Segment[] before;
  private final boolean keepLiteral;
  /** How many segments after the literal are kept with it (an assignment); 0 for none. */
  private final int keptSegments;
  private final Validator validator;

  private TokenDetector(Builder b) {
    this.type = b.type;
    this.prefixes = List.copyOf(b.prefixes);
    List<String> t = new ArrayList<>();
    for (String p : prefixes) {
      int q = p.indexOf('?');
      String trigger = q < 0 ? p : p.substring(0, q);
      if (trigger.isEmpty()) {
        throw new IllegalArgumentException("a literal must not start with ?: " + p);
      }
      if (!t.contains(trigger)) {
        t.add(trigger);
      }
    }
    this.triggers = List.copyOf(t);
    this.wordStart = b.before.isEmpty() && b.wordStart;
    this.after = b.after.toArray(new Segment[0]);
    this.before = b.before.toArray(new Segment[0]);
    this.keepLiteral = b.keepLiteral;
    this.keptSegments = b.keptSegments;
    this.validator = b.validator;
    if (prefixes.isEmpty() || (after.length == 0 && before.length == 0)) {
      throw new IllegalArgumentException(type + ": a token needs a literal and a shape around it");
    }
  }

  /** A detector of {@code type} tokens, to be given literals and a shape. */
  public static Builder builder(String type) {
    return new Builder(type);
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public List<String> triggers() {
    return triggers;
  }

  @Override
  public boolean wordStartOnly() {
    return wordStart;
  }

  /** What the README says matches: the literals and the shape around them. */
  String shapeShown() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : before) {
      sb.append(s.shown()).append(", ");
    }
    for (int i = 0; i < prefixes.size(); i++) {
      sb.append(i == 0 ? "" : " ").append('`').append(prefixes.get(i)).append('`');
    }
    for (Segment s : after) {
      sb.append(", ").append(s.shown());
    }
    switch (validator) {
      case CRC32_BASE62 -> sb.append("; the last 6 a CRC32 checksum in base62");
      case BASE64_PEM_PRIVATE_KEY -> sb.append("; decoding to a PEM private key header");
      case BASE64_SNOWFLAKE -> sb.append("; the part before the first dot base64 of a 17–20 digit id");
      case NONE -> {}
    }
    return sb.toString();
  }

  /** True if this rule hides only what follows its literal (webhook URLs keep their host). */
  boolean keepsLiteral() {
    return keepLiteral;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    int start = at;
    if (before.length > 0) {
      start = matchBackwards(text, from, at);
      if (start < 0) {
        return NO_MATCH;
      }
    }
    for (int p = 0; p < prefixes.size(); p++) {
      String prefix = prefixes.get(p);
      if (prefixAt(text, at, prefix)) {
        int bodyStart = at + prefix.length();
        int end = matchForwards(text, bodyStart);
        if (end >= 0 && accepts(text, start, at, bodyStart, end)) {
          int hidden = keptSegments > 0 ? positionAfter(text, bodyStart, keptSegments) : bodyStart;
          return ValueDetector.span(keepLiteral ? hidden : start, end);
        }
      }
    }
    return NO_MATCH;
  }

  /** The start of the runs before the literal at {@code at}, at a word boundary; else -1. */
  private int matchBackwards(CharSequence text, int from, int at) {
    int i = at;
    for (int s = before.length - 1; s >= 0; s--) {
      Segment seg = before[s];
      if (seg.literal != null) {
        int k = i - seg.literal.length();
        if (k < from || !Text.startsWith(text, k, seg.literal)) {
          return -1;
        }
        i = k;
        continue;
      }
      int n = 0;
      while (i - 1 >= from && n < seg.max && seg.alphabet.contains(text.charAt(i - 1))) {
        i--;
        n++;
      }
      if (n < seg.min) {
        return -1;
      }
    }
    if (i > 0 && (Text.isWordChar(text.charAt(i - 1)) || text.charAt(i - 1) == ']')) {
      return -1; // inside a word, or right after an earlier replacement
    }
    return i;
  }

  /**
   * Where the first {@code count} segments after the literal end, read as {@link #matchForwards}
   * reads them (the shape has matched already).
   */
  private int positionAfter(CharSequence text, int bodyStart, int count) {
    int n = text.length();
    int i = bodyStart;
    for (int s = 0; s < count; s++) {
      Segment seg = after[s];
      if (seg.literal != null) {
        i += seg.literal.length();
        continue;
      }
      int limit = Math.min(n, i + seg.max);
      while (i < limit && seg.alphabet.containsAt(text, i)) {
        i++;
      }
    }
    return i;
  }

  /** The end of the runs and literals after the literal, at a word boundary; else -1. */
  private int matchForwards(CharSequence text, int bodyStart) {
    int n = text.length();
    int i = bodyStart;
    Alphabet last = null;
    for (Segment seg : after) {
      if (seg.literal != null) {
        if (!Text.startsWith(text, i, seg.literal)) {
          return -1;
        }
        i += seg.literal.length();
        last = null;
        continue;
      }
      int limit = Math.min(n, i + seg.max);
      int runStart = i;
      while (i < limit && seg.alphabet.containsAt(text, i)) {
        i++;
      }
      if (i - runStart < seg.min
          || (seg.alphabet == Alphabet.ASSIGN && !holdsAssignment(text, runStart, i))) {
        return -1;
      }
      last = seg.alphabet;
    }
    if (i < n) {
      char next = text.charAt(i);
      if (Text.isWordChar(next)
          || (last != null && last.contains(next))
          || Text.startsWith(text, i, Replacements.REDACTED_PREFIX)) {
        // An earlier replacement right after the token counts as the word chars it replaced, so
        // that a second pass decides as the first did.
        return -1;
      }
    }
    return i;
  }

  /** True if {@code text[start, end)} holds a {@code =} or a {@code :}. */
  private static boolean holdsAssignment(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '=' || c == ':') {
        return true;
      }
    }
    return false;
  }

  private boolean accepts(CharSequence text, int start, int at, int bodyStart, int end) {
    if (isMask(text, start, at, bodyStart)
        || Text.isDocumentedExample(text, bodyStart, end)) {
      return false;
    }
    return switch (validator) {
      case NONE -> true;
      case CRC32_BASE62 -> crc32Base62(text, end - 36, end);
      case BASE64_PEM_PRIVATE_KEY -> decodesToPrivateKeyHeader(text, start, end);
      case BASE64_SNOWFLAKE -> decodesToSnowflake(text, start, end);
    };
  }

  /**
   * True if the letters and digits of the token's runs (before and after its literal, not the
   * literals) are one char repeated: a mask such as {@code sk-proj-xxxx…} or {@code ****}.
   */
  private boolean isMask(CharSequence text, int start, int at, int bodyStart) {
    int first = 0;
    for (int i = start; i < at && first >= 0; i++) {
      first = sameAlnum(text.charAt(i), first);
    }
    int n = text.length();
    int i = bodyStart;
    for (Segment seg : after) {
      if (seg.literal != null) {
        i += seg.literal.length();
        continue;
      }
      int runStart = i;
      while (first >= 0 && i < n && i - runStart < seg.max && seg.alphabet.containsAt(text, i)) {
        first = sameAlnum(text.charAt(i), first);
        i++;
      }
    }
    return first >= 0;
  }

  /** The one letter or digit seen so far after {@code c} ({@code first}, 0 for none), or -1. */
  private static int sameAlnum(char c, int first) {
    if (!Text.isAlnum(c) || c == first) {
      return first;
    }
    return first == 0 ? c : -1;
  }

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** True if {@code text[end-6, end)} is the base62 CRC32 of {@code text[start, end-6)}. */
  static boolean crc32Base62(CharSequence text, int start, int end) {
    if (start < 0) {
      return false;
    }
    long expected = 0;
    for (int i = end - 6; i < end; i++) {
      int d = BASE62.indexOf(text.charAt(i));
      if (d < 0) {
        return false;
      }
      expected = expected * 62 + d;
    }
    CRC32 crc = new CRC32();
    for (int i = start; i < end - 6; i++) {
      crc.update(text.charAt(i)); // ASCII: the checked chars are all letters and digits
    }
    return crc.getValue() == expected;
  }

  private static final String PEM_BEGIN = "-----BEGIN ";
  private static final String PRIVATE_KEY = "PRIVATE KEY";

  /**
   * True if the base64 at {@code text[start, end)} decodes to {@code -----BEGIN } and a header
   * that names a private key ({@code RSA PRIVATE KEY}, {@code ENCRYPTED PRIVATE KEY}, {@code PGP
   * PRIVATE KEY BLOCK}, …) before its closing dashes. Decodes on the fly, at most 96 bytes.
   */
  static boolean decodesToPrivateKeyHeader(CharSequence text, int start, int end) {
    int acc = 0;
    int bits = 0;
    int pos = 0;
    int found = 0;
    for (int i = start; i < end && pos < 96; i++) {
      int v = Text.base64Value(text.charAt(i));
      if (v < 0) {
        return false;
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits < 8) {
        continue;
      }
      bits -= 8;
      char b = (char) ((acc >> bits) & 0xFF);
      if (pos < PEM_BEGIN.length()) {
        if (b != PEM_BEGIN.charAt(pos)) {
          return false;
        }
      } else if (b == '-') {
        return false;
      } else {
        found = b == PRIVATE_KEY.charAt(found) ? found + 1 : b == 'P' ? 1 : 0;
        if (found == PRIVATE_KEY.length()) {
          return true;
        }
      }
      pos++;
    }
    return false;
  }

  /**
   * True if the base64 before the first dot of {@code text[start, end)} decodes to 17 to 20 ASCII
   * digits (the bits left over at its end zero): a snowflake id, as a Discord bot token starts.
   */
  static boolean decodesToSnowflake(CharSequence text, int start, int end) {
    int acc = 0;
    int bits = 0;
    int digits = 0;
    int i = start;
    for (; i < end && text.charAt(i) != '.'; i++) {
      int v = Text.base64Value(text.charAt(i));
      if (v < 0) {
        return false;
      }
      acc = ((acc << 6) | v) & 0xFFFF;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        char b = (char) ((acc >> bits) & 0xFF);
        if (!Text.isDigit(b)) {
          return false;
        }
        digits++;
      }
    }
    boolean zeroTail = (acc & ((1 << bits) - 1)) == 0;
    return i < end && zeroTail && digits >= 17 && digits <= 20;
  }

  private static boolean prefixAt(CharSequence text, int at, String prefix) {
    int n = prefix.length();
    if (at + n > text.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      char p = prefix.charAt(k);
      char c = text.charAt(at + k);
      if (p == '?' ? !Text.isLetter(c) : p != c) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "TokenDetector[" + type + ": " + shapeShown() + "]";
  }

  /** Builds a {@link TokenDetector}. */
  public static final class Builder {
    private final String type;
    private final List<String> prefixes = new ArrayList<>();
    private final List<Segment> after = new ArrayList<>();
    private final List<Segment> before = new ArrayList<>();
    private boolean wordStart = true;
    private boolean keepLiteral;
    private int keptSegments;
    private Validator validator = Validator.NONE;

    private Builder(String type) {
      this.type = type;
    }

    /** The literals that start the token ({@code ?} stands for one ASCII letter). */
    public Builder prefixes(String... literals) {
      prefixes.addAll(Arrays.asList(literals));
      return this;
    }

    /** A literal inside the token, which may stand anywhere (not only at a word start). */
    public Builder infix(String literal) {
      prefixes.add(literal);
      wordStart = false;
      return this;
    }

    /** The next run of the shape after the literal: {@code min} to {@code max} chars. */
    public Builder run(Alphabet alphabet, int min, int max) {
      after.add(new Segment(null, alphabet, min, max));
      return this;
    }

    /** A lower-case UUID ({@code 8-4-4-4-12} hex digits) as the next piece of the shape. */
    public Builder uuid() {
      run(Alphabet.HEX_LOWER, 8, 8).then("-").run(Alphabet.HEX_LOWER, 4, 4).then("-");
      run(Alphabet.HEX_LOWER, 4, 4).then("-").run(Alphabet.HEX_LOWER, 4, 4).then("-");
      return run(Alphabet.HEX_LOWER, 12, 12);
    }

    /** The next literal of the shape after the literal. */
    public Builder then(String literal) {
      after.add(new Segment(literal, null, literal.length(), literal.length()));
      return this;
    }

    /** A run before the literal (runs are given in text order), which starts at a word start. */
    public Builder before(Alphabet alphabet, int min, int max) {
      before.add(new Segment(null, alphabet, min, max));
      return this;
    }

    /**
     * An assignment after the literal, a key ({@code DD_API_KEY}, {@code X-Auth-Key}): {@code =}
     * or {@code :} and the quotes and spaces around it, kept with the key; only the value after
     * it is hidden.
     */
    public Builder assign() {
      after.add(new Segment(null, Alphabet.ASSIGN, 1, 8));
      keepLiteral = true;
      keptSegments = after.size();
      return this;
    }

    /** Hides only what follows the literal, not the literal itself (a webhook URL's host). */
    public Builder keepLiteral() {
      keepLiteral = true;
      return this;
    }

    /** A check beyond the shape. */
    public Builder validator(Validator v) {
      validator = v;
      return this;
    }

    public TokenDetector build() {
      return new TokenDetector(this);
    }
  }
}
