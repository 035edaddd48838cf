package io.logconv.otel;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.logconv.core.redact.Redactor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * An OpenTelemetry SDK for tests: spans through a real span processor (without one the SDK hands
 * out all-zero span contexts), log records to the given exporter, and a Logback context whose root
 * logger sends to an {@link OpenTelemetryAppender} installed with that SDK.
 */
final class OtelFixture implements AutoCloseable {
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final OpenTelemetrySdk sdk;
  final Tracer tracer;
  final LoggerContext context = new LoggerContext();
  final OpenTelemetryAppender appender = new OpenTelemetryAppender();

  OtelFixture(LogRecordExporter exporter, Redactor redactor) {
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setLoggerProvider(
                SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                    .build())
            .build();
    tracer = sdk.getTracer("logconv-test");
    OpenTelemetryAppender.install(sdk);
    // Share SLF4J's MDC adapter, so MDC.put in a test reaches this context's events.
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    context.start();
    appender.setContext(context);
    appender.setName("OTEL");
    if (redactor != null) {
      appender.setRedactor(redactor);
    }
  }

  static OtelFixture inMemory(InMemoryLogRecordExporter exporter) {
    return new OtelFixture(exporter, null);
  }

  OtelFixture start() {
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    return this;
  }

  Logger logger(String name) {
    return context.getLogger(name);
  }

  Span startSpan(String name) {
    return tracer.spanBuilder(name).startSpan();
  }

  @Override
  public void close() {
    OpenTelemetryAppender.install(null);
    context.stop();
    sdk.close();
  }
}
