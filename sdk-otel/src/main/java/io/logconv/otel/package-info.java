/**
 * OpenTelemetry for logconv: {@link io.logconv.otel.TraceContextFieldProvider} puts the current
 * span's {@code trace_id}, {@code span_id} and {@code trace_flags} on every line (found through
 * {@link java.util.ServiceLoader}, so the dependency is all a user adds); {@link
 * io.logconv.otel.TraceContextAsyncAppender} keeps them across Logback's asynchronous appender; and
 * {@link io.logconv.otel.OpenTelemetryAppender} sends the same event as an OpenTelemetry log record.
 * This package needs {@code opentelemetry-api} only; it never configures an SDK.
 */
package io.logconv.otel;
