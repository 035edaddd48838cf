package io.logconv.opensearch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.EventWriter;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.opensearch.LogconvIngestPlugin;
import io.logconv.opensearch.cluster.TestLines.Doc;
import io.logconv.opensearch.cluster.TestLines.Form;
import io.logconv.schema.Conventions;
import io.logconv.schema.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.ingest.common.IngestCommonPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code logconv} ingest processor on a real three-node cluster started in this JVM: the
 * pipeline over REST, real and planted lines as Fluent Bit sends them, redaction seen through
 * search, audit routing, an alert query, throughput against the {@code json} processor, and a
 * node stopped during a bulk load. One cluster for the whole class; the node stop comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogconvPipelineClusterTest {
  static final String MAIN = "app-logs";
  static final String AUDIT = "audit-logs";
  static final String RAW = "app-raw";

  @TempDir static Path dir;
  private static ThreeNodeCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    List<Class<? extends Plugin>> plugins = new ArrayList<>();
    plugins.add(Netty4Plugin.class);
    plugins.add(IngestCommonPlugin.class);
    plugins.add(LogconvIngestPlugin.class);
    long t0 = System.nanoTime();
    cluster = ThreeNodeCluster.start(dir, plugins);
    System.out.printf(
        Locale.ROOT, "cluster green in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    ThreeNodeCluster.Response t = cluster.putIndexTemplate("logconv-test", indexTemplate());
    assertThat(t.ok()).as(t.body()).isTrue();
    put("raw-json", "{\"processors\":[{\"json\":{\"field\":\"log\",\"add_to_root\":true}}]}");
    put("logconv-log", "{\"processors\":[{\"logconv\":{\"field\":\"log\",\"audit_index\":\"" + AUDIT + "\"}}]}");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static void put(String id, String body) {
    ThreeNodeCluster.Response r = cluster.putPipeline(id, body);
    assertThat(r.ok()).as("PUT pipeline %s: %s", id, r.body()).isTrue();
  }

  /**
   * The official template when the schema module ships it (its patterns pointed at the test's
   * indices), else the test's minimal one; either way with the fields the test queries.
   */
  static String indexTemplate() {
    ObjectNode mine = (ObjectNode) TestLines.JSON.readTree(TestLines.resource("templates/logconv-test-index-template.json"));
    String official = "io/logconv/schema/opensearch-index-template.json";
    if (TestLines.class.getClassLoader().getResource(official) == null) {
      return mine.toString();
    }
    ObjectNode t = (ObjectNode) TestLines.JSON.readTree(TestLines.resource(official));
    t.set("index_patterns", mine.get("index_patterns"));
    t.set("priority", mine.get("priority"));
    ObjectNode tpl = t.has("template") ? (ObjectNode) t.get("template") : t.putObject("template");
    tpl.set("settings", mine.path("template").path("settings"));
    ObjectNode mappings = tpl.has("mappings") ? (ObjectNode) tpl.get("mappings") : tpl.putObject("mappings");
    ObjectNode props = mappings.has("properties") ? (ObjectNode) mappings.get("properties") : mappings.putObject("properties");
    for (Map.Entry<String, JsonNode> e : mine.path("template").path("mappings").path("properties").properties()) {
      if (!props.has(e.getKey())) {
        props.set(e.getKey(), e.getValue());
      }
    }
    return t.toString();
  }

  @Test
  @Order(1)
  void pipelineOverRest() {
    ThreeNodeCluster.Response ok =
        cluster.putPipeline("logconv", "{\"description\":\"logconv: check and redact\",\"processors\":[{\"logconv\":{\"audit_index\":\"" + AUDIT + "\"}}]}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("acknowledged").asBoolean()).isTrue();
    JsonNode got = cluster.request("GET", "/_ingest/pipeline/logconv", null).json();
    assertThat(got.path("logconv").path("processors").get(0).path("logconv").path("audit_index").asString())
        .isEqualTo(AUDIT);

    ThreeNodeCluster.Response unknown =
        cluster.putPipeline("bad", "{\"processors\":[{\"logconv\":{\"redcat\":false}}]}");
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.body()).contains("redcat");
    ThreeNodeCluster.Response badType =
        cluster.putPipeline("bad", "{\"processors\":[{\"logconv\":{\"redact\":\"maybe\"}}]}");
    assertThat(badType.status()).as(badType.body()).isEqualTo(400);
    assertThat(badType.body()).contains("redact");
    assertThat(cluster.request("GET", "/_ingest/pipeline/bad", null).status()).isEqualTo(404);
    System.out.println("bad option answers: " + unknown.body() + "\n  " + badType.body());
  }

  /** Every kind of line, each document in one of the two forms. */
  static List<Doc> mixedDocs() {
    List<Doc> docs = new ArrayList<>();
    int[] n = {0};
    java.util.function.BiConsumer<String, List<String>> add =
        (prefix, lines) -> {
          for (String line : lines) {
            int i = n[0]++;
            Form form = i % 2 == 0 ? Form.MERGED : Form.LOG_FIELD;
            boolean audit = line.contains("\"audit\":true");
            docs.add(new Doc(String.format(Locale.ROOT, "%s-%03d", prefix, i), line, form, audit));
          }
        };
    add.accept("corpus", TestLines.corpora());
    add.accept("sdk", TestLines.conformant(24));
    add.accept("bad", TestLines.violations());
    add.accept("secret", TestLines.withSecrets());
    EventWriter w = TestLines.auditFormat("vault").newWriter();
    List<String> audits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      audits.add(TestLines.auditLine(w, TestLines.T0 + i, "carol@example.com", Outcome.ALLOWED, "ConfigMap", "app-config"));
    }
    add.accept("audit", audits);
    return docs;
  }

  private static void bulkOnce(List<Doc> docs, String index, String mergedPipeline, String logPipeline) {
    StringBuilder sb = new StringBuilder();
    for (Doc d : docs) {
      String p = d.form() == Form.MERGED ? mergedPipeline : logPipeline;
      sb.append(BulkLoader.ndjson(Map.of(d.id(), d.source()), index, p));
    }
    ThreeNodeCluster.Response r = cluster.bulk(sb.toString(), "?refresh=wait_for");
    assertThat(r.ok()).as(r.body()).isTrue();
    List<String> failed = new ArrayList<>();
    r.json().path("items").forEach(it -> {
      if (it.path("index").path("status").asInt() >= 300) {
        failed.add(it.path("index").toString());
      }
    });
    assertThat(failed).isEmpty();
  }

  private static Map<String, JsonNode> allDocs(String indices) {
    JsonNode hits = cluster.search(indices, "{\"size\":1000,\"query\":{\"match_all\":{}}}").path("hits").path("hits");
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode h : hits) {
      out.put(h.path("_id").asString(), h);
    }
    return out;
  }

  @Test
  @Order(2)
  void realAndPlantedLinesAreCheckedRedactedAndRouted() {
    List<Doc> docs = mixedDocs();
    assertThat(SecretRedactor.defaults().redact("msg", "a " + TestLines.EMAIL + " b", new StringBuilder()).toString())
        .as("the planted e-mail is one the SDK's detectors know")
        .doesNotContain(TestLines.EMAIL);
    bulkOnce(docs, MAIN, "logconv", "logconv-log");
    cluster.refresh(MAIN + "," + AUDIT);

    long audits = docs.stream().filter(Doc::audit).count();
    assertThat(cluster.count(MAIN) + cluster.count(AUDIT)).isEqualTo(docs.size());
    assertThat(cluster.count(AUDIT)).isEqualTo(audits);

    Map<String, JsonNode> indexed = allDocs(MAIN + "," + AUDIT);
    assertThat(indexed).hasSize(docs.size());
    List<String> mismatches = new ArrayList<>();
    int reordered = 0;
    for (Doc d : docs) {
      JsonNode hit = indexed.get(d.id());
      assertThat(hit).as(d.id()).isNotNull();
      assertThat(hit.path("_index").asString()).as("%s: %s", d.id(), d.line()).isEqualTo(d.audit() ? AUDIT : MAIN);
      JsonNode target = hit.path("_source").path("logconv");
      List<String> findings = new ArrayList<>();
      target.path("findings").forEach(f -> findings.add(f.asString()));
      List<String> expected = TestLines.expectedFindings(d.line());
      // With field: log the processor checks the line's own text, so the ids come in the
      // validator's order. A merged document reaches an ingest processor as OpenSearch's
      // unordered source map (IndexRequest.sourceAsMap()), so the line's key order, and with it
      // the order of findings on different keys, is gone: the same ids, in any order.
      boolean same =
          d.form() == Form.LOG_FIELD
              ? findings.equals(expected)
              : findings.size() == expected.size() && new HashSet<>(findings).equals(new HashSet<>(expected));
      if (!same) {
        mismatches.add(d.id() + " (" + d.form() + ") got " + findings + " expected " + expected + " for " + d.line());
      } else if (!findings.equals(expected)) {
        reordered++;
      }
      if (expected.isEmpty()) {
        assertThat(target.path("conforms").asBoolean(false)).as(d.id()).isTrue();
      }
    }
    assertThat(mismatches).isEmpty();
    System.out.printf(Locale.ROOT,
        "%d documents, %d audit, findings as LineValidator's (%d merged ones in another order)%n",
        docs.size(), audits, reordered);
  }

  /** The README's two views for a team: conformance per service, and findings by rule. */
  @Test
  @Order(3)
  void conformancePerServiceAndFindingsByRule() {
    Map<String, long[]> services = new HashMap<>(); // service -> {documents, conforming}
    Map<String, Long> rules = new HashMap<>();
    for (Doc d : mixedDocs()) {
      if (d.audit()) {
        continue;
      }
      List<String> expected = TestLines.expectedFindings(d.line());
      expected.forEach(id -> rules.merge(id, 1L, Long::sum));
      JsonNode service = TestLines.JSON.readTree(d.line()).path("service");
      if (service.isString()) {
        long[] c = services.computeIfAbsent(service.asString(), k -> new long[2]);
        c[0]++;
        c[1] += expected.isEmpty() ? 1 : 0;
      }
    }
    JsonNode perService = cluster.search(MAIN, "{\"size\":0,\"aggs\":{\"service\":{\"terms\":{\"field\":\"service\",\"size\":100},"
        + "\"aggs\":{\"conforming\":{\"filter\":{\"term\":{\"logconv.conforms\":true}}}}}}}");
    Map<String, long[]> got = new HashMap<>();
    for (JsonNode b : perService.path("aggregations").path("service").path("buckets")) {
      got.put(b.path("key").asString(), new long[] {b.path("doc_count").asLong(), b.path("conforming").path("doc_count").asLong()});
    }
    assertThat(got.keySet()).isEqualTo(services.keySet());
    services.forEach((k, v) -> assertThat(got.get(k)).as(k).containsExactly(v));
    JsonNode byRule = cluster.search(MAIN, "{\"size\":0,\"aggs\":{\"rules\":{\"terms\":{\"field\":\"logconv.findings\",\"size\":50}}}}");
    Map<String, Long> gotRules = new HashMap<>();
    for (JsonNode b : byRule.path("aggregations").path("rules").path("buckets")) {
      gotRules.put(b.path("key").asString(), b.path("doc_count").asLong());
    }
    assertThat(gotRules).isEqualTo(rules);
    System.out.println("per service {docs, conforming}: " + got.entrySet().stream()
        .map(e -> e.getKey() + "=" + java.util.Arrays.toString(e.getValue())).toList() + "; by rule: " + gotRules);
  }

  private static long hits(String index, String query) {
    return cluster.search(index, "{\"size\":0,\"track_total_hits\":true,\"query\":" + query + "}")
        .path("hits").path("total").path("value").asLong();
  }

  private static String queryString(String token) {
    return "{\"query_string\":{\"query\":" + TestLines.JSON.writeValueAsString("\"" + token + "\"") + ",\"fields\":[\"*\"]}}";
  }

  private static String matchPhrase(String token) {
    return "{\"match_phrase\":{\"msg\":" + TestLines.JSON.writeValueAsString(token) + "}}";
  }

  @Test
  @Order(4)
  void noPlantedSecretIsSearchable() {
    // The control: the json processor alone keeps the secrets, and the same queries find them.
    List<Doc> secrets = new ArrayList<>();
    int i = 0;
    for (String line : TestLines.withSecrets()) {
      secrets.add(new Doc("raw-" + i++, line, Form.LOG_FIELD, false));
    }
    bulkOnce(secrets, RAW, "raw-json", "raw-json");
    for (String s : TestLines.SECRETS) {
      assertThat(hits(RAW, queryString(s))).as("control finds %s", s).isEqualTo(1);
    }
    for (String s : TestLines.SECRETS_IN_MSG) {
      assertThat(hits(RAW, matchPhrase(s))).as("control finds %s in msg", s).isEqualTo(1);
    }
    for (String s : TestLines.SECRETS) {
      assertThat(hits(MAIN + "," + AUDIT, queryString(s))).as("query_string %s", s).isZero();
      assertThat(hits(MAIN + "," + AUDIT, matchPhrase(s))).as("match_phrase %s", s).isZero();
    }
    List<String> ids = mixedDocs().stream().map(Doc::id).filter(id -> id.startsWith("secret-")).toList();
    JsonNode all = cluster.search(MAIN, "{\"size\":100,\"query\":{\"ids\":{\"values\":"
        + TestLines.JSON.writeValueAsString(ids) + "}}}").path("hits").path("hits");
    assertThat(all).hasSize(TestLines.SECRETS.size());
    for (JsonNode h : all) {
      String src = h.path("_source").toString();
      for (String s : TestLines.SECRETS) {
        assertThat(src).doesNotContain(s);
      }
    }
  }

  /** Issue item 6: an actor denied on secrets ten times in a minute. */
  static String alertQuery(String from, String to) {
    return "{\"size\":0,\"query\":{\"bool\":{\"filter\":["
        + "{\"term\":{\"audit\":true}},"
        + "{\"term\":{\"outcome\":\"denied\"}},"
        + "{\"terms\":{\"controllerKind\":[\"Secret\",\"secrets\"]}},"
        + "{\"range\":{\"ts\":{\"gte\":\"" + from + "\",\"lt\":\"" + to + "\"}}}]}},"
        + "\"aggs\":{\"actors\":{\"terms\":{\"field\":\"actor\",\"min_doc_count\":10}}}}";
  }

  @Test
  @Order(5)
  void alertOnTenDenialsOnSecretsInAMinute() {
    EventWriter w = TestLines.auditFormat("vault").newWriter();
    long start = TestLines.T0 + TimeUnit.HOURS.toMillis(1);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 9; i++) { // nine in the minute, one more five minutes before: no alert
      lines.add(TestLines.auditLine(w, start + i * 5_000L, "mallory@example.com", Outcome.DENIED, "Secret", "db-password"));
    }
    lines.add(TestLines.auditLine(w, start - 300_000L, "mallory@example.com", Outcome.DENIED, "Secret", "db-password"));
    String trudyFirst = null;
    for (int i = 0; i < 10; i++) { // ten in the minute: the alert
      String kind = i % 3 == 2 ? "secrets" : Conventions.Kinds.SECRET;
      String line = TestLines.auditLine(w, start + i * 5_500L, "trudy@example.com", Outcome.DENIED, kind, "api-key-" + i);
      trudyFirst = trudyFirst == null ? line : trudyFirst;
      lines.add(line);
    }
    for (int i = 0; i < 10; i++) { // ten allowed, and ten denied on ConfigMaps: no alert
      lines.add(TestLines.auditLine(w, start + i * 1_000L, "oscar@example.com", Outcome.ALLOWED, "Secret", "tls"));
      lines.add(TestLines.auditLine(w, start + i * 1_000L, "peggy@example.com", Outcome.DENIED, "ConfigMap", "flags"));
    }
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      docs.add(new Doc("alert-" + i, lines.get(i), i % 2 == 0 ? Form.MERGED : Form.LOG_FIELD, true));
    }
    long before = cluster.count(AUDIT);
    bulkOnce(docs, MAIN, "logconv", "logconv-log");
    cluster.refresh(AUDIT);
    assertThat(cluster.count(AUDIT) - before).isEqualTo(docs.size());

    String query = alertQuery(TestLines.ts(start), TestLines.ts(start + 60_000L));
    JsonNode buckets = cluster.search(AUDIT, query).path("aggregations").path("actors").path("buckets");
    String trudy = TestLines.JSON.readTree(trudyFirst).path(Conventions.ACTOR).asString();
    assertThat(trudy).doesNotContain("trudy"); // the SDK wrote a pseudonym
    assertThat(buckets).hasSize(1);
    assertThat(buckets.get(0).path("key").asString()).isEqualTo(trudy);
    assertThat(buckets.get(0).path("doc_count").asLong()).isEqualTo(10);
    System.out.println("alert query: " + query + "\n  buckets: " + buckets);
  }

  /** Issue item 4: documents per second, logconv against the json processor, alternating. */
  @Test
  @Order(6)
  void throughputAgainstTheJsonProcessor() throws Exception {
    int docs = Integer.getInteger("logconv.throughput.docs", 2_000);
    int rounds = Integer.getInteger("logconv.throughput.rounds", 3);
    int batch = Integer.getInteger("logconv.throughput.batch", 1_000);
    List<String> pipelines = List.of("raw-json", "logconv-log");
    List<String> lines = benchLines(docs);
    Map<String, List<Double>> wall = new LinkedHashMap<>();
    Map<String, List<Double>> ingest = new LinkedHashMap<>();
    for (String p : pipelines) {
      wall.put(p, new ArrayList<>());
      ingest.put(p, new ArrayList<>());
    }
    for (String p : pipelines) { // warm-up, not counted
      ingestTimed(lines.subList(0, Math.min(5 * batch, lines.size())), "bench-warmup", p, "w-" + p, batch);
    }
    for (int r = 0; r < rounds; r++) {
      List<String> order = new ArrayList<>(pipelines);
      if (r % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (String p : order) {
        double[] rate = ingestTimed(lines, "bench-" + p, p, "r" + r + "-", batch);
        wall.get(p).add(rate[0]);
        ingest.get(p).add(rate[1]);
      }
    }
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "OpenSearch ingest throughput: %d rounds x %d docs, bulk batches of %d, 3 nodes in one JVM, %d cores%n",
        rounds, docs, batch, Runtime.getRuntime().availableProcessors()));
    report.append(table("end to end (bulk request sent to answer received), docs/s", wall));
    report.append(table("in the pipeline only (sum of the bulk answers' ingest_took), docs/s", ingest));
    System.out.print(report);
    Path out = Path.of("target", "opensearch-throughput.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    for (String p : pipelines) {
      cluster.refresh("bench-" + p);
      assertThat(cluster.count("bench-" + p)).isEqualTo((long) docs * rounds);
    }
  }

  private static String table(String title, Map<String, List<Double>> rates) {
    StringBuilder sb = new StringBuilder(title).append('\n');
    Map<String, Double> medians = new LinkedHashMap<>();
    for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
      double m = median(e.getValue());
      medians.put(e.getKey(), m);
      sb.append(String.format(Locale.ROOT, "  %-12s rounds: %s  median %.0f%n", e.getKey(),
          e.getValue().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(), m));
    }
    if (medians.containsKey("logconv-log")) {
      sb.append(String.format(Locale.ROOT, "  cost of logconv relative to json (json median / logconv median): %.2fx (goal: at most 1.5x)%n",
          medians.get("raw-json") / medians.get("logconv-log")));
    }
    return sb.toString();
  }

  private static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** Application lines for the speed test: mostly conforming, some with findings or secrets. */
  static List<String> benchLines(int n) {
    List<String> base = new ArrayList<>(TestLines.conformant(40));
    base.addAll(TestLines.violations().subList(0, 4));
    base.addAll(TestLines.withSecrets().subList(0, 2));
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(base.get(i % base.size()));
    }
    return out;
  }

  /**
   * Sends the lines in the {@code log} form; returns documents per second end to end and in the
   * pipeline alone.
   */
  private static double[] ingestTimed(List<String> lines, String index, String pipeline, String idPrefix, int batch) {
    List<String> bodies = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String id = idPrefix + i;
      sb.append(BulkLoader.ndjson(Map.of(id, TestLines.wrap(lines.get(i), Form.LOG_FIELD, id)), index, pipeline));
      if ((i + 1) % batch == 0 || i == lines.size() - 1) {
        bodies.add(sb.toString());
        sb.setLength(0);
      }
    }
    long ingestMillis = 0;
    long t0 = System.nanoTime();
    for (String body : bodies) {
      ThreeNodeCluster.Response r = cluster.bulk(body, "");
      assertThat(r.ok()).as(r.body()).isTrue();
      JsonNode answer = r.json();
      assertThat(answer.path("errors").asBoolean()).as(r.body()).isFalse();
      ingestMillis += answer.path("ingest_took").asLong();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new double[] {lines.size() / seconds, lines.size() / (Math.max(1, ingestMillis) / 1e3)};
  }

  /** A node stops during a bulk load; retried items (same ids) leave every document exactly once. */
  @Test
  @Order(7)
  void nodeStoppedDuringBulkLoseNothing() throws Exception {
    int n = Integer.getInteger("logconv.fault.docs", 3_000);
    String index = "app-fault";
    String pipeline = "logconv-log";
    ThreeNodeCluster.Response created = cluster.request("PUT", "/" + index, "{}");
    assertThat(created.ok()).as(created.body()).isTrue();
    cluster.waitFor("green", 3);
    JsonNode shards = cluster.request("GET", "/_cat/shards/" + index + "?format=json&h=prirep,node", null).json();
    int victim = -1;
    for (JsonNode s : shards) {
      if (s.path("prirep").asString().equals("p")) {
        victim = Integer.parseInt(s.path("node").asString().substring("node-".length()));
      }
    }
    assertThat(victim).isBetween(0, 2);

    List<String> lines = benchLines(n);
    Map<String, String> docs = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String id = String.format(Locale.ROOT, "f-%05d", i);
      docs.put(id, TestLines.wrap(lines.get(i), Form.LOG_FIELD, id));
    }
    // Two clients at once, each with half the ids, so that bulk requests are in flight on
    // every node when one stops.
    Map<String, String> even = new LinkedHashMap<>();
    Map<String, String> odd = new LinkedHashMap<>();
    int k = 0;
    for (Map.Entry<String, String> e : docs.entrySet()) {
      (k++ % 2 == 0 ? even : odd).put(e.getKey(), e.getValue());
    }
    BulkLoader loader = new BulkLoader(cluster);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> loads = new ArrayList<>();
      for (Map<String, String> half : List.of(even, odd)) {
        loads.add(pool.submit(() -> {
          loader.load(half, index, pipeline, 100);
          return null;
        }));
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (loader.acknowledged.get() < n / 3 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      int atStop = loader.acknowledged.get();
      cluster.stopNode(victim);
      int afterStop = loader.acknowledged.get();
      for (Future<?> f : loads) {
        f.get(4, TimeUnit.MINUTES);
      }
      System.out.printf(Locale.ROOT,
          "fault: stopped node-%d (the primary's) after %d of %d acknowledged (%d when it was down);"
              + " %d failed requests and %d failed items retried%s%n",
          victim, atStop, n, afterStop, loader.failedRequests.get(), loader.retriedItems.get(),
          loader.itemErrors.isEmpty() ? "" : ", e.g. " + loader.itemErrors.get(0));
      assertThat(atStop).isLessThan(n);
    } finally {
      pool.shutdownNow();
    }
    assertThat(cluster.runningNodes()).isEqualTo(2);
    cluster.waitFor("yellow", 2);
    cluster.refresh(index);
    assertThat(cluster.count(index)).isEqualTo(n);
    List<String> ids = new ArrayList<>(docs.keySet());
    List<String> missing = new ArrayList<>();
    for (int from = 0; from < n; from += 1_000) {
      List<String> part = ids.subList(from, Math.min(n, from + 1_000));
      JsonNode got = cluster.request("POST", "/" + index + "/_mget?_source=false",
          "{\"ids\":" + TestLines.JSON.writeValueAsString(part) + "}").json();
      for (JsonNode d : got.path("docs")) {
        if (!d.path("found").asBoolean()) {
          missing.add(d.path("_id").asString());
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}
