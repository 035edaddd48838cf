package io.logconv.logback;

import static net.logstash.logback.argument.StructuredArguments.array;
import static net.logstash.logback.argument.StructuredArguments.defer;
import static net.logstash.logback.argument.StructuredArguments.entries;
import static net.logstash.logback.argument.StructuredArguments.fields;
import static net.logstash.logback.argument.StructuredArguments.keyValue;
import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.raw;
import static net.logstash.logback.argument.StructuredArguments.v;
import static net.logstash.logback.argument.StructuredArguments.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.logstash.logback.argument.StructuredArgument;
import net.logstash.logback.marker.LogstashMarker;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service moved from logstash-logback-encoder's {@code LogstashEncoder} to the conventions
 * encoder by changing the encoder class in {@code logback.xml}: its structured arguments and
 * markers are fields of the line, and {@code msg} reads as it did. Real Logback, configured from
 * {@code logback-logstash.xml}; each line is checked whole (its time aside) and against the strict
 * schema.
 */
class LogstashMigrationTest {
  private static final String HEAD = "{\"ts\":\"T\",\"level\":\"info\",\"logger\":\"orders.Reconciler\",";

  /** A record, which Jackson writes as its components in order. */
  public record Order(String id, int qty) {}

  /** A bean, which Jackson 3 writes as its properties sorted by name. */
  public static final class Shipment {
    public String carrier = "dhl";
    public transient String cache = "left out";

    public String getTrackingId() {
      return "trk-1";
    }

    public int getAttempts() {
      return 2;
    }

    public boolean isExpress() {
      return true;
    }

    @Override
    public String toString() {
      return "Shipment(trk-1)";
    }
  }

  /** The lines {@code logging} writes, each checked against the strict schema. */
  private static List<String> log(String resource, Consumer<Logger> logging) {
    LogbackHarness h = LogbackHarness.capture(resource);
    logging.accept(LoggerFactory.getLogger("orders.Reconciler"));
    List<String> lines = h.lines();
    for (String line : lines) {
      Lines.conforming(line);
    }
    return lines;
  }

  private static List<String> log(Consumer<Logger> logging) {
    return log("logback-logstash.xml", logging);
  }

  /** The lines of the application's events, the time replaced by {@code T}. */
  private static List<String> events(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (!line.contains("\"logger\":\"" + ConventionsEncoder.WARNING_LOGGER + "\"")) {
        out.add(line.replaceFirst("\"ts\":\"[^\"]+\"", "\"ts\":\"T\""));
      }
    }
    return out;
  }

  private static Map<String, Object> twoEntries() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k1", "v1");
    m.put("k2", 2);
    return m;
  }

  @Test
  void everyStructuredArgumentBecomesFieldsAndRendersInMsgAsLogstashEncoderRendersIt() {
    StructuredArgument deferred = defer(() -> kv("region", "eu")); // renders as Object's toString()
    List<String> lines =
        events(
            log(
                log -> {
                  log.info("reconciled {}", kv("namespace", "samburrai-tenant"));
                  log.info("reconciled {}", keyValue("replicas", 3));
                  log.info("reconciled {}", v("name", "web-1"));
                  log.info("reconciled {}", value("controllerKind", "Component"));
                  log.info("custom {}", kv("zone", "eu-1", "{0}:{1}!"));
                  log.info("entries {}", entries(twoEntries()));
                  log.info("fields {} and {}", fields(new Order("o-1", 2)), fields(new Shipment()));
                  log.info("array {}", array("tags", "a", 1, true));
                  log.info("raw {}", raw("payload", "{\"x\":[1,2.5],\"y\":null}"));
                  log.info("deferred {}", deferred);
                }));
    assertThat(lines)
        .containsExactly(
            HEAD + "\"msg\":\"reconciled namespace=samburrai-tenant\",\"namespace\":\"samburrai-tenant\",\"service\":\"orders\"}",
            HEAD + "\"msg\":\"reconciled replicas=3\",\"service\":\"orders\",\"replicas\":3}",
            HEAD + "\"msg\":\"reconciled web-1\",\"name\":\"web-1\",\"service\":\"orders\"}",
            HEAD + "\"msg\":\"reconciled Component\",\"controllerKind\":\"Component\",\"service\":\"orders\"}",
            HEAD + "\"msg\":\"custom zone:eu-1!\",\"service\":\"orders\",\"zone\":\"eu-1\"}",
            HEAD + "\"msg\":\"entries {k1=v1, k2=2}\",\"service\":\"orders\",\"k1\":\"v1\",\"k2\":2}",
            HEAD + "\"msg\":\"fields Order[id=o-1, qty=2] and Shipment(trk-1)\",\"service\":\"orders\","
                + "\"id\":\"o-1\",\"qty\":2,\"attempts\":2,\"carrier\":\"dhl\",\"express\":true,\"trackingId\":\"trk-1\"}",
            HEAD + "\"msg\":\"array tags=[a, 1, true]\",\"service\":\"orders\",\"tags\":[\"a\",1,true]}",
            HEAD + "\"msg\":\"raw payload={\\\"x\\\":[1,2.5],\\\"y\\\":null}\",\"service\":\"orders\",\"payload\":{\"x\":[1,2.5],\"y\":null}}",
            HEAD + "\"msg\":\"deferred " + deferred + "\",\"service\":\"orders\",\"region\":\"eu\"}");
  }

  @Test
  void valuesTakeJacksonsShape() {
    List<String> lines =
        events(
            log(
                log ->
                    log.info(
                        "values {} {} {} {} {}",
                        kv("order", new Order("o-2", 3)),
                        kv("ids", new int[] {1, 2}),
                        kv("digest", new byte[] {1, 2}),
                        kv("nothing", null),
                        kv("labels", Map.of("tier", "web")))));
    assertThat(lines)
        .containsExactly(
            HEAD + "\"msg\":\"values order=Order[id=o-2, qty=3] ids=[1, 2] digest=[1, 2] nothing=null labels={tier=web}\","
                + "\"service\":\"orders\",\"order\":{\"id\":\"o-2\",\"qty\":3},\"ids\":[1,2],\"digest\":\"AQI=\","
                + "\"nothing\":null,\"labels\":{\"tier\":\"web\"}}");
  }

  @Test
  void argumentsNoPlaceholderUsesStillBecomeFields() {
    List<String> lines =
        events(log(log -> log.info("order placed", kv("order_id", 42), v("customer_tier", "gold"))));
    assertThat(lines)
        .containsExactly(
            HEAD + "\"msg\":\"order placed\",\"service\":\"orders\",\"order_id\":42,\"customer_tier\":\"gold\"}");
  }

  /**
   * Choices of our own where the library's output is no use: a map given to {@code fields} is
   * written as its entries (the library writes nothing), and raw text that is not JSON is written
   * as a string (the library copies it into the line, which is then no JSON).
   */
  @Test
  void fieldsOfAMapAndRawTextThatIsNoJson() {
    List<String> lines =
        events(log(log -> log.info("odd {} {}", fields(twoEntries()), raw("payload", "{\"x\":"))));
    assertThat(lines)
        .containsExactly(
            HEAD + "\"msg\":\"odd {k1=v1, k2=2} payload={\\\"x\\\":\",\"service\":\"orders\",\"k1\":\"v1\",\"k2\":2,"
                + "\"payload\":\"{\\\"x\\\":\"}");
  }

  @Test
  void everyMarkerBecomesFields() {
    List<String> lines =
        events(
            log(
                log -> {
                  log.info(Markers.append("order_id", 7), "placed");
                  log.info(Markers.appendEntries(twoEntries()), "entries");
                  log.info(Markers.appendFields(new Order("o-3", 1)), "fields");
                  log.info(Markers.appendArray("items", 1, "two"), "array");
                  log.info(Markers.appendRaw("raw", "{\"r\":true}"), "raw");
                  log.info(Markers.defer(() -> Markers.append("deferred", "yes")), "deferred");
                }));
    assertThat(lines)
        .containsExactly(
            HEAD + "\"msg\":\"placed\",\"service\":\"orders\",\"order_id\":7}",
            HEAD + "\"msg\":\"entries\",\"service\":\"orders\",\"k1\":\"v1\",\"k2\":2}",
            HEAD + "\"msg\":\"fields\",\"service\":\"orders\",\"id\":\"o-3\",\"qty\":1}",
            HEAD + "\"msg\":\"array\",\"service\":\"orders\",\"items\":[1,\"two\"]}",
            HEAD + "\"msg\":\"raw\",\"service\":\"orders\",\"raw\":{\"r\":true}}",
            HEAD + "\"msg\":\"deferred\",\"service\":\"orders\",\"deferred\":\"yes\"}");
  }

  @Test
  void chainedAndAggregatedMarkersAndTheAuditMarker() {
    List<String> lines =
        events(
            log(
                log -> {
                  LogstashMarker chained =
                      Markers.append("a", 1)
                          .and(Markers.append("b", 2))
                          .and(Markers.appendEntries(Map.of("c", 3)));
                  log.info(chained, "chained");
                  log.info(
                      Markers.aggregate(
                          Markers.append("order_id", 9),
                          Markers.append("action", "UPDATE"),
                          MarkerFactory.getMarker(ConventionsEncoder.AUDIT_MARKER_NAME)),
                      "aggregated");
                  log.atInfo()
                      .addMarker(MarkerFactory.getMarker(ConventionsEncoder.AUDIT_MARKER_NAME))
                      .addMarker(Markers.append("action", "DELETE"))
                      .log("two markers");
                  // Given as an argument, a marker's references are not its fields (as in the library).
                  log.info("argument {}", ((LogstashMarker) entries(Map.of("k", 1))).and(Markers.append("z", 1)));
                }));
    assertThat(lines)
        .containsExactly(
            HEAD + "\"msg\":\"chained\",\"service\":\"orders\",\"a\":1,\"b\":2,\"c\":3}",
            HEAD + "\"msg\":\"aggregated\",\"action\":\"UPDATE\",\"audit\":true,\"auditLevel\":\"Metadata\",\"service\":\"orders\",\"order_id\":9}",
            HEAD + "\"msg\":\"two markers\",\"action\":\"DELETE\",\"audit\":true,\"auditLevel\":\"Metadata\",\"service\":\"orders\"}",
            HEAD + "\"msg\":\"argument {k=1}, z=1\",\"service\":\"orders\",\"k\":1}");
  }

  @Test
  void keysAreRepaired() {
    List<String> all =
        log(
            log -> {
              log.info("on {}", kv("host", "node-1"));
              log.info(Markers.append("pod_name", "web-0").and(Markers.append("order-id", 5)), "marker");
              log.info("entries {}", entries(Map.of("time", "now")));
            });
    assertThat(events(all))
        .containsExactly(
            HEAD + "\"msg\":\"on host=node-1\",\"service\":\"orders\",\"app_host\":\"node-1\"}",
            HEAD + "\"msg\":\"marker\",\"service\":\"orders\",\"app_pod_name\":\"web-0\",\"order_id\":5}",
            HEAD + "\"msg\":\"entries {time=now}\",\"service\":\"orders\",\"app_time\":\"now\"}");
    assertThat(all).anyMatch(l -> l.contains("'host' written as 'app_host'"));
  }

  @Test
  void secretsAreRedactedInFieldsAndInMsg() {
    List<String> all =
        log(
            log -> {
              log.info("login {}", kv("password", "hunter2"));
              log.info("login {}", v("password", "hunter2"));
              log.info("login {}", kv("api_key", "hunter2", "{0} is {1}"));
              log.info("login {}", entries(Map.of("password", "hunter2")));
              log.info("login {}", kv("credentials", Map.of("password", "hunter2")));
              log.info(Markers.append("password", "hunter2").and(Markers.appendRaw("token", "\"hunter2\"")), "marker");
            });
    assertThat(all).noneMatch(l -> l.contains("hunter2"));
    assertThat(events(all))
        .containsExactly(
            HEAD + "\"msg\":\"login password=[REDACTED:password]\",\"service\":\"orders\",\"password\":\"[REDACTED:password]\"}",
            HEAD + "\"msg\":\"login [REDACTED:password]\",\"service\":\"orders\",\"password\":\"[REDACTED:password]\"}",
            HEAD + "\"msg\":\"login api_key is [REDACTED:api_key]\",\"service\":\"orders\",\"api_key\":\"[REDACTED:api_key]\"}",
            HEAD + "\"msg\":\"login {password=[REDACTED:password]}\",\"service\":\"orders\",\"password\":\"[REDACTED:password]\"}",
            HEAD + "\"msg\":\"login credentials=[REDACTED:credentials]\",\"service\":\"orders\",\"credentials\":\"[REDACTED:credentials]\"}",
            HEAD + "\"msg\":\"marker\",\"service\":\"orders\",\"password\":\"[REDACTED:password]\",\"token\":\"[REDACTED:token]\"}");
  }

  /** Behind an AsyncAppender the message was formatted on the logging thread; secrets stay hidden. */
  @Test
  void behindAnAsyncAppender() {
    List<String> lines =
        events(
            log(
                "logback-logstash-async.xml",
                log -> {
                  log.info("reconciled {}", kv("namespace", "samburrai-tenant"));
                  log.info("login {} as {}", v("password", "hunter2"), kv("role", "admin"));
                  log.info(Markers.append("order_id", 7), "placed");
                }));
    assertThat(lines)
        .containsExactly(
            HEAD + "\"msg\":\"reconciled namespace=samburrai-tenant\",\"namespace\":\"samburrai-tenant\",\"service\":\"orders\"}",
            HEAD + "\"msg\":\"login [REDACTED:password] as role=admin\",\"service\":\"orders\",\"password\":\"[REDACTED:password]\",\"role\":\"admin\"}",
            HEAD + "\"msg\":\"placed\",\"service\":\"orders\",\"order_id\":7}");
  }

  /** An application's own {@code StructuredArgument} writes through Jackson only: said once, not lost silently. */
  @Test
  void anArgumentOfAnUnknownKindIsReportedOnce() {
    StructuredArgument own =
        new StructuredArgument() {
          @Override
          public void writeTo(JsonGenerator generator) {
            generator.writeStringProperty("own", "x");
          }

          @Override
          public String toString() {
            return "own=x";
          }
        };
    List<String> all =
        log(
            log -> {
              log.info("first {}", own);
              log.info("second {}", own);
            });
    assertThat(events(all))
        .containsExactly(
            HEAD + "\"msg\":\"first own=x\",\"service\":\"orders\"}",
            HEAD + "\"msg\":\"second own=x\",\"service\":\"orders\"}");
    assertThat(all.stream().filter(l -> l.contains("cannot be read without Jackson")).count()).isEqualTo(1);
  }

  /** Each class, field and method this release of the library is read through is found. */
  @Test
  void everyMemberOfTheLibraryThatIsReadIsFound() {
    assertThat(LogstashFields.PRESENT).isTrue();
    assertThat(LogstashFields.unresolved()).isEmpty();
  }

  @Test
  void aPlainMarkerIsNoField() {
    List<String> all = log(log -> log.info(MarkerFactory.getMarker("NOTIFY"), "plain {}", "arg"));
    JsonNode n = Lines.conforming(all.get(0));
    assertThat(Lines.keys(n)).containsExactly("ts", "level", "logger", "msg", "service");
  }

  /**
   * The README's before ({@code LogstashEncoder}) and after ({@code ConventionsEncoder}): the same
   * calls give the same application fields and the same message; only the names of the encoders'
   * own fields differ ({@code @timestamp}/{@code ts}, {@code message}/{@code msg}, …).
   */
  @Test
  void theReadmesBeforeAndAfterGiveTheSameFieldsAndMessages() {
    Consumer<Logger> calls =
        log -> {
          MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
          try {
            log.info("reconciled {} in {} ms", kv("namespace", "samburrai-tenant"), v("elapsed_ms", 87));
            log.info(
                Markers.append("order_id", 42).and(Markers.appendArray("items", "a", "b")),
                "order {}",
                v("state", "placed"));
            log.info("shipment {}", fields(new Order("o-9", 1)), entries(Map.of("carrier", "dhl")));
            log.info("audit {}", raw("diff", "{\"replicas\":[2,3]}"));
          } finally {
            MDC.clear();
          }
        };
    LogbackHarness before = LogbackHarness.capture("logback-logstash-before.xml");
    calls.accept(LoggerFactory.getLogger("orders.Reconciler"));
    List<String> lle = before.lines();
    List<String> ours = log("logback-logstash-after.xml", calls);
    assertThat(ours).hasSameSizeAs(lle).hasSize(4);
    for (int i = 0; i < lle.size(); i++) {
      ObjectNode theirs = (ObjectNode) Lines.MAPPER.readTree(lle.get(i));
      ObjectNode mine = (ObjectNode) Lines.MAPPER.readTree(ours.get(i));
      assertThat(mine.get("msg").asString()).isEqualTo(theirs.get("message").asString());
      assertThat(mine.get("caller").asString()).startsWith("io/logconv/logback/LogstashMigrationTest.java:");
      theirs.remove(
          List.of("@timestamp", "@version", "message", "logger_name", "thread_name", "level", "level_value",
              "caller_class_name", "caller_method_name", "caller_file_name", "caller_line_number"));
      mine.remove(List.of("ts", "level", "logger", "msg", "caller"));
      assertThat(mine).as(ours.get(i)).isEqualTo(theirs);
    }
  }
}
