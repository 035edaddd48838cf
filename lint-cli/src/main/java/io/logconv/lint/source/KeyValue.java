package io.logconv.lint.source;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;

/**
 * One place in code where a key and a value are attached to log output: a fluent {@code
 * addKeyValue(k, v)}, an {@code MDC.put(k, v)}, a logstash {@code kv(k, v)} structured argument
 * or a logstash {@code Markers.append(k, v)}.
 *
 * <pre>{@code
 * model.keyValue(call).flatMap(kv -> model.constantString(kv.key())) // Optional["pod_name"]
 * }</pre>
 *
 * @param key the key expression (often a string literal or a constant)
 * @param value the value expression
 * @param site the call that attaches the pair
 * @param kind which API attaches it
 */
public record KeyValue(Expression key, Expression value, MethodCallExpr site, Kind kind) {
  /** The API a key/value pair goes through. */
  public enum Kind {
    /** SLF4J 2 fluent {@code addKeyValue}: the pair belongs to one event. */
    EVENT,
    /** SLF4J {@code MDC} or Log4j2 {@code ThreadContext}: the pair sticks to the thread. */
    MDC,
    /** logstash-logback-encoder {@code StructuredArguments}, passed as a log argument. */
    STRUCTURED_ARGUMENT,
    /** logstash-logback-encoder {@code Markers.append}, passed as a marker. */
    MARKER
  }
}
