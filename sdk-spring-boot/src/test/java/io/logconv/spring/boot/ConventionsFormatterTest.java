package io.logconv.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.logconv.logback.ConventionsEncoder;
import io.logconv.logback.StaticField;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The formatter against the encoder, and each {@code logconv.*} property with its exact effect. */
class ConventionsFormatterTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String KEY = "test-only-hash-key-0123456789abcdef";

  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("io.example.Checkout");

  static StandardEnvironment env(String... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", map));
    return env;
  }

  private LoggingEvent event(String msg, Object... args) {
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.INFO, msg, null, args);
    e.setTimeStamp(1678188749167L);
    e.setMDCPropertyMap(Map.of());
    return e;
  }

  private static JsonNode node(String line) {
    assertThat(line).endsWith("\n").doesNotContain("\n{");
    return JSON.readTree(line);
  }

  private static JsonNode format(LoggingEvent e, String... properties) {
    return node(new ConventionsFormatter(env(properties)).format(e));
  }

  @Test
  void writesExactlyTheEncodersBytes() {
    LoggingEvent e =
        new LoggingEvent(
            Logger.FQCN, logger, Level.ERROR, "charge of {} for {} failed", new IllegalStateException("declined"),
            new Object[] {"4111 1111 1111 1111", "jane@example.com"});
    e.setTimeStamp(1678188749167L);
    e.setMDCPropertyMap(Map.of("request_id", "req-1", "traceId", "4bf92f3577b34da6a3ce929d0e0e4736"));
    e.addKeyValuePair(new KeyValuePair("customer_id", "c-42"));
    e.addKeyValuePair(new KeyValuePair("amount", 12.5));
    e.addMarker(MarkerFactory.getMarker(ConventionsEncoder.AUDIT_MARKER_NAME));

    ConventionsEncoder encoder = new ConventionsEncoder();
    encoder.setContext(context);
    encoder.addField(new StaticField("service", "checkout"));
    encoder.setMdcKeyRenames(ConventionsFormatter.MDC_KEY_RENAMES);
    encoder.setHashKey(KEY);
    encoder.setPiiKeys("customer_id");
    encoder.start();
    ConventionsFormatter formatter =
        new ConventionsFormatter(
            env("spring.application.name", "checkout", "logconv.redaction.hash-key", KEY,
                "logconv.redaction.pii-keys", "customer_id"));

    byte[] firstExpected = encoder.encode(e);
    assertThat(new String(firstExpected, StandardCharsets.UTF_8)).as("with the one-time warning").contains("app_audit'");
    assertThat(formatter.formatAsBytes(e, StandardCharsets.UTF_8)).isEqualTo(firstExpected);
    byte[] expected = encoder.encode(e);
    assertThat(formatter.formatAsBytes(e, StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(formatter.format(e)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(formatter.formatAsBytes(e, StandardCharsets.UTF_16))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16));
  }

  @Test
  void bootSelectsItByClassName() {
    LoggingEvent e = event("hello {}", "ada");
    StandardEnvironment env = env("spring.application.name", "checkout");
    context.putObject(org.springframework.core.env.Environment.class.getName(), env);
    StructuredLogEncoder boot = new StructuredLogEncoder();
    boot.setContext(context);
    boot.setFormat(ConventionsFormatter.class.getName());
    boot.start();
    assertThat(boot.encode(e)).isEqualTo(new ConventionsFormatter(env).formatAsBytes(e, StandardCharsets.UTF_8));
  }

  @Test
  void micrometerTraceIdsAreWrittenUnderTheConventionsNames() {
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "m", null, null);
    e.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7"));
    String line = new ConventionsFormatter(env()).format(e);
    JsonNode n = node(line);
    assertThat(n.get("trace_id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(n.get("span_id").asString()).isEqualTo("00f067aa0ba902b7");
    assertThat(line).doesNotContain("traceId", "spanId");
  }

  @Test
  void withLogconvSdkOtelTooTheLineCarriesOneTraceId() {
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "m", null, null);
    e.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7"));
    SpanContext span =
        SpanContext.create(
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
    String line;
    try (Scope s = Span.wrap(span).makeCurrent()) {
      line = new ConventionsFormatter(env()).format(e);
    }
    JsonNode n = node(line);
    assertThat(n.get("trace_id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(n.get("trace_flags").asString()).as("the OpenTelemetry provider ran").isEqualTo("01");
    assertThat(line.split("\"trace_id\"", -1)).hasSize(2);
    assertThat(line.split("\"span_id\"", -1)).hasSize(2);
  }

  @Test
  void serviceDefaultsToTheApplicationNameAndCanBeSet() {
    assertThat(format(event("m"), "spring.application.name", "checkout").get("service").asString())
        .isEqualTo("checkout");
    assertThat(
            format(event("m"), "spring.application.name", "checkout", "logconv.service", "payments")
                .get("service").asString())
        .isEqualTo("payments");
    assertThat(format(event("m")).has("service")).isFalse();
  }

  @Test
  void versionDefaultsToTheBuildInfoAndCanBeSet() {
    String location = "classpath:test-build-info.properties";
    assertThat(format(event("m"), "spring.info.build.location", location).get("version").asString())
        .isEqualTo("1.2.3");
    assertThat(
            format(event("m"), "spring.info.build.location", location, "logconv.version", "2.0.0")
                .get("version").asString())
        .isEqualTo("2.0.0");
    assertThat(format(event("m")).has("version")).as("no build info on the class path").isFalse();
  }

  @Test
  void fieldsAreWrittenOnEveryLine() {
    JsonNode n = format(event("m"), "logconv.fields.zone", "eu-1", "logconv.fields.tier", "web");
    assertThat(n.get("zone").asString()).isEqualTo("eu-1");
    assertThat(n.get("tier").asString()).isEqualTo("web");
  }

  @Test
  void callerIsOffByDefaultAndCanBeTurnedOn() {
    LoggingEvent e = event("m");
    e.setCallerData(new StackTraceElement[] {new StackTraceElement("io.example.Checkout", "pay", "Checkout.java", 87)});
    assertThat(format(e).has("caller")).isFalse();
    assertThat(format(e, "logconv.caller", "true").get("caller").asString()).isEqualTo("io/example/Checkout.java:87");
  }

  @Test
  void mdcAndKeyValuesCanBeTurnedOff() {
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "m", null, null);
    e.setMDCPropertyMap(Map.of("request_id", "req-1"));
    e.addKeyValuePair(new KeyValuePair("order", "o-1"));
    JsonNode all = format(e);
    assertThat(all.get("request_id").asString()).isEqualTo("req-1");
    assertThat(all.get("order").asString()).isEqualTo("o-1");
    JsonNode noMdc = format(e, "logconv.mdc", "false");
    assertThat(noMdc.has("request_id")).isFalse();
    assertThat(noMdc.has("order")).isTrue();
    JsonNode noKv = format(e, "logconv.key-values", "false");
    assertThat(noKv.has("order")).isFalse();
    assertThat(noKv.has("request_id")).isTrue();
  }

  @Test
  void maxLineBytesLimitsTheLine() {
    LoggingEvent e = event("{}", "y".repeat(100_000));
    assertThat(new ConventionsFormatter(env()).formatAsBytes(e, StandardCharsets.UTF_8)).hasSizeGreaterThan(4096);
    byte[] limited = new ConventionsFormatter(env("logconv.max-line-bytes", "4096")).formatAsBytes(e, StandardCharsets.UTF_8);
    assertThat(limited.length).isLessThanOrEqualTo(4096);
    node(new String(limited, StandardCharsets.UTF_8));
  }

  @Test
  void redactionIsOnByDefaultAndCanBeTurnedOff() {
    LoggingEvent e = event("db password={}", "hunter2");
    assertThat(format(e).get("msg").asString()).isEqualTo("db password=[REDACTED:password]");
    assertThat(format(e, "logconv.redaction.enabled", "false").get("msg").asString()).isEqualTo("db password=hunter2");
  }

  @Test
  void hashKeyMakesHashesStableAndSilencesTheWarning() {
    LoggingEvent e = event("m");
    e.addKeyValuePair(new KeyValuePair("email", "jane@example.com"));
    String first = new ConventionsFormatter(env("logconv.redaction.hash-key", KEY)).format(e);
    String again = new ConventionsFormatter(env("logconv.redaction.hash-key", KEY)).format(e);
    String other = new ConventionsFormatter(env("logconv.redaction.hash-key", KEY + "-other")).format(e);
    assertThat(node(first).get("email").asString()).startsWith("h:");
    assertThat(again).isEqualTo(first);
    assertThat(node(other).get("email").asString()).isNotEqualTo(node(first).get("email").asString());
  }

  @Test
  void missingHashKeyIsWarnedAboutInALineOfItsOwn() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("LOGCONV_REDACT_HASH_KEY") == null && System.getProperty("logconv.redact.hashKey") == null);
    LoggingEvent e = event("m");
    e.addKeyValuePair(new KeyValuePair("email", "jane@example.com"));
    ConventionsFormatter f = new ConventionsFormatter(env("spring.application.name", "checkout"));
    String out = f.format(e);
    assertThat(out).endsWith("\n");
    List<String> lines = List.of(out.substring(0, out.length() - 1).split("\n", -1));
    assertThat(lines).hasSize(2);
    JsonNode warning = JSON.readTree(lines.get(0));
    assertThat(warning.get("logger").asString()).isEqualTo("io.logconv");
    assertThat(warning.get("level").asString()).isEqualTo("warn");
    assertThat(warning.get("service").asString()).isEqualTo("checkout");
    assertThat(warning.get("msg").asString()).startsWith("no hash key is configured");
    assertThat(f.format(e)).as("once").doesNotContain("no hash key");
  }

  @Test
  void redactionModesDisabledDetectorsAndExtraKeys() {
    LoggingEvent e = event("card {} mail {}", "4111 1111 1111 1111", "jane@example.com");
    e.addKeyValuePair(new KeyValuePair("pin", "1234"));
    e.addKeyValuePair(new KeyValuePair("customer", "c-42"));
    JsonNode defaults = format(e, "logconv.redaction.hash-key", KEY);
    assertThat(defaults.get("msg").asString()).contains("[REDACTED:card]").doesNotContain("jane@example.com");
    assertThat(defaults.get("pin").asString()).isEqualTo("1234");
    assertThat(defaults.get("customer").asString()).isEqualTo("c-42");

    JsonNode tuned =
        format(
            e,
            "logconv.redaction.hash-key", KEY,
            "logconv.redaction.modes.card", "mask",
            "logconv.redaction.disabled-detectors", "email",
            "logconv.redaction.secret-keys", "pin",
            "logconv.redaction.pii-keys", "customer");
    assertThat(tuned.get("msg").asString())
        .doesNotContain("[REDACTED:card]", "4111 1111 1111 1111")
        .contains("1111", "jane@example.com");
    assertThat(tuned.get("pin").asString()).startsWith("[REDACTED");
    assertThat(tuned.get("customer").asString()).startsWith("h:");
  }

  @Test
  void networkAddressesAreKeptByDefaultAndHiddenWithTheProperty() {
    LoggingEvent e = event("order from {} via {}", "203.0.113.7:51234", "2001:db8::1");
    e.addKeyValuePair(new KeyValuePair("hwaddr", "00:1a:2b:3c:4d:5e"));
    JsonNode defaults = format(e, "logconv.redaction.hash-key", KEY);
    assertThat(defaults.get("msg").asString()).isEqualTo("order from 203.0.113.7:51234 via 2001:db8::1");
    assertThat(defaults.get("hwaddr").asString()).isEqualTo("00:1a:2b:3c:4d:5e");

    JsonNode on = format(e, "logconv.redaction.hash-key", KEY, "logconv.redaction.network-addresses", "true");
    assertThat(on.get("msg").asString()).isEqualTo("order from [REDACTED:ipv4]:51234 via [REDACTED:ipv6]");
    assertThat(on.get("hwaddr").asString()).isEqualTo("[REDACTED:mac_address]");

    JsonNode hashed =
        format(
            e,
            "logconv.redaction.hash-key", KEY,
            "logconv.redaction.network-addresses", "true",
            "logconv.redaction.modes.ipv4", "hash");
    assertThat(hashed.get("msg").asString()).matches("order from h:[0-9a-f]{12}:51234 via \\[REDACTED:ipv6]");
  }

  @Test
  void stackTraceOptions() {
    IOException root = new IOException("connection reset");
    LoggingEvent e =
        new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "failed", new IllegalStateException("update failed", root), null);
    e.setMDCPropertyMap(Map.of());
    JsonNode defaults = format(e);
    assertThat(defaults.get("stacktrace").asString()).startsWith("java.lang.IllegalStateException: update failed");
    assertThat(defaults.has("stack_hash")).isFalse();

    assertThat(format(e, "logconv.stack-trace.root-cause-first", "true").get("stacktrace").asString())
        .startsWith("java.io.IOException: connection reset");
    assertThat(format(e, "logconv.stack-trace.stack-hash", "true").get("stack_hash").asString()).matches("[0-9a-f]{8}");
    String one = format(e, "logconv.stack-trace.max-frames-per-cause", "1").get("stacktrace").asString();
    String first = one.substring(0, one.indexOf("Caused by:"));
    assertThat(first.split("\n\tat ", -1)).as(one).hasSize(2);
  }

  @Test
  void rejectedConfigurationStopsStartUpWithAMessage() {
    assertThatThrownBy(() -> new ConventionsFormatter(env("logconv.redaction.modes.card", "scramble")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("logconv.* properties rejected")
        .hasMessageContaining("redact, hash or mask");
  }
}
