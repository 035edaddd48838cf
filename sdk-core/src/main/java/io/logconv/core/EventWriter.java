package io.logconv.core;

import io.logconv.core.redact.Chars;
import io.logconv.core.redact.Prefilter;
import io.logconv.core.redact.Redactor;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes one event as exactly one JSON line that follows the log contract, into a reused UTF-8
 * buffer. Not thread-safe: get one per thread from {@link LineFormat#newWriter()} and reuse it;
 * after warm-up, a typical event allocates nothing.
 *
 * <p>An event is {@link #begin begun}, given a message, fields and a throwable in any order, and
 * {@link #end ended}, which writes the line:
 *
 * <pre>{@code
 * EventWriter w = format.newWriter();
 * JsonBuffer line = w.begin(System.currentTimeMillis(), Level.INFO, "controllers.Component")
 *     .message("API Resource {}", new Object[] {"updated"}, 1)
 *     .field("namespace", "samburrai-tenant")
 *     .field("controllerKind", "Component")
 *     .field("name", "go-net-http-hello-prqx")
 *     .action(Action.UPDATE)
 *     .audit(true)
 *     .end();
 * line.writeTo(System.out);
 * }</pre>
 *
 * <p>What the line guarantees, whatever the input:
 *
 * <ul>
 *   <li>Field order {@code ts level logger msg caller action audit namespace controllerKind name},
 *       then static fields and other keys in the order given, then {@code error stacktrace}.
 *   <li>No duplicate key: when a key is given twice, <b>the later one wins</b>; static fields come
 *       first, so an event's own field overrides a static field of the same name.
 *   <li>Keys are repaired by the {@link KeyPolicy} (reserved and pipeline keys get {@code app_},
 *       unsafe chars become {@code _}). A value that breaks the contract moves to an {@code app_}
 *       key: {@code action} outside the enum becomes {@code app_action}; {@code audit} given
 *       {@code "true"}/{@code "false"} is written as the boolean, any other non-boolean moves to
 *       {@code app_audit}, and {@code audit: true} without an {@code action} moves to {@code
 *       app_audit} too; malformed {@code trace_id}/{@code span_id}/{@code trace_flags} likewise.
 *   <li>Every string (message, values, and the message of each throwable in the stack trace) goes
 *       through the {@link Redactor} as it is written; stack frames are code locations, not data,
 *       and are not scanned.
 *   <li>The line, newline included, never exceeds {@link LineFormat#maxLineBytes()}: the stack
 *       trace is trimmed first (fewer frames per cause, root cause kept), then long strings are cut
 *       with a {@code ...[truncated N bytes]} marker, then surplus keys are dropped and counted in
 *       {@code logconv_dropped_keys}.
 *   <li>Nothing is thrown: a value whose {@code toString()} throws is written as a marker; an event
 *       that cannot be written at all produces a valid line saying so, and the problem goes to the
 *       {@link StatusListener}. Only strict mode throws {@link ContractViolationException}.
 * </ul>
 */
public final class EventWriter {
  private static final byte[] TS_OPEN = ascii("{\"ts\":\"");
  private static final Map<Level, byte[]> LEVEL_FIELD = new EnumMap<>(Level.class);
  private static final byte[] LOGGER_KEY = ascii(",\"logger\":");
  private static final byte[] MSG_KEY = ascii(",\"msg\":");
  private static final byte[] ERROR_KEY = ascii(",\"error\":");
  private static final byte[] STACKTRACE_KEY = ascii(",\"stacktrace\":");
  private static final byte[] STACK_HASH_KEY = ascii(",\"stack_hash\":");
  private static final byte[] DROPPED_KEY = ascii(",\"logconv_dropped_keys\":");
  private static final byte[] LINE_END = ascii("}\n");

  /** Each {@link Action} as a quoted JSON string, and as the whole {@code action} entry. */
  private static final Map<Action, byte[]> ACTION_JSON = new EnumMap<>(Action.class);

  private static final Map<Action, byte[]> ACTION_FIELD = new EnumMap<>(Action.class);

  static {
    for (Action a : Action.values()) {
      ACTION_JSON.put(a, ascii("\"" + a.name() + "\""));
      ACTION_FIELD.put(a, ascii(",\"" + Conventions.ACTION + "\":\"" + a.name() + "\""));
    }
    for (Level l : Level.values()) {
      LEVEL_FIELD.put(l, ascii("\",\"level\":\"" + l.label() + "\""));
    }
  }

  private static final byte OBJECT = 0;
  private static final byte LONG = 1;
  private static final byte DOUBLE = 2;

  private static final int MAX_FIELDS = 512;
  private static final int MAX_DEPTH = 8;
  private static final int RETAIN_CHARS = 64 * 1024;
  private static final int NONE = -1;
  private static final int RAW_CACHE = 256;
  private static final int LOGGER_CACHE = 64;
  private static final int MAX_FIELD_KEYS = 4096;
  private static final int MAX_CACHED_LOGGER_CHARS = 256;

  /** Keys whose last value is cached, the longest value cached, and the longest entry. */
  private static final int VALUE_CACHE_KEYS = 256;

  private static final int MAX_CACHED_VALUE_CHARS = 64;
  private static final int MAX_CACHED_ENTRY_BYTES = 160;

  /** Values of {@link FieldKey#special}: fields whose value the contract constrains. */
  private static final int PLAIN = 0;

  private static final int SPECIAL_ACTION = 1;
  private static final int SPECIAL_AUDIT = 2;
  private static final int SPECIAL_OTHER = 3;

  /**
   * What the writer knows about one key the line carries, worked out once per writer: its JSON
   * prefix {@code ,"key":}, its place among the leading fields, how its value is typed and whether
   * a key rule covers it. Also where the key last occurred in the current event, so that a repeated
   * key is found without comparing keys.
   */
  private static final class FieldKey {
    final String key;
    final byte[] prefix;
    final int slot;
    final boolean stringField;
    final boolean sensitive;
    final int special;
    long stamp = -1;
    int index;

    /**
     * The last string value written under this key whole and unredacted, and the bytes of its entry
     * ({@code ,"key":"value"}); null until then, and for keys beyond the writer's first {@link
     * #VALUE_CACHE_KEYS}.
     */
    String value;

    byte[] entryBytes;
    int entryLength;

    FieldKey(String key, Redactor redactor) {
      this.key = key;
      JsonBuffer b = new JsonBuffer(key.length() + 8);
      b.append(',').appendString(key).append(':');
      this.prefix = b.toByteArray();
      this.slot = leadingSlot(key);
      this.stringField = isStringField(key);
      this.sensitive = redactor.isSensitiveKey(key);
      this.special =
          switch (key) {
            case Conventions.ACTION -> SPECIAL_ACTION;
            case Conventions.AUDIT -> SPECIAL_AUDIT;
            case Conventions.TRACE_ID, Conventions.SPAN_ID, Conventions.TRACE_FLAGS -> SPECIAL_OTHER;
            default -> PLAIN;
          };
    }
  }

  private static final String APP_ACTION = Conventions.RENAME_PREFIX + Conventions.ACTION;
  private static final String APP_AUDIT = Conventions.RENAME_PREFIX + Conventions.AUDIT;
  private static final String APP_TRACE_ID = Conventions.RENAME_PREFIX + Conventions.TRACE_ID;
  private static final String APP_SPAN_ID = Conventions.RENAME_PREFIX + Conventions.SPAN_ID;
  private static final String APP_TRACE_FLAGS = Conventions.RENAME_PREFIX + Conventions.TRACE_FLAGS;

  /** The fields written right after {@code msg}, in order. */
  private static final String[] LEADING =
      Conventions.LEADING_FIELDS
          .subList(Conventions.LEADING_FIELDS.indexOf(Conventions.CALLER), Conventions.LEADING_FIELDS.size())
          .toArray(new String[0]);

  private static final int AUDIT_SLOT = leadingSlot(Conventions.AUDIT);
  private static final int ACTION_SLOT = leadingSlot(Conventions.ACTION);

  private final LineFormat format;
  private final Redactor redactor;
  private final KeyPolicy keys;
  private final StatusListener status;
  private final int maxLineBytes;
  private final ContextFieldProvider[] providers;
  private final JsonBuffer buf;
  private final UtcTimestamp clock = new UtcTimestamp();
  private final StackTraceRenderer.Renderer traces;

  /** Per attempt at fitting a line: frames per throwable, and the cap on each string in bytes. */
  private final int[] attemptFrames;

  private final int[] attemptCaps;

  private StringBuilder msg = new StringBuilder(256);
  private StringBuilder scratch = new StringBuilder(256);
  private StringBuilder text = new StringBuilder(256);
  private StringBuilder errorText = new StringBuilder(128);
  private StringBuilder stackText = new StringBuilder(1024);
  private final StringBuilder number = new StringBuilder(32);
  private final StringBuilder marker = new StringBuilder(48);

  private long epochMillis;
  private Level level = Level.INFO;
  private String logger = "";
  private Throwable throwable;
  private boolean begun;

  /** The chars of the string being written, for the redactor's prefilter and the escape loop. */
  private char[] chars = new char[256];

  /** Whether {@link #msg} went through the redactor (after the prefilter flagged it). */
  private boolean msgRedacted;

  /**
   * The redactor's trigger test, run as strings are copied, and its table; null when there is no
   * test to run: every string goes to the redactor ({@link Prefilter#EVERY_TEXT}) or none does
   * ({@link #noRedaction}).
   */
  private final Prefilter prefilter;

  private final byte[] scanClasses;

  /** True if the redactor hides nothing, so strings are copied without a trigger test. */
  private final boolean noRedaction;

  /** Numbers events, so that a {@link FieldKey} knows whether it was seen in this event. */
  private long eventStamp;

  /** Keys as given, and their {@link FieldKey}s, in a direct-mapped cache by hash. */
  private final String[] rawKeys = new String[RAW_CACHE];

  private final FieldKey[] rawFields = new FieldKey[RAW_CACHE];

  /** How many {@link FieldKey}s may still cache their last value. */
  private int valueCacheKeysLeft = VALUE_CACHE_KEYS;

  /** The one {@link FieldKey} per line key, so that a key seen twice in an event is the same. */
  private final HashMap<String, FieldKey> byKey = new HashMap<>();

  /** Logger names and their quoted, escaped bytes, in a direct-mapped cache by hash. */
  private final String[] loggerNames = new String[LOGGER_CACHE];

  private final byte[][] loggerBytes = new byte[LOGGER_CACHE][];

  private int n;
  private FieldKey[] fields = new FieldKey[16];
  private Object[] values = new Object[16];
  private long[] longs = new long[16];
  private double[] doubles = new double[16];
  private byte[] kinds = new byte[16];
  private boolean[] skip = new boolean[16];
  private final int[] leadingIndex = new int[LEADING.length];
  private int droppedFields;

  EventWriter(LineFormat format) {
    this.format = format;
    this.redactor = format.redactor();
    this.keys = format.keyPolicy();
    this.status = format.status();
    this.maxLineBytes = format.maxLineBytes();
    this.providers = format.contextProviders();
    Prefilter p = LineFormat.prefilterOf(redactor);
    this.noRedaction = p == Prefilter.NOTHING_TO_HIDE;
    this.prefilter = noRedaction || p == Prefilter.EVERY_TEXT ? null : p;
    this.scanClasses = format.scanClasses();
    this.traces = new StackTraceRenderer.Renderer(redactor, p, scanClasses);
    this.buf = new JsonBuffer(1024, format.escapeLineSeparators());
    Arrays.fill(leadingIndex, NONE);
    int max = maxLineBytes;
    this.attemptFrames = new int[] {format.maxFramesPerCause(), 32, 8, 2, 2, 1, 0};
    this.attemptCaps = new int[] {max, max, max, max, Math.max(256, max / 4), Math.max(128, max / 16), 64};
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The format this writer follows. */
  public LineFormat format() {
    return format;
  }

  /**
   * Starts an event, discarding any event begun and not ended.
   *
   * @param epochMillis the event's time
   * @param level its level ({@code null} is written as {@code info})
   * @param logger the logger name ({@code null} is written as an empty string)
   */
  public EventWriter begin(long epochMillis, Level level, String logger) {
    return begin(epochMillis, level, logger, true);
  }

  /**
   * Starts an event, as {@link #begin(long, Level, String)} does.
   *
   * @param onLoggingThread whether the calling thread is the one that logged the event; if not (an
   *     asynchronous appender), the {@link ContextFieldProvider}s are not asked, since the context
   *     they read belongs to another thread
   */
  public EventWriter begin(long epochMillis, Level level, String logger, boolean onLoggingThread) {
    clearEvent();
    this.begun = true;
    this.epochMillis = epochMillis;
    this.level = level == null ? Level.INFO : level;
    this.logger = logger == null ? "" : logger;
    String[] sk = format.staticKeys();
    String[] sv = format.staticValues();
    for (int i = 0; i < sk.length; i++) {
      field(sk[i], sv[i]);
    }
    if (onLoggingThread) {
      for (ContextFieldProvider p : providers) {
        try {
          p.addFields(this);
        } catch (RuntimeException e) {
          report(
              "context-provider:" + p.getClass().getName(),
              "context field provider " + p.getClass().getName() + " failed; its fields were left out",
              e);
        }
      }
    }
    return this;
  }

  /**
   * Sets the message from an SLF4J template and its arguments ({@link MessageTemplate} rules). The
   * caller decides whether a trailing {@link Throwable} argument is the event's throwable (see
   * {@link MessageTemplate#throwableCandidate}); pass the argument count without it. An argument
   * that the template names a secret ({@code "password {}"}) is hidden whole.
   */
  public EventWriter message(String template, Object[] args, int argCount) {
    msg.setLength(0);
    try {
      MessageTemplate.format(
          msg, template, args, argCount, namesSecret(template) ? redactor : Redactor.NONE);
    } catch (RuntimeException | StackOverflowError e) {
      msg.setLength(0);
      msg.append(template);
      report("message-format", "a log message could not be formatted; its template was written", e);
    }
    return this;
  }

  /**
   * Sets the message to {@code formatted}, which a backend formatted earlier from {@code template}
   * and {@code argCount} arguments (on another thread, with the arguments as they were then): the
   * arguments that the template names a secret are hidden as {@link #message(String, Object[],
   * int)} hides them.
   */
  public EventWriter message(String formatted, String template, int argCount) {
    message(formatted);
    try {
      MessageTemplate.redactArguments(msg, template, argCount, redactor);
    } catch (RuntimeException e) {
      msg.setLength(0);
      msg.append(template);
      report("message-format", "a log message could not be redacted; its template was written", e);
    }
    return this;
  }

  /**
   * Templates seen lately and whether they name a secret at a placeholder, by hash code: call sites
   * log the same template instance again and again, so the words before its placeholders are read
   * once (a template built anew per event with the same text is found by its chars).
   */
  private final String[] templates = new String[TEMPLATE_SLOTS];

  private final boolean[] templateNamesSecret = new boolean[TEMPLATE_SLOTS];

  private static final int TEMPLATE_SLOTS = 16;

  private boolean namesSecret(String template) {
    if (template == null || redactor == Redactor.NONE) {
      return false;
    }
    int slot = template.hashCode() & (TEMPLATE_SLOTS - 1);
    if (!template.equals(templates[slot])) { // the same instance, nearly always: no char compared
      templateNamesSecret[slot] = MessageTemplate.namesAnySecret(template, redactor);
      templates[slot] = template;
    }
    return templateNamesSecret[slot];
  }

  /** Sets the message to {@code text} as is. */
  public EventWriter message(CharSequence text) {
    msg.setLength(0);
    if (text == null) {
      msg.append("null");
    } else {
      try {
        msg.append(text);
      } catch (RuntimeException e) {
        msg.setLength(0);
        msg.append(MessageTemplate.FAILED_TO_STRING);
      }
    }
    return this;
  }

  /**
   * Gives the message builder to fill directly (an adapter formatting its own template). It is
   * empty after {@link #begin}.
   */
  public StringBuilder messageBuilder() {
    return msg;
  }

  /** Sets {@code caller}, such as {@code com/example/Foo.java:87}. */
  public EventWriter caller(String caller) {
    return field(Conventions.CALLER, caller);
  }

  /** Sets {@code action}. */
  public EventWriter action(Action action) {
    return field(Conventions.ACTION, action);
  }

  /** Sets {@code audit}; an audit event must also carry an {@link #action}. */
  public EventWriter audit(boolean audit) {
    return field(Conventions.AUDIT, audit);
  }

  /** Sets the throwable written as {@code error} and {@code stacktrace}. */
  public EventWriter throwable(Throwable t) {
    this.throwable = t;
    return this;
  }

  /** Adds a key/value pair whose value is a {@code long}, without boxing. */
  public EventWriter field(String key, long value) {
    int i = add(key, null);
    if (i >= 0) {
      kinds[i] = LONG;
      longs[i] = value;
    }
    return this;
  }

  /** Adds a key/value pair whose value is a {@code boolean}. */
  public EventWriter field(String key, boolean value) {
    return field(key, (Object) Boolean.valueOf(value));
  }

  /** Adds a key/value pair whose value is a {@code double} (NaN and infinities become strings). */
  public EventWriter field(String key, double value) {
    int i = add(key, null);
    if (i >= 0) {
      kinds[i] = DOUBLE;
      doubles[i] = value;
    }
    return this;
  }

  /**
   * Adds a key/value pair. Values are written by type: strings, numbers, booleans, {@code null},
   * maps as objects, collections and arrays as arrays, {@link Action} and other enums by name,
   * anything else through its {@code toString()}.
   *
   * @throws ContractViolationException in strict mode only, if the key or value breaks the contract
   */
  public EventWriter field(String key, Object value) {
    add(key, value);
    return this;
  }

  private int add(String key, Object value) {
    if (!begun) {
      return NONE;
    }
    if (n == MAX_FIELDS && !dropSuperseded()) {
      droppedFields++;
      return NONE;
    }
    FieldKey fk = fieldKey(key);
    Object v = value;
    if (fk.special == SPECIAL_ACTION) {
      if (!(v instanceof Action)) {
        Action parsed = v instanceof CharSequence cs ? Action.parse(cs) : null;
        if (parsed == null) {
          fk = fieldKey(violation(fk.key, APP_ACTION, brokenRule(fk.key)));
        } else {
          v = parsed;
        }
      }
    } else if (fk.special == SPECIAL_AUDIT) {
      if (!(v instanceof Boolean)) {
        Boolean parsed = v instanceof CharSequence cs ? parseBoolean(cs) : null;
        if (parsed == null) {
          fk = fieldKey(violation(fk.key, APP_AUDIT, brokenRule(fk.key)));
        } else {
          v = parsed;
        }
      }
    } else if (fk.special != PLAIN) {
      String k = fk.key;
      String placed = keyForValue(k, v);
      if (!placed.equals(k)) {
        fk = fieldKey(violation(k, placed, brokenRule(k)));
      }
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
    }
    fields[i] = fk;
    values[i] = v;
    kinds[i] = OBJECT;
    return i;
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
      }
      kept++;
    }
    Arrays.fill(values, kept, n, null);
    boolean room = kept < n;
    n = kept;
    return room;
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
   * The key under which the line carries {@code value} given under the already repaired key {@code
   * key} (see {@link KeyPolicy#effectiveKey}): {@code key} itself, or its {@code app_} form when the
   * value breaks the contract's rule for that field ({@code action} outside the enum, {@code audit}
   * neither a boolean nor {@code "true"}/{@code "false"}, {@code trace_id}/{@code span_id}/{@code
   * trace_flags} not lowercase hex of the right length). Public so that other sinks of the same
   * event (the OpenTelemetry bridge) place values exactly as the line does. Never allocates.
   *
   * <pre>{@code
   * EventWriter.keyForValue("action", "UPDATE");   // "action"
   * EventWriter.keyForValue("action", "PATCH");    // "app_action"
   * }</pre>
   */
  public static String keyForValue(String key, Object value) {
    boolean ok =
        switch (key) {
          case Conventions.ACTION ->
              value instanceof Action || (value instanceof CharSequence cs && Action.parse(cs) != null);
          case Conventions.AUDIT ->
              value instanceof Boolean || (value instanceof CharSequence cs && parseBoolean(cs) != null);
          case Conventions.TRACE_ID -> isLowerHex(value, 32);
          case Conventions.SPAN_ID -> isLowerHex(value, 16);
          case Conventions.TRACE_FLAGS -> isLowerHex(value, 2);
          default -> true;
        };
    return ok ? key : renamed(key);
  }

  private static String renamed(String key) {
    return switch (key) {
      case Conventions.ACTION -> APP_ACTION;
      case Conventions.AUDIT -> APP_AUDIT;
      case Conventions.TRACE_ID -> APP_TRACE_ID;
      case Conventions.SPAN_ID -> APP_SPAN_ID;
      default -> APP_TRACE_FLAGS;
    };
  }

  private static String brokenRule(String key) {
    return switch (key) {
      case Conventions.ACTION -> "action outside VIEW ADD UPDATE DELETE";
      case Conventions.AUDIT -> "audit is not a boolean";
      case Conventions.TRACE_ID -> "trace_id is not 32 lowercase hex digits";
      case Conventions.SPAN_ID -> "span_id is not 16 lowercase hex digits";
      default -> "trace_flags is not 2 lowercase hex digits";
    };
  }

  private static boolean isLowerHex(Object v, int length) {
    if (v instanceof CharSequence s && s.length() == length) {
      for (int j = 0; j < length; j++) {
        char c = s.charAt(j);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static Boolean parseBoolean(CharSequence s) {
    if ("true".contentEquals(s)) {
      return Boolean.TRUE;
    }
    if ("false".contentEquals(s)) {
      return Boolean.FALSE;
    }
    return null;
  }

  private String violation(String key, String renamed, String why) {
    if (keys.isStrict()) {
      throw new ContractViolationException("log field '" + key + "' breaks the log contract: " + why);
    }
    report("value:" + key, "log field '" + key + "' written as '" + renamed + "': " + why, null);
    return renamed;
  }

  private void report(String kind, String message, Throwable cause) {
    status.onProblem(kind, message, cause);
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

  /**
   * Writes the line and returns the buffer holding it (valid until the next {@link #begin}). Never
   * throws, except {@link ContractViolationException} in strict mode for an audit event without an
   * action. Calling it without {@link #begin} writes a line saying so.
   */
  public JsonBuffer end() {
    try {
      if (!begun) {
        begin(System.currentTimeMillis(), Level.ERROR, EventWriter.class.getName());
        message("logconv: end() called without begin()");
      }
      resolve();
      writeFitting();
    } catch (ContractViolationException e) {
      if (keys.isStrict()) {
        clearEvent();
        throw e;
      }
      writeFailure(e);
    } catch (RuntimeException | StackOverflowError e) {
      writeFailure(e);
    }
    clearEvent();
    return buf;
  }

  /** The buffer holding the last line written by {@link #end}. */
  public JsonBuffer buffer() {
    return buf;
  }

  private void clearEvent() {
    Arrays.fill(values, 0, n, null);
    n = 0;
    eventStamp++;
    Arrays.fill(leadingIndex, NONE);
    if (byKey.size() > MAX_FIELD_KEYS) {
      // Between events only: within one, a key must keep its FieldKey.
      byKey.clear();
      valueCacheKeysLeft = VALUE_CACHE_KEYS;
      Arrays.fill(rawKeys, null);
      Arrays.fill(rawFields, null);
    }
    throwable = null;
    begun = false;
    droppedFields = 0;
    trim();
    msg.setLength(0);
    msgRedacted = false;
  }

  private void trim() {
    if (msg.capacity() > RETAIN_CHARS) {
      msg = new StringBuilder(256);
    }
    if (scratch.capacity() > RETAIN_CHARS) {
      scratch = new StringBuilder(256);
    }
    if (text.capacity() > RETAIN_CHARS) {
      text = new StringBuilder(256);
    }
    if (errorText.capacity() > RETAIN_CHARS) {
      errorText = new StringBuilder(128);
    }
    if (stackText.capacity() > RETAIN_CHARS) {
      stackText = new StringBuilder(1024);
    }
    if (chars.length > RETAIN_CHARS) {
      chars = new char[256];
    }

  }

  /**
   * Applies the one rule that needs the whole event: {@code audit: true} without an {@code action}
   * moves to {@code app_audit}. (Duplicates and leading fields are found as fields are added.)
   */
  private void resolve() {
    int auditSlot = AUDIT_SLOT;
    int ai = leadingIndex[auditSlot];
    if (ai != NONE && Boolean.TRUE.equals(values[ai]) && leadingIndex[ACTION_SLOT] == NONE) {
      String renamed = violation(Conventions.AUDIT, APP_AUDIT, "an audit event must carry an action");
      leadingIndex[auditSlot] = NONE;
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

  private static int leadingSlot(String key) {
    for (int s = 0; s < LEADING.length; s++) {
      if (LEADING[s].equals(key)) {
        return s;
      }
    }
    return NONE;
  }

  /** Attempts, each smaller than the last, until the line fits. */
  private void writeFitting() {
    int max = maxLineBytes;
    int configuredFrames = format.maxFramesPerCause();
    int[] frames = attemptFrames;
    int[] caps = attemptCaps;
    for (int attempt = 0; attempt < frames.length; attempt++) {
      boolean last = attempt == frames.length - 1;
      writeLine(Math.min(frames[attempt], configuredFrames), caps[attempt], last);
      if (buf.size() <= max) {
        return;
      }
      if (throwable == null && attempt < 3) {
        attempt = 3; // nothing to gain from trimming frames; go straight to cutting values
      }
    }
    writeMinimal();
  }

  private void writeLine(int frames, int cap, boolean dropToFit) {
    buf.reset(Math.max(4 * maxLineBytes, 1024));
    buf.appendRaw(TS_OPEN);
    clock.append(buf, epochMillis);
    buf.appendRaw(LEVEL_FIELD.get(level));
    buf.appendRaw(LOGGER_KEY);
    writeLogger(Math.min(cap, 1024));
    buf.appendRaw(MSG_KEY);
    if (msgRedacted || !writeUnlessFlagged(msg, cap)) {
      if (!msgRedacted) {
        CharSequence m = redactor.redact(null, msg, scratch);
        if (m == scratch) {
          StringBuilder t = msg;
          msg = scratch;
          scratch = t;
        }
        msgRedacted = true;
      }
      writeCapped(msg, cap, false);
    }
    for (int idx : leadingIndex) {
      if (idx != NONE) {
        writeEntry(idx, cap);
      }
    }
    // Room kept for what follows the other keys when dropping to fit.
    int trailer = throwable == null ? 64 : 64 + 2 * cap + 64;
    int dropped = droppedFields;
    for (int i = 0; i < n; i++) {
      if (skip[i] || fields[i].slot >= 0) {
        continue; // written above
      }
      int mark = buf.size();
      writeEntry(i, cap);
      if (dropToFit && buf.size() + trailer > maxLineBytes) {
        buf.truncate(mark);
        dropped++;
      }
    }
    if (dropped > 0) {
      buf.appendRaw(DROPPED_KEY).appendLong(dropped);
    }
    if (throwable != null) {
      writeThrowable(frames, cap);
    }
    buf.appendRaw(LINE_END);
  }

  /** Writes the logger name; the escaped bytes of short names are cached, as loggers repeat. */
  private void writeLogger(int cap) {
    String name = logger;
    int len = name.length();
    if (len > MAX_CACHED_LOGGER_CHARS || (long) len * 6 > cap) {
      writeCapped(name, cap, false);
      return;
    }
    int h = name.hashCode();
    int slot = (h ^ (h >>> 16)) & (LOGGER_CACHE - 1);
    String cached = loggerNames[slot];
    if (!name.equals(cached)) {
      JsonBuffer b = new JsonBuffer(len + 2, format.escapeLineSeparators());
      b.appendString(name);
      loggerBytes[slot] = b.toByteArray();
      loggerNames[slot] = name;
    }
    buf.appendRaw(loggerBytes[slot]);
  }

  private void writeThrowable(int frames, int cap) {
    if (format.stackHash()) {
      marker.setLength(0);
      StackTraceRenderer.appendStackHash(marker, throwable);
      buf.appendRaw(STACK_HASH_KEY).appendString(marker);
    }
    // Messages are redacted as the renderer writes them; frames are code locations, not data.
    buf.appendRaw(ERROR_KEY);
    int errorMark = buf.size();
    traces.appendSummaryJson(buf, throwable);
    if (buf.size() - errorMark - 2 > cap) {
      buf.truncate(errorMark);
      errorText.setLength(0);
      traces.appendSummary(errorText, throwable);
      writeCapped(errorText, cap, false);
    }
    buf.appendRaw(STACKTRACE_KEY);
    if (!format.rootCauseFirst()) {
      // The common shape goes straight into the line; the text path below is for the rest and for
      // a trace that must be cut.
      int mark = buf.size();
      buf.append('"');
      if (traces.renderJson(buf, throwable, frames) && buf.size() - mark - 1 <= cap) {
        buf.append('"');
        return;
      }
      buf.truncate(mark);
    }
    stackText.setLength(0);
    if (format.rootCauseFirst()) {
      traces.renderRootCauseFirst(stackText, throwable, frames);
    } else {
      traces.render(stackText, throwable, frames);
    }
    writeCapped(stackText, cap, true);
  }

  /** A line that always fits: the fixed fields, cut short, and a count of what was left out. */
  private void writeMinimal() {
    buf.reset();
    buf.appendRaw(TS_OPEN);
    clock.append(buf, epochMillis);
    buf.appendRaw(LEVEL_FIELD.get(level));
    buf.appendRaw(LOGGER_KEY);
    writeCapped(logger, 128, false);
    buf.appendRaw(MSG_KEY);
    writeCapped(msg, 256, false);
    int carried = 0;
    for (int i = 0; i < n; i++) {
      if (!skip[i]) {
        carried++; // not a field that a later value of its key superseded
      }
    }
    buf.appendRaw(DROPPED_KEY).appendLong((long) carried + droppedFields + (throwable == null ? 0 : 2));
    buf.appendRaw(LINE_END);
    report("line-too-large", "an event too large for maxLineBytes was written without its fields", null);
  }

  private void writeFailure(Throwable e) {
    report(
        "encode-failure:" + e.getClass().getName(),
        "an event could not be encoded; a line saying so was written instead",
        e);
    buf.reset();
    buf.appendRaw(TS_OPEN);
    clock.append(buf, epochMillis);
    buf.appendRaw(LEVEL_FIELD.get(level));
    buf.appendRaw(LOGGER_KEY);
    writeCapped(logger, 256, false);
    buf.appendRaw(MSG_KEY);
    buf.appendString("[logconv could not encode this event: " + e.getClass().getName() + "]");
    buf.appendRaw(LINE_END);
  }

  private void writeEntry(int i, int cap) {
    FieldKey fk = fields[i];
    String k = fk.key;
    Object v = values[i];
    byte kind = kinds[i];
    int start = buf.size();
    try {
      if (kind == OBJECT && !fk.sensitive) {
        // The common cases first, each written with one copy: a string (often the one written
        // before under this key), an action, a boolean.
        if (v instanceof String str) {
          writeStringEntry(fk, str, cap);
          return;
        }
        if (v instanceof Action a && fk.special == SPECIAL_ACTION) {
          buf.appendRaw(ACTION_FIELD.get(a));
          return;
        }
        if (v instanceof Boolean b && !fk.stringField) {
          buf.appendRaw(fk.prefix).appendBoolean(b);
          return;
        }
      }
      buf.appendRaw(fk.prefix);
      switch (kind) {
        case LONG -> {
          if (fk.sensitive || fk.stringField) {
            number.setLength(0);
            number.append(longs[i]);
            writeString(k, fk.sensitive, number, cap);
          } else {
            buf.appendLong(longs[i]);
          }
        }
        case DOUBLE -> writeDouble(k, fk.sensitive, fk.stringField, doubles[i], cap);
        default -> {
          if (fk.stringField) {
            writeAsString(k, fk.sensitive, v, cap);
          } else {
            writeValue(k, fk.sensitive, v, cap, 0);
          }
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      buf.truncate(start);
      buf.appendRaw(fk.prefix);
      buf.appendString("[unwritable value: " + e.getClass().getName() + "]");
      report("value-failure:" + e.getClass().getName(), "a log value could not be written", e);
    }
  }

  /**
   * True if the contract types the field named {@code k} as a string whatever value it is given
   * ({@code caller}, {@code namespace}, {@code controllerKind}, {@code name}, request ids), so a
   * number under such a key is written as text. Public so that other sinks of the same event type
   * values as the line does.
   *
   * <pre>{@code
   * EventWriter.isStringField("name");      // true: name=42 is written as "42"
   * EventWriter.isStringField("replicas");  // false
   * }</pre>
   */
  public static boolean isStringField(String k) {
    return switch (k) {
      case Conventions.CALLER,
          Conventions.NAMESPACE,
          Conventions.CONTROLLER_KIND,
          Conventions.NAME,
          Conventions.REQUEST_ID,
          Conventions.GLOBAL_REQUEST_ID -> true;
      default -> false;
    };
  }

  private void writeAsString(String key, boolean sensitive, Object v, int cap) {
    if (v instanceof CharSequence cs) {
      writeString(key, sensitive, cs, cap);
      return;
    }
    text.setLength(0);
    MessageTemplate.appendArgument(text, v, null);
    if (sensitive) {
      // A list's "[hunter2]" is no placeholder: the value is replaced whole.
      writeCapped(redactor.redactRendered(key, text, scratch), cap, false);
    } else {
      writeString(key, false, text, cap);
    }
  }

  private void writeDouble(String key, boolean sensitive, boolean stringField, double d, int cap) {
    number.setLength(0);
    number.append(d);
    if (sensitive || stringField || Double.isNaN(d) || Double.isInfinite(d)) {
      writeString(key, sensitive, number, cap);
    } else {
      buf.appendAscii(number, 0, number.length());
    }
  }


  private void writeValue(String key, boolean sensitive, Object v, int cap, int depth) {
    if (v == null) {
      buf.appendNull();
      return;
    }
    if (v instanceof CharSequence cs) {
      writeString(key, sensitive, cs, cap);
      return;
    }
    if (sensitive) {
      writeAsString(key, true, v, cap);
      return;
    }
    if (v instanceof Boolean b) {
      buf.appendBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      buf.appendLong(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      writeDouble(key, false, isStringField(key), ((Number) v).doubleValue(), cap);
    } else if (v instanceof BigInteger || v instanceof BigDecimal) {
      String s = v.toString();
      buf.appendAscii(s, 0, s.length());
    } else if (v instanceof Action a) {
      buf.appendRaw(ACTION_JSON.get(a)); // the contract's own constants, already JSON
    } else if (v instanceof Enum<?> en) {
      writeString(key, false, en.name(), cap);
    } else if (v instanceof char[] chars) {
      text.setLength(0);
      text.append(chars);
      writeString(key, false, text, cap);
    } else if (depth >= MAX_DEPTH) {
      buf.appendString("[too deep]");
    } else if (v instanceof Map<?, ?> m) {
      writeMap(m, cap, depth);
    } else if (v instanceof Iterable<?> it) {
      buf.append('[');
      boolean first = true;
      for (Object e : it) {
        if (!first) {
          buf.append(',');
        }
        first = false;
        writeValue(key, false, e, cap, depth + 1);
        if (buf.size() > 4 * maxLineBytes) {
          break;
        }
      }
      buf.append(']');
    } else if (v instanceof Object[] arr) {
      buf.append('[');
      for (int j = 0; j < arr.length && buf.size() <= 4 * maxLineBytes; j++) {
        if (j > 0) {
          buf.append(',');
        }
        writeValue(key, false, arr[j], cap, depth + 1);
      }
      buf.append(']');
    } else {
      writeAsString(key, false, v, cap);
    }
  }

  /**
   * The keys written so far by the maps being written, a map inside a map after its parent's, so
   * that {@link #writeMap} finds a key that repeats after sanitising without a set per map; and an
   * open-addressing table over them (each slot an index into {@link #mapKeys} plus one, 0 for
   * empty; {@link #mapKeySlot} is where each key sits in it). A map takes its keys out as it ends,
   * newest first, which leaves the table exactly as it was before the map began.
   */
  private String[] mapKeys = new String[16];

  private int[] mapKeySlot = new int[16];
  private int[] mapKeyTable = new int[32];
  private int mapKeyCount;

  /** The state of the map being written at each depth, reused from map to map. */
  private final MapWriter[] mapWriters = new MapWriter[MAX_DEPTH];

  /** Map keys that sanitising changes, and what it makes of them, in a direct-mapped cache. */
  private final String[] rawMapKeys = new String[MAP_KEY_CACHE];

  private final String[] sanitizedMapKeys = new String[MAP_KEY_CACHE];

  private static final int MAP_KEY_CACHE = 64;
  private static final int MAX_CACHED_MAP_KEY = 64;

  private void writeMap(Map<?, ?> map, int cap, int depth) {
    buf.append('{');
    MapWriter w = mapWriters[depth];
    if (w == null) {
      w = new MapWriter(depth);
      mapWriters[depth] = w;
    }
    w.start(cap, map.size() > 1);
    try {
      Class<?> type = map.getClass();
      if (type == HashMap.class || type == java.util.LinkedHashMap.class || type == java.util.TreeMap.class) {
        // Their forEach walks the entries in the iterator's order without creating an iterator.
        map.forEach(w);
      } else {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (w.full) {
            break;
          }
          w.entry(e, null, null);
        }
      }
    } finally {
      w.end();
    }
    buf.append('}');
  }

  /** Writes the entries of one map: a key that repeats after sanitising, the first one wins. */
  private final class MapWriter implements java.util.function.BiConsumer<Object, Object> {
    private final int depth;
    private int cap;
    private boolean dedupe;
    private int firstKey;
    private boolean first;

    /** True once the line is so long that the rest of the map is left out. */
    boolean full;

    MapWriter(int depth) {
      this.depth = depth;
    }

    void start(int cap, boolean dedupe) {
      this.cap = cap;
      this.dedupe = dedupe;
      this.firstKey = mapKeyCount;
      this.first = true;
      this.full = false;
    }

    void end() {
      if (dedupe) {
        removeMapKeys(firstKey);
      }
    }

    @Override
    public void accept(Object key, Object value) {
      if (!full) {
        entry(null, key, value);
      }
    }

    /** Writes {@code e}'s key and value, or (without {@code e}) {@code key} and {@code value}. */
    void entry(Map.Entry<?, ?> e, Object key, Object value) {
      String k;
      try {
        k = sanitizedMapKey(String.valueOf(e == null ? key : e.getKey()));
      } catch (RuntimeException ex) {
        k = "_";
      }
      if (dedupe && !addMapKey(k, firstKey)) {
        return;
      }
      if (!first) {
        buf.append(',');
      }
      first = false;
      buf.appendString(k).append(':');
      int mark = buf.size();
      try {
        writeValue(k, redactor.isSensitiveKey(k), e == null ? value : e.getValue(), cap, depth + 1);
      } catch (RuntimeException | StackOverflowError ex) {
        buf.truncate(mark);
        buf.appendString("[unwritable value: " + ex.getClass().getName() + "]");
      }
      full = buf.size() > 4 * maxLineBytes;
    }
  }

  /** {@link KeyPolicy#sanitize}, remembering the keys it changes, since keys repeat. */
  private String sanitizedMapKey(String raw) {
    int h = raw.hashCode();
    int slot = (h ^ (h >>> 16)) & (MAP_KEY_CACHE - 1);
    if (raw.equals(rawMapKeys[slot])) {
      return sanitizedMapKeys[slot];
    }
    String k = KeyPolicy.sanitize(raw);
    if (!k.equals(raw) && raw.length() <= MAX_CACHED_MAP_KEY) {
      rawMapKeys[slot] = raw;
      sanitizedMapKeys[slot] = k;
    }
    return k;
  }

  /**
   * Records {@code key} for the map whose keys start at {@code firstKey}; false if that map wrote it
   * already. Keys of enclosing maps (below {@code firstKey}) do not count.
   */
  private boolean addMapKey(String key, int firstKey) {
    if (2 * (mapKeyCount + 1) > mapKeyTable.length) {
      growMapKeys();
    }
    int mask = mapKeyTable.length - 1;
    int h = key.hashCode();
    int slot = (h ^ (h >>> 16)) & mask;
    for (int e = mapKeyTable[slot]; e != 0; e = mapKeyTable[slot]) {
      if (e - 1 >= firstKey && key.equals(mapKeys[e - 1])) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    int i = mapKeyCount++;
    mapKeys[i] = key;
    mapKeySlot[i] = slot;
    mapKeyTable[slot] = i + 1;
    return true;
  }

  /** Takes out the keys from {@code firstKey} on, newest first. */
  private void removeMapKeys(int firstKey) {
    for (int i = mapKeyCount - 1; i >= firstKey; i--) {
      mapKeyTable[mapKeySlot[i]] = 0;
      mapKeys[i] = null;
    }
    mapKeyCount = firstKey;
  }

  /**
   * Doubles the table and the key arrays. The keys go back in the order they came, so that the
   * table is what inserting them one by one makes, and taking them out newest first stays exact.
   */
  private void growMapKeys() {
    int[] table = new int[2 * mapKeyTable.length];
    int mask = table.length - 1;
    mapKeys = Arrays.copyOf(mapKeys, table.length / 2);
    mapKeySlot = Arrays.copyOf(mapKeySlot, table.length / 2);
    for (int i = 0; i < mapKeyCount; i++) {
      int h = mapKeys[i].hashCode();
      int slot = (h ^ (h >>> 16)) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = i + 1;
      mapKeySlot[i] = slot;
    }
    mapKeyTable = table;
  }

  /**
   * Writes {@code ,"key":"value"} for a string value under a key no key rule covers. Services
   * repeat values under a key (a namespace, a kind, a tenant, a request id on every line of a
   * request), so the bytes of the entry a short value was written in are kept once it comes back,
   * and written again while it keeps coming: the comparison costs a fraction of the escape loop and
   * of the redactor's prefilter. Only a value written whole and unredacted is kept, so the bytes are
   * what the loop would write again.
   */
  private void writeStringEntry(FieldKey fk, String s, int cap) {
    byte[] cached = fk.entryBytes;
    int len = s.length();
    boolean cacheable = cached != null && len <= MAX_CACHED_VALUE_CHARS && (long) len * 6 <= cap;
    boolean seen = cacheable && sameValue(s, fk.value);
    if (seen && fk.entryLength > 0) {
      buf.appendRaw(cached, 0, fk.entryLength);
      return;
    }
    int mark = buf.size();
    buf.appendRaw(fk.prefix);
    if (!writeUnlessFlagged(s, cap)) {
      writeCapped(redactor.redact(fk.key, s, scratch), cap, false);
      return;
    }
    int written = buf.size() - mark;
    if (!cacheable || written > MAX_CACHED_ENTRY_BYTES) {
      return;
    }
    if (!seen) {
      // The first time: the value only. Its bytes are kept when it comes back, so that values
      // that change with every event cost no copy.
      fk.value = s;
      fk.entryLength = 0;
      return;
    }
    if (written > cached.length) {
      cached = new byte[Math.min(MAX_CACHED_ENTRY_BYTES, Math.max(written, 2 * cached.length))];
      fk.entryBytes = cached;
    }
    System.arraycopy(buf.array(), mark, cached, 0, written);
    fk.entryLength = written;
  }

  /**
   * {@code s.equals(last)}, with the last chars compared first: values that change (ids, names
   * with a suffix) mostly differ at their end, which {@code equals} reaches last.
   */
  @SuppressWarnings("ReferenceEquality") // the same instance, before comparing chars
  private static boolean sameValue(String s, String last) {
    if (s == last) {
      return true;
    }
    int len = s.length();
    return last != null
        && len == last.length()
        && (len == 0 || s.charAt(len - 1) == last.charAt(len - 1))
        && s.equals(last);
  }

  /**
   * Writes a string value under {@code key}. A string no key rule covers goes through the
   * redactor's prefilter on a copy of its chars; when that finds nothing, the copy is escaped
   * straight into the line, and only otherwise does {@link Redactor#redact} run.
   */
  private void writeString(String key, boolean sensitive, CharSequence s, int cap) {
    if (sensitive || !writeUnlessFlagged(s, cap)) {
      writeCapped(redactor.redact(key, s, scratch), cap, false);
    }
  }

  /**
   * Writes {@code s} whole, quoted and escaped, with the redactor's prefilter run in the same pass,
   * and returns true; or writes nothing and returns false if the prefilter flags it, or there is
   * none, or {@code s} may not fit in {@code cap} bytes.
   */
  private boolean writeUnlessFlagged(CharSequence s, int cap) {
    int len = s.length();
    if ((prefilter == null && !noRedaction) || (long) len * 6 > cap) {
      return false;
    }
    chars = Chars.ensure(chars, len + 1); // room for the scan's end mark
    Chars.copy(s, len, chars);
    if (noRedaction) {
      buf.appendString(chars, 0, len);
      return true;
    }
    return buf.appendStringUnlessFlagged(s, chars, len, scanClasses, prefilter);
  }

  /**
   * Writes {@code s} quoted and escaped in at most about {@code cap} bytes; a longer string is cut
   * with a marker saying how many bytes were dropped, at its end or (for stack traces, to keep the
   * root cause) in its middle.
   */
  private void writeCapped(CharSequence s, int cap, boolean keepTail) {
    int len = s.length();
    if (len <= cap) {
      // Escaped through a copy of the chars (a loop over an array, several times faster than
      // charAt); a string whose escaped form turns out longer than cap is taken back and cut.
      int mark = buf.size();
      chars = Chars.ensure(chars, len + 1);
      Chars.copy(s, len, chars);
      buf.appendString(chars, 0, len);
      if (buf.size() - mark - 2 <= cap) {
        return;
      }
      buf.truncate(mark);
    }
    buf.append('"');
    if (keepTail) {
      int headEnd = buf.fittingEnd(s, 0, len, cap * 2 / 3);
      int tailStart = fittingStart(s, headEnd, len, cap / 3);
      buf.appendEscaped(s, 0, headEnd);
      int dropped = buf.escapedLength(s, headEnd, tailStart);
      marker.setLength(0);
      marker.append("\n...[truncated ").append(dropped).append(" bytes]...\n");
      buf.appendEscaped(marker, 0, marker.length());
      buf.appendEscaped(s, tailStart, len);
    } else {
      int end = buf.fittingEnd(s, 0, len, Math.max(0, cap - 32));
      buf.appendEscaped(s, 0, end);
      int dropped = buf.escapedLength(s, end, len);
      marker.setLength(0);
      marker.append("...[truncated ").append(dropped).append(" bytes]");
      buf.appendAscii(marker, 0, marker.length());
    }
    buf.append('"');
  }

  /** Index from which chars up to {@code end} fit in {@code maxBytes} escaped bytes. */
  private int fittingStart(CharSequence s, int start, int end, int maxBytes) {
    int i = end;
    int used = 0;
    while (i > start) {
      int step = 1;
      if (i - 2 >= start
          && Character.isLowSurrogate(s.charAt(i - 1))
          && Character.isHighSurrogate(s.charAt(i - 2))) {
        step = 2;
      }
      int w = buf.escapedLength(s, i - step, i);
      if (used + w > maxBytes) {
        break;
      }
      used += w;
      i -= step;
    }
    return i;
  }
}
