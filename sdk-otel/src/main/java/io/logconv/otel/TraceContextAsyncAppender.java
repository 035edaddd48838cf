package io.logconv.otel;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.logconv.schema.Conventions;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.event.KeyValuePair;

/**
 * An {@link AsyncAppender} that keeps trace correlation: the encoder behind an asynchronous
 * appender runs on its worker thread, where the logging thread's current span is not visible, so
 * this appender copies {@code trace_id}, {@code span_id} and {@code trace_flags} of the current
 * span onto the event as key/value pairs while it is still on the logging thread. The encoder then
 * writes them as it writes any key/value pair, and {@link OpenTelemetryAppender} uses them as the
 * record's trace context. Use it in place of {@code ch.qos.logback.classic.AsyncAppender}:
 *
 * <pre>{@code
 * <appender name="ASYNC" class="io.logconv.otel.TraceContextAsyncAppender">
 *   <appender-ref ref="STDOUT"/>
 * </appender>
 * }</pre>
 *
 * <p>It honours the same switch as {@link TraceContextFieldProvider} ({@value
 * TraceContextFieldProvider#ENABLED_PROPERTY}); {@link #setTraceContext(boolean)} turns it off for
 * one appender.
 */
public class TraceContextAsyncAppender extends AsyncAppender {
  private boolean traceContext =
      TraceContextFieldProvider.enabledBy(System::getProperty, System::getenv);

  /** Copy the current span's ids onto each event (default on unless turned off globally). */
  public void setTraceContext(boolean traceContext) {
    this.traceContext = traceContext;
  }

  /** True if the current span's ids are copied onto each event. */
  public boolean isTraceContext() {
    return traceContext;
  }

  @Override
  protected void preprocess(ILoggingEvent event) {
    // Runs on the logging thread, before the event is queued for the worker.
    if (traceContext && event instanceof LoggingEvent le) {
      SpanContext sc = Span.current().getSpanContext();
      if (sc.isValid()) {
        le.addKeyValuePair(new KeyValuePair(Conventions.TRACE_ID, sc.getTraceId()));
        le.addKeyValuePair(new KeyValuePair(Conventions.SPAN_ID, sc.getSpanId()));
        le.addKeyValuePair(new KeyValuePair(Conventions.TRACE_FLAGS, sc.getTraceFlags().asHex()));
      }
    }
    super.preprocess(event);
  }
}
