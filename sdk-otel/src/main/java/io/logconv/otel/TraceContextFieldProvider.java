package io.logconv.otel;

import io.logconv.core.ContextFieldProvider;
import io.logconv.core.EventWriter;
import io.logconv.schema.Conventions;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Adds {@code trace_id}, {@code span_id} and {@code trace_flags} of the current OpenTelemetry span
 * to every line written on the logging thread, under the names the OpenTelemetry Logback MDC
 * instrumentation uses, so lines join their traces in Loki, Tempo or korrel8r. It is registered
 * with {@link java.util.ServiceLoader}: putting {@code logconv-sdk-otel} on the classpath is all a
 * user does. It needs only {@code opentelemetry-api}; the ids come from whatever installed the
 * context (the SDK or the Java agent).
 *
 * <p>Turning it off: {@code <contextFields>false</contextFields>} on the encoder (all providers), or
 * the system property {@value #ENABLED_PROPERTY}{@code =false} or the environment variable {@value
 * #ENABLED_ENV}{@code =false} (this provider only), read once when the provider is created.
 *
 * <pre>{@code
 * Span span = tracer.spanBuilder("reconcile").startSpan();
 * try (Scope s = span.makeCurrent()) {
 *   log.info("reconciled");  // ..."msg":"reconciled","trace_id":"4bf9…","span_id":"00f0…","trace_flags":"03"
 * } finally {
 *   span.end();
 * }
 * }</pre>
 *
 * <p>Cost: with no span current it reads a thread-local and allocates nothing; with a span it adds
 * three strings the span context already holds.
 */
public final class TraceContextFieldProvider implements ContextFieldProvider {
  /** System property that turns trace correlation off when {@code false}. */
  public static final String ENABLED_PROPERTY = "logconv.otel.traceContext";

  /** Environment variable that turns trace correlation off when {@code false}. */
  public static final String ENABLED_ENV = "LOGCONV_OTEL_TRACE_CONTEXT";

  private final boolean enabled;

  /** The provider ServiceLoader creates; reads the switch once. */
  public TraceContextFieldProvider() {
    this(enabledBy(System::getProperty, System::getenv));
  }

  TraceContextFieldProvider(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Whether trace correlation is on: off only if the system property, or else the environment
   * variable, says {@code false} (case-insensitive).
   */
  static boolean enabledBy(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    String v = properties.apply(ENABLED_PROPERTY);
    if (v == null || v.isBlank()) {
      v = environment.apply(ENABLED_ENV);
    }
    return v == null || !v.trim().toLowerCase(Locale.ROOT).equals("false");
  }

  /** True unless turned off by {@value #ENABLED_PROPERTY} or {@value #ENABLED_ENV}. */
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void addFields(EventWriter writer) {
    if (!enabled) {
      return;
    }
    SpanContext sc = Span.current().getSpanContext();
    if (sc.isValid()) {
      writer.field(Conventions.TRACE_ID, sc.getTraceId());
      writer.field(Conventions.SPAN_ID, sc.getSpanId());
      writer.field(Conventions.TRACE_FLAGS, sc.getTraceFlags().asHex());
    }
  }
}
