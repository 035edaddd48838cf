package io.logconv.otel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over the wire: the OTLP/HTTP exporter (protobuf) sends the appender's records to a receiver on
 * loopback, which decodes them with the official OTLP protobuf classes.
 */
class OtlpHttpWireTest {
  private final LinkedBlockingQueue<ExportLogsServiceRequest> received = new LinkedBlockingQueue<>();
  private final List<String> contentTypes = new ArrayList<>();
  private HttpServer server;
  private OtelFixture otel;

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/logs",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            synchronized (contentTypes) {
              contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            }
            received.add(ExportLogsServiceRequest.parseFrom(in.readAllBytes()));
          }
          byte[] ok = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(ok);
          }
        });
    server.start();
    String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/logs";
    otel = new OtelFixture(OtlpHttpLogRecordExporter.builder().setEndpoint(endpoint).build(), new Secrets());
    otel.appender.setIncludeCaller(true);
    otel.start();
  }

  @AfterEach
  void stopReceiver() {
    otel.close();
    server.stop(0);
  }

  private static Map<String, AnyValue> attributes(LogRecord r) {
    Map<String, AnyValue> m = new HashMap<>();
    for (KeyValue kv : r.getAttributesList()) {
      m.put(kv.getKey(), kv.getValue());
    }
    return m;
  }

  @Test
  void receiverDecodesTheRecord() throws InterruptedException {
    Span span = otel.startSpan("reconcile");
    SpanContext sc = span.getSpanContext();
    try (Scope ignored = span.makeCurrent()) {
      otel.logger("controllers.Component")
          .atError()
          .setMessage("update of {} failed")
          .addArgument("go-net-http-hello-prqx")
          .addKeyValue("password", "hunter2")
          .addKeyValue("replicas", 3)
          .addKeyValue("pod_name", "p-1")
          .setCause(new IllegalStateException("token hunter2 expired"))
          .log();
    } finally {
      span.end();
    }
    assertThat(otel.sdk.getSdkLoggerProvider().forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

    ExportLogsServiceRequest request = received.poll(10, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(contentTypes).containsExactly("application/x-protobuf");
    assertThat(request.getResourceLogsCount()).isEqualTo(1);
    ResourceLogs rl = request.getResourceLogs(0);
    assertThat(rl.getScopeLogsCount()).isEqualTo(1);
    ScopeLogs sl = rl.getScopeLogs(0);
    assertThat(sl.getScope().getName()).isEqualTo("controllers.Component");
    assertThat(sl.getLogRecordsCount()).isEqualTo(1);
    LogRecord r = sl.getLogRecords(0);

    assertThat(r.getBody().getStringValue()).isEqualTo("update of go-net-http-hello-prqx failed");
    assertThat(r.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_ERROR);
    assertThat(r.getSeverityText()).isEqualTo("error");
    assertThat(r.getTimeUnixNano()).isPositive();
    assertThat(r.getObservedTimeUnixNano()).isGreaterThanOrEqualTo(r.getTimeUnixNano());
    assertThat(HexFormat.of().formatHex(r.getTraceId().toByteArray())).isEqualTo(sc.getTraceId());
    assertThat(HexFormat.of().formatHex(r.getSpanId().toByteArray())).isEqualTo(sc.getSpanId());
    assertThat(r.getFlags() & 0xff).isEqualTo(sc.getTraceFlags().asByte() & 0xff).isEqualTo(0x03);

    Map<String, AnyValue> a = attributes(r);
    assertThat(a.get("password").getStringValue()).isEqualTo(Secrets.MASK);
    assertThat(a.get("replicas").getIntValue()).isEqualTo(3L);
    assertThat(a.get("app_pod_name").getStringValue()).isEqualTo("p-1");
    assertThat(a).doesNotContainKey("pod_name");
    assertThat(a.get("exception.type").getStringValue()).isEqualTo("java.lang.IllegalStateException");
    assertThat(a.get("exception.message").getStringValue()).isEqualTo("token [REDACTED] expired");
    assertThat(a.get("exception.stacktrace").getStringValue())
        .startsWith("java.lang.IllegalStateException: token [REDACTED] expired\n\tat ");
    assertThat(a.get("code.function.name").getStringValue()).isEqualTo(getClass().getName() + ".receiverDecodesTheRecord");
    assertThat(a.get("code.file.path").getStringValue()).isEqualTo("OtlpHttpWireTest.java");
    assertThat(a.get("code.line.number").getIntValue()).isPositive();
    assertThat(a.get("thread.name").getStringValue()).isEqualTo(Thread.currentThread().getName());
    assertThat(request.toString()).doesNotContain("hunter2");
  }
}
