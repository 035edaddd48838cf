package io.logconv.core;

import io.logconv.core.redact.Redactor;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Field;
import io.logconv.schema.Level;

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
 *   <li>Field order {@code ts level logger msg caller action audit namespace controllerKind name
 *       apiGroup actor outcome statusCode auditLevel}, then static fields and other keys in the
 *       order given, then {@code error stacktrace}.
 *   <li>An audit event goes through the format's {@link LineFormat#auditPolicy() audit policy}:
 *       at {@code None} no line is written ({@link #end} returns an empty buffer); otherwise
 *       {@code auditLevel} says the level, and {@code requestObject}/{@code responseObject} are
 *       written only at the levels that write them, never for a {@code Secret} or {@code
 *       ConfigMap}, and within the policy's payload limit ({@link io.logconv.core.audit.AuditPayload}).
 *       {@code actor} is always written as the redactor's {@link Redactor#pseudonym pseudonym}.
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
 *
 * <p>This class is the facade: it holds the event being built (time, level, logger, message,
 * throwable) and hands fields to {@link EventFields} (key repair, contract rules, duplicates),
 * the line to {@link LineRenderer} (field order, fitting under the limit), which writes values
 * through {@link ValueWriter} (strings through the redactor, numbers, maps, lists).
 */
public final class EventWriter {
  private static final int RETAIN_CHARS = 64 * 1024;

  private final LineFormat format;
  private final Redactor redactor;
  private final StatusListener status;
  private final ContextFieldProvider[] providers;
  private final JsonBuffer buf;
  private final EventFields fields;
  private final LineRenderer lines;
  private final AuditFields audit;

  private StringBuilder msg = new StringBuilder(256);
  private long epochMillis;
  private Level level = Level.INFO;
  private String logger = "";
  private Throwable throwable;
  private boolean begun;

  EventWriter(LineFormat format) {
    this.format = format;
    this.redactor = format.redactor();
    this.status = format.status();
    this.providers = format.contextProviders();
    this.buf = new JsonBuffer(1024, format.escapeLineSeparators());
    this.fields = new EventFields(format.keyPolicy(), redactor, status);
    this.lines = new LineRenderer(format, buf, fields, new ValueWriter(format, buf));
    this.audit = new AuditFields(format.auditPolicy());
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
    return redactFormattedArguments(template, argCount);
  }

  /**
   * Hides the arguments that {@code template} names a secret in the message now in {@link
   * #messageBuilder()}, which a backend formatted from {@code template} and {@code argCount}
   * arguments (Log4j2 formats its own messages, into this builder): each such argument is found
   * by aligning the template's literal text with the message, and replaced whole. Costs one table
   * look-up when the template names no secret, which is known after its first event.
   */
  public EventWriter redactFormattedArguments(String template, int argCount) {
    if (argCount > 0 && namesSecret(template)) {
      try {
        MessageTemplate.redactArguments(msg, template, argCount, redactor);
      } catch (RuntimeException e) {
        msg.setLength(0);
        msg.append(template);
        report("message-format", "a log message could not be redacted; its template was written", e);
      }
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

  /**
   * Sets {@code caller} from the frame that logged: the class's package as a path, then the file
   * and line ({@code com/example/Foo.java:87}); the simple class name stands for a file the frame
   * does not know. Written into a builder this writer reuses, so no string is made.
   */
  public EventWriter callerFrom(StackTraceElement frame) {
    if (frame == null) {
      return this;
    }
    StringBuilder sb = callerText;
    sb.setLength(0);
    String cls = frame.getClassName();
    int dot = cls.lastIndexOf('.');
    for (int i = 0; i < dot; i++) {
      char c = cls.charAt(i);
      sb.append(c == '.' ? '/' : c);
    }
    if (dot >= 0) {
      sb.append('/');
    }
    String file = frame.getFileName();
    if (file != null) {
      sb.append(file);
    } else {
      sb.append(cls, dot + 1, cls.length());
    }
    if (frame.getLineNumber() >= 0) {
      sb.append(':').append(frame.getLineNumber());
    }
    return field(Conventions.CALLER, sb);
  }

  private final StringBuilder callerText = new StringBuilder(96);

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

  /**
   * What the contract's rules see for a {@code long} or {@code double} value, which is kept
   * unboxed: a number of that type ({@code statusCode} keeps a long, {@code action} moves it).
   */
  private static final Long LONG_VALUE = 0L;

  private static final Double DOUBLE_VALUE = 0.0;

  /** Adds a key/value pair whose value is a {@code long}, without boxing. */
  public EventWriter field(String key, long value) {
    int i = add(key, LONG_VALUE);
    if (i >= 0) {
      fields.kinds[i] = EventFields.LONG;
      fields.longs[i] = value;
    }
    return this;
  }

  /** Adds a key/value pair whose value is a {@code boolean}. */
  public EventWriter field(String key, boolean value) {
    return field(key, (Object) Boolean.valueOf(value));
  }

  /** Adds a key/value pair whose value is a {@code double} (NaN and infinities become strings). */
  public EventWriter field(String key, double value) {
    int i = add(key, DOUBLE_VALUE);
    if (i >= 0) {
      fields.kinds[i] = EventFields.DOUBLE;
      fields.doubles[i] = value;
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
    return begun ? fields.add(key, value) : EventFields.NONE;
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
    Field rule = Field.of(key);
    return rule == null || rule.keepsValue(value) ? key : rule.renamedKey();
  }

  /**
   * Writes the line and returns the buffer holding it (valid until the next {@link #begin}). Never
   * throws, except {@link ContractViolationException} in strict mode for an audit event without an
   * action. Calling it without {@link #begin} writes a line saying so. The buffer is empty when the
   * event is an audit event that the {@link LineFormat#auditPolicy() audit policy} puts at {@code
   * None}: nothing is to be written.
   */
  public JsonBuffer end() {
    try {
      if (!begun) {
        begin(System.currentTimeMillis(), Level.ERROR, EventWriter.class.getName());
        message("logconv: end() called without begin()");
      }
      fields.resolve();
      if (!audit.resolve(fields)) {
        // The audit policy says None: no line.
        clearEvent();
        buf.reset();
        return buf;
      }
      lines.render(epochMillis, level, logger, msg, throwable);
    } catch (ContractViolationException e) {
      if (format.keyPolicy().isStrict()) {
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

  /**
   * Writes the line that stands for an event an adapter could not map at all ({@code [logconv
   * could not encode this event: <exception class>]}, level {@code error}, logger {@code logger}),
   * discarding what was begun; returns its buffer. Never throws.
   */
  public JsonBuffer failureLine(long epochMillis, String logger, Throwable failure) {
    begin(epochMillis, Level.ERROR, logger)
        .message("[logconv could not encode this event: " + failure.getClass().getName() + "]");
    return end();
  }

  /** The buffer holding the last line written by {@link #end}. */
  public JsonBuffer buffer() {
    return buf;
  }

  private void clearEvent() {
    fields.clear();
    throwable = null;
    begun = false;
    if (msg.capacity() > RETAIN_CHARS) {
      msg = new StringBuilder(256);
    }
    lines.trim(RETAIN_CHARS);
    msg.setLength(0);
  }

  private void writeFailure(Throwable e) {
    report(
        "encode-failure:" + e.getClass().getName(),
        "an event could not be encoded; a line saying so was written instead",
        e);
    lines.writeFailure(epochMillis, level, logger, e);
  }

  private void report(String kind, String message, Throwable cause) {
    status.onProblem(kind, message, cause);
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
    return EventFields.isStringField(Field.of(k));
  }
}
