package io.logconv.log4j2;

import io.logconv.core.EventWriter;
import io.logconv.core.JsonBuffer;
import io.logconv.core.KeyPolicy;
import io.logconv.core.LineFormat;
import io.logconv.core.ScratchPool;
import io.logconv.core.WarningLines;
import io.logconv.core.audit.AuditSettings;
import io.logconv.core.redact.RedactionSettings;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.impl.ThrowableProxy;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.util.KeyValuePair;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessage;
import org.apache.logging.log4j.message.StructuredDataId;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.apache.logging.log4j.util.BiConsumer;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The Log4j2 layout that writes every event as one JSON line following the log conventions, on
 * the same writer as the Logback encoder. In {@code log4j2.xml}:
 *
 * <pre>{@code
 * <Console name="STDOUT" target="SYSTEM_OUT">
 *   <ConventionsLayout>
 *     <KeyValuePair key="service" value="${env:SERVICE_NAME:-orders}"/>
 *   </ConventionsLayout>
 * </Console>
 * }</pre>
 *
 * <p>What goes on the line, in this order: {@code ts} from the event's time, {@code level} ({@code
 * fatal} is written {@code error}), {@code logger}, {@code msg} as Log4j2 formats it, straight into
 * the writer's reused builder ({@code {}} parameters substituted; an argument that the template
 * names a secret, {@code "password {}"}, hidden whole), {@code caller} when {@code includeCaller}
 * is on, the convention fields wherever they came from ({@code audit: true} for events whose
 * marker is or descends from {@code AUDIT}), static fields ({@code <KeyValuePair>}, Log4j2
 * lookups resolved when the configuration is read), {@code ThreadContext} entries, the entries of
 * a {@code MapMessage} or {@code StringMapMessage} (whose {@code message} entry, if any, is the
 * {@code msg}) and of a {@code StructuredDataMessage} (its text is the {@code msg}, its id {@code
 * sd_id}), and {@code error}/{@code stacktrace} for a throwable. Keys are repaired and values
 * redacted as the Logback encoder does.
 *
 * <p>{@link #encode(LogEvent, ByteBufferDestination)}, which Log4j2's appenders call, writes the
 * line with no per-event garbage. Problems never reach the application: each one-time warning is
 * written once as a conformant line of its own (logger {@value #WARNING_LOGGER}) before the next
 * event's line and goes to Log4j2's status logger; a bad option is reported there and its default
 * used.
 */
@Plugin(
    name = "ConventionsLayout",
    category = Node.CATEGORY,
    elementType = Layout.ELEMENT_TYPE,
    printObject = true)
public final class ConventionsLayout extends AbstractStringLayout {
  /** Name of the marker that makes an event an audit event ({@code audit: true}). */
  public static final String AUDIT_MARKER_NAME = "AUDIT";

  /** The {@code logger} of the lines carrying the layout's own warnings. */
  public static final String WARNING_LOGGER = WarningLines.LOGGER;

  /** The key under which a {@code StructuredDataMessage}'s id is written. */
  public static final String SD_ID = "sd_id";

  /** The {@code MapMessage} entry that is the line's {@code msg}, as other JSON layouts read it. */
  public static final String MAP_MESSAGE_KEY = "message";

  private static final String STATUS_PREFIX = "logconv: ";

  private final LineFormat format;
  private final boolean includeCaller;
  private final boolean includeThreadContext;
  private final String auditMarker;
  private final Map<String, String> contextKeyRenames;
  private final WarningLines pendingWarnings;
  private final ScratchPool<PerThread> states = new ScratchPool<>(PerThread::new);

  private ConventionsLayout(Builder b, LineFormat format, WarningLines pendingWarnings) {
    super(StandardCharsets.UTF_8);
    this.format = format;
    this.includeCaller = b.includeCaller;
    this.includeThreadContext = b.includeThreadContext;
    this.auditMarker = b.auditMarker == null || b.auditMarker.isBlank() ? AUDIT_MARKER_NAME : b.auditMarker;
    this.contextKeyRenames =
        KeyPolicy.parseRenames(
            "threadContextKeyRenames", b.threadContextKeyRenames, m -> warn(pendingWarnings, m, null));
    this.pendingWarnings = pendingWarnings;
  }

  /** The builder Log4j2's configuration fills from the element's attributes. */
  @PluginBuilderFactory
  public static Builder newBuilder() {
    return new Builder();
  }

  /** A layout with the defaults. */
  public static ConventionsLayout createDefault() {
    return newBuilder().build();
  }

  /** The options of {@code <ConventionsLayout>}; the defaults are right for production. */
  public static final class Builder implements org.apache.logging.log4j.core.util.Builder<ConventionsLayout> {
    @PluginBuilderAttribute private int maxLineBytes = Conventions.DEFAULT_MAX_LINE_BYTES;
    @PluginBuilderAttribute private boolean includeCaller;
    @PluginBuilderAttribute private boolean includeThreadContext = true;
    @PluginBuilderAttribute private boolean strict;
    @PluginBuilderAttribute private boolean redaction = true;
    @PluginBuilderAttribute private int maxFramesPerCause = Integer.MAX_VALUE;
    @PluginBuilderAttribute private boolean rootCauseFirst;
    @PluginBuilderAttribute private boolean stackHash;
    @PluginBuilderAttribute private String excludeFrames;
    @PluginBuilderAttribute private int shortenClassNames;
    @PluginBuilderAttribute private int maxMessageChars;
    @PluginBuilderAttribute private boolean escapeLineSeparators;
    @PluginBuilderAttribute private boolean contextFields = true;
    @PluginBuilderAttribute private String auditMarker = AUDIT_MARKER_NAME;
    @PluginBuilderAttribute private String threadContextKeyRenames = "";
    @PluginBuilderAttribute private String hashKey;
    @PluginBuilderAttribute private String redactionModes = "";
    @PluginBuilderAttribute private String disabledDetectors = "";
    @PluginBuilderAttribute private String secretKeys = "";
    @PluginBuilderAttribute private String piiKeys = "";
    @PluginBuilderAttribute private boolean networkAddresses;
    @PluginBuilderAttribute private String auditPolicy;
    @PluginBuilderAttribute private String auditRules;
    @PluginBuilderAttribute private String auditLevel;
    @PluginBuilderAttribute private int auditPayloadLimit;
    @PluginElement("KeyValuePair") private KeyValuePair[] fields = KeyValuePair.EMPTY_ARRAY;

    private Builder() {}

    /** Longest line in bytes, newline included (default 16384, at least 1024). */
    public Builder setMaxLineBytes(int maxLineBytes) {
      this.maxLineBytes = maxLineBytes;
      return this;
    }

    /**
     * Write {@code caller} ({@code com/example/Foo.java:87}); makes Log4j2 take the caller's
     * location, which costs a stack walk per event (default off).
     */
    public Builder setIncludeCaller(boolean includeCaller) {
      this.includeCaller = includeCaller;
      return this;
    }

    /** Write {@code ThreadContext} entries (default on). */
    public Builder setIncludeThreadContext(boolean includeThreadContext) {
      this.includeThreadContext = includeThreadContext;
      return this;
    }

    /** Throw on keys and values that break the contract instead of repairing them (tests only). */
    public Builder setStrict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Redact secrets and personal data (default on). */
    public Builder setRedaction(boolean redaction) {
      this.redaction = redaction;
      return this;
    }

    /** Frames per throwable in {@code stacktrace} before any trimming for size (default: all). */
    public Builder setMaxFramesPerCause(int maxFramesPerCause) {
      this.maxFramesPerCause = maxFramesPerCause;
      return this;
    }

    /** Start {@code stacktrace} with the root cause (default off). */
    public Builder setRootCauseFirst(boolean rootCauseFirst) {
      this.rootCauseFirst = rootCauseFirst;
      return this;
    }

    /** Add {@code stack_hash}, stable across runs, to group identical errors (default off). */
    public Builder setStackHash(boolean stackHash) {
      this.stackHash = stackHash;
      return this;
    }

    /**
     * Frames to leave out of {@code stacktrace}: one regular expression, found in each frame's
     * {@code className.methodName} (several patterns as one alternation: {@code
     * ^java\.lang\.reflect\.|\$\$EnhancerBySpringCGLIB\$\$}); each run of excluded frames is
     * one line {@code ... n frames excluded}, and {@code stack_hash} is unaffected. A pattern that
     * is not a regular expression is reported and ignored (default: none).
     */
    public Builder setExcludeFrames(String excludeFrames) {
      this.excludeFrames = excludeFrames;
      return this;
    }

    /**
     * Shorten class names in {@code stacktrace} to about this many chars as Logback's abbreviator
     * does ({@code o.s.w.s.DispatcherServlet}); 0: off (default).
     */
    public Builder setShortenClassNames(int shortenClassNames) {
      this.shortenClassNames = shortenClassNames;
      return this;
    }

    /** Cut exception messages longer than this many chars, in {@code error} and {@code stacktrace}; 0: no limit (default). */
    public Builder setMaxMessageChars(int maxMessageChars) {
      this.maxMessageChars = maxMessageChars;
      return this;
    }

    /** Escape U+2028 and U+2029 (default off). */
    public Builder setEscapeLineSeparators(boolean escapeLineSeparators) {
      this.escapeLineSeparators = escapeLineSeparators;
      return this;
    }

    /**
     * Add fields from context providers on the class path, such as trace ids from
     * logconv-sdk-otel (default on); not for events handed to another thread (async loggers, an
     * {@code AsyncAppender}), whose context is not the encoding thread's.
     */
    public Builder setContextFields(boolean contextFields) {
      this.contextFields = contextFields;
      return this;
    }

    /** Name of the marker that makes an event an audit event (default {@code AUDIT}). */
    public Builder setAuditMarker(String auditMarker) {
      this.auditMarker = auditMarker;
      return this;
    }

    /**
     * {@code ThreadContext} keys to write under another name, comma-separated {@code from=to}:
     * {@code traceId=trace_id,spanId=span_id}.
     */
    public Builder setThreadContextKeyRenames(String renames) {
      this.threadContextKeyRenames = renames;
      return this;
    }

    /**
     * Key for the keyed hashes that replace personal data; default: the system property {@code
     * logconv.hashKey}, else the environment variable {@code LOGCONV_HASH_KEY}, else a random
     * per-process key (and one warning). In {@code log4j2.xml}: {@code hashKey="${env:MY_KEY}"}.
     */
    public Builder setHashKey(String hashKey) {
      this.hashKey = hashKey;
      return this;
    }

    /** Replacement per type, comma-separated {@code type=mode}, mode {@code redact|hash|mask}. */
    public Builder setRedactionModes(String redactionModes) {
      this.redactionModes = redactionModes;
      return this;
    }

    /** Detector or key-rule types to turn off, comma-separated: {@code phone,iban}. */
    public Builder setDisabledDetectors(String disabledDetectors) {
      this.disabledDetectors = disabledDetectors;
      return this;
    }

    /** More keys whose values are secrets, replaced whole, comma-separated. */
    public Builder setSecretKeys(String secretKeys) {
      this.secretKeys = secretKeys;
      return this;
    }

    /** More keys whose values are personal data, hashed, comma-separated. */
    public Builder setPiiKeys(String piiKeys) {
      this.piiKeys = piiKeys;
      return this;
    }

    /** Also hide IPv4, IPv6 and MAC addresses, personal data under the GDPR (default off). */
    public Builder setNetworkAddresses(boolean networkAddresses) {
      this.networkAddresses = networkAddresses;
      return this;
    }

    /**
     * The audit policy as a file, in the style of Kubernetes' {@code audit-policy.yaml}: {@code
     * classpath:audit-policy.yaml} or a file path, read and validated when the layout is built.
     * Not together with {@link #setAuditRules} and {@link #setAuditLevel}.
     */
    public Builder setAuditPolicy(String auditPolicy) {
      this.auditPolicy = auditPolicy;
      return this;
    }

    /**
     * Audit policy rules, separated by {@code |}, tried in order, first match wins: {@code
     * level=None; actions=VIEW | level=RequestResponse; kinds=apps/Deployment}.
     */
    public Builder setAuditRules(String auditRules) {
      this.auditRules = auditRules;
      return this;
    }

    /**
     * The audit level of an event that no rule matches and that asks for none: {@code None},
     * {@code Metadata} (the default), {@code Request} or {@code RequestResponse}.
     */
    public Builder setAuditLevel(String auditLevel) {
      this.auditLevel = auditLevel;
      return this;
    }

    /** Most bytes one audit payload may take on the line (default 4096). */
    public Builder setAuditPayloadLimit(int auditPayloadLimit) {
      this.auditPayloadLimit = auditPayloadLimit;
      return this;
    }

    /** Static fields written on every line. */
    public Builder setFields(KeyValuePair... fields) {
      this.fields = fields == null ? KeyValuePair.EMPTY_ARRAY : fields.clone();
      return this;
    }

    /**
     * The layout. Never fails: an option that cannot be used is reported to Log4j2's status logger
     * (and as a warning line) and the layout is built with the defaults instead, so that lines stay
     * valid and redacted.
     */
    @Override
    public ConventionsLayout build() {
      WarningLines warnings = new WarningLines();
      LineFormat f;
      try {
        f = format(warnings);
      } catch (RuntimeException e) {
        String m = "layout configuration rejected, defaults used: " + e.getMessage();
        LOGGER.error(STATUS_PREFIX + m, e);
        warnings.add(m);
        f = new Builder().format(warnings);
      }
      return new ConventionsLayout(this, f, warnings);
    }

    private LineFormat format(WarningLines warnings) {
      LineFormat.Builder b =
          LineFormat.builder()
              .maxLineBytes(maxLineBytes)
              .strict(strict)
              .maxFramesPerCause(maxFramesPerCause)
              .rootCauseFirst(rootCauseFirst)
              .stackHash(stackHash)
              .shortenClassNames(shortenClassNames)
              .maxMessageChars(maxMessageChars)
              .escapeLineSeparators(escapeLineSeparators)
              .contextFields(contextFields)
              .statusListener(
                  (kind, message, cause) -> {
                    if (kind.startsWith("encode-failure")) {
                      LOGGER.error(STATUS_PREFIX + message, cause); // its line says so already
                    } else {
                      warn(warnings, message, cause);
                    }
                  });
      if (excludeFrames != null && !excludeFrames.isEmpty()) {
        try {
          b.excludeFrames(excludeFrames);
        } catch (IllegalArgumentException e) {
          warn(warnings, "excludeFrames ignored: " + e.getMessage(), null);
        }
      }
      for (KeyValuePair kv : fields) {
        if (kv == null || kv.getKey() == null || kv.getKey().isEmpty()) {
          warn(warnings, "a <KeyValuePair> without a key was ignored", null);
        } else {
          b.staticField(kv.getKey(), kv.getValue());
        }
      }
      RedactionSettings r = new RedactionSettings();
      r.setEnabled(redaction);
      r.setHashKey(hashKey);
      r.setRedactionModes(redactionModes);
      r.setDisabledDetectors(disabledDetectors);
      r.setSecretKeys(secretKeys);
      r.setPiiKeys(piiKeys);
      r.setNetworkAddresses(networkAddresses);
      b.redactor(r.build(m -> warn(warnings, m, null)));
      AuditSettings audit =
          new AuditSettings()
              .policy(auditPolicy)
              .rules(auditRules)
              .defaultLevel(auditLevel)
              .payloadLimitBytes(auditPayloadLimit);
      b.auditPolicy(
          audit.build(
              m -> {
                warnings.add(m);
                LOGGER.error(STATUS_PREFIX + m);
              }));
      return b.build();
    }
  }

  private static void warn(WarningLines warnings, String message, Throwable cause) {
    warnings.add(message);
    LOGGER.warn(STATUS_PREFIX + message, cause);
  }

  /** The line format in use. */
  public LineFormat lineFormat() {
    return format;
  }

  // --- what a thread reuses from event to event ------------------------------------------------

  /** A consumer of context and map entries, writing each as a field of the event being built. */
  private final class PerThread {
    final EventWriter writer = format.newWriter();
    final EventWriter warningWriter = format.newWriter();
    final JsonBuffer withWarnings = new JsonBuffer(1024);
    final BiConsumer<String, Object> contextField =
        (key, value) -> {
          Map<String, String> r = contextKeyRenames;
          writer.field(r.isEmpty() || key == null ? key : r.getOrDefault(key, key), value);
        };
    /** Whether the map's {@code message} entry is the line's {@code msg} and not a field. */
    boolean messageEntryIsMsg;

    final BiConsumer<String, Object> mapField =
        (key, value) -> {
          if (!messageEntryIsMsg || !MAP_MESSAGE_KEY.equals(key)) {
            writer.field(key, value);
          }
        };
  }

  // --- the Layout contract ---------------------------------------------------------------------

  @Override
  public boolean requiresLocation() {
    return includeCaller;
  }

  @Override
  public String getContentType() {
    return "application/x-ndjson; charset=UTF-8";
  }

  @Override
  public Map<String, String> getContentFormat() {
    return Map.of("version", "logconv");
  }

  /** Writes the line for {@code event} to {@code destination} in one call, with no per-event garbage. */
  @Override
  public void encode(LogEvent event, ByteBufferDestination destination) {
    PerThread t = states.acquire();
    try {
      JsonBuffer line = encodeInto(t, event);
      if (line.size() > 0) { // empty: an audit event the policy puts at None
        destination.writeBytes(line.array(), 0, line.size());
      }
    } finally {
      states.release(t);
    }
  }

  /** The line for {@code event}, newline included, in a fresh array. */
  @Override
  public byte[] toByteArray(LogEvent event) {
    PerThread t = states.acquire();
    try {
      return encodeInto(t, event).toByteArray();
    } finally {
      states.release(t);
    }
  }

  /** The line for {@code event} as a string, newline included. */
  @Override
  public String toSerializable(LogEvent event) {
    PerThread t = states.acquire();
    try {
      JsonBuffer line = encodeInto(t, event);
      return new String(line.array(), 0, line.size(), StandardCharsets.UTF_8);
    } finally {
      states.release(t);
    }
  }

  // --- encoding ---------------------------------------------------------------------------------

  private JsonBuffer encodeInto(PerThread t, LogEvent event) {
    EventWriter w = t.writer;
    JsonBuffer line;
    try {
      map(event, w, t);
      line = w.end();
    } catch (RuntimeException | StackOverflowError e) {
      LOGGER.error(STATUS_PREFIX + "an event could not be encoded; a line saying so was written", e);
      line = w.failureLine(safeTime(event), ConventionsLayout.class.getName(), e);
    }
    return pendingWarnings.isEmpty() ? line : withWarnings(t, line, safeTime(event));
  }

  /** The pending warnings as lines of their own, then {@code line}, in the thread's second buffer. */
  private JsonBuffer withWarnings(PerThread t, JsonBuffer line, long time) {
    return pendingWarnings.prepend(line, time, t.warningWriter, t.withWarnings);
  }

  private static long safeTime(LogEvent event) {
    try {
      return event.getTimeMillis();
    } catch (RuntimeException e) {
      return System.currentTimeMillis();
    }
  }

  private void map(LogEvent event, EventWriter w, PerThread t) {
    // An event logged on another thread (async loggers, AsyncAppender) carries that thread's id;
    // the context providers read the encoding thread's context, which is not the event's.
    boolean onLoggingThread = event.getThreadId() == Thread.currentThread().getId();
    w.begin(event.getTimeMillis(), level(event.getLevel()), event.getLoggerName(), onLoggingThread);
    Message m = event.getMessage();
    if (m instanceof MapMessage<?, ?> mm) {
      mapMessage(mm, w, t);
    } else if (m != null) {
      message(m, w);
    }
    if (includeCaller) {
      w.callerFrom(event.getSource());
    }
    if (includeThreadContext) {
      ReadOnlyStringMap context = event.getContextData();
      if (context != null && !context.isEmpty()) {
        context.forEach(t.contextField);
      }
    }
    Marker marker = event.getMarker();
    if (marker != null && marker.isInstanceOf(auditMarker)) {
      w.audit(true);
    }
    Throwable thrown = event.getThrown();
    if (thrown != null) {
      w.throwable(thrown);
    } else {
      ThrowableProxy proxy = event.getThrownProxy(); // an event from another JVM
      if (proxy != null) {
        w.throwable(ProxiedThrowable.of(proxy));
      }
    }
  }

  /**
   * The message as Log4j2 formats it, into the writer's builder; then the arguments the template
   * names a secret are hidden. Log4j2 formats with its own rules (which differ from SLF4J's in
   * corners: a throwable filling a placeholder, escapes), and a reusable message has often been
   * formatted already, on the logging thread.
   */
  private static void message(Message m, EventWriter w) {
    if (m instanceof StringBuilderFormattable f) {
      f.formatTo(w.messageBuilder());
    } else {
      w.message(m.getFormattedMessage());
    }
    int args;
    if (m instanceof ReusableMessage r) {
      args = r.getParameterCount();
    } else if (m instanceof ParameterizedMessage p) {
      Object[] params = p.getParameters();
      args = params == null ? 0 : params.length;
    } else {
      return;
    }
    w.redactFormattedArguments(m.getFormat(), args);
  }

  private static void mapMessage(MapMessage<?, ?> mm, EventWriter w, PerThread t) {
    t.messageEntryIsMsg = !(mm instanceof StructuredDataMessage);
    if (mm instanceof StructuredDataMessage sdm) {
      w.message(sdm.getFormat());
      StructuredDataId id = sdm.getId();
      if (id != null) {
        w.field(SD_ID, id.toString());
      }
    } else {
      String text = mm.get(MAP_MESSAGE_KEY);
      w.message(text == null ? "" : text);
    }
    mm.forEach(t.mapField);
  }

  private static Level level(org.apache.logging.log4j.Level level) {
    if (level == null) {
      return Level.INFO;
    }
    int l = level.intLevel(); // smaller is more severe
    if (l <= org.apache.logging.log4j.Level.ERROR.intLevel()) {
      return Level.ERROR; // fatal too
    }
    if (l <= org.apache.logging.log4j.Level.WARN.intLevel()) {
      return Level.WARN;
    }
    if (l <= org.apache.logging.log4j.Level.INFO.intLevel()) {
      return Level.INFO;
    }
    if (l <= org.apache.logging.log4j.Level.DEBUG.intLevel()) {
      return Level.DEBUG;
    }
    return Level.TRACE;
  }
}
