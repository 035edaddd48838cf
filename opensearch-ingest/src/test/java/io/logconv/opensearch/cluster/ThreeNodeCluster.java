package io.logconv.opensearch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three real OpenSearch nodes in this JVM, each cluster-manager-eligible, data and ingest, on
 * loopback ports picked free at start, with their own home and data directories under {@code
 * dir}. Plain {@link Node} instances (no test framework, so nothing refuses to run as root),
 * made through the constructor that takes plugin classes. REST goes over {@link HttpClient} to
 * any node still running.
 */
public final class ThreeNodeCluster implements AutoCloseable {
  public static final int SIZE = 3;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A node whose plugins come from the class path, as classes. */
  private static final class ClassPathPluginNode extends Node {
    ClassPathPluginNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
      super(env, plugins, true);
    }
  }

  /** One HTTP answer: the status code and the body. */
  public record Response(int status, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final String clusterName;
  private final int[] httpPorts = new int[SIZE];
  private final int[] transportPorts = new int[SIZE];
  private final Node[] nodes = new Node[SIZE];
  private final boolean[] running = new boolean[SIZE];
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private int next;

  private ThreeNodeCluster(String clusterName) {
    this.clusterName = clusterName;
  }

  /**
   * Starts the three nodes (in parallel, so that they find a quorum at once) and waits for the
   * cluster to be green.
   */
  public static ThreeNodeCluster start(Path dir, List<Class<? extends Plugin>> plugins)
      throws IOException, InterruptedException {
    ThreeNodeCluster c = new ThreeNodeCluster("logconv-it-" + ProcessHandle.current().pid());
    int[] ports = freePorts(2 * SIZE);
    List<String> seeds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      c.httpPorts[i] = ports[2 * i];
      c.transportPorts[i] = ports[2 * i + 1];
      seeds.add("127.0.0.1:" + c.transportPorts[i]);
      names.add(nodeName(i));
    }
    for (int i = 0; i < SIZE; i++) {
      Path home = Files.createDirectories(dir.resolve(nodeName(i)));
      Path config = Files.createDirectories(home.resolve("config"));
      Settings settings =
          Settings.builder()
              .put("cluster.name", c.clusterName)
              .put("node.name", nodeName(i))
              .putList("node.roles", "cluster_manager", "data", "ingest")
              .put("path.home", home.toString())
              .put("path.data", home.resolve("data").toString())
              .put("path.logs", home.resolve("logs").toString())
              .put("network.host", "127.0.0.1")
              .put("http.port", c.httpPorts[i])
              .put("transport.port", c.transportPorts[i])
              .put("http.type", "netty4")
              .put("transport.type", "netty4")
              .putList("discovery.seed_hosts", seeds)
              .putList("cluster.initial_cluster_manager_nodes", names)
              // A temp dir on a shared disk must not make the cluster refuse shards.
              .put("cluster.routing.allocation.disk.threshold_enabled", false)
              // Small thread pools and no waiting for a quorum inside start().
              .put("node.processors", 2)
              .put("discovery.initial_state_timeout", "0s")
              .build();
      c.nodes[i] = new ClassPathPluginNode(new Environment(settings, config), plugins);
    }
    ExecutorService pool = Executors.newFixedThreadPool(SIZE);
    try {
      List<Future<Node>> started = new ArrayList<>();
      for (Node n : c.nodes) {
        started.add(pool.submit(n::start));
      }
      for (int i = 0; i < SIZE; i++) {
        started.get(i).get(2, TimeUnit.MINUTES);
        c.running[i] = true;
      }
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      c.close();
      throw new IllegalStateException("a node did not start", e);
    } finally {
      pool.shutdown();
    }
    c.waitFor("green", SIZE);
    return c;
  }

  private static String nodeName(int i) {
    return "node-" + i;
  }

  private static int[] freePorts(int n) throws IOException {
    ServerSocket[] sockets = new ServerSocket[n];
    int[] ports = new int[n];
    try {
      for (int i = 0; i < n; i++) {
        sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ports[i] = sockets[i].getLocalPort();
      }
    } finally {
      for (ServerSocket s : sockets) {
        if (s != null) {
          s.close();
        }
      }
    }
    return ports;
  }

  /** Waits until the cluster health is at least {@code status} with {@code nodes} nodes. */
  public void waitFor(String status, int nodeCount) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        Response r =
            request(
                "GET",
                "/_cluster/health?wait_for_status="
                    + status
                    + "&wait_for_nodes="
                    + nodeCount
                    + "&wait_for_no_initializing_shards=true&timeout=10s",
                null);
        last = r.body();
        if (r.ok() && !r.json().path("timed_out").asBoolean(true)) {
          return;
        }
      } catch (UncheckedIOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("cluster not " + status + " with " + nodeCount + ": " + last);
  }

  /**
   * Stops node {@code i} (the others go on). As with a node that dies under a client, requests
   * still go to it while it shuts down (and fail there); after that, only to the nodes running.
   */
  public void stopNode(int i) throws IOException, InterruptedException {
    nodes[i].close();
    nodes[i].awaitClose(30, TimeUnit.SECONDS);
    synchronized (this) {
      running[i] = false;
    }
  }

  public synchronized int runningNodes() {
    int n = 0;
    for (boolean r : running) {
      n += r ? 1 : 0;
    }
    return n;
  }

  private synchronized int pickNode() {
    for (int k = 0; k < SIZE; k++) {
      int i = (next + k) % SIZE;
      if (running[i]) {
        next = (i + 1) % SIZE;
        return i;
      }
    }
    throw new IllegalStateException("no node running");
  }

  /** Sends a request to the next running node, round robin. */
  public Response request(String method, String path, String body) {
    return request(pickNode(), method, path, body, "application/json");
  }

  /** Sends a request to node {@code i}; an I/O failure is thrown as {@link UncheckedIOException}. */
  public Response request(int i, String method, String path, String body, String contentType) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPorts[i] + path))
            .timeout(Duration.ofMinutes(2));
    HttpRequest.BodyPublisher p =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> r =
          http.send(b.method(method, p).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (ConnectException e) {
      throw new UncheckedIOException("node " + i + " refused the connection", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code ndjson} (ending in a newline) to {@code _bulk} on a running node. */
  public Response bulk(String ndjson, String query) {
    return request(pickNode(), "POST", "/_bulk" + query, ndjson, "application/x-ndjson");
  }

  public Response putPipeline(String id, String body) {
    return request("PUT", "/_ingest/pipeline/" + id, body);
  }

  public Response putIndexTemplate(String name, String body) {
    return request("PUT", "/_index_template/" + name, body);
  }

  public void refresh(String index) {
    Response r = request("POST", "/" + index + "/_refresh", null);
    if (!r.ok()) {
      throw new IllegalStateException("refresh " + index + ": " + r);
    }
  }

  public long count(String index) {
    Response r = request("GET", "/" + index + "/_count", null);
    if (r.status() == 404) {
      return 0;
    }
    if (!r.ok()) {
      throw new IllegalStateException("count " + index + ": " + r);
    }
    return r.json().path("count").asLong();
  }

  public JsonNode search(String index, String body) {
    Response r = request("POST", "/" + index + "/_search", body);
    if (!r.ok()) {
      throw new IllegalStateException("search " + index + ": " + r);
    }
    return r.json();
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (int i = 0; i < SIZE; i++) {
      Node n = nodes[i];
      if (n != null && !n.isClosed()) {
        try {
          n.close();
          n.awaitClose(30, TimeUnit.SECONDS);
        } catch (IOException e) {
          first = first == null ? e : first;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      running[i] = false;
    }
    if (first != null) {
      throw first;
    }
  }
}
