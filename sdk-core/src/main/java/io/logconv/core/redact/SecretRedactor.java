package io.logconv.core.redact;

import io.logconv.core.ScratchPool;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The default {@link Redactor}: key rules for secret and PII keys plus value detectors for secrets
 * and personal data, each behind a cheap prefilter. Also usable without the writer, on any {@link
 * CharSequence}, through {@link #scan}.
 *
 * <p>Key rules: a value under a key whose normalised spelling ends with a secret word ({@code
 * password}, {@code db_password}, {@code dbPassword}, {@code DB-PASSWORD}, {@code secret}, {@code
 * token}, {@code api_key}, {@code authorization}, {@code cookie}, {@code private_key}, {@code
 * credentials}, {@code access_key}, …) is replaced whole; under a PII key ({@code user}, {@code
 * username}, {@code user_id}, {@code email}, {@code phone}, …) it is hashed. Value detectors run on
 * every text, keyed or not, in one pass (see the module README for the table). A text with nothing
 * to hide is returned as it is, without allocating. IP and MAC addresses are found only when {@link
 * Builder#networkAddresses} turns their detectors on.
 *
 * <pre>{@code
 * SecretRedactor r = SecretRedactor.defaults();
 * StringBuilder scratch = new StringBuilder();
 * r.redact("db_password", "hunter2", scratch);          // "[REDACTED:password]"
 * r.redact(null, "login from jane@example.com", scratch); // "login from [REDACTED:email]"
 * r.redact("name", "samburrai-tenant", scratch);         // the same String, nothing allocated
 * r.scan("Authorization: Bearer abc.def", (type, start, end) -> System.out.println(type));
 *
 * SecretRedactor custom = SecretRedactor.builder()
 *     .hashKey(System.getenv("LOG_HASH_KEY"))
 *     .mode("card", RedactionMode.MASK)
 *     .disable("phone")
 *     .secretKey("pin")
 *     .detector(new RegexDetector("acme_key", "acme_", "acme_[A-Za-z0-9]{32}\\b"))
 *     .warnings(msg -> statusManager.warn(msg))
 *     .build();
 * }</pre>
 *
 * <p>Hashes ({@link RedactionMode#HASH}) are {@code h:} and the first 12 hex digits of HMAC-SHA256
 * with the deployment's key: from {@link Builder#hashKey}, else the system property {@value
 * #HASH_KEY_PROPERTY}, else the environment variable {@value #HASH_KEY_ENV}. Without one, a random
 * per-process key is used and one warning saying how to set a key goes to the warning callback when
 * the first hash is written.
 *
 * <p>Cost: a text without a trigger costs one table lookup per character and allocates nothing.
 * With a secret, the replacement is written into the caller's scratch builder, which allocates
 * nothing once it has grown; a hash needs a per-thread digest state, allocated on a thread's first
 * hash. {@code RedactionAllocationTest} measures both.
 */
public final class SecretRedactor implements Redactor {
  /** Environment variable holding the hash key, when none is given to the builder. */
  public static final String HASH_KEY_ENV = "LOGCONV_REDACT_HASH_KEY";

  /** System property holding the hash key; wins over {@link #HASH_KEY_ENV}. */
  public static final String HASH_KEY_PROPERTY = "logconv.redact.hashKey";

  /** Cached key-rule decisions: keys repeat from event to event, and a lookup beats a match. */
  private static final Object NO_RULE = new Object();

  private static final int MAX_CACHED_KEYS = 2048;
  private final ConcurrentHashMap<String, Object> ruleCache = new ConcurrentHashMap<>();

  /** The key rule covering {@code key}, or null; allocation-free once the key has been seen. */
  private KeyRules.Rule ruleFor(String key) {
    if (key == null) {
      return null;
    }
    Object cached = ruleCache.get(key);
    if (cached != null) {
      return cached == NO_RULE ? null : (KeyRules.Rule) cached;
    }
    KeyRules.Rule rule = keyRules.find(key);
    if (ruleCache.size() < MAX_CACHED_KEYS) {
      ruleCache.putIfAbsent(key, rule == null ? NO_RULE : rule);
    }
    return rule;
  }

  /** Type name that turns off the key/value pair detector ({@code password=…} in text). */
  public static final String PAIRS = "key_value";

  /**
   * Type name that turns off the detector of secrets named by a word in text without a template
   * ({@code password hunter2}, {@code the secret is s3cr3t!}).
   */
  public static final String NAMED = SecretWordDetector.TYPE;

  /**
   * The types of the network address detectors, which {@link Builder#networkAddresses} turns on:
   * IPv4 and IPv6 addresses and MAC addresses, personal data under the GDPR where they can be
   * tied to a person (a client's address, a device's MAC), yet kept by default because most
   * services' logs need them and hold them for no one in particular.
   */
  public static final List<String> NETWORK_ADDRESS_TYPES =
      List.of(Ipv4AddressDetector.TYPE, Ipv6AddressDetector.TYPE, MacAddressDetector.TYPE);

  /** Type reported when redaction itself fails: the whole text is hidden rather than leaked. */
  static final String ERROR_TYPE = "redaction_error";

  private static final String ERROR_REPLACEMENT = Replacements.REDACTED_PREFIX + ERROR_TYPE + "]";

  private static final char[] HEX = "0123456789abcdef".toCharArray();


  private final KeyRules keyRules;
  private final KeyValueDetector pairs;
  private final List<ValueDetector> detectors;
  private final ValueScanner scanner;
  private final Prefilter prefilter;
  private final Map<String, RedactionMode> modes;
  private final boolean randomHashKey;
  private final Consumer<String> warnings;
  private final AtomicBoolean warned = new AtomicBoolean();
  /** HMAC state for this redactor's key: per platform thread, pooled for virtual threads. */
  private final ScratchPool<HashState> hashStates;

  private SecretRedactor(Builder b, byte[] hashKey, boolean randomHashKey) {
    List<KeyRules.Rule> rules = new ArrayList<>();
    for (KeyRules.Rule r : b.rules) {
      if (!b.disabled.contains(r.type)) {
        rules.add(r);
      }
    }
    this.keyRules = new KeyRules(rules);
    List<ValueDetector> list = new ArrayList<>();
    KeyValueDetector kv = null;
    for (ValueDetector d : b.detectors) {
      if (!b.disabled.contains(d.type())) {
        list.add(d);
      }
    }
    if (b.networkAddresses) {
      for (ValueDetector d : networkAddressDetectors()) {
        if (!b.disabled.contains(d.type())) {
          list.add(d);
        }
      }
    }
    if (!b.disabled.contains(PAIRS)) {
      kv = new KeyValueDetector(keyRules);
      list.add(kv);
    }
    if (!b.disabled.contains(NAMED)) {
      list.add(new SecretWordDetector(keyRules));
    }
    for (ValueDetector d : b.custom) {
      if (!b.disabled.contains(d.type())) {
        list.add(d);
      }
    }
    this.pairs = kv;
    this.detectors = List.copyOf(list);
    this.scanner = new ValueScanner(detectors);
    this.prefilter = new Prefilter(scanner);
    this.modes = Map.copyOf(b.modes);
    this.randomHashKey = randomHashKey;
    this.hashStates = new ScratchPool<>(() -> new HashState(hashKey));
    this.warnings = b.warnings;
  }

  /**
   * The redactor with every rule and detector on and default replacements, its hash key from
   * {@value #HASH_KEY_PROPERTY} or {@value #HASH_KEY_ENV}, and warnings to {@code System.err}.
   */
  public static SecretRedactor defaults() {
    return Defaults.INSTANCE;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value detectors in the order the scanner tries them at one position. */
  public List<ValueDetector> detectors() {
    return detectors;
  }

  /**
   * The type of the key rule covering {@code key} (for example {@code "password"}), or {@code null}
   * when no rule covers it. Allocation-free once the key has been seen (decisions are cached).
   */
  public String sensitiveKeyType(String key) {
    KeyRules.Rule rule = ruleFor(key);
    return rule == null ? null : rule.type;
  }

  /** True if {@code key} is covered by a PII key rule (its values are hashed by default). */
  public boolean isPiiKey(String key) {
    KeyRules.Rule rule = ruleFor(key);
    return rule != null && rule.pii;
  }

  /**
   * Reports every secret or piece of personal data found in {@code text} to {@code sink}, in order
   * and without overlaps. Key rules do not apply: there is no key. Unlike {@link #redact}, an
   * exception from a custom detector reaches the caller.
   */
  public void scan(CharSequence text, MatchSink sink) {
    if (text == null) {
      return;
    }
    char[][] holder = CHARS.acquire();
    try {
      scan(text, charsOf(holder, text, text.length()), sink);
    } finally {
      CHARS.release(holder);
    }
  }

  private void scan(CharSequence text, char[] chars, MatchSink sink) {
    int n = text.length();
    int pos = 0;
    while (true) {
      long hit = scanner.next(text, chars, n, pos, pos);
      if (hit < 0) {
        return;
      }
      ValueDetector d = scanner.entry((int) (hit >>> 32)).detector;
      int at = (int) hit;
      long span = d.match(text, pos, at);
      if (d != AlreadyRedacted.INSTANCE && !ValueDetector.isKeep(span)) {
        sink.onMatch(
            d.matchType(text, at, span), ValueDetector.start(span), ValueDetector.end(span));
      }
      pos = ValueDetector.end(span);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The hash is the one {@link RedactionMode#HASH} writes, with this redactor's hash key.
   */
  @Override
  public CharSequence pseudonym(CharSequence value, StringBuilder scratch) {
    if (value == null || isPseudonym(value)) {
      return value;
    }
    try {
      CharSequence text = value == scratch ? scratch.toString() : value;
      scratch.setLength(0);
      appendHash(text, 0, text.length(), scratch);
    } catch (RuntimeException e) {
      scratch.setLength(0);
      scratch.append(ERROR_REPLACEMENT);
    }
    return scratch;
  }

  /**
   * True if {@code text} is exactly a keyed hash as the redactor writes it ({@code h:} and 12
   * lowercase hex digits): what {@code actor} and hashed personal data look like on a line. The
   * validator asks this, so that it knows an actor written in clear.
   */
  public static boolean isPseudonym(CharSequence text) {
    if (text == null
        || text.length() != Replacements.HASH_LENGTH
        || !Text.startsWith(text, 0, Replacements.HASH_PREFIX)) {
      return false;
    }
    for (int i = Replacements.HASH_PREFIX.length(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean isSensitiveKey(String key) {
    return ruleFor(key) != null;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The words before the placeholder (past quotes or a bracket, {@code :} or {@code =}, and
   * {@code is}/{@code was}) end with a word a secret key rule covers: {@code "password {}"}, {@code
   * "api key: {}"}, {@code "with secret '{}'"}, {@code "the token is {}"}. {@code Secret} spelled so
   * is the Kubernetes kind and names no secret ({@code "Secret {} created"}).
   */
  @Override
  public boolean namesSecret(CharSequence template, int placeholder) {
    try {
      return template != null && SecretWordDetector.ruleNaming(keyRules, template, placeholder) != null;
    } catch (RuntimeException e) {
      return true; // hide rather than leak
    }
  }

  @Override
  public int redactArgument(
      CharSequence template, int placeholder, StringBuilder out, int start, int end) {
    try {
      if (template == null) {
        return end;
      }
      KeyRules.Rule rule = SecretWordDetector.ruleNaming(keyRules, template, placeholder);
      if (rule == null || keeps(rule, out, start, end)) {
        return end;
      }
      return replaceInPlace(rule, mode(rule.type, false), out, start, end);
    } catch (RuntimeException e) {
      out.replace(start, end, ERROR_REPLACEMENT);
      return start + ERROR_REPLACEMENT.length();
    }
  }

  /**
   * True if a value under {@code key} is written as it is although a key rule covers the key,
   * because it already hides something or stands for a value ({@code ${DB_PASSWORD}}, {@code
   * $DB_PASSWORD}, {@code ****}, {@code xxxx}, {@code <secret>}, {@code null}, empty, an earlier
   * replacement; under a password key also {@code changeme}-style words). False when no key rule
   * covers the key. The validator asks this, so that it never reports what the writer keeps.
   */
  public boolean keepsValue(String key, CharSequence value) {
    KeyRules.Rule rule = ruleFor(key);
    return rule != null && value != null && keeps(rule, value);
  }

  private static boolean keeps(KeyRules.Rule rule, CharSequence text) {
    return keeps(rule, text, 0, text.length());
  }

  private static boolean keeps(KeyRules.Rule rule, CharSequence text, int start, int end) {
    return Text.isPlaceholder(text, start, end)
        || ("password".equals(rule.type) && Text.isPasswordPlaceholderWord(text, start, end));
  }

  /** Replaces {@code out[start, end)} as {@code mode} says; returns the replacement's end. */
  private int replaceInPlace(
      KeyRules.Rule rule, RedactionMode mode, StringBuilder out, int start, int end) {
    switch (mode) {
      case HASH -> {
        HashState state = hashStates.acquire();
        try {
          char[] hash = hash(state, out, start, end);
          out.delete(start, end).insert(start, hash);
          return start + hash.length;
        } finally {
          hashStates.release(state);
        }
      }
      case MASK -> {
        maskInPlace(out, start, end);
        return end;
      }
      default -> {
        out.replace(start, end, rule.replacement);
        return start + rule.replacement.length();
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Under a key a key rule covers, the whole value is replaced (a placeholder, an empty value or
   * an earlier replacement is kept). Otherwise each match of a value detector is replaced. Never
   * throws: if a detector fails, the whole text is replaced by {@code [REDACTED:redaction_error]}.
   */
  @Override
  public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
    if (value == null) {
      return null;
    }
    try {
      CharSequence text = value == scratch ? scratch.toString() : value;
      if (key != null) {
        KeyRules.Rule rule = ruleFor(key);
        if (rule != null) {
          if (keeps(rule, text)) {
            return value;
          }
          scratch.setLength(0);
          append(rule.type, mode(rule.type, rule.pii), text, 0, text.length(), scratch);
          return scratch;
        }
      }
      return replaceMatches(text, value, scratch);
    } catch (RuntimeException e) {
      scratch.setLength(0);
      scratch.append(ERROR_REPLACEMENT);
      return scratch;
    }
  }

  @Override
  public CharSequence redactRendered(String key, CharSequence rendered, StringBuilder scratch) {
    KeyRules.Rule rule = ruleFor(key);
    if (rule == null || rendered == null) {
      return redact(key, rendered, scratch);
    }
    try {
      CharSequence text = rendered == scratch ? scratch.toString() : rendered;
      scratch.setLength(0);
      append(rule.type, mode(rule.type, rule.pii), text, 0, text.length(), scratch);
    } catch (RuntimeException e) {
      scratch.setLength(0);
      scratch.append(ERROR_REPLACEMENT);
    }
    return scratch;
  }

  /** {@inheritDoc} The same trigger tables and detectors as {@link #redact}. */
  @Override
  public Prefilter prefilter() {
    return prefilter;
  }

  /** Texts up to this many chars are copied into a per-thread array that is kept. */
  private static final int KEPT_CHARS = 16 * 1024;

  /** A holder of the kept array: per platform thread, pooled for virtual threads. */
  private static final ScratchPool<char[][]> CHARS = new ScratchPool<>(() -> new char[1][]);

  /** The chars of {@code text}, in {@code holder}'s kept array unless the text is very long. */
  /** The text's chars, and {@link ValueScanner#END} after them, which the scanner reads ahead. */
  private static char[] charsOf(char[][] holder, CharSequence text, int n) {
    char[] chars;
    if (n >= KEPT_CHARS) {
      chars = new char[n + 1];
    } else {
      chars = Chars.ensure(holder[0], n + 1);
      holder[0] = chars;
    }
    Chars.copy(text, n, chars);
    chars[n] = ValueScanner.END;
    return chars;
  }

  private CharSequence replaceMatches(
      CharSequence text, CharSequence value, StringBuilder scratch) {
    char[][] holder = CHARS.acquire();
    try {
      return replaceMatches(text, charsOf(holder, text, text.length()), value, scratch);
    } finally {
      CHARS.release(holder);
    }
  }

  private CharSequence replaceMatches(
      CharSequence text, char[] chars, CharSequence value, StringBuilder scratch) {
    int n = text.length();
    int pos = 0;
    int copied = 0;
    boolean any = false;
    while (true) {
      long hit = scanner.next(text, chars, n, pos, pos);
      if (hit < 0) {
        break;
      }
      ValueDetector d = scanner.entry((int) (hit >>> 32)).detector;
      int at = (int) hit;
      long span = d.match(text, pos, at);
      int start = ValueDetector.start(span);
      int end = ValueDetector.end(span);
      if (d != AlreadyRedacted.INSTANCE && !ValueDetector.isKeep(span)) {
        if (!any) {
          scratch.setLength(0);
          any = true;
        }
        scratch.append(text, copied, start);
        String type = d.matchType(text, at, span);
        boolean pii = d == pairs && pairs.isPii(text, at);
        RedactionMode mode = mode(type, pii);
        if (mode == RedactionMode.HASH && d instanceof CanonicalSpelling c) {
          appendCanonicalHash(c, text, start, end, scratch);
        } else {
          append(type, mode, text, start, end, scratch);
        }
        copied = end;
      }
      pos = end;
    }
    if (!any) {
      return value;
    }
    scratch.append(text, copied, text.length());
    return scratch;
  }

  private RedactionMode mode(String type, boolean pii) {
    RedactionMode m = modes.get(type);
    if (m != null) {
      return m;
    }
    return pii ? RedactionMode.HASH : RedactionMode.REDACT;
  }

  private void append(
      String type, RedactionMode mode, CharSequence text, int start, int end, StringBuilder out) {
    switch (mode) {
      case HASH -> appendHash(text, start, end, out);
      case MASK -> appendMask(text, start, end, out);
      case REDACT -> out.append(Replacements.REDACTED_PREFIX).append(type).append(']');
    }
  }

  private void appendHash(CharSequence text, int start, int end, StringBuilder out) {
    HashState state = hashStates.acquire();
    try {
      out.append(hash(state, text, start, end));
    } finally {
      hashStates.release(state);
    }
  }

  /**
   * The hash of the canonical spelling of {@code text[start, end)}, so that one value spelled two
   * ways (an IPv6 address compressed or not) hashes alike.
   */
  private void appendCanonicalHash(
      CanonicalSpelling spelling, CharSequence text, int start, int end, StringBuilder out) {
    HashState state = hashStates.acquire();
    try {
      StringBuilder canonical = state.canonical;
      canonical.setLength(0);
      spelling.appendCanonical(text, start, end, canonical);
      out.append(hash(state, canonical, 0, canonical.length()));
    } finally {
      hashStates.release(state);
    }
  }

  /**
   * {@code h:} and the hex digits of the keyed hash of {@code text[start, end)}, in a per-thread
   * array that the next hash on this thread overwrites.
   */
  private char[] hash(HashState state, CharSequence text, int start, int end) {
    if (randomHashKey && !warned.get() && warned.compareAndSet(false, true)) {
      warnings.accept(
          "logconv: no hash key is configured, so personal data is hashed with a random"
              + " per-process key: the same value hashes differently after a restart and on other"
              + " replicas. Set the environment variable "
              + HASH_KEY_ENV
              + " (or the system property "
              + HASH_KEY_PROPERTY
              + ") to a random secret of at least 32 characters shared by all replicas, or call"
              + " SecretRedactor.builder().hashKey(...).");
    }
    state.mac.mac(text, start, end, state.out);
    char[] hex = state.hex;
    for (int i = 0; i < Replacements.HASH_HEX_DIGITS / 2; i++) {
      int b = state.out[i] & 0xFF;
      hex[Replacements.HASH_PREFIX.length() + 2 * i] = HEX[b >>> 4];
      hex[Replacements.HASH_PREFIX.length() + 2 * i + 1] = HEX[b & 0xF];
    }
    return hex;
  }

  /** {@link RedactionMode#MASK} of {@code out[start, end)}, written over it. */
  private static void maskInPlace(StringBuilder out, int start, int end) {
    int hide = charsToMask(out, start, end);
    for (int i = start; i < end; i++) {
      char c = out.charAt(i);
      if (Character.isLetterOrDigit(c) && hide > 0) {
        out.setCharAt(i, '*');
        hide--;
      } else if (Character.isSurrogate(c)) {
        out.setCharAt(i, '*');
      }
    }
  }

  /** How many letters and digits {@link RedactionMode#MASK} hides in {@code text[start, end)}. */
  private static int charsToMask(CharSequence text, int start, int end) {
    int alnum = 0;
    for (int i = start; i < end; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        alnum++;
      }
    }
    return alnum >= Replacements.MASK_MIN_ALNUM ? alnum - Replacements.MASK_KEEP : alnum;
  }

  private static void appendMask(CharSequence text, int start, int end, StringBuilder out) {
    int hide = charsToMask(text, start, end);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) && hide > 0) {
        out.append('*');
        hide--;
      } else if (Character.isSurrogate(c)) {
        // Never keep half a pair: a masked text stays well-formed.
        out.append('*');
      } else {
        out.append(c);
      }
    }
  }

  /** The HMAC state of one thread for one key. */
  private static final class HashState {
    final HmacSha256 mac;
    final byte[] out = new byte[32];
    final char[] hex = new char[Replacements.HASH_LENGTH];
    /** The canonical spelling of the value being hashed, when its detector has one. */
    final StringBuilder canonical = new StringBuilder(48);

    HashState(byte[] key) {
      this.mac = new HmacSha256(key);
      Replacements.HASH_PREFIX.getChars(0, Replacements.HASH_PREFIX.length(), hex, 0);
    }
  }

  /** The random key used when none is configured: one per process (class loader). */
  private static final class ProcessHashKey {
    static final byte[] KEY = randomKey();

    private static byte[] randomKey() {
      byte[] k = new byte[32];
      new SecureRandom().nextBytes(k);
      return k;
    }
  }

  private static final class Defaults {
    static final SecretRedactor INSTANCE = builder().build();
  }

  /**
   * Configures a {@link SecretRedactor}: starts with every built-in key rule and detector on.
   *
   * <pre>{@code
   * SecretRedactor r = SecretRedactor.builder()
   *     .mode("card", RedactionMode.MASK)
   *     .disable("phone", "iban")
   *     .piiKey("customer_number")
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final List<KeyRules.Rule> rules = new ArrayList<>();
    private final List<ValueDetector> detectors = new ArrayList<>(builtInDetectors());
    private final List<ValueDetector> custom = new ArrayList<>();
    private final Set<String> disabled = new HashSet<>();
    private final Map<String, RedactionMode> modes = new HashMap<>();
    private byte[] hashKey;
    private boolean networkAddresses;
    private boolean hashKeyFromEnvironment = true;
    private Consumer<String> warnings = System.err::println;

    private Builder() {
      for (String[] r : KeyRules.SECRET_RULES) {
        rules.add(new KeyRules.Rule(r[0], r[1], false));
      }
      for (String[] r : KeyRules.PII_RULES) {
        rules.add(new KeyRules.Rule(r[0], r[1], true));
      }
    }

    /** The key for {@link RedactionMode#HASH}; at least 16 bytes, better 32 random ones. */
    public Builder hashKey(byte[] key) {
      if (key == null || key.length < 16) {
        throw new IllegalArgumentException("the hash key must have at least 16 bytes");
      }
      this.hashKey = key.clone();
      return this;
    }

    /** The key for {@link RedactionMode#HASH} as text (its UTF-8 bytes); at least 16 bytes. */
    public Builder hashKey(String key) {
      return hashKey(Objects.requireNonNull(key, "key").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@link #build} reads the hash key from {@value SecretRedactor#HASH_KEY_PROPERTY} or
     * {@value SecretRedactor#HASH_KEY_ENV} when none was given (default true).
     */
    public Builder hashKeyFromEnvironment(boolean read) {
      this.hashKeyFromEnvironment = read;
      return this;
    }

    /** Replaces matches and values of {@code type} as {@code mode} says. */
    public Builder mode(String type, RedactionMode mode) {
      modes.put(checkType(type), Objects.requireNonNull(mode, "mode"));
      return this;
    }

    /**
     * Turns off the key rules and value detectors of these types ({@code "phone"}, {@code "token"},
     * or {@value SecretRedactor#PAIRS} for the key/value pair detector).
     */
    public Builder disable(String... types) {
      disabled.addAll(Arrays.asList(types));
      return this;
    }

    /**
     * Adds a secret key rule: values under keys ending with {@code name} (normalised, any spelling)
     * are replaced whole, and {@code name=…} pairs in text are found. The type is the normalised
     * name.
     */
    public Builder secretKey(String name) {
      return keyRule(name, null, false);
    }

    /** Adds a secret key rule reporting {@code type}. */
    public Builder secretKey(String name, String type) {
      return keyRule(name, type, false);
    }

    /** Adds a PII key rule: values are hashed by default. The type is the normalised name. */
    public Builder piiKey(String name) {
      return keyRule(name, null, true);
    }

    /** Adds a PII key rule reporting {@code type}. */
    public Builder piiKey(String name, String type) {
      return keyRule(name, type, true);
    }

    private Builder keyRule(String name, String type, boolean pii) {
      String normalized = KeyRules.normalize(Objects.requireNonNull(name, "name"));
      if (normalized.isEmpty() || !isAscii(normalized)) {
        throw new IllegalArgumentException("a key rule needs ASCII letters or digits: " + name);
      }
      rules.add(new KeyRules.Rule(normalized, checkType(type == null ? normalized : type), pii));
      return this;
    }

    /** Adds a custom value detector, tried after the built-in ones. */
    public Builder detector(ValueDetector detector) {
      checkType(detector.type());
      List<String> triggers = detector.triggers();
      if (triggers == null || triggers.isEmpty()) {
        throw new IllegalArgumentException("a detector needs at least one trigger literal");
      }
      for (String t : triggers) {
        if (t == null || t.isEmpty() || !isAscii(t)) {
          throw new IllegalArgumentException("trigger literals must be non-empty ASCII: " + t);
        }
      }
      custom.add(detector);
      return this;
    }

    /**
     * Adds a custom detector from a regular expression that starts with {@code literal}, tried only
     * where the literal occurs at a word start.
     */
    public Builder regex(String type, String literal, String regex) {
      return detector(new RegexDetector(type, literal, regex));
    }

    /**
     * Turns the network address detectors on or off (default off): IPv4 and IPv6 addresses and MAC
     * addresses in every text, of the types {@link SecretRedactor#NETWORK_ADDRESS_TYPES}, each
     * replaced as its mode says ({@code [REDACTED:ipv4]} by default, or a keyed hash of the
     * address's canonical spelling with {@code mode("ipv4", RedactionMode.HASH)}). Loopback and
     * unspecified addresses are kept. Off, they cost nothing: the scanner's tables are those of a
     * redactor without them. {@link #disable} still turns one type off.
     */
    public Builder networkAddresses(boolean on) {
      this.networkAddresses = on;
      return this;
    }

    /** Where the one warning about a missing hash key goes (default: {@code System.err}). */
    public Builder warnings(Consumer<String> warnings) {
      this.warnings = Objects.requireNonNull(warnings, "warnings");
      return this;
    }

    /** The redactor. */
    public SecretRedactor build() {
      byte[] key = hashKey;
      if (key == null && hashKeyFromEnvironment) {
        String configured = System.getProperty(HASH_KEY_PROPERTY);
        if (configured == null || configured.isEmpty()) {
          configured = System.getenv(HASH_KEY_ENV);
        }
        if (configured != null && !configured.isEmpty()) {
          key = configured.getBytes(StandardCharsets.UTF_8);
        }
      }
      return key == null
          ? new SecretRedactor(this, ProcessHashKey.KEY, true)
          : new SecretRedactor(this, key, false);
    }

    private static String checkType(String type) {
      if (type == null || type.isEmpty()) {
        throw new IllegalArgumentException("a type must not be empty");
      }
      for (int i = 0; i < type.length(); i++) {
        char c = type.charAt(i);
        if (!(Text.isLower(c) || Text.isDigit(c) || c == '_')) {
          throw new IllegalArgumentException(
              "a type holds lowercase letters, digits and _ only: " + type);
        }
      }
      return type;
    }

    private static boolean isAscii(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= 128) {
          return false;
        }
      }
      return true;
    }
  }

  /** The built-in value detectors, in the order the scanner tries them at one position. */
  static List<ValueDetector> builtInDetectors() {
    return DetectorTable.defaultDetectors();
  }

  /** The network address detectors, off by default, in the order the scanner tries them. */
  static List<ValueDetector> networkAddressDetectors() {
    return DetectorTable.networkAddressDetectors();
  }
}
