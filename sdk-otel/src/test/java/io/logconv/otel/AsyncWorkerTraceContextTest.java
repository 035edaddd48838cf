package io.logconv.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.logconv.logback.ConventionsEncoder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trace ids and MDC land on the line and record of the thread that logged, whatever the threads
 * are called: a thread named as the asynchronous appender's worker, a thread with an empty name,
 * virtual threads (whose names are empty).
 */
class AsyncWorkerTraceContextTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The name Logback gives the worker of the asynchronous appender named {@code ASYNC}, the one in
   * front of the OpenTelemetry appender.
   */
  private static final String WORKER_NAME = "AsyncAppender-Worker-ASYNC";

  private final InMemoryLogRecordExporter records = InMemoryLogRecordExporter.create();
  private final OtelFixture otel = OtelFixture.inMemory(records);
  private final ByteArrayOutputStream liveOut = new ByteArrayOutputStream();
  private final ByteArrayOutputStream asyncOut = new ByteArrayOutputStream();
  private final TraceContextAsyncAppender async = new TraceContextAsyncAppender();
  private final TraceContextAsyncAppender asyncStdout = new TraceContextAsyncAppender();
  private final Logger viaAsync;
  private final Logger live;

  AsyncWorkerTraceContextTest() {
    otel.appender.start();
    start(async, "ASYNC", otel.appender);
    start(asyncStdout, "ASYNC_STDOUT", conventions("STDOUT_ASYNC", asyncOut));
    viaAsync = logger("via.async", async);
    viaAsync.addAppender(asyncStdout);
    live = logger("live", conventions("STDOUT_LIVE", liveOut));
    live.addAppender(otel.appender);
  }

  @AfterEach
  void tearDown() {
    otel.close();
  }

  private void start(TraceContextAsyncAppender a, String name, Appender<ILoggingEvent> downstream) {
    a.setContext(otel.context);
    a.setName(name);
    a.setDiscardingThreshold(0);
    a.addAppender(downstream);
    a.start();
  }

  private OutputStreamAppender<ILoggingEvent> conventions(String name, ByteArrayOutputStream out) {
    ConventionsEncoder encoder = new ConventionsEncoder();
    encoder.setContext(otel.context);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> a = new OutputStreamAppender<>();
    a.setContext(otel.context);
    a.setName(name);
    a.setEncoder(encoder);
    a.setOutputStream(out);
    a.start();
    return a;
  }

  private Logger logger(String name, Appender<ILoggingEvent> appender) {
    Logger l = otel.logger(name);
    l.setAdditive(false);
    l.addAppender(appender);
    return l;
  }

  /** A task that logs {@code msg} with {@code span} current and {@code who} in the MDC. */
  private static Runnable logging(Logger logger, String msg, Span span, String who) {
    return () -> {
      MDC.put("who", who);
      try (Scope ignored = span.makeCurrent()) {
        logger.info(msg);
      } finally {
        MDC.clear();
      }
    };
  }

  private static void run(Thread t) throws InterruptedException {
    t.start();
    t.join(10_000);
    assertThat(t.isAlive()).isFalse();
  }

  /** A virtual thread, reached by reflection: this code is compiled for Java 17. */
  private static Thread virtual(Runnable task) throws ReflectiveOperationException {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    return (Thread)
        Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class).invoke(builder, task);
  }

  /** Stops the asynchronous appenders, draining their queues; every line and record is out then. */
  private void drain() {
    asyncStdout.stop();
    async.stop();
  }

  private static JsonNode line(ByteArrayOutputStream out, String msg) {
    return out.toString(StandardCharsets.UTF_8).lines()
        .map(JSON::readTree)
        .filter(n -> n.get("msg").asString().equals(msg))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line " + msg + " in " + out));
  }

  private LogRecordData record(String body) {
    List<LogRecordData> all = records.getFinishedLogRecordItems();
    return all.stream()
        .filter(r -> r.getBodyValue().asString().equals(body))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record " + body + " in " + all));
  }

  private void assertCarries(ByteArrayOutputStream out, String msg, Span span, String who) {
    SpanContext sc = span.getSpanContext();
    JsonNode line = line(out, msg);
    assertThat(line.get("trace_id")).as("trace_id of %s", msg).isNotNull();
    assertThat(line.get("trace_id").asString()).isEqualTo(sc.getTraceId());
    assertThat(line.get("span_id").asString()).isEqualTo(sc.getSpanId());
    assertThat(line.get("who").asString()).isEqualTo(who);
    LogRecordData r = record(msg);
    assertThat(r.getSpanContext().getTraceId()).as("record trace id of %s", msg).isEqualTo(sc.getTraceId());
    assertThat(r.getSpanContext().getSpanId()).isEqualTo(sc.getSpanId());
    assertThat(r.getAttributes().get(AttributeKey.stringKey("who"))).isEqualTo(who);
  }

  @Test
  void threadsNamedAsTheWorkerKeepTheirOwnSpanOnBothPaths() throws Exception {
    Span a = otel.startSpan("async");
    Span b = otel.startSpan("live");
    run(new Thread(logging(viaAsync, "through the async appender", a, "a"), WORKER_NAME));
    run(new Thread(logging(live, "on the logging thread", b, "b"), WORKER_NAME));
    drain();
    assertCarries(asyncOut, "through the async appender", a, "a");
    assertCarries(liveOut, "on the logging thread", b, "b");
  }

  @Test
  void aThreadWithAnEmptyNameKeepsItsSpan() throws Exception {
    Span a = otel.startSpan("async");
    Span b = otel.startSpan("live");
    run(new Thread(logging(viaAsync, "through the async appender", a, "a"), ""));
    run(new Thread(logging(live, "on the logging thread", b, "b"), ""));
    drain();
    assertCarries(asyncOut, "through the async appender", a, "a");
    assertCarries(liveOut, "on the logging thread", b, "b");
  }

  @Test
  void virtualThreadsKeepTheirSpan() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21");
    Span a = otel.startSpan("async");
    Span b = otel.startSpan("live");
    run(virtual(logging(viaAsync, "through the async appender", a, "a")));
    run(virtual(logging(live, "on the logging thread", b, "b")));
    drain();
    assertCarries(asyncOut, "through the async appender", a, "a");
    assertCarries(liveOut, "on the logging thread", b, "b");
  }
}
