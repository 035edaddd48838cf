package io.logconv.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.encoder.EncoderBase;
import io.logconv.core.EventWriter;
import io.logconv.core.JsonBuffer;
import io.logconv.core.KeyPolicy;
import io.logconv.core.LineFormat;
import io.logconv.core.ScratchPool;
import io.logconv.core.WarningLines;
import io.logconv.core.audit.AuditSettings;
import io.logconv.core.redact.RedactionSettings;
import io.logconv.core.redact.Redactor;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * The Logback encoder that writes every event as one JSON line following the log conventions. Put
 * it in {@code logback.xml} in place of a pattern encoder; the defaults are right for production:
 *
 * <pre>{@code
 * <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
 *   <encoder class="io.logconv.logback.ConventionsEncoder">
 *     <field><name>service</name><value>component-controller</value></field>
 *   </encoder>
 * </appender>
 * }</pre>
 *
 * <p>What goes on the line, in this order: {@code ts} from the event's time, {@code level}, {@code
 * logger}, {@code msg} with {@code {}} substituted straight into the line's buffer, {@code caller}
 * when {@link #setIncludeCaller includeCaller} is on, the convention fields ({@code action}, {@code
 * audit}, {@code namespace}, {@code controllerKind}, {@code name}) wherever they came from ({@code
 * audit: true} for events carrying the {@link #AUDIT_MARKER_NAME AUDIT} marker), static fields,
 * MDC entries, SLF4J 2 key/value pairs, and {@code error}/{@code stacktrace} for a throwable. A key
 * given twice is written once, with the later value at the later place: a key/value wins over an
 * MDC entry, either over a static field. Secrets and personal data are redacted by default.
 * Problems inside the encoder never reach the application: each one-time warning (a renamed reserved key, a missing hash key, a bad {@code
 * <field>}) is written once as a conformant line of its own, logger {@value #WARNING_LOGGER} and
 * level {@code warn}, just before the next event's line, and goes to Logback's status manager too;
 * an event that cannot be encoded still yields a valid line saying so.
 *
 * <p>{@link #encode(ILoggingEvent)} returns a fresh array as Logback's contract requires; {@link
 * #encode(ILoggingEvent, OutputStream)} writes the line with no per-event garbage and is what
 * {@link ConventionsConsoleAppender} uses. Thread-safe: each platform thread encodes through its own
 * writer; virtual threads share a few (see {@link io.logconv.core.ScratchPool}).
 */
public class ConventionsEncoder extends EncoderBase<ILoggingEvent> {
  /** Name of the marker that makes an event an audit event ({@code audit: true}). */
  public static final String AUDIT_MARKER_NAME = "AUDIT";

  /** The {@code logger} of the lines carrying the encoder's own warnings. */
  public static final String WARNING_LOGGER = WarningLines.LOGGER;

  /** The prefix that tells the encoder's messages apart in Logback's status list. */
  private static final String STATUS_PREFIX = "logconv: ";

  private int maxLineBytes = Conventions.DEFAULT_MAX_LINE_BYTES;
  private boolean includeCaller;
  private boolean includeMdc = true;
  private boolean includeKeyValues = true;
  private boolean strict;
  private int maxFramesPerCause = Integer.MAX_VALUE;
  private boolean rootCauseFirst;
  private boolean stackHash;
  private final List<String> excludeFrames = new ArrayList<>();
  private int shortenClassNames;
  private int maxMessageChars;
  private boolean escapeLineSeparators;
  private boolean contextFields = true;
  private String auditMarker = AUDIT_MARKER_NAME;
  private boolean problemsToStatus = true;
  private Map<String, String> mdcKeyRenames = Map.of();
  private final List<StaticField> fields = new ArrayList<>();
  private final RedactionSettings redactionSettings = new RedactionSettings();
  private final AuditSettings auditSettings = new AuditSettings();

  private volatile LineFormat format;
  /**
   * The writer and buffers an event is encoded with: one per platform thread, a few shared by all
   * virtual threads (see {@link ScratchPool}), so parked virtual threads keep nothing.
   */
  private final ScratchPool<PerThread> states = new ScratchPool<>(PerThread::new);

  /** Warnings not yet written as lines; each kind arrives once, so this stays small. */
  private final WarningLines pendingWarnings = new WarningLines();

  /** What a thread reuses from event to event. */
  final class PerThread implements BiConsumer<String, String> {
    EventWriter writer = format().newWriter();
    /** For the rare line that carries warnings before the event: created on first need. */
    EventWriter warningWriter;
    JsonBuffer withWarnings;

    @Override
    public void accept(String key, String value) {
      Map<String, String> renames = mdcKeyRenames;
      // Map.copyOf's maps throw on a null key, which an MDC adapter may hand over.
      writer.field(renames.isEmpty() || key == null ? key : renames.getOrDefault(key, key), value);
    }
  }

  // --- configuration (Joran setters) ------------------------------------------------------------

  /** Longest line in bytes, newline included (default 16384). */
  public void setMaxLineBytes(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  /** Write {@code caller} ({@code com/example/Foo.java:87}); costs a stack walk (default off). */
  public void setIncludeCaller(boolean includeCaller) {
    this.includeCaller = includeCaller;
  }

  /** Write MDC entries (default on). */
  public void setIncludeMdc(boolean includeMdc) {
    this.includeMdc = includeMdc;
  }

  /** Write SLF4J 2 key/value pairs (default on). */
  public void setIncludeKeyValues(boolean includeKeyValues) {
    this.includeKeyValues = includeKeyValues;
  }

  /** Throw on keys and values that break the contract instead of repairing them (tests only). */
  public void setStrict(boolean strict) {
    this.strict = strict;
  }

  /** Redact secrets and personal data (default on). */
  public void setRedaction(boolean redaction) {
    redactionSettings.setEnabled(redaction);
  }

  /** Frames per throwable in {@code stacktrace} before any trimming for size (default: all). */
  public void setMaxFramesPerCause(int maxFramesPerCause) {
    this.maxFramesPerCause = maxFramesPerCause;
  }

  /** Start {@code stacktrace} with the root cause (default off). */
  public void setRootCauseFirst(boolean rootCauseFirst) {
    this.rootCauseFirst = rootCauseFirst;
  }

  /** Add {@code stack_hash}, stable across runs, to group identical errors (default off). */
  public void setStackHash(boolean stackHash) {
    this.stackHash = stackHash;
  }

  /**
   * Leaves frames out of {@code stacktrace}: one regular expression per call, matched with {@code
   * find()} against the frame's {@code className.methodName}, so a pattern matches anywhere unless
   * anchored with {@code ^}. In {@code logback.xml}, one {@code <excludeFrame>} element per pattern,
   * repeated as needed (no comma-separated list: commas belong to regular expressions):
   *
   * <pre>{@code
   * <excludeFrame>^java\.lang\.reflect\.</excludeFrame>
   * <excludeFrame>^jdk\.internal\.reflect\.</excludeFrame>
   * <excludeFrame>\$\$EnhancerBySpringCGLIB\$\$</excludeFrame>
   * }</pre>
   *
   * Each run of consecutive frames left out is one line, {@code ... 3 frames excluded}; the first
   * frame of each throwable is always written, and {@code stack_hash} is unaffected. A pattern that
   * is not a regular expression is reported as a warning and ignored; the others still apply.
   */
  public void addExcludeFrame(String pattern) {
    excludeFrames.add(pattern);
  }

  /**
   * Shortens class names in {@code stacktrace}, in frames and in each throwable's header, to about
   * this many chars as Logback's {@code %logger{n}} does: {@code o.s.w.s.DispatcherServlet}. The
   * simple class name is never cut; {@code error} keeps the full name. 0 or less: off (default).
   */
  public void setShortenClassNames(int shortenClassNames) {
    this.shortenClassNames = shortenClassNames;
  }

  /**
   * Cuts exception messages longer than this many chars, in {@code error} and in every {@code
   * Caused by:} and {@code Suppressed:} header, with {@code ...[truncated N chars]} (after
   * redaction). 0 or less: no limit (default).
   */
  public void setMaxMessageChars(int maxMessageChars) {
    this.maxMessageChars = maxMessageChars;
  }

  /** Escape U+2028 and U+2029 (default off). */
  public void setEscapeLineSeparators(boolean escapeLineSeparators) {
    this.escapeLineSeparators = escapeLineSeparators;
  }

  /**
   * Add fields from context providers on the classpath, such as trace ids from logconv-sdk-otel
   * (default on). They are read on the logging thread, so events encoded by an asynchronous
   * appender's worker do not get them.
   */
  public void setContextFields(boolean contextFields) {
    this.contextFields = contextFields;
  }

  /** Name of the marker that makes an event an audit event (default {@code AUDIT}). */
  public void setAuditMarker(String auditMarker) {
    this.auditMarker = auditMarker;
  }

  /**
   * The audit policy as a file, in the style of Kubernetes' {@code audit-policy.yaml}: {@code
   * classpath:audit-policy.yaml} or a file path. Read and validated when the encoder starts; an
   * invalid policy is reported as an error, and audit events are then written at {@code
   * Metadata}, without payloads. Not together with {@link #addAuditRule}, {@link #setAuditLevel}.
   */
  public void setAuditPolicy(String location) {
    auditSettings.policy(location);
  }

  /**
   * An audit policy rule, tried in the order given, first match wins; in {@code logback.xml}, one
   * {@code <auditRule>} element per rule:
   *
   * <pre>{@code
   * <auditRule>level=None; actions=VIEW; actors=system:serviceaccount:kube-system:*</auditRule>
   * <auditRule>level=RequestResponse; kinds=apps/Deployment; namespaces=payments</auditRule>
   * }</pre>
   */
  public void addAuditRule(String rule) {
    auditSettings.addRule(rule);
  }

  /**
   * The audit level of an event that no rule matches and that asks for none: {@code None}, {@code
   * Metadata} (the default), {@code Request} or {@code RequestResponse}.
   */
  public void setAuditLevel(String level) {
    auditSettings.defaultLevel(level);
  }

  /** Most bytes one audit payload may take on the line (default 4096); a larger one is omitted. */
  public void setAuditPayloadLimit(int bytes) {
    auditSettings.payloadLimitBytes(bytes);
  }

  /**
   * Also report problems to Logback's status manager (default on). Turn it off where a status
   * listener would print them to the console as plain text, as Spring Boot's does: the warnings
   * still appear as conformant lines on the encoder's own output.
   */
  public void setProblemsToStatus(boolean problemsToStatus) {
    this.problemsToStatus = problemsToStatus;
  }

  /**
   * MDC keys to write under another name, comma-separated {@code from=to}: {@code
   * traceId=trace_id,spanId=span_id} puts Micrometer Tracing's ids where the conventions want them.
   */
  public void setMdcKeyRenames(String renames) {
    this.mdcKeyRenames = KeyPolicy.parseRenames("mdcKeyRenames", renames, m -> warn(m, null));
  }

  /** Adds a static field written on every line ({@code <field><name>…</name><value>…</value></field>}). */
  public void addField(StaticField field) {
    fields.add(field);
  }

  /**
   * Key for the keyed hashes that replace personal data ({@code h:<12 hex>}), stable within a
   * deployment so that events about one user can be correlated. Default: the system property
   * {@value SecretRedactor#HASH_KEY_PROPERTY}, else the environment variable {@value
   * SecretRedactor#HASH_KEY_ENV}, else a random per-process key (and one warning). In {@code
   * logback.xml}, take it from the environment: {@code <hashKey>${MY_HASH_KEY}</hashKey>}.
   */
  public void setHashKey(String hashKey) {
    redactionSettings.setHashKey(hashKey);
  }

  /**
   * Replacement per type, comma-separated {@code type=mode} with mode {@code redact}, {@code hash}
   * or {@code mask}: {@code card=mask,email=hash}.
   */
  public void setRedactionModes(String modes) {
    redactionSettings.setRedactionModes(modes);
  }

  /** Detector or key-rule types to turn off, comma-separated: {@code phone,iban}. */
  public void setDisabledDetectors(String types) {
    redactionSettings.setDisabledDetectors(types);
  }

  /** More keys whose values are secrets, replaced whole, comma-separated: {@code pin,otp}. */
  public void setSecretKeys(String keys) {
    redactionSettings.setSecretKeys(keys);
  }

  /** More keys whose values are personal data, hashed, comma-separated: {@code customer_id}. */
  public void setPiiKeys(String keys) {
    redactionSettings.setPiiKeys(keys);
  }

  /**
   * Also hide IPv4, IPv6 and MAC addresses, personal data under the GDPR (default off): {@code
   * [REDACTED:ipv4]}, {@code [REDACTED:ipv6]}, {@code [REDACTED:mac_address]}, or keyed hashes with
   * {@code <redactionModes>ipv4=hash,ipv6=hash</redactionModes>}. Loopback and unspecified
   * addresses are kept.
   */
  public void setNetworkAddresses(boolean networkAddresses) {
    redactionSettings.setNetworkAddresses(networkAddresses);
  }

  /** Replaces the default redactor (programmatic configuration). */
  public void setRedactor(Redactor redactor) {
    redactionSettings.setCustom(redactor);
  }

  /**
   * The redaction options, to configure them together (programmatic configuration, such as the
   * Spring Boot starter's); read when the encoder starts.
   */
  public RedactionSettings redactionSettings() {
    return redactionSettings;
  }

  // --- life cycle -------------------------------------------------------------------------------

  @Override
  public void start() {
    try {
      format = buildFormat();
      super.start();
    } catch (IllegalArgumentException e) {
      error("encoder not started: " + e.getMessage(), e);
    }
  }

  /**
   * A one-time warning: written as a line of its own before the next event's line, and reported
   * to the status manager unless {@link #setProblemsToStatus} turned that off.
   */
  private void warn(String message, Throwable cause) {
    pendingWarnings.add(message);
    if (problemsToStatus) {
      addWarn(STATUS_PREFIX + message, cause);
    }
  }

  private void error(String message, Throwable cause) {
    if (problemsToStatus) {
      addError(STATUS_PREFIX + message, cause);
    }
  }

  private LineFormat buildFormat() {
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
                    error(message, cause); // the event's own line already says so
                  } else {
                    warn(message, cause);
                  }
                });
    for (String pattern : excludeFrames) {
      try {
        b.excludeFrames(pattern);
      } catch (IllegalArgumentException e) {
        warn("excludeFrame ignored: " + e.getMessage(), null);
      }
    }
    for (StaticField f : fields) {
      if (f.getName() == null || f.getName().isEmpty()) {
        warn("a <field> without a name was ignored", null);
      } else {
        b.staticField(f.getName(), f.getValue());
      }
    }
    b.redactor(redactionSettings.build(message -> warn(message, null)));
    b.auditPolicy(
        auditSettings.build(
            message -> {
              pendingWarnings.add(message);
              error(message, null);
            }));
    return b.build();
  }

  /** The line format in use; built on first use if the encoder was not started. */
  LineFormat format() {
    LineFormat f = format;
    if (f == null) {
      synchronized (this) {
        f = format;
        if (f == null) {
          try {
            f = buildFormat();
          } catch (RuntimeException e) {
            // Misconfigured and never started, yet asked to encode: the defaults keep lines valid
            // and redacted rather than throwing into the application.
            error("encoder configuration rejected, defaults used: " + e.getMessage(), e);
            f = LineFormat.defaults();
          }
          format = f;
        }
      }
    }
    return f;
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  // --- encoding ---------------------------------------------------------------------------------

  /** The line for {@code event}, in a fresh array (Logback's {@code Encoder} contract). */
  @Override
  public byte[] encode(ILoggingEvent event) {
    PerThread t = states.acquire();
    try {
      return encodeInto(t, event).toByteArray();
    } finally {
      states.release(t);
    }
  }

  /** The line for {@code event} as a string, newline included. Never throws. */
  public String encodeToString(ILoggingEvent event) {
    PerThread t = states.acquire();
    try {
      JsonBuffer line = encodeInto(t, event);
      return new String(line.array(), 0, line.size(), StandardCharsets.UTF_8);
    } finally {
      states.release(t);
    }
  }

  /** Writes the line for {@code event} to {@code out}, with no per-event garbage. */
  public void encode(ILoggingEvent event, OutputStream out) throws IOException {
    PerThread t = states.acquire();
    try {
      encodeInto(t, event).writeTo(out);
    } finally {
      states.release(t);
    }
  }

  /**
   * Encodes {@code event} and returns the line. On a platform thread it is the thread's own buffer,
   * valid until this thread encodes its next event; on a virtual thread, whose state is pooled, it
   * is a copy. Never throws.
   */
  public JsonBuffer encodeToBuffer(ILoggingEvent event) {
    PerThread t = states.acquire();
    try {
      JsonBuffer line = encodeInto(t, event);
      if (!ScratchPool.pooled()) {
        return line;
      }
      return new JsonBuffer(line.size()).appendRaw(line.array(), 0, line.size());
    } finally {
      states.release(t);
    }
  }

  /** The calling thread's state; give it back with {@link #release}. */
  PerThread acquire() {
    return states.acquire();
  }

  /** Gives back what {@link #acquire} returned; the line encoded with it is no longer valid. */
  void release(PerThread t) {
    states.release(t);
  }

  /** Encodes {@code event} with {@code t}'s writer; the line is valid until {@code t} is reused. */
  JsonBuffer encodeInto(PerThread t, ILoggingEvent event) {
    EventWriter w = t.writer;
    if (w.format() != format()) {
      w = format().newWriter(); // the encoder was reconfigured and restarted
      t.writer = w;
    }
    JsonBuffer line;
    try {
      map(event, w, t);
      line = w.end();
    } catch (RuntimeException | StackOverflowError e) {
      error("an event could not be encoded; a line saying so was written", e);
      line = w.failureLine(safeTime(event), ConventionsEncoder.class.getName(), e);
    }
    return pendingWarnings.isEmpty() ? line : withWarnings(t, line, safeTime(event));
  }

  /** The pending warnings as lines of their own, then {@code line}, in the thread's second buffer. */
  private JsonBuffer withWarnings(PerThread t, JsonBuffer line, long time) {
    LineFormat f = format();
    if (t.warningWriter == null || t.warningWriter.format() != f) {
      t.warningWriter = f.newWriter();
      t.withWarnings = new JsonBuffer(line.size() + 512);
    }
    return pendingWarnings.prepend(line, time, t.warningWriter, t.withWarnings);
  }

  private static long safeTime(ILoggingEvent event) {
    try {
      return event.getTimeStamp();
    } catch (RuntimeException e) {
      return System.currentTimeMillis();
    }
  }

  /**
   * Fields from logstash-logback-encoder's structured arguments and markers; null when that library
   * is not on the class path, so that events then cost one null test.
   */
  private final LogstashFields logstash =
      LogstashFields.PRESENT ? new LogstashFields(message -> warn(message, null)) : null;

  private void map(ILoggingEvent event, EventWriter w, PerThread t) {
    boolean deferred = isAsyncWorker();
    w.begin(event.getTimeStamp(), level(event.getLevel()), event.getLoggerName(), !deferred);
    Object[] args = event.getArgumentArray();
    int argCount = args == null ? 0 : args.length;
    // A structured argument whose key is a secret shows its value hidden, as its field does.
    Object[] shown =
        logstash == null ? args : logstash.messageArguments(args, argCount, w.format().redactor());
    if (deferred && shown == args) {
      // The event was prepared for deferred processing (AsyncAppender): its message was formatted
      // on the logging thread, with the arguments as they were then. (One that shows a secret
      // argument hidden is formatted again below, from its template and the arguments.)
      w.message(event.getFormattedMessage(), event.getMessage(), argCount);
    } else {
      w.message(event.getMessage(), shown, argCount);
    }
    if (includeCaller) {
      StackTraceElement[] callerData = event.getCallerData();
      if (callerData != null && callerData.length > 0) {
        w.callerFrom(callerData[0]);
      }
    }
    if (includeMdc) {
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null && !mdc.isEmpty()) {
        mdc.forEach(t); // HashMap.forEach walks the table without an iterator
      }
    }
    if (includeKeyValues) {
      List<KeyValuePair> kvs = event.getKeyValuePairs();
      if (kvs != null) {
        for (int i = 0, n = kvs.size(); i < n; i++) {
          KeyValuePair kv = kvs.get(i);
          if (kv != null) {
            w.field(kv.key, kv.value);
          }
        }
      }
    }
    List<Marker> markers = event.getMarkerList();
    if (logstash != null) {
      logstash.write(args, argCount, markers, w);
    }
    if (markers != null) {
      for (int i = 0, n = markers.size(); i < n; i++) {
        Marker m = markers.get(i);
        if (m != null && (auditMarker.equals(m.getName()) || m.contains(auditMarker))) {
          w.audit(true);
        }
      }
    }
    IThrowableProxy proxy = event.getThrowableProxy();
    if (proxy instanceof ThrowableProxy tp) {
      w.throwable(tp.getThrowable());
    } else if (proxy != null) {
      w.throwable(ProxiedThrowable.of(proxy));
    }
  }

  /**
   * The class of the thread a Logback {@code AsyncAppender} hands its events to ({@code
   * AsyncAppenderBase.Worker}, a {@code Thread} subclass), or null if this Logback has none.
   */
  private static final Class<?> ASYNC_WORKER = asyncWorkerClass();

  private static Class<?> asyncWorkerClass() {
    try {
      return Class.forName(
          AsyncAppenderBase.class.getName() + "$Worker", false, AsyncAppenderBase.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * True if the calling thread is the worker of a Logback {@code AsyncAppender} (or of a subclass,
   * such as logconv-sdk-otel's {@code TraceContextAsyncAppender}): the events it appends were logged
   * on other threads and prepared for deferred processing there, so their message is already
   * formatted, and the calling thread's context (its span, its thread-locals) is not theirs.
   *
   * <p>Why the thread's class and not the event's thread name: an event knows its logging thread
   * only by name, and names do not tell threads apart. Two threads may carry one name, and Logback
   * names an unnamed thread itself ({@code virtual-42} for a virtual thread, whose name is empty),
   * so comparing names takes a deferred event for a live one, or a live event of a virtual thread
   * for a deferred one. The event keeps nothing else of its thread, and behind a plain {@code
   * AsyncAppender} no logconv code runs on the logging thread to record more. The thread that
   * encodes is certain, though: {@code AsyncAppender} appends only on its worker, an instance of
   * {@code AsyncAppenderBase.Worker}, and Logback's other appenders append on the thread that
   * logged. So the test is one comparison of the current thread's class, the same for platform and
   * virtual threads, allocating nothing and unable to throw. An event the worker logs itself counts
   * as deferred too, which loses nothing (the worker has no context of its own to add). Not
   * recognised: an appender that hands events to threads of its own rather than extending {@code
   * AsyncAppender}; its events are encoded as if on their logging thread.
   */
  public static boolean isAsyncWorker() {
    return Thread.currentThread().getClass() == ASYNC_WORKER;
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
