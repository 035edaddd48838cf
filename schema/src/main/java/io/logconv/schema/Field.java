package io.logconv.schema;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The contract's field rules as data: for each field the strict schema describes, its JSON type,
 * the values or pattern it allows, what the SDK does with a value that breaks the rule, and the
 * words the validator uses for the rule. The writer, the OpenTelemetry appender, {@code logconv
 * validate} and {@code logconv lint} read these; a test proves the table and {@code
 * logconv-strict.schema.json} agree.
 *
 * <pre>{@code
 * Field f = Field.of("trace_id");       // Field.TRACE_ID
 * f.acceptsText("4bf92f35");            // false: not 32 lowercase hex digits
 * f.onViolation();                      // Repair.RENAME: the SDK writes it as f.renamedKey()
 * f.renamedKey();                       // "app_trace_id"
 * Field.of("replicas");                 // null: not a contract field
 * }</pre>
 */
public enum Field {
  TS(Conventions.TS, JsonType.STRING, Repair.SDK_WRITES, 0, Conventions.TS_PATTERN,
      "a UTC ISO-8601 timestamp with milliseconds and Z"),
  LEVEL(Conventions.LEVEL, JsonType.STRING, Repair.SDK_WRITES, 0, null, null),
  LOGGER(Conventions.LOGGER, JsonType.STRING, Repair.SDK_WRITES, 0, null, "a string"),
  MSG(Conventions.MSG, JsonType.STRING, Repair.SDK_WRITES, 0, null, "a string"),
  CALLER(Conventions.CALLER, JsonType.STRING, Repair.AS_TEXT, 0, null, "a string"),
  ACTION(Conventions.ACTION, JsonType.STRING, Repair.RENAME, 0, null, null),
  AUDIT(Conventions.AUDIT, JsonType.BOOLEAN, Repair.PARSE_OR_RENAME, 0, null, "a JSON boolean"),
  NAMESPACE(Conventions.NAMESPACE, JsonType.STRING, Repair.AS_TEXT, 0, null, "a string"),
  CONTROLLER_KIND(Conventions.CONTROLLER_KIND, JsonType.STRING, Repair.AS_TEXT, 0, null, "a string"),
  NAME(Conventions.NAME, JsonType.STRING, Repair.AS_TEXT, 0, null, "a string"),
  ERROR(Conventions.ERROR, JsonType.STRING, Repair.SDK_WRITES, 0, null, "a string"),
  STACKTRACE(Conventions.STACKTRACE, JsonType.STRING, Repair.SDK_WRITES, 0, null, "a string"),
  TRACE_ID(Conventions.TRACE_ID, JsonType.STRING, Repair.RENAME, 32, null, null),
  SPAN_ID(Conventions.SPAN_ID, JsonType.STRING, Repair.RENAME, 16, null, null),
  TRACE_FLAGS(Conventions.TRACE_FLAGS, JsonType.STRING, Repair.RENAME, 2, null, null),
  REQUEST_ID(Conventions.REQUEST_ID, JsonType.STRING, Repair.AS_TEXT, 0, null, "a string"),
  GLOBAL_REQUEST_ID(
      Conventions.GLOBAL_REQUEST_ID, JsonType.STRING, Repair.AS_TEXT, 0, null, "a string"),
  API_GROUP(Conventions.API_GROUP, JsonType.STRING, Repair.AS_TEXT, 0, null, "a string"),
  ACTOR(Conventions.ACTOR, JsonType.STRING, Repair.PSEUDONYM, 0, null, "a string"),
  OUTCOME(Conventions.OUTCOME, JsonType.STRING, Repair.RENAME, 0, null, null),
  STATUS_CODE(Conventions.STATUS_CODE, JsonType.INTEGER, Repair.PARSE_OR_RENAME, 0, null,
      "a JSON integer"),
  AUDIT_LEVEL(Conventions.AUDIT_LEVEL, JsonType.STRING, Repair.RENAME, 0, null, null),
  REQUEST_OBJECT(Conventions.REQUEST_OBJECT, JsonType.PAYLOAD, Repair.PAYLOAD, 0, null,
      "a JSON object, array or string"),
  RESPONSE_OBJECT(Conventions.RESPONSE_OBJECT, JsonType.PAYLOAD, Repair.PAYLOAD, 0, null,
      "a JSON object, array or string");

  /** A JSON type as the schema's {@code type} keyword names it. */
  public enum JsonType {
    STRING("string"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    /** An audit payload: an object, an array, or a string such as an omission marker. */
    PAYLOAD("object", "array", "string");

    @SuppressWarnings("ImmutableEnumChecker") // List.of
    private final List<String> schemaNames;

    JsonType(String... schemaNames) {
      this.schemaNames = List.of(schemaNames);
    }

    /**
     * The names in a JSON Schema's {@code type} keyword, e.g. {@code ["string"]}; a schema writes
     * one name as a string and several as an array.
     */
    public List<String> schemaNames() {
      return schemaNames;
    }
  }

  /** What the SDK does when an application gives the field a value that breaks its rule. */
  public enum Repair {
    /**
     * The writer writes the field itself from the event (the time, the level, the message); a
     * value the application gives under this key is moved to {@code app_<key>}.
     */
    SDK_WRITES,
    /** Any value is written as its text: {@code name=42} is written {@code "name":"42"}. */
    AS_TEXT,
    /**
     * The text {@code "true"} or {@code "false"} is written as the JSON boolean; any other value
     * is moved to {@code app_<key>}.
     */
    PARSE_OR_RENAME,
    /** A value outside the rule is moved to {@code app_<key>}, so the field itself stays valid. */
    RENAME,
    /**
     * Any value is written as the redactor's keyed hash of its text ({@code h:} and hex digits), so
     * that one actor correlates across events without being named; a hash is kept as it is.
     */
    PSEUDONYM,
    /**
     * An audit payload: written only on an audit event whose level writes it, redacted and within
     * the payload cap, and never for a kind in {@link Conventions#PAYLOAD_FREE_KINDS}, where an
     * omission marker stands instead.
     */
    PAYLOAD
  }

  private static final Map<String, Field> BY_KEY = new HashMap<>();

  static {
    for (Field f : values()) {
      BY_KEY.put(f.key, f);
    }
  }

  private final String key;
  private final JsonType type;
  private final Repair onViolation;
  private final int hexDigits;
  @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable list (Stream.toList, List.of)
  private final List<String> allowed;
  private final String pattern;
  private final Pattern compiled;
  private final String rule;
  private final String renamedKey;

  Field(String key, JsonType type, Repair onViolation, int hexDigits, String pattern, String rule) {
    this.key = key;
    this.type = type;
    this.onViolation = onViolation;
    this.hexDigits = hexDigits;
    this.allowed = allowedValues(key);
    this.pattern = hexDigits > 0 ? "[0-9a-f]{" + hexDigits + "}" : pattern;
    this.compiled = this.pattern == null ? null : Pattern.compile(this.pattern);
    this.rule = ruleText(rule, hexDigits, allowed);
    this.renamedKey = Conventions.RENAME_PREFIX + key;
  }

  private static List<String> allowedValues(String key) {
    if (key.equals(Conventions.ACTION)) {
      return Arrays.stream(Action.values()).map(Action::name).toList();
    }
    if (key.equals(Conventions.LEVEL)) {
      return Arrays.stream(Level.values()).map(Level::label).toList();
    }
    if (key.equals(Conventions.OUTCOME)) {
      return Arrays.stream(Outcome.values()).map(Outcome::label).toList();
    }
    if (key.equals(Conventions.AUDIT_LEVEL)) {
      return Arrays.stream(AuditLevel.values())
          .filter(AuditLevel::writesEvent)
          .map(AuditLevel::label)
          .toList();
    }
    return List.of();
  }

  private static String ruleText(String given, int hexDigits, List<String> allowed) {
    if (given != null) {
      return given;
    }
    if (hexDigits > 0) {
      return hexDigits + " lowercase hex digits (W3C trace context)";
    }
    return "one of " + String.join(", ", allowed);
  }

  /** The field named {@code key}, or {@code null} if the contract has no rule for that key. */
  public static Field of(String key) {
    return key == null ? null : BY_KEY.get(key);
  }

  /** The key on the line, e.g. {@code "controllerKind"}. */
  public String key() {
    return key;
  }

  /** The JSON type the field's value must have. */
  public JsonType type() {
    return type;
  }

  /** What the SDK does with a value that breaks this field's rule. */
  public Repair onViolation() {
    return onViolation;
  }

  /** The key the SDK writes a rule-breaking value under: {@code app_<key>}. */
  public String renamedKey() {
    return renamedKey;
  }

  /** True if the strict schema requires the field on every line ({@link Conventions#REQUIRED_KEYS}). */
  public boolean required() {
    return Conventions.REQUIRED_KEYS.contains(key);
  }

  /** The values the field may take, in the schema's order; empty if any value of its type will do. */
  public List<String> allowed() {
    return allowed;
  }

  /** The pattern (without anchors) a string value must match, or {@code null} if there is none. */
  public String pattern() {
    return pattern;
  }

  /** The number of lowercase hex digits the value must have, or 0 if it is not a hex field. */
  public int hexDigits() {
    return hexDigits;
  }

  /**
   * The rule in words, as findings and the SDK's reports say it: {@code "one of VIEW, ADD, UPDATE,
   * DELETE"}, {@code "32 lowercase hex digits (W3C trace context)"}, {@code "a JSON boolean"}.
   */
  public String rule() {
    return rule;
  }

  /**
   * True if the string {@code s} is a valid value of this field as it stands: a string field whose
   * allowed values, hex digits or pattern it meets, or a payload field. Always false for a boolean
   * or integer field, whose value must not be a string. Allocation-free except for the timestamp
   * pattern.
   */
  public boolean acceptsText(CharSequence s) {
    if (s == null) {
      return false;
    }
    if (type == JsonType.PAYLOAD) {
      return true;
    }
    if (type != JsonType.STRING) {
      return false;
    }
    if (!allowed.isEmpty()) {
      for (int i = 0; i < allowed.size(); i++) {
        if (allowed.get(i).contentEquals(s)) {
          return true;
        }
      }
      return false;
    }
    if (hexDigits > 0) {
      return isLowerHex(s, hexDigits);
    }
    return compiled == null || compiled.matcher(s).matches();
  }

  /**
   * True if the SDK writes {@code value} under this field's own key, false if it moves it to
   * {@link #renamedKey()}: an {@link Action} or allowed text for {@code action} (an {@link
   * AuditLevel} for {@code auditLevel}, an {@link Outcome} for {@code outcome}), a {@link Boolean}
   * or the text {@code "true"}/{@code "false"} for {@code audit}, valid hex for the trace fields.
   * Fields the SDK writes as text, or writes itself, keep every value here. Never allocates.
   */
  public boolean keepsValue(Object value) {
    return switch (onViolation) {
      case RENAME ->
          value instanceof Action
              ? this == ACTION
              : value instanceof AuditLevel
                  ? this == AUDIT_LEVEL // any level may be asked for; the line carries the one written
                  : value instanceof Outcome
                      ? this == OUTCOME
                      : value instanceof CharSequence cs && acceptsText(cs);
      case PARSE_OR_RENAME ->
          type == JsonType.INTEGER
              ? isIntegral(value) || (value instanceof CharSequence cs && parseInteger(cs) != null)
              : value instanceof Boolean
                  || (value instanceof CharSequence cs && parseBoolean(cs) != null);
      case AS_TEXT, SDK_WRITES, PSEUDONYM, PAYLOAD -> true;
    };
  }

  /**
   * The JSON boolean the text {@code "true"} or {@code "false"} stands for, exactly as written, or
   * {@code null} for any other text.
   */
  public static Boolean parseBoolean(CharSequence s) {
    if (s == null) {
      return null;
    }
    if ("true".contentEquals(s)) {
      return Boolean.TRUE;
    }
    if ("false".contentEquals(s)) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** True for the boxed integral types a JSON integer is written from. */
  public static boolean isIntegral(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte;
  }

  /**
   * The integer the text stands for when it is a plain decimal integer of at most 18 digits with
   * an optional leading {@code -} ({@code "404"}), or {@code null} for any other text.
   */
  public static Long parseInteger(CharSequence s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
    if (n == i || n - i > 18) {
      return null;
    }
    long v = 0;
    for (int j = i; j < n; j++) {
      char c = s.charAt(j);
      if (c < '0' || c > '9') {
        return null;
      }
      v = v * 10 + (c - '0');
    }
    return i == 1 ? -v : v;
  }

  private static boolean isLowerHex(CharSequence s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int j = 0; j < length; j++) {
      char c = s.charAt(j);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
