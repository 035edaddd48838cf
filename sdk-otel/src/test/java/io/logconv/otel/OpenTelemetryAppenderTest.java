package io.logconv.otel;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.logconv.logback.ConventionsEncoder;
import io.logconv.logback.StaticField;
import io.logconv.schema.Action;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The appender emits each event as a log record carrying what the JSON line carries. */
class OpenTelemetryAppenderTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
  private OtelFixture otel;

  @AfterEach
  void tearDown() {
    MDC.clear();
    if (otel != null) {
      otel.close();
    }
  }

  private OtelFixture started(boolean caller) {
    otel = new OtelFixture(exporter, new Secrets());
    otel.appender.setIncludeCaller(caller);
    return otel.start();
  }

  private LogRecordData only() {
    List<LogRecordData> records = exporter.getFinishedLogRecordItems();
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  private static String str(Attributes a, String key) {
    return a.get(AttributeKey.stringKey(key));
  }

  @Test
  void everyFieldIsMapped() {
    started(true);
    Logger log = otel.logger("controllers.Component");
    MDC.put("request_id", "req-7f3a9c");
    IllegalStateException boom = new IllegalStateException("quota exceeded", new RuntimeException("root"));
    Instant before = Instant.now();
    log.atWarn()
        .setMessage("reconciled {} in {} ms")
        .addArgument("go-net-http-hello-prqx")
        .addArgument(87)
        .addKeyValue("namespace", "samburrai-tenant")
        .addKeyValue("replicas", 3)
        .addKeyValue("ratio", 0.5)
        .addKeyValue("ready", true)
        .addKeyValue("action", Action.UPDATE)
        .addMarker(MarkerFactory.getMarker(ConventionsEncoder.AUDIT_MARKER_NAME))
        .setCause(boom)
        .log();
    int callLine = lineHere() - 1; // the line of log() above
    Instant after = Instant.now();

    LogRecordData r = only();
    assertThat(r.getBodyValue().asString()).isEqualTo("reconciled go-net-http-hello-prqx in 87 ms");
    assertThat(r.getSeverity()).isEqualTo(Severity.WARN);
    assertThat(r.getSeverityText()).isEqualTo("warn");
    assertThat(r.getInstrumentationScopeInfo().getName()).isEqualTo("controllers.Component");
    long ts = r.getTimestampEpochNanos();
    assertThat(ts).isBetween(toNanos(before) - 1_000_000, toNanos(after));
    assertThat(r.getObservedTimestampEpochNanos()).isGreaterThanOrEqualTo(ts).isLessThanOrEqualTo(toNanos(Instant.now()));

    Attributes a = r.getAttributes();
    assertThat(str(a, "request_id")).isEqualTo("req-7f3a9c");
    assertThat(str(a, "namespace")).isEqualTo("samburrai-tenant");
    assertThat(a.get(AttributeKey.longKey("replicas"))).isEqualTo(3L);
    assertThat(a.get(AttributeKey.doubleKey("ratio"))).isEqualTo(0.5);
    assertThat(a.get(AttributeKey.booleanKey("ready"))).isTrue();
    assertThat(str(a, "action")).isEqualTo("UPDATE");
    assertThat(a.get(AttributeKey.booleanKey("audit"))).isTrue();
    assertThat(str(a, "thread.name")).isEqualTo(Thread.currentThread().getName());

    assertThat(str(a, OpenTelemetryAppender.EXCEPTION_TYPE)).isEqualTo("java.lang.IllegalStateException");
    assertThat(str(a, OpenTelemetryAppender.EXCEPTION_MESSAGE)).isEqualTo("quota exceeded");
    assertThat(str(a, OpenTelemetryAppender.EXCEPTION_STACKTRACE))
        .startsWith("java.lang.IllegalStateException: quota exceeded\n\tat io.logconv.otel.OpenTelemetryAppenderTest.everyFieldIsMapped(")
        .contains("Caused by: java.lang.RuntimeException: root");

    assertThat(str(a, OpenTelemetryAppender.CODE_FILE_PATH)).isEqualTo("OpenTelemetryAppenderTest.java");
    assertThat(str(a, OpenTelemetryAppender.CODE_FUNCTION_NAME))
        .isEqualTo("io.logconv.otel.OpenTelemetryAppenderTest.everyFieldIsMapped");
    assertThat(a.get(AttributeKey.longKey(OpenTelemetryAppender.CODE_LINE_NUMBER))).isEqualTo((long) callLine);
    // The old names the upstream appender writes by default are not used.
    assertThat(a.asMap().keySet()).extracting(AttributeKey::getKey).doesNotContain("code.filepath", "code.lineno", "code.namespace", "code.function");
    // No span current: the record has no trace context.
    assertThat(r.getSpanContext().isValid()).isFalse();
  }

  /** The line number of the caller's call to this method. */
  private static int lineHere() {
    return new Throwable().getStackTrace()[1].getLineNumber();
  }

  private static long toNanos(Instant i) {
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  @Test
  void severitiesFollowTheLevels() {
    started(false);
    Logger log = otel.logger("levels");
    log.setLevel(ch.qos.logback.classic.Level.TRACE);
    log.trace("t");
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    List<String> got = new ArrayList<>();
    for (LogRecordData r : exporter.getFinishedLogRecordItems()) {
      got.add(r.getSeverity() + "/" + r.getSeverityText() + "/" + r.getSeverity().getSeverityNumber());
    }
    assertThat(got).containsExactly("TRACE/trace/1", "DEBUG/debug/5", "INFO/info/9", "WARN/warn/13", "ERROR/error/17");
  }

  @Test
  void redactsBodyValuesSensitiveKeysAndExceptionsLikeTheLine() {
    started(false);
    Logger log = otel.logger("auth");
    MDC.put("db_url", "postgres://app:hunter2@db/x");
    log.atError()
        .setMessage("login with {} failed")
        .addArgument("hunter2")
        .addKeyValue("password", 1234)
        .addKeyValue("note", List.of("a", "hunter2"))
        .setCause(new IllegalArgumentException("bad secret hunter2"))
        .log();
    LogRecordData r = only();
    assertThat(r.getBodyValue().asString()).isEqualTo("login with [REDACTED] failed");
    Attributes a = r.getAttributes();
    assertThat(str(a, "db_url")).isEqualTo("postgres://app:[REDACTED]@db/x");
    // A sensitive key hides any value, a number too, and the value becomes a string as on the line.
    assertThat(str(a, "password")).isEqualTo("[REDACTED]");
    assertThat(a.get(AttributeKey.longKey("password"))).isNull();
    assertThat(str(a, "note")).isEqualTo("[a, [REDACTED]]");
    assertThat(str(a, OpenTelemetryAppender.EXCEPTION_MESSAGE)).isEqualTo("bad secret [REDACTED]");
    assertThat(str(a, OpenTelemetryAppender.EXCEPTION_STACKTRACE))
        .startsWith("java.lang.IllegalArgumentException: bad secret [REDACTED]")
        .doesNotContain("hunter2");
    assertThat(a.toString()).doesNotContain("hunter2");
  }

  @Test
  void keysArePlacedAsOnTheLine() {
    started(false);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.setContext(otel.context);
    events.start();
    otel.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(events);
    Logger log = otel.logger("keys");
    MDC.put("pod_name", "from-mdc");
    MDC.put("dup", "mdc-wins-not");
    MDC.put("replicas", "from-mdc");
    log.atInfo()
        .setMessage("keys")
        .addKeyValue("msg", "shadow")
        .addKeyValue("k8s:ns", "dev")
        .addKeyValue("kubernetes", "pipeline")
        .addKeyValue("1st", "digit")
        .addKeyValue("action", "PATCH")
        .addKeyValue("audit", "true")
        .addKeyValue("trace_id", "not-hex")
        .addKeyValue("name", 42)
        .addKeyValue("dup", "kv-wins")
        .addKeyValue("replicas", 3)
        .log();

    Attributes a = only().getAttributes();
    assertThat(str(a, "app_pod_name")).isEqualTo("from-mdc");
    assertThat(str(a, "app_msg")).isEqualTo("shadow");
    assertThat(str(a, "k8s_ns")).isEqualTo("dev");
    assertThat(str(a, "app_kubernetes")).isEqualTo("pipeline");
    assertThat(str(a, "_1st")).isEqualTo("digit");
    assertThat(str(a, "app_action")).isEqualTo("PATCH");
    assertThat(str(a, "app_trace_id")).isEqualTo("not-hex");
    // audit without a valid action is not an audit event: it moves to app_audit, as on the line.
    assertThat(a.get(AttributeKey.booleanKey("app_audit"))).isTrue();
    assertThat(a.get(AttributeKey.booleanKey("audit"))).isNull();
    // A string field stays a string whatever it is given.
    assertThat(str(a, "name")).isEqualTo("42");
    assertThat(str(a, "dup")).isEqualTo("kv-wins");
    // The later of two equal keys wins even when the types differ: one attribute, not two.
    assertThat(a.get(AttributeKey.longKey("replicas"))).isEqualTo(3L);
    assertThat(str(a, "replicas")).isNull();
    assertThat(a.asMap().keySet().stream().filter(k -> k.getKey().equals("replicas"))).hasSize(1);

    // The same event through the line encoder, with the same redactor: the same keys.
    ConventionsEncoder encoder = new ConventionsEncoder();
    encoder.setContext(otel.context);
    encoder.setRedactor(new Secrets());
    encoder.setContextFields(false);
    encoder.start();
    // The event's line is the last: the encoder's one-time warnings about the renames come first.
    String out = new String(encoder.encode(events.list.get(0)), StandardCharsets.UTF_8).strip();
    JsonNode line = JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
    TreeSet<String> lineKeys = new TreeSet<>(line.propertyNames());
    lineKeys.removeAll(List.of("ts", "level", "logger", "msg"));
    TreeSet<String> attrKeys = new TreeSet<>();
    a.forEach((k, v) -> attrKeys.add(k.getKey()));
    attrKeys.remove(OpenTelemetryAppender.THREAD_NAME);
    assertThat(attrKeys).isEqualTo(lineKeys);
    for (String k : lineKeys) {
      Object v = a.asMap().entrySet().stream().filter(e -> e.getKey().getKey().equals(k)).findFirst().orElseThrow().getValue();
      assertThat(String.valueOf(v)).as(k).isEqualTo(line.get(k).asString());
    }
  }

  @Test
  void staticFieldsAreAttributesAndEventFieldsWin() {
    otel = new OtelFixture(exporter, new Secrets());
    otel.appender.addField(new StaticField("service", "component-controller"));
    otel.appender.addField(new StaticField("zone", "a"));
    otel.start();
    otel.logger("s").atInfo().setMessage("m").addKeyValue("zone", "b").log();
    Attributes a = only().getAttributes();
    assertThat(str(a, "service")).isEqualTo("component-controller");
    assertThat(str(a, "zone")).isEqualTo("b");
  }

  @Test
  void recordCarriesTheCurrentSpan() {
    started(false);
    Span span = otel.startSpan("reconcile");
    SpanContext sc = span.getSpanContext();
    try (Scope ignored = span.makeCurrent()) {
      otel.logger("traced").info("inside");
    } finally {
      span.end();
    }
    LogRecordData r = only();
    assertThat(sc.isValid()).isTrue();
    assertThat(r.getSpanContext().getTraceId()).isEqualTo(sc.getTraceId());
    assertThat(r.getSpanContext().getSpanId()).isEqualTo(sc.getSpanId());
    assertThat(r.getSpanContext().getTraceFlags()).isEqualTo(sc.getTraceFlags());
    assertThat(r.getSpanContext().isSampled()).isTrue();
    // Trace ids are record fields, not attributes.
    assertThat(r.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey).doesNotContain("trace_id", "span_id");
  }

  @Test
  void usesGlobalOpenTelemetryUntilInstalled() {
    InMemoryLogRecordExporter global = InMemoryLogRecordExporter.create();
    otel = new OtelFixture(global, null);
    OpenTelemetryAppender.install(null);
    GlobalOpenTelemetry.resetForTest();
    try {
      otel.start();
      otel.logger("g").info("before the global is set");
      assertThat(global.getFinishedLogRecordItems()).isEmpty();
      // The appender did not fix the global instance to a no-op: it can still be set.
      GlobalOpenTelemetry.set(otel.sdk);
      otel.logger("g").info("global");
      assertThat(global.getFinishedLogRecordItems())
          .extracting(r -> r.getBodyValue().asString())
          .containsExactly("global");
      OpenTelemetryAppender.install(null);
    } finally {
      GlobalOpenTelemetry.resetForTest();
    }
  }

  @Test
  void installedInstanceWins() {
    InMemoryLogRecordExporter other = InMemoryLogRecordExporter.create();
    try (OtelFixture unused = new OtelFixture(other, null)) {
      started(false); // installs the first fixture's SDK, after the second
      otel.logger("i").info("to the installed one");
      assertThat(exporter.getFinishedLogRecordItems()).hasSize(1);
      assertThat(other.getFinishedLogRecordItems()).isEmpty();
    }
  }

  @Test
  void traceIdsInTheMdcAreNotRepeatedWhenTheRecordIsTraced() {
    started(false);
    Span span = otel.startSpan("reconcile");
    SpanContext sc = span.getSpanContext();
    // What the Java agent's MDC instrumentation does.
    MDC.put("trace_id", sc.getTraceId());
    MDC.put("span_id", sc.getSpanId());
    try (Scope ignored = span.makeCurrent()) {
      otel.logger("traced").info("inside");
    } finally {
      span.end();
    }
    MDC.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
    otel.logger("traced").info("outside, ids from elsewhere");
    List<LogRecordData> recs = exporter.getFinishedLogRecordItems();
    assertThat(recs).hasSize(2);
    assertThat(recs.get(0).getSpanContext().getTraceId()).isEqualTo(sc.getTraceId());
    assertThat(str(recs.get(0).getAttributes(), "trace_id")).isNull();
    assertThat(str(recs.get(0).getAttributes(), "span_id")).isNull();
    // Without a span, ids the application put in the MDC are kept, as on the line.
    assertThat(recs.get(1).getSpanContext().isValid()).isFalse();
    assertThat(str(recs.get(1).getAttributes(), "trace_id")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void throwableKnownOnlyThroughItsProxy() {
    started(false);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.setContext(otel.context);
    events.start();
    Logger log = otel.logger("remote");
    log.detachAndStopAllAppenders();
    log.setAdditive(false);
    log.addAppender(events);
    log.error("remote failure", new java.io.UncheckedIOException("disk hunter2", new java.io.IOException("eio")));
    // An event as received from another JVM: its throwable is a proxy without the original.
    ILoggingEvent remote = ch.qos.logback.classic.spi.LoggingEventVO.build(events.list.get(0));
    assertThat(remote.getThrowableProxy()).isNotInstanceOf(ch.qos.logback.classic.spi.ThrowableProxy.class);
    otel.appender.doAppend(remote);
    Attributes a = only().getAttributes();
    assertThat(str(a, OpenTelemetryAppender.EXCEPTION_TYPE)).isEqualTo("java.io.UncheckedIOException");
    assertThat(str(a, OpenTelemetryAppender.EXCEPTION_MESSAGE)).isEqualTo("disk [REDACTED]");
    assertThat(str(a, OpenTelemetryAppender.EXCEPTION_STACKTRACE))
        .startsWith("java.io.UncheckedIOException: disk [REDACTED]")
        .contains("Caused by: java.io.IOException: eio");
  }

  @Test
  void defaultRedactionIsOnAndCanBeTurnedOff() {
    otel = new OtelFixture(exporter, null);
    otel.start();
    otel.logger("r").info("login for jane@example.com");
    assertThat(only().getBody().asString()).isEqualTo("login for [REDACTED:email]");
    otel.close();

    InMemoryLogRecordExporter plain = InMemoryLogRecordExporter.create();
    otel = new OtelFixture(plain, null);
    otel.appender.setRedaction(false);
    otel.start();
    otel.logger("r").info("login for jane@example.com");
    assertThat(plain.getFinishedLogRecordItems())
        .extracting(r -> r.getBody().asString())
        .containsExactly("login for jane@example.com");
  }

  @Test
  void sharesTheEncodersRedactionOptions() {
    otel = new OtelFixture(exporter, null);
    otel.appender.setDisabledDetectors("email");
    otel.appender.setRedactionModes("card=mask");
    otel.start();
    otel.logger("r").info("card 4111 1111 1111 1111 for jane@example.com");
    String body = only().getBody().asString();
    assertThat(body).contains("jane@example.com").contains("1111").doesNotContain("4111 1111 1111 1111");
  }

  @Test
  void networkAddressesAreHiddenWithTheEncodersOption() {
    otel = new OtelFixture(exporter, null);
    otel.appender.setNetworkAddresses(true);
    otel.start();
    otel.logger("r").info("client 203.0.113.7 via fe80::1%eth0 on 127.0.0.1");
    assertThat(only().getBody().asString())
        .isEqualTo("client [REDACTED:ipv4] via [REDACTED:ipv6]%eth0 on 127.0.0.1");
  }

  @Test
  void anArgumentTheTemplateNamesASecretIsHiddenWhatever() {
    otel = new OtelFixture(exporter, null);
    otel.start();
    otel.logger("r").info("user {} logged in with password {}", "svc", "open sesame");
    assertThat(only().getBody().asString())
        .isEqualTo("user svc logged in with password [REDACTED:password]");
  }
}
