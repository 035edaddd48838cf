package io.logconv.lint.source;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;

/**
 * One logging statement as the rules see it, whichever API wrote it: SLF4J classic ({@code
 * log.info("a {}", x)}) or fluent ({@code log.atInfo().addKeyValue("k", v).log("a")}), Log4j2 or
 * java.util.logging. The arguments are those a format's placeholders consume (the marker, level and
 * message removed); key/value pairs are those attached to this event only (fluent pairs, structured
 * arguments and logstash markers among the arguments).
 *
 * <pre>{@code
 * model.event(call).ifPresent(e -> e.message().ifPresent(m -> check(m, e.arguments())));
 * }</pre>
 *
 * @param call the call that emits the event (for fluent chains, the final {@code log(...)})
 * @param api the logging API
 * @param level the level method ({@code info}, {@code atWarn}, {@code severe}, {@code log}, ...)
 * @param fluent true for SLF4J/Log4j2 fluent builders
 * @param message the message or format expression, if any
 * @param arguments the format arguments in order, the trailing throwable included
 * @param cause a throwable given separately ({@code setCause}, {@code withThrowable})
 * @param keyValues key/value pairs attached to this event
 * @param typed the steps of a logconv typed builder ({@code AuditEvent}, {@code
 *     ConventionsEvent}) the event is written with, if it is
 */
public record LogEvent(
    MethodCallExpr call,
    LoggingModel.Api api,
    String level,
    boolean fluent,
    Optional<Expression> message,
    List<Expression> arguments,
    Optional<Expression> cause,
    List<KeyValue> keyValues,
    Optional<TypedEvent> typed) {

  /** An event of a logging API's own calls, not of a logconv typed builder. */
  public LogEvent(
      MethodCallExpr call,
      LoggingModel.Api api,
      String level,
      boolean fluent,
      Optional<Expression> message,
      List<Expression> arguments,
      Optional<Expression> cause,
      List<KeyValue> keyValues) {
    this(call, api, level, fluent, message, arguments, cause, keyValues, Optional.empty());
  }

  /** True if the API substitutes {@code {}} placeholders (SLF4J, Log4j2). */
  public boolean usesBracePlaceholders() {
    return api != LoggingModel.Api.JUL;
  }
}
