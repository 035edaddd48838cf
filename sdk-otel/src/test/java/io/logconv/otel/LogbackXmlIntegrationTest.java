package io.logconv.otel;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Logback configured from logback.xml files, as an application configures it. */
class LogbackXmlIntegrationTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InMemoryLogRecordExporter records = InMemoryLogRecordExporter.create();
  private final OtelFixture otel = OtelFixture.inMemory(records);
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private LoggerContext context;

  @AfterEach
  void tearDown() {
    if (context != null) {
      context.stop();
    }
    System.setOut(originalOut);
    otel.close();
  }

  private LoggerContext configure(String resource) throws JoranException {
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    context = new LoggerContext();
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL url = getClass().getClassLoader().getResource(resource);
    configurator.doConfigure(url);
    context.start();
    List<Status> errors = new ArrayList<>();
    for (Status s : context.getStatusManager().getCopyOfStatusList()) {
      if (s.getLevel() >= Status.WARN) {
        errors.add(s);
      }
    }
    assertThat(errors).isEmpty();
    return context;
  }

  /** Stops the context (draining asynchronous appenders) and parses every line with Jackson. */
  private List<JsonNode> lines() {
    context.stop();
    context = null;
    System.out.flush();
    List<JsonNode> out = new ArrayList<>();
    stdout.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).forEach(l -> out.add(JSON.readTree(l)));
    return out;
  }

  private static void assertConforms(JsonNode line) {
    assertThat(line.get("ts").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(line.get("level").asString()).isIn("trace", "debug", "info", "warn", "error");
    assertThat(line.get("logger").isString()).isTrue();
    assertThat(line.get("msg").isString()).isTrue();
    line.propertyNames().forEach(k -> assertThat(k).matches("[A-Za-z_][A-Za-z0-9_]*"));
  }

  @Test
  void lineAndRecordCarryTheCurrentSpan() throws JoranException {
    LoggerContext ctx = configure("logback-otel.xml");
    Span span = otel.startSpan("reconcile");
    SpanContext sc = span.getSpanContext();
    try (Scope ignored = span.makeCurrent()) {
      ctx.getLogger("controllers.Component").info("reconciled {}", "go-net-http-hello-prqx");
    } finally {
      span.end();
    }
    ctx.getLogger("controllers.Component").info("no span");
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(2);
    JsonNode traced = lines.get(0);
    assertConforms(traced);
    assertThat(traced.get("msg").asString()).isEqualTo("reconciled go-net-http-hello-prqx");
    assertThat(traced.get("trace_id").asString()).isEqualTo(sc.getTraceId());
    assertThat(traced.get("span_id").asString()).isEqualTo(sc.getSpanId());
    assertThat(traced.get("trace_flags").asString()).isEqualTo("03");
    assertThat(traced.get("service").asString()).isEqualTo("component-controller");
    assertConforms(lines.get(1));
    assertThat(lines.get(1).has("trace_id")).isFalse();

    List<LogRecordData> recs = records.getFinishedLogRecordItems();
    assertThat(recs).hasSize(2);
    assertThat(recs.get(0).getSpanContext().getTraceId()).isEqualTo(sc.getTraceId());
    assertThat(recs.get(0).getSpanContext().getSpanId()).isEqualTo(sc.getSpanId());
    assertThat(recs.get(0).getBodyValue().asString()).isEqualTo("reconciled go-net-http-hello-prqx");
    assertThat(recs.get(0).getAttributes().get(AttributeKey.stringKey("service"))).isEqualTo("component-controller");
    assertThat(recs.get(0).getAttributes().get(AttributeKey.stringKey("code.function.name")))
        .isEqualTo(getClass().getName() + ".lineAndRecordCarryTheCurrentSpan");
    assertThat(recs.get(1).getSpanContext().isValid()).isFalse();
  }

  @Test
  void encoderSwitchTurnsCorrelationOff() throws JoranException {
    LoggerContext ctx = configure("logback-otel-off.xml");
    Span span = otel.startSpan("reconcile");
    try (Scope ignored = span.makeCurrent()) {
      ctx.getLogger("x").info("traced but switched off");
    } finally {
      span.end();
    }
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(1);
    assertConforms(lines.get(0));
    assertThat(lines.get(0).has("trace_id")).isFalse();
  }

  @Test
  void asyncAppenderKeepsTheLoggingThreadsSpan() throws JoranException {
    LoggerContext ctx = configure("logback-otel-async.xml");
    Span span = otel.startSpan("reconcile");
    SpanContext sc = span.getSpanContext();
    try (Scope ignored = span.makeCurrent()) {
      ctx.getLogger("async").info("through the trace-keeping async appender");
      ctx.getLogger("plain").info("through the plain async appender");
    } finally {
      span.end();
    }
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(2);
    JsonNode kept = lines.stream().filter(l -> l.get("logger").asString().equals("async")).findFirst().orElseThrow();
    JsonNode lost = lines.stream().filter(l -> l.get("logger").asString().equals("plain")).findFirst().orElseThrow();
    assertConforms(kept);
    assertThat(kept.get("trace_id").asString()).isEqualTo(sc.getTraceId());
    assertThat(kept.get("span_id").asString()).isEqualTo(sc.getSpanId());
    assertThat(kept.get("trace_flags").asString()).isEqualTo(sc.getTraceFlags().asHex());
    // What the trace-keeping appender fixes: a plain AsyncAppender's worker cannot see the span.
    assertThat(lost.has("trace_id")).isFalse();

    List<LogRecordData> recs = records.getFinishedLogRecordItems();
    assertThat(recs).hasSize(1);
    LogRecordData r = recs.get(0);
    assertThat(r.getAttributes().get(AttributeKey.stringKey("thread.name"))).isEqualTo(Thread.currentThread().getName());
    assertThat(r.getSpanContext().getTraceId()).isEqualTo(sc.getTraceId());
    assertThat(r.getSpanContext().getSpanId()).isEqualTo(sc.getSpanId());
    assertThat(r.getSpanContext().getTraceFlags()).isEqualTo(sc.getTraceFlags());
    // The ids are the record's trace context, not attributes.
    assertThat(r.getAttributes().get(AttributeKey.stringKey("trace_id"))).isNull();
  }
}
