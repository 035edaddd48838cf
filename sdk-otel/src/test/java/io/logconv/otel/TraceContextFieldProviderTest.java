package io.logconv.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.EventWriter;
import io.logconv.core.LineFormat;
import io.logconv.schema.Level;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provider puts the current span's ids on the line, costs nothing without one, and can be turned off. */
class TraceContextFieldProviderTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final OtelFixture otel = OtelFixture.inMemory(InMemoryLogRecordExporter.create());

  @BeforeAll
  static void counterIsAvailable() {
    assertThat(THREADS.isThreadAllocatedMemorySupported()).isTrue();
    THREADS.setThreadAllocatedMemoryEnabled(true);
  }

  @AfterEach
  void tearDown() {
    otel.close();
  }

  private static JsonNode line(EventWriter w) {
    w.begin(1_700_000_000_000L, Level.INFO, "traced").message("reconciled");
    return JSON.readTree(w.end().toString());
  }

  @Test
  void foundThroughServiceLoader() {
    assertThat(LineFormat.defaults().contextProviderNames()).contains(TraceContextFieldProvider.class.getName());
    assertThat(LineFormat.builder().contextFields(false).build().contextProviderNames()).isEmpty();
  }

  @Test
  void addsTheCurrentSpansIds() {
    EventWriter w = LineFormat.defaults().newWriter();
    Span span = otel.startSpan("reconcile");
    SpanContext sc = span.getSpanContext();
    JsonNode inside;
    try (Scope ignored = span.makeCurrent()) {
      inside = line(w);
    } finally {
      span.end();
    }
    assertThat(inside.get("trace_id").asString()).isEqualTo(sc.getTraceId()).matches("[0-9a-f]{32}");
    assertThat(inside.get("span_id").asString()).isEqualTo(sc.getSpanId()).matches("[0-9a-f]{16}");
    // The SDK sets the sampled bit and the W3C random-trace-id bit on the spans it samples.
    assertThat(inside.get("trace_flags").asString()).isEqualTo(sc.getTraceFlags().asHex()).isEqualTo("03");

    JsonNode outside = line(w);
    assertThat(outside.has("trace_id")).isFalse();
    assertThat(outside.has("span_id")).isFalse();
    assertThat(outside.has("trace_flags")).isFalse();
  }

  @Test
  void turnedOffByTheEncoderSwitchOrTheProperty() {
    Span span = otel.startSpan("reconcile");
    try (Scope ignored = span.makeCurrent()) {
      assertThat(line(LineFormat.builder().contextFields(false).build().newWriter()).has("trace_id")).isFalse();
      EventWriter off =
          LineFormat.builder().contextFields(false).contextFieldProvider(new TraceContextFieldProvider(false)).build().newWriter();
      assertThat(line(off).has("trace_id")).isFalse();
      EventWriter on =
          LineFormat.builder().contextFields(true).contextFieldProvider(new TraceContextFieldProvider(true)).build().newWriter();
      assertThat(line(on).has("trace_id")).isTrue();
    } finally {
      span.end();
    }
  }

  @Test
  void switchIsReadFromPropertyThenEnvironment() {
    Map<String, String> none = Map.of();
    Map<String, String> propOff = Map.of(TraceContextFieldProvider.ENABLED_PROPERTY, "FALSE");
    Map<String, String> propOn = Map.of(TraceContextFieldProvider.ENABLED_PROPERTY, "true");
    Map<String, String> envOff = Map.of(TraceContextFieldProvider.ENABLED_ENV, " false ");
    assertThat(TraceContextFieldProvider.enabledBy(none::get, none::get)).isTrue();
    assertThat(TraceContextFieldProvider.enabledBy(propOff::get, none::get)).isFalse();
    assertThat(TraceContextFieldProvider.enabledBy(none::get, envOff::get)).isFalse();
    // The property wins over the environment.
    assertThat(TraceContextFieldProvider.enabledBy(propOn::get, envOff::get)).isTrue();
    assertThat(TraceContextFieldProvider.enabledBy(none::get, Map.of(TraceContextFieldProvider.ENABLED_ENV, "0")::get)).isTrue();
    assertThat(new TraceContextFieldProvider().isEnabled()).isTrue();
  }

  /** The least of five rounds of 10,000 calls, after warm-up. */
  private static long steadyStateBytes(Runnable r) {
    for (int i = 0; i < 20_000; i++) {
      r.run();
    }
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 10_000; i++) {
        r.run();
      }
      least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
    }
    return least;
  }

  @Test
  void allocatesNothingWithoutASpan() {
    TraceContextFieldProvider provider = new TraceContextFieldProvider(true);
    EventWriter w = LineFormat.builder().contextFields(false).build().newWriter();
    long[] clock = {1_700_000_000_000L};
    long providerOnly =
        steadyStateBytes(
            () -> {
              w.begin(clock[0]++, Level.INFO, "untraced");
              provider.addFields(w);
            });
    assertThat(providerOnly).isZero();

    // The whole line, with the provider found on the classpath.
    EventWriter full = LineFormat.defaults().newWriter();
    assertThat(full.format().contextProviderNames()).contains(TraceContextFieldProvider.class.getName());
    long line = steadyStateBytes(() -> full.begin(clock[0]++, Level.INFO, "untraced").message("reconciled").end());
    assertThat(line).isZero();
  }

  @Test
  void allocationWithASpanIsBounded() {
    EventWriter full = LineFormat.defaults().newWriter();
    long[] clock = {1_700_000_000_000L};
    Span span = otel.startSpan("reconcile");
    long bytes;
    try (Scope ignored = span.makeCurrent()) {
      bytes = steadyStateBytes(() -> full.begin(clock[0]++, Level.INFO, "traced").message("reconciled").end());
    } finally {
      span.end();
    }
    System.out.println("allocated per 10,000 traced lines: " + bytes + " bytes");
    // Bounded: the ids are strings the span context already holds; allow a few bytes per event.
    assertThat(bytes / 10_000.0).isLessThanOrEqualTo(16.0);
  }
}
