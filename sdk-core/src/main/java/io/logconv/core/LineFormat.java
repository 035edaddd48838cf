package io.logconv.core;

import io.logconv.core.audit.AuditPolicy;
import io.logconv.core.redact.Prefilter;
import io.logconv.core.redact.Redactor;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Conventions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The shape of every line, decided once at configuration time: line-size limit, redactor, key
 * policy (strict or repairing), static fields, stack-trace depth and shaping, and where problems
 * are reported.
 * Immutable and thread-safe; each thread writes through its own {@link EventWriter} from {@link
 * #newWriter()}.
 *
 * <pre>{@code
 * LineFormat format = LineFormat.builder()
 *     .staticField("service", "component-controller")
 *     .maxLineBytes(16384)
 *     .build();
 * EventWriter w = format.newWriter();          // one per thread
 * }</pre>
 */
public final class LineFormat {
  /** Smallest accepted {@code maxLineBytes}: room for the fixed fields of any event. */
  public static final int MIN_LINE_BYTES = 1024;

  private final int maxLineBytes;
  private final Redactor redactor;
  private final KeyPolicy keyPolicy;
  private final StatusListener status;
  private final String[] staticKeys;
  private final String[] staticValues;
  private final int maxFramesPerCause;
  private final boolean escapeLineSeparators;
  private final boolean rootCauseFirst;
  private final boolean stackHash;
  private final StackShaping stackShaping;
  private final JsonEscaper scan;
  private final ContextFieldProvider[] contextProviders;
  private final AuditPolicy auditPolicy;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  /** The redactor's trigger test, {@code null} read as {@link Prefilter#EVERY_TEXT}. */
  static Prefilter prefilterOf(Redactor redactor) {
    Prefilter p = redactor.prefilter();
    return p == null ? Prefilter.EVERY_TEXT : p;
  }

  private LineFormat(Builder b) {
    this.maxLineBytes = b.maxLineBytes;
    this.redactor = b.redactor;
    Prefilter prefilter = prefilterOf(redactor);
    this.scan = prefilter == Prefilter.EVERY_TEXT ? null : new JsonEscaper(prefilter);
    this.status = new OncePerKind(b.status, reported);
    this.keyPolicy = new KeyPolicy(b.strict, this.status);
    this.maxFramesPerCause = b.maxFramesPerCause;
    this.escapeLineSeparators = b.escapeLineSeparators;
    this.rootCauseFirst = b.rootCauseFirst;
    this.stackHash = b.stackHash;
    this.stackShaping =
        b.excludeFrames.isEmpty() && b.shortenClassNames == 0 && b.maxMessageChars == 0
            ? StackShaping.NONE
            : new StackShaping(b.excludeFrames, b.shortenClassNames, b.maxMessageChars);
    this.auditPolicy = b.auditPolicy;
    this.contextProviders = b.contextFields ? loadProviders(b.extraProviders, this.status) : new ContextFieldProvider[0];
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> e : b.staticFields.entrySet()) {
      keys.add(e.getKey());
      values.add(e.getValue());
    }
    this.staticKeys = keys.toArray(new String[0]);
    this.staticValues = values.toArray(new String[0]);
  }

  private static ContextFieldProvider[] loadProviders(
      List<ContextFieldProvider> extra, StatusListener status) {
    List<ContextFieldProvider> found = new ArrayList<>(extra);
    try {
      for (ContextFieldProvider p :
          ServiceLoader.load(ContextFieldProvider.class, LineFormat.class.getClassLoader())) {
        found.add(p);
      }
    } catch (ServiceConfigurationError | RuntimeException e) {
      status.onProblem(
          "context-providers", "context field providers could not be loaded: " + e.getMessage(), e);
    }
    return found.toArray(new ContextFieldProvider[0]);
  }

  ContextFieldProvider[] contextProviders() {
    return contextProviders;
  }

  /** Names of the context field providers in use, for diagnostics. */
  public List<String> contextProviderNames() {
    List<String> names = new ArrayList<>();
    for (ContextFieldProvider p : contextProviders) {
      names.add(p.getClass().getName());
    }
    return Collections.unmodifiableList(names);
  }

  /**
   * The policy that decides the {@link io.logconv.schema.AuditLevel} of each audit event: whether
   * it is written, and with which payloads.
   */
  public AuditPolicy auditPolicy() {
    return auditPolicy;
  }

  /** A builder with production defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A format with production defaults. */
  public static LineFormat defaults() {
    return builder().build();
  }

  /** A new writer for one thread. */
  public EventWriter newWriter() {
    return new EventWriter(this);
  }

  /** Longest line in bytes, newline included. */
  public int maxLineBytes() {
    return maxLineBytes;
  }

  /**
   * The writers' one-pass escape and trigger test for the redactor's {@link Prefilter}, made once
   * per format; null if every text goes to the redactor ({@link Prefilter#EVERY_TEXT}).
   */
  JsonEscaper scan() {
    return scan;
  }

  /** The redactor applied to every string written. */
  public Redactor redactor() {
    return redactor;
  }

  /** The key policy. */
  public KeyPolicy keyPolicy() {
    return keyPolicy;
  }

  /** The status listener, which reports each kind of problem once. */
  public StatusListener status() {
    return status;
  }

  /** Frames written per throwable in the stack trace before any trimming for size. */
  public int maxFramesPerCause() {
    return maxFramesPerCause;
  }

  boolean escapeLineSeparators() {
    return escapeLineSeparators;
  }

  /** True if stack traces start with the root cause. */
  public boolean rootCauseFirst() {
    return rootCauseFirst;
  }

  /** True if lines with a throwable carry {@code stack_hash}. */
  public boolean stackHash() {
    return stackHash;
  }

  /** How stack traces and exception messages are shaped. */
  StackShaping stackShaping() {
    return stackShaping;
  }

  /** The patterns of frames left out of stack traces, in the order given. */
  public List<String> excludedFramePatterns() {
    return stackShaping.patterns();
  }

  /** The length class names in stack traces are shortened to; 0: kept whole. */
  public int shortenClassNames() {
    return stackShaping.classNameLength();
  }

  /** The most chars of an exception message written; 0: no limit. */
  public int maxMessageChars() {
    return stackShaping.maxMessageChars();
  }

  String[] staticKeys() {
    return staticKeys;
  }

  String[] staticValues() {
    return staticValues;
  }

  /** Forwards each kind of problem once. */
  private static final class OncePerKind implements StatusListener {
    private static final int MAX_KINDS = 1024;
    private final StatusListener delegate;
    private final Set<String> reported;

    OncePerKind(StatusListener delegate, Set<String> reported) {
      this.delegate = delegate;
      this.reported = reported;
    }

    @Override
    public void onProblem(String kind, String message, Throwable cause) {
      if (reported.size() < MAX_KINDS && reported.add(kind)) {
        try {
          delegate.onProblem(kind, message, cause);
        } catch (RuntimeException ignored) {
          // A broken listener must not break logging.
        }
      }
    }
  }

  /** Configures a {@link LineFormat}. Not thread-safe. */
  public static final class Builder {
    private int maxLineBytes = Conventions.DEFAULT_MAX_LINE_BYTES;
    private Redactor redactor = SecretRedactor.defaults();
    private boolean strict;
    private StatusListener status = StatusListener.STDERR;
    private final Map<String, String> staticFields = new LinkedHashMap<>();
    private int maxFramesPerCause = StackTraceRenderer.ALL_FRAMES;
    private boolean escapeLineSeparators;
    private boolean rootCauseFirst;
    private boolean stackHash;
    private final List<Pattern> excludeFrames = new ArrayList<>();
    private int shortenClassNames;
    private int maxMessageChars;
    private boolean contextFields = true;
    private final List<ContextFieldProvider> extraProviders = new ArrayList<>();
    private AuditPolicy auditPolicy = AuditPolicy.DEFAULT;

    private Builder() {}

    /**
     * The audit policy (default {@link AuditPolicy#DEFAULT}: every audit event at {@code
     * Metadata}, or at the level it asks for). {@code null} is read as the default.
     */
    public Builder auditPolicy(AuditPolicy policy) {
      this.auditPolicy = policy == null ? AuditPolicy.DEFAULT : policy;
      return this;
    }

    /**
     * Add fields from {@link ContextFieldProvider}s found on the classpath, such as trace ids
     * (default on).
     */
    public Builder contextFields(boolean enabled) {
      this.contextFields = enabled;
      return this;
    }

    /** Adds a provider besides those found on the classpath (used only if context fields are on). */
    public Builder contextFieldProvider(ContextFieldProvider provider) {
      if (provider != null) {
        extraProviders.add(provider);
      }
      return this;
    }

    /** Start stack traces with the root cause, wrappers after it (default off). */
    public Builder rootCauseFirst(boolean rootCauseFirst) {
      this.rootCauseFirst = rootCauseFirst;
      return this;
    }

    /**
     * Add {@code stack_hash} to lines with a throwable: eight hex digits, stable across runs, that
     * group identical errors (default off).
     */
    public Builder stackHash(boolean stackHash) {
      this.stackHash = stackHash;
      return this;
    }

    /**
     * Longest line in bytes, newline included (default 16384, the size at which containerd and
     * Docker split lines). At least {@value #MIN_LINE_BYTES}.
     */
    public Builder maxLineBytes(int bytes) {
      if (bytes < MIN_LINE_BYTES) {
        throw new IllegalArgumentException(
            "maxLineBytes must be at least " + MIN_LINE_BYTES + ", was " + bytes);
      }
      this.maxLineBytes = bytes;
      return this;
    }

    /**
     * The redactor for every string written (default {@link SecretRedactor#defaults()}: secrets and
     * personal data hidden; {@link Redactor#NONE} turns redaction off).
     */
    public Builder redactor(Redactor redactor) {
      this.redactor = redactor == null ? Redactor.NONE : redactor;
      return this;
    }

    /** Throw {@link ContractViolationException} instead of repairing keys and values (tests). */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Where handled problems are reported, once per kind (default: standard error). */
    public Builder statusListener(StatusListener status) {
      this.status = status == null ? StatusListener.IGNORE : status;
      return this;
    }

    /**
     * A field written on every line, such as {@code service} or {@code version}. An event's own
     * field of the same name wins.
     */
    public Builder staticField(String key, String value) {
      staticFields.put(key, value == null ? "" : value);
      return this;
    }

    /** Every static field, replacing those set before. */
    public Builder staticFields(Map<String, String> fields) {
      staticFields.clear();
      fields.forEach(this::staticField);
      return this;
    }

    /** Frames written per throwable before any trimming for size (default: all). */
    public Builder maxFramesPerCause(int frames) {
      this.maxFramesPerCause = Math.max(0, frames);
      return this;
    }

    /**
     * Leaves frames out of {@code stacktrace}: a frame whose {@code className.methodName} (such as
     * {@code java.lang.reflect.Method.invoke}) has a match of any of these regular expressions,
     * found with {@link java.util.regex.Matcher#find()} (anywhere, unless anchored with {@code ^}),
     * as logstash-logback-encoder's exclusions match. Each run of consecutive frames left out is
     * one line, {@code \t... 3 frames excluded}; the first frame of each throwable, where it was
     * thrown, is always written; frames left out do not count against {@link #maxFramesPerCause},
     * and frames shared with the enclosing trace stay {@code ... n more}. {@code stack_hash} is
     * unaffected. Adds to the patterns given before (default: none).
     *
     * <pre>{@code
     * builder.excludeFrames(
     *     "^sun\\.reflect\\.", "^jdk\\.internal\\.reflect\\.", "^java\\.lang\\.reflect\\.",
     *     "\\$\\$FastClassByCGLIB\\$\\$", "\\$\\$EnhancerBySpringCGLIB\\$\\$", "^org\\.springframework\\.aop\\.");
     * }</pre>
     *
     * <p>Patterns are compiled here, once; each writer keeps the verdict per class and method, so a
     * frame seen before costs a cache lookup, not a match.
     *
     * @throws IllegalArgumentException if a pattern is null, empty or not a regular expression; then
     *     none of {@code patterns} is added
     */
    public Builder excludeFrames(List<String> patterns) {
      List<Pattern> compiled = new ArrayList<>();
      for (String p : patterns) {
        if (p == null || p.isEmpty()) {
          throw new IllegalArgumentException("an empty pattern of excluded frames would exclude every frame");
        }
        try {
          compiled.add(Pattern.compile(p));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(
              "not a regular expression of excluded frames: '" + p + "': " + e.getDescription(), e);
        }
      }
      excludeFrames.addAll(compiled);
      return this;
    }

    /** As {@link #excludeFrames(List)}. */
    public Builder excludeFrames(String... patterns) {
      return excludeFrames(Arrays.asList(patterns));
    }

    /**
     * Shortens the class names in {@code stacktrace} (in frames and in the headers of each
     * throwable, as logstash-logback-encoder's {@code shortenedClassNameLength} does) the way
     * Logback's {@code TargetLengthBasedClassNameAbbreviator} does: a name longer than {@code
     * targetLength} has its package segments, leftmost first, cut to their first letter until it
     * fits or every package segment is cut; the simple class name is never cut. At 25, {@code
     * org.springframework.web.servlet.DispatcherServlet} is {@code o.s.w.s.DispatcherServlet}.
     * {@code error} keeps the full class name, and {@code stack_hash} is unaffected. 0 or less:
     * off (default). Nothing is allocated per frame: the name is written in pieces.
     */
    public Builder shortenClassNames(int targetLength) {
      this.shortenClassNames = Math.max(0, targetLength);
      return this;
    }

    /**
     * Cuts each exception message longer than {@code chars} (in {@code error}, and in the header of
     * every throwable in {@code stacktrace}: {@code Caused by:}, {@code Suppressed:}) to its first
     * {@code chars} chars and {@code ...[truncated N chars]}, N the chars left out. The message is
     * redacted first, so a cut never leaves part of a secret unrecognised. 0 or less: no limit
     * (default); long lines are still fitted under {@link #maxLineBytes}.
     */
    public Builder maxMessageChars(int chars) {
      this.maxMessageChars = Math.max(0, chars);
      return this;
    }

    /** Escape U+2028 and U+2029 (default off). */
    public Builder escapeLineSeparators(boolean escape) {
      this.escapeLineSeparators = escape;
      return this;
    }

    /** The format. */
    public LineFormat build() {
      return new LineFormat(this);
    }
  }

  /** Static field names, for diagnostics. */
  public List<String> staticFieldNames() {
    List<String> names = new ArrayList<>();
    Collections.addAll(names, staticKeys);
    return Collections.unmodifiableList(names);
  }
}
