package io.logconv.core;

import io.logconv.core.redact.Redactor;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Conventions;
import io.logconv.schema.Field;
import io.logconv.schema.Outcome;
import java.util.Arrays;
import java.util.HashMap;

/**
 * The fields of the event being written, as {@link EventWriter} is given them: each key repaired
 * once per writer and cached, each value placed under the key the contract allows it ({@link
 * Field}), the later of two fields with one key marked as the one that wins, the leading fields
 * found as they come. {@link LineRenderer} reads the result; nothing here writes bytes.
 */
final class EventFields {
  static final byte OBJECT = 0;
  static final byte LONG = 1;
  static final byte DOUBLE = 2;
  static final int NONE = -1;

  static final int MAX_FIELDS = 512;
  private static final int RAW_CACHE = 256;
  private static final int MAX_FIELD_KEYS = 4096;

  /** Keys whose last value may be cached (see {@link ValueWriter}). */
  private static final int VALUE_CACHE_KEYS = 256;

  /** The fields written right after {@code msg}, in order. */
  static final String[] LEADING =
      Conventions.LEADING_FIELDS
          .subList(
              Conventions.LEADING_FIELDS.indexOf(Conventions.CALLER),
              Conventions.LEADING_FIELDS.size())
          .toArray(new String[0]);

  private static final int AUDIT_SLOT = leadingSlot(Conventions.AUDIT);
  private static final int ACTION_SLOT = leadingSlot(Conventions.ACTION);

  /**
   * What the writer knows about one key the line carries, worked out once per writer: its JSON
   * prefix {@code ,"key":}, its place among the leading fields, how its value is typed and whether
   * a key rule covers it. Also where the key last occurred in the current event, so that a repeated
   * key is found without comparing keys.
   */
  static final class FieldKey {
    final String key;
    final byte[] prefix;
    final int slot;
    final boolean stringField;
    final boolean sensitive;

    /** The contract's rule for the key, or null: a rule-breaking value moves to its app_ key. */
    final Field rule;

    /** True for {@code actor}: its value is written as the redactor's keyed hash. */
    final boolean pseudonym;

    /** 1 for {@code requestObject}, 2 for {@code responseObject}, 0 for any other key. */
    final int payload;

    long stamp = -1;
    int index;

    /**
     * The last string value written under this key whole and unredacted, and the bytes of its entry
     * ({@code ,"key":"value"}); null until then, and for keys beyond the writer's first {@link
     * #VALUE_CACHE_KEYS}. Kept by {@link ValueWriter}.
     */
    String value;

    byte[] entryBytes;
    int entryLength;

    FieldKey(String key, Redactor redactor) {
      this.key = key;
      JsonBuffer b = new JsonBuffer(key.length() + 8);
      b.append(',');
      JsonEscaper.appendString(b, key);
      b.append(':');
      this.prefix = b.toByteArray();
      this.slot = leadingSlot(key);
      Field f = Field.of(key);
      this.stringField = isStringField(f);
      this.sensitive = redactor.isSensitiveKey(key);
      this.pseudonym = f != null && f.onViolation() == Field.Repair.PSEUDONYM;
      this.payload = f == null ? 0 : Conventions.PAYLOAD_FIELDS.indexOf(key) + 1;
      this.rule =
          f != null
                  && (f.onViolation() == Field.Repair.RENAME
                      || f.onViolation() == Field.Repair.PARSE_OR_RENAME)
              ? f
              : null;
    }
  }

  /** True if {@code f} is a field the contract types as a string whatever it is given. */
  static boolean isStringField(Field f) {
    return f != null
        && (f.onViolation() == Field.Repair.AS_TEXT || f.onViolation() == Field.Repair.PSEUDONYM);
  }

  private final KeyPolicy keys;
  private final Redactor redactor;
  private final StatusListener status;

  /** Numbers events, so that a {@link FieldKey} knows whether it was seen in this event. */
  private long eventStamp;

  /** Keys as given, and their {@link FieldKey}s, in a direct-mapped cache by hash. */
  private final String[] rawKeys = new String[RAW_CACHE];

  private final FieldKey[] rawFields = new FieldKey[RAW_CACHE];

  /** The one {@link FieldKey} per line key, so that a key seen twice in an event is the same. */
  private final HashMap<String, FieldKey> byKey = new HashMap<>();

  /** How many {@link FieldKey}s may still cache their last value. */
  private int valueCacheKeysLeft = VALUE_CACHE_KEYS;

  /** The fields in the order given: {@code n} of them, each with a key, a kind and a value. */
  int n;

  FieldKey[] fields = new FieldKey[16];
  Object[] values = new Object[16];
  long[] longs = new long[16];
  double[] doubles = new double[16];
  byte[] kinds = new byte[16];

  /** True for a field a later one with the same key supersedes. */
  boolean[] skip = new boolean[16];

  /** Where each of the {@link #LEADING} fields is in {@link #fields}, or {@link #NONE}. */
  final int[] leadingIndex = new int[LEADING.length];

  /** Fields left out because the event had more than {@link #MAX_FIELDS}. */
  int droppedFields;

  /**
   * Where {@code requestObject} and {@code responseObject} are in {@link #fields}, or {@link
   * #NONE}; and whether each is an audit payload to write within the policy's payload limit.
   */
  final int[] payloadIndex = {NONE, NONE};

  final boolean[] payloadLimited = new boolean[2];

  EventFields(KeyPolicy keys, Redactor redactor, StatusListener status) {
    this.keys = keys;
    this.redactor = redactor;
    this.status = status;
    Arrays.fill(leadingIndex, NONE);
  }

  /**
   * Adds a field and returns its index, or {@link #NONE} if the event already has {@link
   * #MAX_FIELDS}. May throw {@link ContractViolationException} in strict mode.
   */
  int add(String key, Object value) {
    if (n == MAX_FIELDS && !dropSuperseded()) {
      droppedFields++;
      return NONE;
    }
    FieldKey fk = fieldKey(key);
    Object v = value;
    Field rule = fk.rule;
    // action and audit are on most audit lines: their usual values (an Action, a Boolean) pass
    // without a call, and a text form the rule accepts is parsed once into what it stands for.
    // Through Field.keepsValue, as the other rules go, they cost about 35 ns more per event
    // (EncoderBenchmark); FieldRulesTest holds both paths to the table.
    if (rule == Field.ACTION) {
      if (!(v instanceof Action)) {
        Action parsed = v instanceof CharSequence cs ? Action.parse(cs) : null;
        if (parsed == null) {
          fk = broken(fk, rule);
        } else {
          v = parsed;
        }
      }
    } else if (rule == Field.AUDIT) {
      if (!(v instanceof Boolean)) {
        Boolean parsed = v instanceof CharSequence cs ? Field.parseBoolean(cs) : null;
        if (parsed == null) {
          fk = broken(fk, rule);
        } else {
          v = parsed;
        }
      }
    } else if (rule == Field.OUTCOME && v instanceof Outcome o) {
      v = o.label();
    } else if (rule == Field.AUDIT_LEVEL) {
      // Any level, None included, may be asked for; the writer puts the level it wrote at.
      if (!(v instanceof AuditLevel)) {
        AuditLevel parsed = v instanceof CharSequence cs ? AuditLevel.parse(cs) : null;
        if (parsed == null) {
          fk = broken(fk, rule);
        } else {
          v = parsed;
        }
      }
    } else if (rule == Field.STATUS_CODE) {
      if (!Field.isIntegral(v)) {
        Long parsed = v instanceof CharSequence cs ? Field.parseInteger(cs) : null;
        if (parsed == null) {
          fk = broken(fk, rule);
        } else {
          v = parsed;
        }
      }
    } else if (rule != null && !rule.keepsValue(v)) {
      fk = broken(fk, rule);
    }
    ensureCapacity(n + 1);
    int i = n++;
    // The later of two fields with one key wins.
    if (fk.stamp == eventStamp) {
      skip[fk.index] = true;
    }
    fk.stamp = eventStamp;
    fk.index = i;
    skip[i] = false;
    if (fk.slot >= 0) {
      leadingIndex[fk.slot] = i;
    } else if (fk.payload > 0) {
      payloadIndex[fk.payload - 1] = i;
    }
    fields[i] = fk;
    values[i] = v;
    kinds[i] = OBJECT;
    return i;
  }

  /** The key a value that breaks {@code rule} moves to; may throw in strict mode. */
  private FieldKey broken(FieldKey fk, Field rule) {
    return fieldKey(
        violation("value:" + fk.key, fk.key, rule.renamedKey(), fk.key + " is not " + rule.rule()));
  }

  /**
   * Takes out the fields a later value of their key superseded, so that only the keys the line
   * carries count towards {@link #MAX_FIELDS}; true if that made room.
   */
  private boolean dropSuperseded() {
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (skip[i]) {
        continue;
      }
      FieldKey fk = fields[i];
      fields[kept] = fk;
      values[kept] = values[i];
      longs[kept] = longs[i];
      doubles[kept] = doubles[i];
      kinds[kept] = kinds[i];
      skip[kept] = false;
      fk.index = kept;
      if (fk.slot >= 0) {
        leadingIndex[fk.slot] = kept;
      } else if (fk.payload > 0) {
        payloadIndex[fk.payload - 1] = kept;
      }
      kept++;
    }
    Arrays.fill(values, kept, n, null);
    boolean room = kept < n;
    n = kept;
    return room;
  }

  /** The fields the line carries: those no later value of their key superseded. */
  int carried() {
    int carried = 0;
    for (int i = 0; i < n; i++) {
      if (!skip[i]) {
        carried++;
      }
    }
    return carried;
  }

  /**
   * Applies the one rule that needs the whole event: {@code audit: true} without an {@code action}
   * moves to {@code app_audit}. (Duplicates and leading fields are found as fields are added.)
   */
  void resolve() {
    int ai = leadingIndex[AUDIT_SLOT];
    if (ai != NONE && Boolean.TRUE.equals(values[ai]) && leadingIndex[ACTION_SLOT] == NONE) {
      String renamed =
          violation(
              "audit-without-action",
              Conventions.AUDIT,
              Field.AUDIT.renamedKey(),
              "an audit event must carry an action");
      leadingIndex[AUDIT_SLOT] = NONE;
      // The renamed audit may itself collide with an app_audit given earlier or later.
      FieldKey fk = canonical(renamed);
      fields[ai] = fk;
      for (int j = 0; j < n; j++) {
        if (j != ai && !skip[j] && fields[j] == fk) {
          if (j < ai) {
            skip[j] = true;
          } else {
            skip[ai] = true;
          }
        }
      }
    }
  }

  /** Forgets the event's fields; between events, forgets the keys when there are too many. */
  void clear() {
    Arrays.fill(values, 0, n, null);
    n = 0;
    eventStamp++;
    Arrays.fill(leadingIndex, NONE);
    payloadIndex[0] = NONE;
    payloadIndex[1] = NONE;
    payloadLimited[0] = false;
    payloadLimited[1] = false;
    if (byKey.size() > MAX_FIELD_KEYS) {
      // Between events only: within one, a key must keep its FieldKey.
      byKey.clear();
      valueCacheKeysLeft = VALUE_CACHE_KEYS;
      Arrays.fill(rawKeys, null);
      Arrays.fill(rawFields, null);
    }
    droppedFields = 0;
  }

  /** The {@link FieldKey} for a key as an application gave it. May throw in strict mode. */
  private FieldKey fieldKey(String raw) {
    if (raw == null) {
      return canonical(keys.effectiveKey(null));
    }
    int h = raw.hashCode();
    int slot = (h ^ (h >>> 16)) & (RAW_CACHE - 1);
    String cached = rawKeys[slot];
    if (raw.equals(cached)) { // identity first, inside equals
      return rawFields[slot];
    }
    FieldKey fk = canonical(keys.effectiveKey(raw));
    rawKeys[slot] = raw;
    rawFields[slot] = fk;
    return fk;
  }

  private FieldKey canonical(String key) {
    FieldKey fk = byKey.get(key);
    if (fk == null) {
      fk = new FieldKey(key, redactor);
      if (valueCacheKeysLeft > 0 && !fk.sensitive) {
        valueCacheKeysLeft--;
        fk.entryBytes = new byte[fk.prefix.length + 16];
      }
      byKey.put(key, fk);
    }
    return fk;
  }

  /**
   * Reports a value that breaks its field's rule, once per {@code kind} (one kind per rule, so one
   * broken rule does not hide another), and returns the key it moves to; throws in strict mode.
   */
  private String violation(String kind, String key, String renamed, String why) {
    if (keys.isStrict()) {
      throw new ContractViolationException("log field '" + key + "' breaks the log contract: " + why);
    }
    status.onProblem(kind, "log field '" + key + "' written as '" + renamed + "': " + why, null);
    return renamed;
  }

  private void ensureCapacity(int needed) {
    if (needed > fields.length) {
      int cap = Math.min(MAX_FIELDS, Math.max(needed, fields.length * 2));
      fields = Arrays.copyOf(fields, cap);
      values = Arrays.copyOf(values, cap);
      longs = Arrays.copyOf(longs, cap);
      doubles = Arrays.copyOf(doubles, cap);
      kinds = Arrays.copyOf(kinds, cap);
      skip = Arrays.copyOf(skip, cap);
    }
  }

  /** The index of {@code key} in {@link #LEADING}, or {@link #NONE}. */
  static int leadingSlot(String key) {
    for (int s = 0; s < LEADING.length; s++) {
      if (LEADING[s].equals(key)) {
        return s;
      }
    }
    return NONE;
  }
}
