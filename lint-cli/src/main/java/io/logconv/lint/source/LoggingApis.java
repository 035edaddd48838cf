package io.logconv.lint.source;

import io.logconv.core.api.AuditEvent;
import io.logconv.core.api.ConventionsEvent;
import io.logconv.lint.source.LoggingModel.Api;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The logging APIs the source linter knows, as data: which types are loggers and where loggers come
 * from, which methods log at which level, what the steps of a fluent builder carry, and which calls
 * attach a key and a value to log output. {@link CallClassifier} reads these tables; supporting one
 * more API or method is one more entry here.
 *
 * <pre>{@code
 * LoggingApis.LOGGER_TYPES.get("org.slf4j.Logger");  // Api.SLF4J
 * LoggingApis.LEVEL_METHODS.get(Api.JUL);             // severe, warning, info, ..., log
 * }</pre>
 */
final class LoggingApis {
  // ---------------------------------------------------------------- loggers

  /** A field, local variable or parameter declared with one of these types is a logger. */
  static final Map<String, Api> LOGGER_TYPES =
      Map.of(
          "org.slf4j.Logger", Api.SLF4J,
          "org.apache.logging.log4j.Logger", Api.LOG4J2,
          "org.apache.logging.log4j.core.Logger", Api.LOG4J2,
          "org.apache.logging.log4j.spi.ExtendedLogger", Api.LOG4J2,
          "org.apache.logging.log4j.spi.ExtendedLoggerWrapper", Api.LOG4J2,
          "org.apache.logging.log4j.spi.AbstractLogger", Api.LOG4J2,
          "java.util.logging.Logger", Api.JUL);

  /** Owners of a static {@link #FACTORY_METHODS factory method}, and the API of its logger. */
  static final Map<String, Api> LOGGER_FACTORIES =
      Map.of(
          "org.slf4j.LoggerFactory", Api.SLF4J,
          "org.apache.logging.log4j.LogManager", Api.LOG4J2,
          "java.util.logging.Logger", Api.JUL);

  /** The factory methods that return a logger ({@code var log = LogManager.getLogger()}). */
  static final Set<String> FACTORY_METHODS = Set.of("getLogger", "getFormatterLogger");

  /** Lombok annotations that give their class a logger field named {@link #LOMBOK_FIELD}. */
  static final Map<String, Api> LOMBOK_LOGGERS =
      Map.of(
          "lombok.extern.slf4j.Slf4j", Api.SLF4J,
          "lombok.extern.slf4j.XSlf4j", Api.SLF4J,
          "lombok.extern.log4j.Log4j2", Api.LOG4J2,
          "lombok.extern.java.Log", Api.JUL);

  static final String LOMBOK_FIELD = "log";

  // ---------------------------------------------------------------- methods that log

  /** The methods of a logger that log, per API: one per level, and the generic one. */
  static final Map<Api, Set<String>> LEVEL_METHODS =
      Map.of(
          Api.SLF4J, Set.of("trace", "debug", "info", "warn", "error"),
          Api.LOG4J2, Set.of("trace", "debug", "info", "warn", "error", "fatal", "log"),
          Api.JUL, Set.of("severe", "warning", "info", "config", "fine", "finer", "finest", "log"));

  /**
   * The level words a logging wrapper's method names start with ({@code debugCr}, {@code
   * warnOp}): the level methods of SLF4J and Log4j2.
   */
  static final java.util.List<String> WRAPPER_LEVELS =
      java.util.List.of("trace", "debug", "info", "warn", "error", "fatal");

  /** The generic method, whose first argument is the level ({@code log(Level.INFO, "msg")}). */
  static final String LEVEL_ARGUMENT_METHOD = "log";

  // ---------------------------------------------------------------- fluent builders

  /**
   * The logger methods that start a fluent event (SLF4J 2 and Log4j2; {@code atFatal} is
   * Log4j2's), on a logger of any API.
   */
  static final Set<String> FLUENT_LEVELS =
      Set.of("atTrace", "atDebug", "atInfo", "atWarn", "atError", "atFatal", "atLevel");

  /** The builder types those methods return, for a builder kept in a variable. */
  static final Set<String> FLUENT_BUILDER_TYPES =
      Set.of("org.slf4j.spi.LoggingEventBuilder", "org.apache.logging.log4j.LogBuilder");

  /** The builder method that emits the event; its first argument, if any, is the message. */
  static final String FLUENT_TERMINAL = "log";

  /** What a builder step hands the event; steps not listed carry nothing the rules judge. */
  enum Step {
    KEY_VALUE,
    MESSAGE,
    ARGUMENT,
    CAUSE,
    MARKER
  }

  /** The builder steps by name: SLF4J 2's {@code LoggingEventBuilder}, Log4j2's {@code LogBuilder}. */
  static final Map<String, Step> FLUENT_STEPS =
      Map.of(
          "addKeyValue", Step.KEY_VALUE,
          "setMessage", Step.MESSAGE,
          "addArgument", Step.ARGUMENT,
          "setCause", Step.CAUSE,
          "withThrowable", Step.CAUSE,
          "addMarker", Step.MARKER,
          "withMarker", Step.MARKER);

  // ---------------------------------------------------------------- logconv's typed builders

  /** sdk-core's typed event builders, which log through SLF4J 2's fluent API. */
  static final Map<String, TypedEvent.Builder> TYPED_BUILDERS =
      Map.of(
          AuditEvent.class.getName(), TypedEvent.Builder.AUDIT_EVENT,
          ConventionsEvent.class.getName(), TypedEvent.Builder.CONVENTIONS_EVENT);

  /** Their static methods that start a chain. */
  static final Set<String> TYPED_FACTORIES = Set.of("of", "on", "strictOn");

  /** Their step that attaches any other pair ({@code kv(key, value)}), and the throwable's. */
  static final String TYPED_KEY_VALUE = "kv";

  static final String TYPED_CAUSE = "cause";

  // ---------------------------------------------------------------- key/value sites

  /** The SLF4J 2 builder step that attaches a pair to one event. */
  static final String ADD_KEY_VALUE = "addKeyValue";

  /** Thread-bound context maps: SLF4J {@code MDC}, Log4j2 {@code ThreadContext}. */
  static final Set<String> MDC_TYPES =
      Set.of(
          "org.slf4j.MDC",
          "org.apache.logging.log4j.ThreadContext",
          "org.apache.logging.log4j.CloseableThreadContext");

  /** Their methods that put a pair; {@code put} also chains ({@code .put("a", x).put("b", y)}). */
  static final Set<String> MDC_METHODS = Set.of("put", "putCloseable");

  static final String MDC_CHAIN = "put";

  /** logstash-logback-encoder's pairs passed as log arguments ({@code kv("k", v)}). */
  static final String STRUCTURED_ARGUMENTS = "net.logstash.logback.argument.StructuredArguments";

  static final Set<String> STRUCTURED_METHODS =
      Set.of("kv", "keyValue", "v", "value", "raw", "array");

  /** logstash-logback-encoder's pairs passed as a marker ({@code Markers.append("k", v)}). */
  static final String MARKERS = "net.logstash.logback.marker.Markers";

  static final Set<String> MARKER_METHODS = Set.of("append", "appendRaw", "appendArray");

  /** The method that joins markers ({@code append("a", 1).and(append("b", 2))}). */
  static final String MARKER_CHAIN = "and";

  // ---------------------------------------------------------------- markers

  /** Marker types: a variable of one of these, or of a type in {@link #MARKER_PACKAGE}. */
  static final Set<String> MARKER_TYPES = Set.of("org.slf4j.Marker", "org.apache.logging.log4j.Marker");

  static final String MARKER_PACKAGE = "net.logstash.logback.marker.";

  /** Owners of static methods that return a marker. */
  static final Set<String> MARKER_FACTORIES =
      Set.of("org.slf4j.MarkerFactory", "org.apache.logging.log4j.MarkerManager", MARKERS);

  // ---------------------------------------------------------------- other types rules name

  /** java.util.logging types that rules look for by name. */
  static final Set<String> OTHER_TYPES =
      Set.of("java.util.logging.FileHandler", "java.util.logging.Level");

  /** Every type named above, for names imported by a wildcard. */
  static final Set<String> TYPES =
      union(
          LOGGER_TYPES.keySet(),
          LOGGER_FACTORIES.keySet(),
          LOMBOK_LOGGERS.keySet(),
          FLUENT_BUILDER_TYPES,
          MDC_TYPES,
          Set.of(STRUCTURED_ARGUMENTS, MARKERS),
          MARKER_TYPES,
          MARKER_FACTORIES,
          TYPED_BUILDERS.keySet(),
          OTHER_TYPES);

  private LoggingApis() {}

  @SafeVarargs
  private static Set<String> union(Collection<String>... sets) {
    Set<String> all = new HashSet<>();
    for (Collection<String> s : sets) {
      all.addAll(s);
    }
    return Set.copyOf(all);
  }
}
