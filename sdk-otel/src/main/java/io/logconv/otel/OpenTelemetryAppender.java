package io.logconv.otel;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.logconv.core.EventWriter;
import io.logconv.core.ForeignThrowable;
import io.logconv.core.KeyPolicy;
import io.logconv.core.LineFormat;
import io.logconv.core.ScratchPool;
import io.logconv.core.MessageTemplate;
import io.logconv.core.redact.Redactor;
import io.logconv.core.StackTraceRenderer;
import io.logconv.core.redact.RedactionSettings;
import io.logconv.logback.StaticField;
import io.logconv.schema.Action;
import io.logconv.core.audit.AuditPolicy;
import io.logconv.core.audit.AuditSettings;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Conventions;
import io.logconv.schema.Field;
import io.logconv.schema.Level;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A Logback appender that emits every event as an OpenTelemetry {@code LogRecord} through the Logs
 * API, carrying the same content as the JSON line {@link io.logconv.logback.ConventionsEncoder}
 * writes: the message as body, the conventions fields, MDC entries and key/value pairs as
 * attributes with keys repaired by the same {@link KeyPolicy} and values redacted by the same
 * {@link Redactor}, the throwable as {@code exception.*}, the caller as {@code code.*} and the
 * current span as the record's trace context. Configure it in {@code logback.xml}:
 *
 * <pre>{@code
 * <appender name="OTEL" class="io.logconv.otel.OpenTelemetryAppender">
 *   <includeCaller>true</includeCaller>
 * </appender>
 * <root level="INFO"><appender-ref ref="OTEL"/></root>
 * }</pre>
 *
 * <p>and hand it the SDK once it is built, or let it use {@link GlobalOpenTelemetry}:
 *
 * <pre>{@code
 * OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setLoggerProvider(loggerProvider).build();
 * OpenTelemetryAppender.install(sdk);
 * }</pre>
 *
 * <p>Until {@link #install} is called the appender uses {@link GlobalOpenTelemetry#getOrNoop()},
 * which does not fix the global instance, so an SDK registered globally later is picked up. The
 * record is emitted on the logging thread, so the Logs API takes the trace context from the current
 * {@link Context}; an event that reaches this appender through {@link TraceContextAsyncAppender}
 * gets its trace context from the ids that appender copied onto it. The attribute mapping is
 * documented in the module's README.
 */
public class OpenTelemetryAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  /** Attribute for the exception class (OpenTelemetry semantic conventions). */
  public static final String EXCEPTION_TYPE = "exception.type";

  /** Attribute for the exception message. */
  public static final String EXCEPTION_MESSAGE = "exception.message";

  /** Attribute for the rendered stack trace. */
  public static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

  /** Attribute for the caller's source file. */
  public static final String CODE_FILE_PATH = "code.file.path";

  /** Attribute for the caller's fully qualified method name. */
  public static final String CODE_FUNCTION_NAME = "code.function.name";

  /** Attribute for the caller's line number. */
  public static final String CODE_LINE_NUMBER = "code.line.number";

  /** Attribute for the logging thread's name. */
  public static final String THREAD_NAME = "thread.name";

  private static final AttributeKey<String> EXCEPTION_TYPE_KEY = AttributeKey.stringKey(EXCEPTION_TYPE);
  private static final AttributeKey<String> EXCEPTION_MESSAGE_KEY =
      AttributeKey.stringKey(EXCEPTION_MESSAGE);
  private static final AttributeKey<String> EXCEPTION_STACKTRACE_KEY =
      AttributeKey.stringKey(EXCEPTION_STACKTRACE);
  private static final AttributeKey<String> CODE_FILE_PATH_KEY = AttributeKey.stringKey(CODE_FILE_PATH);
  private static final AttributeKey<String> CODE_FUNCTION_NAME_KEY =
      AttributeKey.stringKey(CODE_FUNCTION_NAME);
  private static final AttributeKey<Long> CODE_LINE_NUMBER_KEY = AttributeKey.longKey(CODE_LINE_NUMBER);
  private static final AttributeKey<String> THREAD_NAME_KEY = AttributeKey.stringKey(THREAD_NAME);
  private static final String APP_AUDIT = Field.AUDIT.renamedKey();

  private static volatile OpenTelemetry installed;

  private boolean includeCaller;
  private boolean includeMdc = true;
  private boolean includeKeyValues = true;
  private boolean includeThreadName = true;
  private boolean rootCauseFirst;
  private int maxFramesPerCause = StackTraceRenderer.ALL_FRAMES;
  private String auditMarker = io.logconv.logback.ConventionsEncoder.AUDIT_MARKER_NAME;
  private final List<StaticField> fields = new ArrayList<>();
  private final RedactionSettings redactionSettings = new RedactionSettings();
  private final AuditSettings auditSettings = new AuditSettings();

  private volatile LineFormat format;
  /** Per platform thread, pooled for virtual threads: a parked virtual thread keeps none. */
  private final ScratchPool<Scratch> scratch = new ScratchPool<>(Scratch::new);

  /** Reused text buffers of one thread. */
  private static final class Scratch {
    final StringBuilder text = new StringBuilder(256);
    final StringBuilder redacted = new StringBuilder(256);
  }

  /**
   * Names the {@link OpenTelemetry} instance every {@code OpenTelemetryAppender} emits to, in
   * place of {@link GlobalOpenTelemetry}. Call it once the SDK is built; {@code null} goes back to
   * the global instance.
   */
  public static void install(OpenTelemetry openTelemetry) {
    installed = openTelemetry;
  }

  private static OpenTelemetry openTelemetry() {
    OpenTelemetry o = installed;
    return o != null ? o : GlobalOpenTelemetry.getOrNoop();
  }

  // --- configuration (Joran setters) ------------------------------------------------------------

  /**
   * Add {@code code.file.path}, {@code code.function.name} and {@code code.line.number}; costs a
   * stack walk per event (default off).
   */
  public void setIncludeCaller(boolean includeCaller) {
    this.includeCaller = includeCaller;
  }

  /** Add MDC entries as attributes (default on). */
  public void setIncludeMdc(boolean includeMdc) {
    this.includeMdc = includeMdc;
  }

  /** Add SLF4J 2 key/value pairs as attributes (default on). */
  public void setIncludeKeyValues(boolean includeKeyValues) {
    this.includeKeyValues = includeKeyValues;
  }

  /** Add {@code thread.name} (default on). */
  public void setIncludeThreadName(boolean includeThreadName) {
    this.includeThreadName = includeThreadName;
  }

  /** Redact secrets and personal data with the default redactor (default on). */
  public void setRedaction(boolean redaction) {
    redactionSettings.setEnabled(redaction);
  }

  /** Start {@code exception.stacktrace} with the root cause (default off). */
  public void setRootCauseFirst(boolean rootCauseFirst) {
    this.rootCauseFirst = rootCauseFirst;
  }

  /** Frames per throwable in {@code exception.stacktrace} (default: all). */
  public void setMaxFramesPerCause(int maxFramesPerCause) {
    this.maxFramesPerCause = Math.max(0, maxFramesPerCause);
  }

  /** Name of the marker that makes an event an audit event (default {@code AUDIT}). */
  public void setAuditMarker(String auditMarker) {
    this.auditMarker = auditMarker;
  }

  /**
   * As {@code ConventionsEncoder.setAuditPolicy}: the audit policy file. An audit event the policy
   * puts at {@code None} is not exported; the others carry {@code auditLevel}. Payloads are never
   * exported.
   */
  public void setAuditPolicy(String location) {
    auditSettings.policy(location);
  }

  /** As {@code ConventionsEncoder.addAuditRule}: one {@code <auditRule>} element per rule. */
  public void addAuditRule(String rule) {
    auditSettings.addRule(rule);
  }

  /** As {@code ConventionsEncoder.setAuditLevel}: the level of an event no rule matches. */
  public void setAuditLevel(String level) {
    auditSettings.defaultLevel(level);
  }

  /** Adds a static attribute on every record ({@code <field><name>…</name><value>…</value></field>}). */
  public void addField(StaticField field) {
    fields.add(field);
  }

  /** Replaces the default redactor (programmatic configuration). */
  public void setRedactor(Redactor redactor) {
    redactionSettings.setCustom(redactor);
  }

  /** As {@code ConventionsEncoder.setHashKey}: key for the keyed hashes of personal data. */
  public void setHashKey(String hashKey) {
    redactionSettings.setHashKey(hashKey);
  }

  /** As {@code ConventionsEncoder.setRedactionModes}: {@code card=mask,email=hash}. */
  public void setRedactionModes(String modes) {
    redactionSettings.setRedactionModes(modes);
  }

  /** As {@code ConventionsEncoder.setDisabledDetectors}: {@code phone,iban}. */
  public void setDisabledDetectors(String types) {
    redactionSettings.setDisabledDetectors(types);
  }

  /** As {@code ConventionsEncoder.setSecretKeys}: more keys whose values are secrets. */
  public void setSecretKeys(String keys) {
    redactionSettings.setSecretKeys(keys);
  }

  /** As {@code ConventionsEncoder.setPiiKeys}: more keys whose values are personal data. */
  public void setPiiKeys(String keys) {
    redactionSettings.setPiiKeys(keys);
  }

  /** As {@code ConventionsEncoder.setNetworkAddresses}: also hide IP and MAC addresses. */
  public void setNetworkAddresses(boolean networkAddresses) {
    redactionSettings.setNetworkAddresses(networkAddresses);
  }

  // --- life cycle -------------------------------------------------------------------------------

  @Override
  public void start() {
    try {
      format = buildFormat();
    } catch (IllegalArgumentException e) {
      addError("logconv OpenTelemetry appender not started: " + e.getMessage(), e);
      return;
    }
    super.start();
  }

  private LineFormat buildFormat() {
    LineFormat.Builder b =
        LineFormat.builder()
            .contextFields(false)
            .statusListener((kind, message, cause) -> addWarn("logconv: " + message, cause));
    for (StaticField f : fields) {
      if (f.getName() == null || f.getName().isEmpty()) {
        addWarn("logconv: a <field> without a name was ignored");
      }
    }
    b.redactor(redactionSettings.build(message -> addWarn("logconv: " + message)));
    b.auditPolicy(auditSettings.build(message -> addError("logconv: " + message)));
    return b.build();
  }

  // --- appending --------------------------------------------------------------------------------

  @Override
  protected void append(ILoggingEvent event) {
    Scratch s = scratch.acquire();
    try {
      emit(event, s);
    } catch (RuntimeException | StackOverflowError e) {
      addError("logconv: an event could not be sent as an OpenTelemetry log record", e);
    } finally {
      scratch.release(s);
    }
  }

  private void emit(ILoggingEvent event, Scratch s) {
    LineFormat f = format;
    Redactor redactor = f.redactor();
    KeyPolicy keys = f.keyPolicy();
    String loggerName = event.getLoggerName() == null ? "" : event.getLoggerName();
    LogRecordBuilder record = openTelemetry().getLogsBridge().get(loggerName).logRecordBuilder();

    Instant ts = event.getInstant();
    record.setTimestamp(ts != null ? ts : Instant.ofEpochMilli(event.getTimeStamp()));
    record.setObservedTimestamp(Instant.now());
    Level level = level(event.getLevel());
    record.setSeverity(severity(level));
    record.setSeverityText(level.label());
    record.setBody(redact(redactor, null, message(event, s.text, redactor), s));

    Fields attrs = new Fields(keys, redactor, s);
    for (StaticField sf : fields) {
      if (sf.getName() != null && !sf.getName().isEmpty()) {
        attrs.put(sf.getName(), sf.getValue() == null ? "" : sf.getValue());
      }
    }
    List<KeyValuePair> kvs = event.getKeyValuePairs();
    SpanContext carried = kvs == null ? null : carriedSpanContext(kvs);
    Context context = carried != null ? Context.root().with(Span.wrap(carried)) : Context.current();
    // When the record has a trace context, ids in the MDC (the Java agent's MDC instrumentation
    // puts them there) or in key/values (TraceContextAsyncAppender) would only repeat it.
    boolean traced = Span.fromContext(context).getSpanContext().isValid();
    if (includeMdc) {
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null) {
        mdc.forEach(
            (k, v) -> {
              if (!traced || !isTraceKey(k)) {
                attrs.put(k, v);
              }
            });
      }
    }
    if (includeKeyValues && kvs != null) {
      for (KeyValuePair kv : kvs) {
        if (kv != null && (!traced || !isTraceKey(kv.key))) {
          attrs.put(kv.key, kv.value);
        }
      }
    }
    if (isAudit(event.getMarkerList())) {
      attrs.put(Conventions.AUDIT, true);
    }
    if (attrs.resolveAudit(f.auditPolicy()) == AuditLevel.NONE) {
      return; // the policy writes no line for it, and exports no record either
    }
    AttributesBuilder b = attrs.builder;

    if (includeThreadName && event.getThreadName() != null) {
      b.put(THREAD_NAME_KEY, event.getThreadName());
    }
    if (includeCaller) {
      StackTraceElement[] cd = event.getCallerData();
      if (cd != null && cd.length > 0) {
        StackTraceElement c = cd[0];
        if (c.getFileName() != null) {
          b.put(CODE_FILE_PATH_KEY, c.getFileName());
        }
        b.put(CODE_FUNCTION_NAME_KEY, c.getClassName() + "." + c.getMethodName());
        if (c.getLineNumber() >= 0) {
          b.put(CODE_LINE_NUMBER_KEY, (long) c.getLineNumber());
        }
      }
    }
    IThrowableProxy proxy = event.getThrowableProxy();
    if (proxy != null) {
      exception(b, proxy, redactor, s);
    }
    record.setAllAttributes(b.build());

    record.setContext(context);
    record.emit();
  }

  /** The message, each argument that its template names a secret already hidden. */
  private static CharSequence message(ILoggingEvent event, StringBuilder out, Redactor redactor) {
    out.setLength(0);
    Object[] args = event.getArgumentArray();
    int argCount = args == null ? 0 : args.length;
    String template = event.getMessage();
    if (io.logconv.logback.ConventionsEncoder.isAsyncWorker()) {
      // Formatted on the logging thread, with the arguments as they were then.
      String m = event.getFormattedMessage();
      out.append(m == null ? "null" : m);
      try {
        MessageTemplate.redactArguments(out, template, argCount, redactor);
      } catch (RuntimeException e) {
        out.setLength(0);
        out.append(template);
      }
    } else {
      try {
        MessageTemplate.format(out, template, args, argCount, redactor);
      } catch (RuntimeException | StackOverflowError e) {
        out.setLength(0);
        out.append(template);
      }
    }
    return out;
  }

  /**
   * The span context {@link TraceContextAsyncAppender} copied onto a deferred event, or {@code
   * null} when the event is handled on its logging thread (the current context is right then).
   * Which of the two, {@link io.logconv.logback.ConventionsEncoder#isAsyncWorker} tells.
   */
  private static SpanContext carriedSpanContext(List<KeyValuePair> kvs) {
    if (!io.logconv.logback.ConventionsEncoder.isAsyncWorker()) {
      return null;
    }
    String traceId = null;
    String spanId = null;
    String flags = null;
    for (KeyValuePair kv : kvs) {
      if (kv == null || !(kv.value instanceof String v)) {
        continue;
      }
      switch (String.valueOf(kv.key)) {
        case Conventions.TRACE_ID -> traceId = v;
        case Conventions.SPAN_ID -> spanId = v;
        case Conventions.TRACE_FLAGS -> flags = v;
        default -> {}
      }
    }
    if (traceId == null || spanId == null) {
      return null;
    }
    TraceFlags tf =
        flags != null && flags.length() == 2 ? TraceFlags.fromHex(flags, 0) : TraceFlags.getDefault();
    SpanContext sc = SpanContext.create(traceId, spanId, tf, TraceState.getDefault());
    return sc.isValid() ? sc : null;
  }

  private static boolean isTraceKey(String key) {
    return Conventions.TRACE_ID.equals(key)
        || Conventions.SPAN_ID.equals(key)
        || Conventions.TRACE_FLAGS.equals(key);
  }

  private boolean isAudit(List<Marker> markers) {
    if (markers == null) {
      return false;
    }
    for (Marker m : markers) {
      if (m != null && (auditMarker.equals(m.getName()) || m.contains(auditMarker))) {
        return true;
      }
    }
    return false;
  }

  private void exception(AttributesBuilder b, IThrowableProxy proxy, Redactor redactor, Scratch s) {
    StringBuilder text = s.text;
    if (proxy instanceof ThrowableProxy tp && tp.getThrowable() != null) {
      Throwable t = tp.getThrowable();
      b.put(
          EXCEPTION_TYPE_KEY,
          t instanceof ForeignThrowable ft ? ft.originalClassName() : t.getClass().getName());
      String m = safeMessage(t);
      if (m != null) {
        b.put(EXCEPTION_MESSAGE_KEY, redact(redactor, null, m, s));
      }
      text.setLength(0);
      if (rootCauseFirst) {
        StackTraceRenderer.renderRootCauseFirst(text, t, maxFramesPerCause);
      } else {
        StackTraceRenderer.render(text, t, maxFramesPerCause);
      }
    } else {
      // A throwable known only through its proxy (an event received from another JVM).
      b.put(EXCEPTION_TYPE_KEY, String.valueOf(proxy.getClassName()));
      if (proxy.getMessage() != null) {
        b.put(EXCEPTION_MESSAGE_KEY, redact(redactor, null, proxy.getMessage(), s));
      }
      text.setLength(0);
      text.append(ThrowableProxyUtil.asString(proxy));
    }
    b.put(EXCEPTION_STACKTRACE_KEY, redact(redactor, null, text, s));
  }

  private static String safeMessage(Throwable t) {
    try {
      return t.getMessage();
    } catch (RuntimeException e) {
      return "[FAILED getMessage()]";
    }
  }

  private static String redact(Redactor redactor, String key, CharSequence value, Scratch s) {
    return redactor.redact(key, value, s.redacted).toString();
  }

  /**
   * The attributes of one record, placed as the line writer places fields: keys repaired by the
   * {@link KeyPolicy}, values moved to {@code app_} keys by {@link EventWriter#keyForValue}, string
   * fields kept as strings, sensitive keys and every string redacted, the later of two equal keys
   * winning.
   */
  private static final class Fields {
    final AttributesBuilder builder = Attributes.builder();
    private final KeyPolicy keys;
    private final Redactor redactor;
    private final Scratch s;
    private boolean audit;
    private boolean action;

    /** What the audit policy matches on, as given (the actor in clear). */
    private Action actionValue;

    private AuditLevel requested;
    private CharSequence apiGroup;
    private CharSequence kind;
    private CharSequence namespace;
    private CharSequence name;
    private CharSequence actor;

    Fields(KeyPolicy keys, Redactor redactor, Scratch s) {
      this.keys = keys;
      this.redactor = redactor;
      this.s = s;
    }

    void put(String key, Object value) {
      String k = EventWriter.keyForValue(keys.effectiveKey(key), value);
      if (value == null) {
        // The line writes null; an attribute cannot hold one, so the key is left out.
        return;
      }
      switch (k) {
        case Conventions.ACTION -> {
          Action a = value instanceof Action act ? act : Action.parse((CharSequence) value);
          builder.put(k, a.name());
          action = true;
          actionValue = a;
          return;
        }
        case Conventions.AUDIT -> {
          boolean v = value instanceof Boolean bo ? bo : Field.parseBoolean((CharSequence) value);
          builder.put(AttributeKey.booleanKey(k), v);
          audit = v;
          return;
        }
        default -> {}
      }
      Field rule = Field.of(k);
      if (rule != null) {
        remember(rule, value);
      }
      if (rule == Field.STATUS_CODE && value instanceof CharSequence cs) {
        builder.put(AttributeKey.longKey(k), Field.parseInteger(cs));
        return;
      }
      if (rule != null && rule.onViolation() == Field.Repair.PAYLOAD) {
        // Audit payloads are for the line alone, where the audit policy decides on them; a
        // supplier is never called for a log record.
        return;
      }
      if (rule != null && rule.onViolation() == Field.Repair.PSEUDONYM) {
        CharSequence clear = value instanceof CharSequence cs ? cs : text(value);
        builder.put(k, redactor.pseudonym(clear, s.redacted).toString());
        return;
      }
      if (value instanceof AuditLevel l) {
        builder.put(k, l.label());
        return;
      }
      if (value instanceof CharSequence cs) {
        builder.put(k, redact(redactor, k, cs, s));
      } else if (redactor.isSensitiveKey(k) || EventWriter.isStringField(k)) {
        builder.put(k, redact(redactor, k, text(value), s));
      } else if (value instanceof Boolean b) {
        builder.put(AttributeKey.booleanKey(k), b);
      } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
        builder.put(AttributeKey.longKey(k), ((Number) value).longValue());
      } else if (value instanceof Double || value instanceof Float) {
        double d = ((Number) value).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          builder.put(k, Double.toString(d));
        } else {
          builder.put(AttributeKey.doubleKey(k), d);
        }
      } else if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Enum<?>) {
        builder.put(k, redact(redactor, k, value instanceof Enum<?> e ? e.name() : value.toString(), s));
      } else {
        // Maps, collections, arrays and other objects: their text, as a message argument renders it.
        builder.put(k, redact(redactor, k, text(value), s));
      }
    }

    private CharSequence text(Object value) {
      StringBuilder t = s.text;
      t.setLength(0);
      try {
        MessageTemplate.format(t, "{}", new Object[] {value}, 1);
      } catch (RuntimeException | StackOverflowError e) {
        t.setLength(0);
        t.append(MessageTemplate.FAILED_TO_STRING);
      }
      return t;
    }

    private void remember(Field rule, Object value) {
      switch (rule) {
        case API_GROUP -> apiGroup = plain(value);
        case CONTROLLER_KIND -> kind = plain(value);
        case NAMESPACE -> namespace = plain(value);
        case NAME -> name = plain(value);
        case ACTOR -> actor = plain(value);
        case AUDIT_LEVEL ->
            requested =
                value instanceof AuditLevel l
                    ? l
                    : value instanceof CharSequence cs ? AuditLevel.parse(cs) : null;
        default -> {}
      }
    }

    /** The text the policy matches: a string as it is, anything else as a message argument renders it. */
    private CharSequence plain(Object value) {
      return value instanceof CharSequence cs ? cs : value == null ? null : text(value).toString();
    }

    /**
     * An audit event must carry an action; without one, the line moves audit to app_audit. Returns
     * the level {@code policy} puts an audit event at, as the line's writer does (with {@code
     * auditLevel} set to it), or null for any other event.
     */
    AuditLevel resolveAudit(AuditPolicy policy) {
      if (audit && !action) {
        builder.remove(AttributeKey.booleanKey(Conventions.AUDIT));
        builder.put(AttributeKey.booleanKey(APP_AUDIT), true);
        return null;
      }
      if (!audit) {
        return null;
      }
      AuditLevel level =
          policy.levelFor(apiGroup, kind, namespace, name, actionValue, actor, requested);
      builder.put(Conventions.AUDIT_LEVEL, level.label());
      return level;
    }
  }

  private static Severity severity(Level level) {
    return switch (level) {
      case TRACE -> Severity.TRACE;
      case DEBUG -> Severity.DEBUG;
      case INFO -> Severity.INFO;
      case WARN -> Severity.WARN;
      case ERROR -> Severity.ERROR;
    };
  }

  private static Level level(ch.qos.logback.classic.Level level) {
    if (level == null) {
      return Level.INFO;
    }
    int l = level.toInt();
    if (l >= ch.qos.logback.classic.Level.ERROR_INT) {
      return Level.ERROR;
    }
    if (l >= ch.qos.logback.classic.Level.WARN_INT) {
      return Level.WARN;
    }
    if (l >= ch.qos.logback.classic.Level.INFO_INT) {
      return Level.INFO;
    }
    if (l >= ch.qos.logback.classic.Level.DEBUG_INT) {
      return Level.DEBUG;
    }
    return Level.TRACE;
  }
}
