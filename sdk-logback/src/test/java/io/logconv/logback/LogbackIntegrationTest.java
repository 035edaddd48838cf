package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import io.logconv.core.api.ConventionsEvent;
import io.logconv.schema.Action;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.JsonNode;

/** Logback configured from real logback.xml files, logging through SLF4J, output checked exactly. */
class LogbackIntegrationTest {
  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  private static List<JsonNode> conforming(List<String> lines) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : lines) {
      nodes.add(Lines.conforming(line));
    }
    return nodes;
  }

  @Test
  void classicAndFluentApiMdcMarkersAndExceptions() {
    LogbackHarness h = LogbackHarness.capture("logback-console-caller.xml");
    Logger log = LoggerFactory.getLogger("controllers.Component");
    MDC.put("request_id", "req-7f3a9c");
    MDC.put("pod_name", "should-be-renamed");
    log.info("reconciled {} in {} ms", "go-net-http-hello-prqx", 87);
    log.atInfo()
        .addKeyValue("namespace", "samburrai-tenant")
        .addKeyValue("controllerKind", "Component")
        .addKeyValue("name", "go-net-http-hello-prqx")
        .addKeyValue("action", "UPDATE")
        .addKeyValue("audit", true)
        .addKeyValue("request_id", "req-from-kv")
        .log("API Resource updated");
    ConventionsEvent.on(log.atWarn()).resource("ns", "Component", "web").audit(Action.DELETE).log("deleted");
    log.info(MarkerFactory.getMarker("AUDIT"), "viewed {}", "secret-list");
    IOException root = new IOException("connection reset");
    log.error("update of {} failed", "web", new IllegalStateException("update failed", root));
    log.debug("debug line");
    log.trace("not enabled");
    List<String> status = h.statusMessages();
    List<JsonNode> all = conforming(h.lines());

    // The encoder's own one-time warnings are lines too, each just before the line that caused it.
    assertThat(all).hasSize(8);
    assertThat(List.of(all.get(0), all.get(4)))
        .allSatisfy(w -> assertThat(w.get("logger").asString()).isEqualTo(ConventionsEncoder.WARNING_LOGGER))
        .allSatisfy(w -> assertThat(w.get("level").asString()).isEqualTo("warn"))
        .map(w -> w.get("msg").asString())
        .satisfiesExactly(
            m -> assertThat(m).contains("'pod_name' written as 'app_pod_name'"),
            m -> assertThat(m).contains("'audit' written as 'app_audit'"));
    List<JsonNode> n =
        all.stream().filter(l -> !l.get("logger").asString().equals(ConventionsEncoder.WARNING_LOGGER)).toList();
    assertThat(n).hasSize(6);
    JsonNode first = n.get(0);
    assertThat(Lines.keys(first))
        .containsExactly(
            "ts", "level", "logger", "msg", "caller", "service", "version", "request_id", "app_pod_name");
    assertThat(first.get("msg").asString()).isEqualTo("reconciled go-net-http-hello-prqx in 87 ms");
    assertThat(first.get("caller").asString()).matches("io/logconv/logback/LogbackIntegrationTest\\.java:\\d+");
    assertThat(first.get("service").asString()).isEqualTo("component-controller");
    assertThat(first.get("app_pod_name").asString()).isEqualTo("should-be-renamed");

    JsonNode fluent = n.get(1);
    assertThat(Lines.keys(fluent))
        .containsExactly(
            "ts", "level", "logger", "msg", "caller", "action", "audit", "namespace",
            "controllerKind", "name", "auditLevel", "service", "version", "app_pod_name", "request_id");
    assertThat(fluent.get("audit").asBoolean()).isTrue();
    assertThat(fluent.get("request_id").asString()).as("key/values win over MDC").isEqualTo("req-from-kv");

    assertThat(n.get(2).get("level").asString()).isEqualTo("warn");
    assertThat(n.get(2).get("action").asString()).isEqualTo("DELETE");
    assertThat(n.get(2).get("caller").asString())
        .as("the typed API is not the caller")
        .matches("io/logconv/logback/LogbackIntegrationTest\\.java:\\d+");

    // An AUDIT marker without an action cannot be a conformant audit event: it moves to app_audit.
    assertThat(n.get(3).has("audit")).isFalse();
    assertThat(n.get(3).get("app_audit").asBoolean()).isTrue();

    JsonNode err = n.get(4);
    assertThat(err.get("level").asString()).isEqualTo("error");
    assertThat(err.get("msg").asString()).isEqualTo("update of web failed");
    assertThat(err.get("error").asString()).isEqualTo("java.lang.IllegalStateException: update failed");
    assertThat(err.get("stacktrace").asString())
        .contains("Caused by: java.io.IOException: connection reset")
        .contains("frames omitted");

    assertThat(n.get(5).get("level").asString()).isEqualTo("debug");
    assertThat(status).anyMatch(s -> s.contains("pod_name") && s.contains("app_pod_name"));
    assertThat(status.stream().filter(s -> s.contains("'pod_name'"))).hasSize(1);
  }

  @Test
  void theReadmeSpringXmlRenamesTraceIdsAndKeepsWarningsOffTheStatusManager() {
    LogbackHarness h = LogbackHarness.capture("logback-spring-readme.xml");
    Logger log = LoggerFactory.getLogger("io.example.Orders");
    MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    MDC.put("spanId", "00f067aa0ba902b7");
    try {
      log.atInfo().addKeyValue("pod_name", "web-0").log("shown");
    } finally {
      MDC.clear();
    }
    List<String> status = h.statusMessages();
    List<JsonNode> n = conforming(h.lines());
    assertThat(n).hasSize(2);
    assertThat(n.get(0).get("logger").asString()).isEqualTo(ConventionsEncoder.WARNING_LOGGER);
    assertThat(n.get(1).get("trace_id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(n.get(1).get("span_id").asString()).isEqualTo("00f067aa0ba902b7");
    assertThat(status).noneMatch(s -> s.contains("pod_name"));
  }

  @Test
  void theReadmeLogbackXmlWritesConformantRedactableLines() {
    LogbackHarness h = LogbackHarness.capture("logback.xml");
    Logger log = LoggerFactory.getLogger("io.example.Reconciler");
    log.atInfo().addKeyValue("namespace", "team-a").log("started");
    log.error("failed", new IllegalStateException("boom"));
    List<JsonNode> n = conforming(h.lines());
    assertThat(n).hasSize(2);
    assertThat(n.get(0).get("service").asString()).isEqualTo("component-controller");
    assertThat(n.get(1).get("stack_hash").asString()).matches("[0-9a-f]{8}");
  }

  @Test
  void networkAddressesFromLogbackXmlAreHashedAlikeHoweverSpelled() {
    LogbackHarness h = LogbackHarness.capture("logback-network-addresses.xml");
    Logger log = LoggerFactory.getLogger("io.example.Gateway");
    MDC.put("client_ip", "192.0.2.33");
    log.info("accepted from {} on {}", "::ffff:192.0.2.33", "00:1a:2b:3c:4d:5e");
    MDC.clear();
    log.atInfo().addKeyValue("peer", "2001:DB8:0:0::1").log("listening on 0.0.0.0:8080 for [2001:db8::1]:443");
    List<JsonNode> n = conforming(h.lines());
    assertThat(n).hasSize(2);
    String client = n.get(0).get("client_ip").asString();
    assertThat(client).matches("h:[0-9a-f]{12}");
    assertThat(n.get(0).get("msg").asString())
        .isEqualTo("accepted from " + client + " on [REDACTED:mac_address]");
    String peer = n.get(1).get("peer").asString();
    assertThat(peer).matches("h:[0-9a-f]{12}").isNotEqualTo(client);
    assertThat(n.get(1).get("msg").asString()).isEqualTo("listening on 0.0.0.0:8080 for [" + peer + "]:443");
  }

  @Test
  void asyncAppenderCapturesTheMessageAtLoggingTime() {
    LogbackHarness h = LogbackHarness.capture("logback-async.xml");
    Logger log = LoggerFactory.getLogger("controllers.Component");
    StringBuilder mutable = new StringBuilder("before");
    MDC.put("request_id", "r1");
    log.info("value is {}", mutable);
    mutable.setLength(0);
    mutable.append("after");
    MDC.put("request_id", "r2");
    log.atInfo().addKeyValue("namespace", "ns").log("second");
    List<String> status = h.statusMessages();
    List<JsonNode> n = conforming(h.lines());
    assertThat(status).noneMatch(m -> m.startsWith("logconv"));
    assertThat(n).hasSize(2);
    assertThat(n.get(0).get("msg").asString()).isEqualTo("value is before");
    assertThat(n.get(0).get("request_id").asString()).isEqualTo("r1");
    assertThat(n.get(1).get("request_id").asString()).isEqualTo("r2");
    assertThat(n.get(1).get("namespace").asString()).isEqualTo("ns");
  }
}
