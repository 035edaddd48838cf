package io.logconv.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The layout in a real Log4j2 configuration: exact values, every line conformant. */
class ConventionsLayoutTest {
  @BeforeEach
  void setUp() {
    System.setProperty("logconv.test.service", "checkout");
    ThreadContext.clearAll();
  }

  @AfterEach
  void tearDown() {
    System.clearProperty("logconv.test.service");
    ThreadContext.clearAll();
  }

  private static List<JsonNode> conforming(List<String> lines) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : lines) {
      out.add(Lines.conforming(line));
    }
    return out;
  }

  /** The line's fields but {@code ts}, as text, in the line's order. */
  private static Map<String, String> fields(JsonNode line) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    line.properties().forEach(e -> {
      if (!e.getKey().equals("ts")) {
        m.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString());
      }
    });
    return m;
  }

  @Test
  void aServicesEventsFromLog4j2XmlAreConformantLinesWithExactValues() {
    Log4jHarness h = Log4jHarness.capture("log4j2-conventions.xml");
    Logger log = h.logger("controllers.Component");
    ThreadContext.put("request_id", "req-7f3a9c");
    ThreadContext.put("namespace", "samburrai-tenant");
    ThreadContext.put("controllerKind", "Component");
    ThreadContext.put("name", "go-net-http-hello-prqx");
    ThreadContext.put("action", "UPDATE");
    Marker login = MarkerManager.getMarker("LOGIN").addParents(MarkerManager.getMarker("AUDIT"));
    log.info(login, "API Resource {}", "updated");
    ThreadContext.clearAll();
    log.fatal("disk full");
    log.trace("polling {} every {} s", "orders", 30);
    log.info(new StringMapMessage().with("message", "order placed").with("order_id", "o-17").with("host", "node-3"));
    log.info(new StructuredDataMessage("order@32473", "order shipped", "Order", Map.of("carrier", "dhl")));
    List<JsonNode> lines = new ArrayList<>(conforming(h.lines()));

    // The renamed reserved key is warned about once, as a line of its own before the event's.
    assertThat(lines).hasSize(6);
    JsonNode warning = lines.remove(3);
    assertThat(fields(warning)).containsEntry("logger", ConventionsLayout.WARNING_LOGGER).containsEntry("level", "warn");
    assertThat(warning.get("msg").asString()).startsWith("log key 'host' written as 'app_host'");
    assertThat(fields(lines.get(0)))
        .containsExactly(
            Map.entry("level", "info"),
            Map.entry("logger", "controllers.Component"),
            Map.entry("msg", "API Resource updated"),
            Map.entry("action", "UPDATE"),
            Map.entry("audit", "true"),
            Map.entry("namespace", "samburrai-tenant"),
            Map.entry("controllerKind", "Component"),
            Map.entry("name", "go-net-http-hello-prqx"),
            Map.entry("auditLevel", "Metadata"),
            Map.entry("service", "checkout"),
            Map.entry("env", "dev"),
            Map.entry("request_id", "req-7f3a9c"));
    assertThat(lines.get(0).get("audit").isBoolean()).isTrue();
    assertThat(lines.get(0).get("ts").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(fields(lines.get(1))).containsEntry("level", "error").containsEntry("msg", "disk full");
    assertThat(fields(lines.get(2))).containsEntry("level", "trace").containsEntry("msg", "polling orders every 30 s");
    assertThat(fields(lines.get(3)))
        .containsEntry("msg", "order placed")
        .containsEntry("order_id", "o-17")
        .containsEntry("app_host", "node-3") // a key the collector reserves
        .doesNotContainKeys("host", "message");
    assertThat(fields(lines.get(4)))
        .containsEntry("msg", "order shipped")
        .containsEntry("sd_id", "order@32473")
        .containsEntry("carrier", "dhl");
  }

  @Test
  void propertiesAndYamlConfigurationsGiveTheSameLinesAsXml() {
    List<Map<String, String>> perFormat = new ArrayList<>();
    for (String config : List.of("log4j2-conventions.xml", "log4j2-conventions.properties", "log4j2-conventions.yaml")) {
      Log4jHarness h = Log4jHarness.capture(config);
      ThreadContext.put("tenant", "team-a");
      h.logger("orders.Api").warn("retrying {} after {}", "payment", "timeout", new IllegalStateException("gateway down"));
      ThreadContext.clearAll();
      List<JsonNode> lines = conforming(h.lines());
      assertThat(lines).as(config).hasSize(1);
      perFormat.add(fields(lines.get(0)));
    }
    assertThat(perFormat.get(0))
        .containsEntry("msg", "retrying payment after timeout")
        .containsEntry("service", "checkout")
        .containsEntry("env", "dev")
        .containsEntry("tenant", "team-a")
        .containsEntry("error", "java.lang.IllegalStateException: gateway down")
        .containsKey("stack_hash");
    assertThat(perFormat.get(0).get("stacktrace")).startsWith("java.lang.IllegalStateException: gateway down\n\tat io.logconv.log4j2.");
    // excludeFrames="^org\.junit\.": JUnit's frames collapse into counted runs.
    assertThat(perFormat.get(0).get("stacktrace")).doesNotContain("at org.junit.").containsPattern("\\.\\.\\. \\d+ frames excluded");
    assertThat(perFormat.get(1)).isEqualTo(perFormat.get(0));
    assertThat(perFormat.get(2)).isEqualTo(perFormat.get(0));
  }

  @Test
  void secretsAndPersonalDataAreRedacted() {
    Log4jHarness h = Log4jHarness.capture("log4j2-conventions.xml");
    Logger log = h.logger("auth.Login");
    ThreadContext.put("password", "hunter2-S3cret!");
    log.info("user logged in with password {} from {}", "Zq8#rT2!vLp0", "web");
    ThreadContext.clearAll();
    log.info(new StringMapMessage().with("message", "token issued").with("api_key", "k-88a7f1d2c3b4a5968778"));
    log.info("connected to postgres://orders:pa55word@db:5432/orders");
    log.error("login failed", new IllegalArgumentException("bad credentials for password=hunter2-S3cret!"));
    List<String> raw = h.lines();
    List<JsonNode> lines = conforming(raw);
    assertThat(String.join("\n", raw)).doesNotContain("hunter2", "Zq8#rT2", "k-88a7f1d2", "pa55word");
    assertThat(lines.get(0).get("msg").asString()).startsWith("user logged in with password [REDACTED").endsWith(" from web");
    assertThat(lines.get(0).get("password").asString()).startsWith("[REDACTED");
    assertThat(lines.get(1).get("api_key").asString()).startsWith("[REDACTED");
  }

  @Test
  void callerIsTheLoggingLineWhenAsked() {
    Log4jHarness h = Log4jHarness.capture("log4j2-caller.xml");
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    h.logger("x").info("here");
    JsonNode node = conforming(h.lines()).get(0);
    assertThat(node.get("caller").asString()).isEqualTo("io/logconv/log4j2/ConventionsLayoutTest.java:" + line);
  }

  @Test
  void badOptionsGoToTheStatusLoggerAndLinesStayValid() {
    Log4jHarness h = Log4jHarness.capture("log4j2-bad-options.xml");
    h.logger("x").info("still logged");
    List<String> status = h.statusMessages();
    List<JsonNode> lines = conforming(h.lines());
    assertThat(status).anySatisfy(s -> assertThat(s).startsWith("ERROR logconv: layout configuration rejected, defaults used"));
    // The warning as a line of its own, then the event, on the defaults.
    assertThat(lines).hasSize(2);
    assertThat(fields(lines.get(0))).containsEntry("logger", ConventionsLayout.WARNING_LOGGER).containsEntry("level", "warn");
    assertThat(lines.get(0).get("msg").asString()).contains("defaults used");
    assertThat(fields(lines.get(1))).containsEntry("msg", "still logged");
  }

  @Test
  void throwableOptionsWorkAsInTheLogbackEncoder() {
    ConventionsLayout layout = ConventionsLayout.newBuilder().setMaxFramesPerCause(2).setRootCauseFirst(true).setStackHash(true).build();
    Exception root = new java.io.IOException("connection reset");
    Exception top = new IllegalStateException("sync failed", root);
    String line = layout.toSerializable(Events.event("sync", top));
    JsonNode node = Lines.conforming(line);
    String trace = node.get("stacktrace").asString();
    assertThat(trace).startsWith("java.io.IOException: connection reset\n");
    assertThat(trace).contains("Wrapped by: java.lang.IllegalStateException: sync failed");
    assertThat(trace.lines().filter(l -> l.startsWith("\tat ")).count()).isLessThanOrEqualTo(4);
    assertThat(node.get("stack_hash").asString()).matches("[0-9a-f]{8}");
    assertThat(node.get("error").asString()).isEqualTo("java.lang.IllegalStateException: sync failed");
  }

  @Test
  void stackTraceShapingAsInTheLogbackEncoderAndABadPatternIsIgnored() {
    Exception e = new IllegalStateException("x".repeat(300));
    String plain = ConventionsLayout.newBuilder().setStackHash(true).build().toSerializable(Events.event("failed", e));
    String shaped =
        ConventionsLayout.newBuilder()
            .setStackHash(true)
            .setExcludeFrames("^org\\.junit\\.|^java\\.")
            .setShortenClassNames(20)
            .setMaxMessageChars(50)
            .build()
            .toSerializable(Events.event("failed", e));
    JsonNode p = Lines.conforming(plain);
    JsonNode s = Lines.conforming(shaped);
    assertThat(s.get("stack_hash")).isEqualTo(p.get("stack_hash"));
    assertThat(s.get("error").asString()).isEqualTo("java.lang.IllegalStateException: " + "x".repeat(50) + "...[truncated 250 chars]");
    assertThat(s.get("stacktrace").asString()).contains("\tat i.l.l.ConventionsLayoutTest.").contains("frames excluded").doesNotContain("at org.junit.");

    ConventionsLayout bad = ConventionsLayout.newBuilder().setExcludeFrames("([unclosed").build();
    List<String> lines = bad.toSerializable(Events.event("still logged", e)).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(Lines.conforming(lines.get(0)).get("msg").asString()).startsWith("excludeFrames ignored: not a regular expression");
    assertThat(Lines.conforming(lines.get(1)).get("stacktrace").asString()).contains("at org.junit.");
  }

  @Test
  void hostileEventsGiveValidLines() {
    ConventionsLayout layout = ConventionsLayout.createDefault();
    Object throwing =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("boom");
          }
        };
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b); // a cycle
    Exception badMessage =
        new Exception() {
          private static final long serialVersionUID = 1L;

          @Override
          public String getMessage() {
            throw new IllegalStateException("no message");
          }
        };
    List<String> out = new ArrayList<>();
    out.add(layout.toSerializable(Events.event("value {} here", null, throwing)));
    out.add(layout.toSerializable(Events.event("lone \uD800 surrogate and \u0000 control", null)));
    out.add(layout.toSerializable(Events.logger("quote\"logger\\", "x")));
    out.add(layout.toSerializable(Events.event(null, null)));
    out.add(layout.toSerializable(Events.event("x".repeat(100_000), null)));
    out.add(layout.toSerializable(Events.event("cycle", b)));
    out.add(layout.toSerializable(Events.event("bad message", badMessage)));
    Map<String, Object> huge = new TreeMap<>();
    for (int i = 0; i < 2_000; i++) {
      huge.put("key" + i, "value-" + i);
    }
    out.add(layout.toSerializable(Events.withContext("many keys", huge)));
    for (String line : out) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(16384);
      Lines.conforming(line);
    }
    // Log4j2 formats the message, and marks a failed toString() its own way.
    assertThat(Lines.conforming(out.get(0)).get("msg").asString()).startsWith("value [!!!").contains("boom").endsWith("!!!] here");
    assertThat(Lines.conforming(out.get(2)).get("logger").asString()).isEqualTo("quote\"logger\\");
    assertThat(Lines.conforming(out.get(5)).get("stacktrace").asString()).contains("CIRCULAR REFERENCE");
    assertThat(Lines.conforming(out.get(7)).has("logconv_dropped_keys")).isTrue();
  }
}
