package io.logconv.lint.validate;

import io.logconv.core.KeyPolicy;
import io.logconv.core.StatusListener;
import io.logconv.core.audit.AuditPayload;
import io.logconv.core.redact.MatchSink;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.Wording;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Conventions;
import io.logconv.schema.Field;
import io.logconv.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Checks one application line against the contract. The fast path is one streaming parse (no
 * tree) that checks the strict schema's rules directly from the {@link Conventions} constants and
 * words each failure in the contract's own terms; duplicate keys, the line-size limit and secrets
 * (through a {@link SecretScanner}) are checked in the same pass. With a custom schema ({@code
 * --schema adr} or a file) the schema's verdict comes from a {@link SchemaCheck} instead. Not
 * thread-safe: one instance per thread, reused for every line.
 *
 * <p>A check that throws on a line (a defect in it, in the detectors or in the schema validator)
 * is reported as an internal error of that check, a finding of its own id that says so and names
 * the exception, and the line's other checks still run. Only a line the JSON parser rejects is
 * {@code LV001}.
 *
 * <pre>{@code
 * LineValidator v = new LineValidator(SecretScanner.of(SecretRedactor.defaults()), null,
 *     Conventions.DEFAULT_MAX_LINE_BYTES);
 * v.check(bytes, 0, bytes.length, (rule, message) -> System.out.println(rule.id() + " " + message));
 * }</pre>
 */
public final class LineValidator {
  /** Receives the findings of one line. */
  @FunctionalInterface
  public interface Findings {
    void add(RuleDescriptor rule, String message);
  }

  /** Sees each finding's check as the check reports it; tests make a check fail there. */
  @FunctionalInterface
  interface ReportHook {
    ReportHook NONE = rule -> {};

    void reporting(RuleDescriptor rule);
  }

  // Workers are long-lived threads: a per-thread buffer pool avoids contention on a shared one.
  private static final JsonFactory JSON =
      JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();
  private static final String LEVELS = String.join(", ", Field.LEVEL.allowed());
  private static final String ACTIONS = String.join(", ", Field.ACTION.allowed());
  private static final String EXAMPLE_TS = "2023-03-07T11:32:29.167Z";
  private static final String NO_TYPE = "";
  private static final int MAX_DEPTH_TRACKED = 64;
  /**
   * The SDK's own key policy: every finding that suggests a new name for a key suggests the one
   * the SDK would write, so two findings on one key never disagree.
   */
  private static final KeyPolicy SDK_KEYS = new KeyPolicy(false, StatusListener.IGNORE);

  private final SecretScanner scanner;
  private final SchemaCheck schema;
  private final int maxLineBytes;
  private final ReportHook hook;

  // Reused between lines: the validator allocates little per conforming line.
  private final List<RuleDescriptor> pendingRules = new ArrayList<>();
  private final List<String> pendingMessages = new ArrayList<>();
  private final List<RuleDescriptor> failedChecks = new ArrayList<>();
  private final Findings toPending = this::pending;
  private final List<List<String>> keysByDepth = new ArrayList<>();
  private final String[] path = new String[MAX_DEPTH_TRACKED];
  private final CharSlice slice = new CharSlice();
  private final List<String> typesFound = new ArrayList<>();
  private final Map<String, String> keyTypeCache = new HashMap<>();
  private final MatchSink collectTypes =
      (type, start, end) -> {
        if (!typesFound.contains(type)) {
          typesFound.add(type);
        }
      };
  // The logger value of the current line, kept as chars: a String is made only when asked for
  // (for the summary of a line with findings), not for every conforming line.
  private char[] loggerChars = new char[64];
  private int loggerLength = -1;
  // The audit fields of the current line, for the checks that judge them together at its end.
  // Allocation-free: the payload-free kind as the contract spells it, and the level as parsed.
  private String freeKind;
  private boolean hasAuditLevel;
  private AuditLevel auditLevel;
  private int requestPayload;
  private int responsePayload;
  private static final int ABSENT = 0;
  private static final int MARKER = 1;
  private static final int PAYLOAD = 2;

  /**
   * @param scanner secret and PII detectors
   * @param schema a custom schema's check, or null for the contract's strict checks
   * @param maxLineBytes longest line allowed, in bytes including the newline
   */
  public LineValidator(SecretScanner scanner, SchemaCheck schema, int maxLineBytes) {
    this(scanner, schema, maxLineBytes, ReportHook.NONE);
  }

  LineValidator(SecretScanner scanner, SchemaCheck schema, int maxLineBytes, ReportHook hook) {
    this.scanner = scanner;
    this.schema = schema;
    this.maxLineBytes = maxLineBytes;
    this.hook = hook;
  }

  /** The {@code logger} value of the last line checked, or null. */
  public String logger() {
    return loggerLength < 0 ? null : new String(loggerChars, 0, loggerLength);
  }

  /**
   * Checks the line {@code b[off, off+len)} (UTF-8, without its newline). Never throws, unless
   * {@code out} does: a check that fails is reported as its internal error.
   */
  public void check(byte[] b, int off, int len, Findings out) {
    loggerLength = -1;
    pendingRules.clear();
    pendingMessages.clear();
    failedChecks.clear();
    try {
      if ((long) len + 1 > maxLineBytes) {
        pending(
            ValidatorRules.LINE_TOO_LONG,
            "line is " + (len + 1) + " bytes with its newline, over the " + maxLineBytes
                + "-byte limit at which containerd and Docker split it");
      }
    } catch (RuntimeException e) {
      failed(ValidatorRules.LINE_TOO_LONG, e);
    }
    int i = off;
    int end = off + len;
    while (i < end && isWhitespace(b[i])) {
      i++;
    }
    if (i == end) {
      try {
        pending(ValidatorRules.NOT_JSON, len == 0 ? "empty line" : "blank line");
      } catch (RuntimeException e) {
        failed(ValidatorRules.NOT_JSON, e);
      }
    } else if (b[i] != '{') {
      try {
        pending(ValidatorRules.NOT_JSON, "not JSON: " + LineHints.describeNonJson(b, off, len));
      } catch (RuntimeException e) {
        failed(ValidatorRules.NOT_JSON, e);
      }
      scanPlain(b, off, len);
    } else {
      checkJson(b, off, len);
    }
    for (int k = 0; k < pendingRules.size(); k++) {
      out.add(pendingRules.get(k), pendingMessages.get(k));
    }
  }

  private void checkJson(byte[] b, int off, int len) {
    int beforeParse = pendingRules.size();
    int failedBeforeParse = failedChecks.size();
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, off, len)) {
      p.nextToken();
      checkObject(p);
      JsonToken after = p.nextToken();
      if (after != null) {
        pending(ValidatorRules.NOT_JSON, "more than one JSON value on the line");
      }
    } catch (JacksonException e) {
      // The parser rejects the line: what the checks said of its first part does not count.
      loggerLength = -1;
      truncatePending(beforeParse, failedBeforeParse);
      try {
        pending(ValidatorRules.NOT_JSON, "not a JSON object: " + LineHints.describeBrokenJson(b, off, len, e));
      } catch (RuntimeException describing) {
        failed(ValidatorRules.NOT_JSON, describing);
      }
      scanPlain(b, off, len);
      return;
    } catch (RuntimeException e) {
      // Each check catches its own failures: this is the walk through the line (the parser, or
      // the JSON-object check's own code). What was found before it stands; the rest is unchecked.
      failed(ValidatorRules.NOT_JSON, e, "the line was checked up to the failure");
    }
    if (schema != null) {
      try {
        schema.check(b, off, len, toPending);
      } catch (RuntimeException e) {
        failed(ValidatorRules.SCHEMA, e);
      }
    }
  }

  private void pending(RuleDescriptor rule, String message) {
    hook.reporting(rule);
    pendingRules.add(rule);
    pendingMessages.add(message);
  }

  /** Drops the findings after the first {@code size} (and the check failures among them). */
  private void truncatePending(int size, int failures) {
    pendingRules.subList(size, pendingRules.size()).clear();
    pendingMessages.subList(size, pendingMessages.size()).clear();
    failedChecks.subList(failures, failedChecks.size()).clear();
  }

  /**
   * Reports that {@code check}'s code threw {@code e} on this line, once per check and line. The
   * message names the exception; its own message only when it cannot hold a secret from the line.
   */
  private void failed(RuleDescriptor check, RuntimeException e) {
    failed(check, e, "the line's other checks ran");
  }

  private void failed(RuleDescriptor check, RuntimeException e, String otherChecks) {
    if (failedChecks.contains(check)) {
      return;
    }
    failedChecks.add(check);
    String detail = e.getClass().getName();
    String m = e.getMessage();
    if (m != null && !m.isBlank()) {
      detail += ": " + (mayHoldSecret(m) ? "(message not shown: it may hold a secret)" : show(m));
    }
    pendingRules.add(check);
    pendingMessages.add(
        "internal error in check " + check.id() + " " + check.name() + ": " + detail
            + " (a defect in logconv, not in the line; " + otherChecks + ")");
  }

  private boolean mayHoldSecret(String text) {
    try {
      return holdsSecret(text);
    } catch (RuntimeException e) {
      return true; // the detectors fail on it: assume the worst
    }
  }

  /**
   * The check the {@code switch} in {@link #checkObject} runs on a contract field, to name it when
   * it fails; other keys go to {@link #checkKeyName}, which names its own checks.
   */
  /** The check that judges a contract field's value. */
  private static RuleDescriptor fieldCheck(Field f) {
    return switch (f) {
      case TS -> ValidatorRules.TS_FORMAT;
      case LEVEL -> ValidatorRules.LEVEL_VALUE;
      case ACTION -> ValidatorRules.ACTION_VALUE;
      case AUDIT -> ValidatorRules.AUDIT_TYPE;
      default -> ValidatorRules.FIELD_TYPE;
    };
  }

  private void checkObject(JsonParser p) {
    List<String> keys = keysAt(0);
    boolean strict = schema == null;
    boolean auditTrue = false;
    boolean hasAction = false;
    freeKind = null;
    hasAuditLevel = false;
    auditLevel = null;
    requestPayload = ABSENT;
    responsePayload = ABSENT;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      try {
        if (contains(keys, key)) {
          pending(ValidatorRules.DUPLICATE_KEY, "duplicate key '" + show(key) + "'");
        }
      } catch (RuntimeException e) {
        failed(ValidatorRules.DUPLICATE_KEY, e);
      }
      keys.add(key);
      path[0] = key;
      t = p.nextToken();
      if (Conventions.LOGGER.equals(key) && t == JsonToken.VALUE_STRING) {
        int n = p.getStringLength();
        if (n > loggerChars.length) {
          loggerChars = new char[Math.max(n, loggerChars.length * 2)];
        }
        System.arraycopy(p.getStringCharacters(), p.getStringOffset(), loggerChars, 0, n);
        loggerLength = n;
      }
      Field field = Field.of(key);
      if (strict && field == null) {
        checkKeyName(key);
      } else if (strict) {
        try {
          switch (field) {
            case TS -> checkTs(p, t);
            case LEVEL -> checkLevel(p, t);
            case ACTION -> {
              hasAction = true;
              checkAction(p, t);
            }
            case AUDIT -> {
              auditTrue = t == JsonToken.VALUE_TRUE;
              checkAudit(p, t);
            }
            case CONTROLLER_KIND -> {
              freeKind = t == JsonToken.VALUE_STRING ? Conventions.payloadFreeKind(chars(p)) : null;
              checkValue(field, p, t);
            }
            case AUDIT_LEVEL -> {
              hasAuditLevel = true;
              auditLevel = t == JsonToken.VALUE_STRING ? AuditLevel.parse(chars(p)) : null;
              checkValue(field, p, t);
            }
            case REQUEST_OBJECT -> {
              requestPayload = payload(p, t);
              checkValue(field, p, t);
            }
            case RESPONSE_OBJECT -> {
              responsePayload = payload(p, t);
              checkValue(field, p, t);
            }
            case ACTOR -> {
              checkValue(field, p, t);
              checkActor(p, t);
            }
            default -> checkValue(field, p, t);
          }
        } catch (JacksonException e) {
          throw e; // a value the parser cannot decode: the line is not JSON after all
        } catch (RuntimeException e) {
          failed(fieldCheck(field), e);
        }
      }
      value(p, t, 1, key);
    }
    if (strict) {
      try {
        for (String required : Conventions.REQUIRED_KEYS) {
          if (!contains(keys, required)) {
            pending(ValidatorRules.MISSING_FIELD, "missing required field '" + required + "'");
          }
        }
      } catch (RuntimeException e) {
        failed(ValidatorRules.MISSING_FIELD, e);
      }
      try {
        if (auditTrue && !hasAction) {
          pending(
              ValidatorRules.AUDIT_WITHOUT_ACTION,
              "audit event without action: say what was done (" + ACTIONS + ")");
        }
      } catch (RuntimeException e) {
        failed(ValidatorRules.AUDIT_WITHOUT_ACTION, e);
      }
      boolean secretKind = false;
      try {
        secretKind = auditTrue && freeKind != null;
        if (secretKind) {
          secretPayload(Field.REQUEST_OBJECT, requestPayload);
          secretPayload(Field.RESPONSE_OBJECT, responsePayload);
        }
      } catch (RuntimeException e) {
        failed(ValidatorRules.SECRET_PAYLOAD, e);
      }
      try {
        if (auditTrue || hasAuditLevel) {
          checkPayloadLevel(secretKind);
        }
      } catch (RuntimeException e) {
        failed(ValidatorRules.PAYLOAD_BEYOND_LEVEL, e);
      }
    }
  }

  /** What a payload field holds: nothing the checks judge, an omission marker, or a payload. */
  private int payload(JsonParser p, JsonToken t) {
    if (t == JsonToken.VALUE_STRING) {
      return AuditPayload.isOmissionMarker(chars(p)) ? MARKER : PAYLOAD;
    }
    return t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? PAYLOAD : ABSENT;
  }

  /** LV018 for a payload field of an audit event on a payload-free kind. */
  private void secretPayload(Field f, int held) {
    if (held != PAYLOAD) {
      return;
    }
    String canonical = freeKind;
    pending(
        ValidatorRules.SECRET_PAYLOAD,
        f.key() + " holds the payload of a " + canonical + " (value not shown): payloads of "
            + String.join(" and ", Conventions.PAYLOAD_FREE_KINDS) + " are never written; the SDK"
            + " writes " + AuditPayload.omittedFor(canonical) + " in its place");
  }

  /**
   * LV020: a payload that the line's audit level does not write; no level on an audit event is
   * Metadata. A level outside the enum is LV010's, and judged no further here.
   */
  private void checkPayloadLevel(boolean secretKind) {
    AuditLevel level = hasAuditLevel ? auditLevel : AuditLevel.METADATA;
    if (level == null || !level.writesEvent()) {
      return;
    }
    String at = hasAuditLevel ? Conventions.AUDIT_LEVEL + " " + level.label()
        : "an audit event without " + Conventions.AUDIT_LEVEL;
    boolean request = requestPayload == PAYLOAD && !secretKind;
    boolean response = responsePayload == PAYLOAD && !secretKind;
    if (request && !level.writesRequest()) {
      pending(
          ValidatorRules.PAYLOAD_BEYOND_LEVEL,
          Conventions.REQUEST_OBJECT + " on " + at + ", which writes no request payload (from "
              + AuditLevel.REQUEST.label() + ")");
    }
    if (response && !level.writesResponse()) {
      pending(
          ValidatorRules.PAYLOAD_BEYOND_LEVEL,
          Conventions.RESPONSE_OBJECT + " on " + at + ", which writes no response payload (only "
              + AuditLevel.REQUEST_RESPONSE.label() + ")");
    }
  }

  /** LV019: an actor that is neither the keyed hash nor a redaction marker. */
  private void checkActor(JsonParser p, JsonToken t) {
    try {
      if (t != JsonToken.VALUE_STRING) {
        return; // LV010's
      }
      CharSequence s = chars(p);
      if (SecretRedactor.isPseudonym(s) || isRedactionMarker(s)) {
        return;
      }
      pending(
          ValidatorRules.ACTOR_IN_CLEAR,
          Conventions.ACTOR + " is written in clear (" + s.length() + " characters, not shown);"
              + " write the keyed hash of who acted, as the SDK does (AuditEvent.actor())");
    } catch (RuntimeException e) {
      failed(ValidatorRules.ACTOR_IN_CLEAR, e);
    }
  }

  private static final String REDACTED_PREFIX = "[REDACTED:";

  /** True for a redactor's marker, {@code [REDACTED:type]}. */
  static boolean isRedactionMarker(CharSequence s) {
    int n = s.length();
    if (n <= REDACTED_PREFIX.length() + 1 || s.charAt(n - 1) != ']') {
      return false;
    }
    for (int i = 0; i < REDACTED_PREFIX.length(); i++) {
      if (s.charAt(i) != REDACTED_PREFIX.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void checkKeyName(String key) {
    boolean reserved = false;
    try {
      reserved = Conventions.isReservedKey(key);
      if (reserved) {
        pending(
            ValidatorRules.RESERVED_KEY,
            "collector-reserved key '" + key + "': fluentd and Fluent Bit add it themselves; write it"
                + " as '" + SDK_KEYS.effectiveKey(key) + "' (as the SDK does) or a name of your own");
      }
    } catch (RuntimeException e) {
      failed(ValidatorRules.RESERVED_KEY, e);
    }
    if (!reserved) {
      try {
        if (Conventions.isPipelineKey(key)) {
          pending(
              ValidatorRules.PIPELINE_KEY,
              "key '" + key + "' is added or read by the log pipeline (CRI/Docker parsers, Fluent Bit,"
                  + " ViaQ, korrel8r or Loki) and will be overwritten or misread; write it as '"
                  + SDK_KEYS.effectiveKey(key) + "'");
        }
      } catch (RuntimeException e) {
        failed(ValidatorRules.PIPELINE_KEY, e);
      }
    }
    try {
      if (!Conventions.isSafeKey(key)) {
        pending(
            ValidatorRules.UNSAFE_KEY,
            "key '" + show(key) + "' is not Loki-safe (" + Conventions.KEY_PATTERN + "): LogQL, Fluent"
                + " Bit and korrel8r rename it differently; write it as '"
                + show(SDK_KEYS.effectiveKey(key)) + "'");
      }
    } catch (RuntimeException e) {
      failed(ValidatorRules.UNSAFE_KEY, e);
    }
  }

  private void checkTs(JsonParser p, JsonToken t) {
    if (t == JsonToken.VALUE_STRING) {
      CharSequence s = chars(p);
      if (Timestamps.isContractTs(s)) {
        if (!Timestamps.isRealDateTime(s)) {
          pending(ValidatorRules.TS_FORMAT, "ts '" + s + "' is not a real date and time");
        }
        return;
      }
      String v = s.toString();
      String why;
      if (v.matches(".*T.*[+-]\\d\\d:?\\d\\d$")) {
        why = "has a UTC offset; write it in UTC with Z";
      } else if (v.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z")) {
        why = "needs exactly three fraction digits (milliseconds)";
      } else if (v.matches("\\d+(\\.\\d+)?")) {
        why = "is an epoch number written as a string";
      } else {
        why = "is not UTC ISO-8601";
      }
      pending(
          ValidatorRules.TS_FORMAT,
          "ts " + quoted(v, 40, "[0-9TtZz:.,+ /-]*") + " " + why
              + " (yyyy-MM-ddTHH:mm:ss.SSSZ, e.g. " + EXAMPLE_TS + ")");
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      pending(
          ValidatorRules.TS_FORMAT,
          "ts is the number " + cut(p.getText(), 24) + " (epoch time, zap's default"
              + " EpochTimeEncoder); write UTC ISO-8601 with milliseconds, e.g. " + EXAMPLE_TS
              + " (zap: zapcore.ISO8601TimeEncoder on UTC time)");
    } else {
      pending(ValidatorRules.TS_FORMAT, "ts must be a string such as " + EXAMPLE_TS + ", not " + kind(t));
    }
  }

  private void checkLevel(JsonParser p, JsonToken t) {
    if (t != JsonToken.VALUE_STRING) {
      pending(ValidatorRules.LEVEL_VALUE, "level must be a string (" + LEVELS + "), not " + kind(t));
      return;
    }
    CharSequence s = chars(p);
    if (Level.parse(s) != null) {
      return;
    }
    String v = s.toString();
    String lower = v.toLowerCase(Locale.ROOT);
    String suggestion;
    if (Level.parse(lower) != null) {
      suggestion = "write it lowercase: '" + lower + "'";
    } else if (lower.equals("warning")) {
      suggestion = "write 'warn'";
    } else if (lower.equals("fatal") || lower.equals("critical") || lower.equals("panic")
        || lower.equals("dpanic") || lower.equals("severe")) {
      suggestion = "write 'error'";
    } else if (lower.equals("fine") || lower.equals("finer") || lower.equals("finest")) {
      suggestion = "write 'debug' or 'trace'";
    } else {
      suggestion = "use one of " + LEVELS;
    }
    pending(
        ValidatorRules.LEVEL_VALUE,
        "level " + quoted(v, 24, "[A-Za-z_-]*") + " is not one of " + LEVELS + "; " + suggestion);
  }

  private void checkAction(JsonParser p, JsonToken t) {
    if (t != JsonToken.VALUE_STRING) {
      pending(ValidatorRules.ACTION_VALUE, "action must be a string (" + ACTIONS + "), not " + kind(t));
      return;
    }
    CharSequence s = chars(p);
    if (Action.parse(s) != null) {
      return;
    }
    String v = s.toString();
    String upper = v.toUpperCase(Locale.ROOT);
    String hint =
        Action.parse(upper) != null
            ? "; write it uppercase: '" + upper + "'"
            : "; the SDK renames other values to '" + Conventions.RENAME_PREFIX + "action'";
    pending(
        ValidatorRules.ACTION_VALUE,
        "action " + quoted(v, 24, "[A-Za-z_-]*") + " is not one of " + ACTIONS + hint);
  }

  private void checkAudit(JsonParser p, JsonToken t) {
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return;
    }
    if (t == JsonToken.VALUE_STRING) {
      String v = p.getString();
      if (Field.parseBoolean(v) != null) {
        pending(
            ValidatorRules.AUDIT_TYPE,
            "audit is the string \"" + v + "\"; write the JSON boolean " + v
                + " (the ADR's own example has this mistake)");
        return;
      }
    }
    pending(ValidatorRules.AUDIT_TYPE, "audit must be the JSON boolean true (or left out), not " + kind(t));
  }

  /**
   * LV010 for a contract field without a check of its own: its JSON type and, for a string, the
   * values, hex digits or pattern the table ({@link Field}) allows, in the table's words.
   */
  private void checkValue(Field f, JsonParser p, JsonToken t) {
    switch (f.type()) {
      case BOOLEAN -> {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
          pending(ValidatorRules.FIELD_TYPE, f.key() + " must be " + f.rule() + ", not " + kind(t));
        }
        return;
      }
      case INTEGER -> {
        if (t == JsonToken.VALUE_NUMBER_INT) {
          return;
        }
        String hint = "";
        if (t == JsonToken.VALUE_STRING && Field.parseInteger(chars(p)) != null) {
          hint = "; write the number itself (the SDK parses such text)";
        }
        pending(
            ValidatorRules.FIELD_TYPE,
            f.key() + " must be " + f.rule() + ", not "
                + (t == JsonToken.VALUE_NUMBER_FLOAT ? "a number with a fraction or exponent" : kind(t))
                + hint);
        return;
      }
      case PAYLOAD -> {
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY && t != JsonToken.VALUE_STRING) {
          pending(ValidatorRules.FIELD_TYPE, f.key() + " must be " + f.rule() + ", not " + kind(t));
        }
        return;
      }
      case STRING -> {
        // below
      }
    }
    if (t != JsonToken.VALUE_STRING) {
      String what = f.hexDigits() > 0 ? "a string of " + f.hexDigits() + " lowercase hex digits" : "a string";
      pending(ValidatorRules.FIELD_TYPE, f.key() + " must be " + what + ", not " + kind(t));
      return;
    }
    if (f.hexDigits() > 0 || f.pattern() != null || !f.allowed().isEmpty()) {
      CharSequence s = chars(p);
      if (!f.acceptsText(s)) {
        pending(
            ValidatorRules.FIELD_TYPE,
            f.key() + " must be " + f.rule() + ", got " + s.length() + " characters");
      }
    }
  }

  /** Secret checks on a value and, for objects and arrays, everything inside it. */
  private void value(JsonParser p, JsonToken t, int depth, String key) {
    String keyType = sensitiveType(key);
    if (t == JsonToken.VALUE_STRING) {
      CharSequence s = chars(p);
      if (keyType != null) {
        try {
          if (!scanner.keepsValue(key, s)) {
            pending(
                ValidatorRules.SENSITIVE_KEY,
                "value under '" + pathString(depth) + "' is " + Wording.withArticle(keyType)
                    + " by its key (value not shown); the SDK replaces it whole");
          }
        } catch (RuntimeException e) {
          failed(ValidatorRules.SENSITIVE_KEY, e);
        }
        return;
      }
      scanValue(s, depth);
    } else if (keyType != null
        && (t == JsonToken.VALUE_NUMBER_INT
            || t == JsonToken.VALUE_NUMBER_FLOAT
            || t == JsonToken.VALUE_TRUE
            || t == JsonToken.VALUE_FALSE)) {
      try {
        pending(
            ValidatorRules.SENSITIVE_KEY,
            "value under '" + pathString(depth) + "' is a " + keyType
                + " by its key (value not shown); the SDK replaces it whole");
      } catch (RuntimeException e) {
        failed(ValidatorRules.SENSITIVE_KEY, e);
      }
    } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      if (keyType != null) {
        try {
          pending(
              ValidatorRules.SENSITIVE_KEY,
              "value under '" + pathString(depth) + "' is " + Wording.withArticle(keyType)
                  + " by its key (value not shown)");
        } catch (RuntimeException e) {
          failed(ValidatorRules.SENSITIVE_KEY, e);
        }
        p.skipChildren();
        return;
      }
      if (t == JsonToken.START_OBJECT) {
        List<String> keys = keysAt(depth);
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String k = p.currentName();
          try {
            if (contains(keys, k)) {
              pendingDuplicate(depth, k);
            }
          } catch (RuntimeException e) {
            failed(ValidatorRules.DUPLICATE_KEY, e);
          }
          keys.add(k);
          if (depth < MAX_DEPTH_TRACKED) {
            path[depth] = k;
          }
          JsonToken v = p.nextToken();
          value(p, v, depth + 1, k);
          // The list at this depth may have been reused by a sibling's subtree only deeper.
        }
      } else {
        JsonToken v;
        while ((v = p.nextToken()) != JsonToken.END_ARRAY && v != null) {
          value(p, v, depth, key);
        }
      }
    } else if (keyType != null && t != JsonToken.VALUE_NULL) {
      try {
        pending(
            ValidatorRules.SENSITIVE_KEY,
            "value under '" + pathString(depth) + "' is " + Wording.withArticle(keyType)
                  + " by its key (value not shown)");
      } catch (RuntimeException e) {
        failed(ValidatorRules.SENSITIVE_KEY, e);
      }
    }
  }

  private void pendingDuplicate(int depth, String k) {
    String at = pathString(depth);
    pending(ValidatorRules.DUPLICATE_KEY, "duplicate key '" + show(k) + "' in '" + at + "'");
  }

  private void scanValue(CharSequence s, int depth) {
    try {
      typesFound.clear();
      scanner.scan(s, collectTypes);
      for (int i = 0; i < typesFound.size(); i++) {
        pending(
            ValidatorRules.SECRET_VALUE,
            "value of '" + pathString(depth) + "' holds " + Wording.withArticle(typesFound.get(i))
                + " (value not shown)");
      }
    } catch (RuntimeException e) {
      failed(ValidatorRules.SECRET_VALUE, e);
    }
  }

  private void scanPlain(byte[] b, int off, int len) {
    try {
      typesFound.clear();
      scanner.scan(new String(b, off, len, StandardCharsets.UTF_8), collectTypes);
      for (int i = 0; i < typesFound.size(); i++) {
        pending(ValidatorRules.SECRET_VALUE, "line holds " + Wording.withArticle(typesFound.get(i)) + " (value not shown)");
      }
    } catch (RuntimeException e) {
      failed(ValidatorRules.SECRET_VALUE, e);
    }
  }

  private String sensitiveType(String key) {
    String cached = keyTypeCache.get(key);
    if (cached == null) {
      String t;
      try {
        t = scanner.sensitiveKeyType(key);
      } catch (RuntimeException e) {
        failed(ValidatorRules.SENSITIVE_KEY, e);
        return null; // not cached: the key is asked about again where it comes back
      }
      cached = t == null ? NO_TYPE : t;
      if (keyTypeCache.size() > 4096) {
        keyTypeCache.clear(); // bounded: a file with endless distinct keys must not grow it
      }
      keyTypeCache.put(key, cached);
    }
    return cached.isEmpty() ? null : cached;
  }

  private CharSequence chars(JsonParser p) {
    return slice.set(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
  }

  private List<String> keysAt(int depth) {
    while (keysByDepth.size() <= depth) {
      keysByDepth.add(new ArrayList<>());
    }
    List<String> keys = keysByDepth.get(depth);
    keys.clear();
    return keys;
  }

  private String pathString(int depth) {
    int n = Math.min(depth, MAX_DEPTH_TRACKED);
    if (n == 1) {
      return show(path[0]);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(show(path[i]));
    }
    return sb.toString();
  }

  private static boolean contains(List<String> keys, String key) {
    for (int i = 0, n = keys.size(); i < n; i++) {
      if (keys.get(i).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** A key made safe for one line of output: control characters escaped, long keys cut. */
  static String show(String key) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < key.length() && sb.length() < 64; i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return key.length() > 64 ? sb + "…" : sb.toString();
  }

  /**
   * The value in quotes when it is short and made only of harmless characters (a timestamp, a
   * word); otherwise only its length, so that a secret logged in the wrong field is never echoed.
   */
  private String quoted(String v, int max, String harmless) {
    if (v.length() <= max && v.matches(harmless) && !holdsSecret(v)) {
      return "'" + v + "'";
    }
    return "(a " + v.length() + "-character string, not shown)";
  }

  private boolean holdsSecret(String v) {
    typesFound.clear();
    scanner.scan(v, collectTypes);
    boolean any = !typesFound.isEmpty();
    typesFound.clear();
    return any;
  }

  private static String cut(String s, int max) {
    return show(s.length() > max ? s.substring(0, max) + "…" : s);
  }

  private static String kind(JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> t.name();
    };
  }

  private static boolean isWhitespace(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
