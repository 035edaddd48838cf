package io.logconv.opensearch.cluster;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Sends documents to {@code _bulk} with explicit ids and retries what did not go in (a refused
 * connection, a 5xx answer, or a failed item) with the same ids until every one is acknowledged.
 * Indexing with an explicit id is idempotent, so a retry never makes a second copy.
 */
final class BulkLoader {
  private final ThreeNodeCluster cluster;
  final AtomicInteger acknowledged = new AtomicInteger();
  final AtomicInteger retriedItems = new AtomicInteger();
  final AtomicInteger failedRequests = new AtomicInteger();
  final List<String> itemErrors = new ArrayList<>();

  BulkLoader(ThreeNodeCluster cluster) {
    this.cluster = cluster;
  }

  /** The bulk body for {@code docs} (id to source), ending in a newline. */
  static String ndjson(Map<String, String> docs, String index, String pipeline) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : docs.entrySet()) {
      sb.append("{\"index\":{\"_index\":\"")
          .append(index)
          .append("\",\"_id\":\"")
          .append(e.getKey())
          .append('"');
      if (pipeline != null) {
        sb.append(",\"pipeline\":\"").append(pipeline).append('"');
      }
      sb.append("}}\n").append(e.getValue()).append('\n');
    }
    return sb.toString();
  }

  /** Loads all of {@code docs} in batches of {@code batch}, retrying until done. */
  void load(Map<String, String> docs, String index, String pipeline, int batch)
      throws InterruptedException {
    Map<String, String> pending = new LinkedHashMap<>(docs);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!pending.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            pending.size() + " documents not acknowledged; last errors " + lastErrors());
      }
      Map<String, String> chunk = new LinkedHashMap<>();
      Iterator<Map.Entry<String, String>> it = pending.entrySet().iterator();
      while (it.hasNext() && chunk.size() < batch) {
        Map.Entry<String, String> e = it.next();
        chunk.put(e.getKey(), e.getValue());
      }
      ThreeNodeCluster.Response r;
      try {
        r = cluster.bulk(ndjson(chunk, index, pipeline), "");
      } catch (UncheckedIOException | IllegalStateException e) {
        failedRequests.incrementAndGet();
        Thread.sleep(100);
        continue;
      }
      if (!r.ok()) {
        failedRequests.incrementAndGet();
        Thread.sleep(100);
        continue;
      }
      for (JsonNode item : r.json().path("items")) {
        JsonNode op = item.path("index");
        String id = op.path("_id").asString();
        int status = op.path("status").asInt();
        if (status >= 200 && status < 300) {
          if (pending.remove(id) != null) {
            acknowledged.incrementAndGet();
          }
        } else {
          retriedItems.incrementAndGet();
          synchronized (itemErrors) {
            itemErrors.add(status + " " + op.path("error").toString());
          }
        }
      }
    }
  }

  private String lastErrors() {
    synchronized (itemErrors) {
      return itemErrors.subList(Math.max(0, itemErrors.size() - 3), itemErrors.size()).toString();
    }
  }
}
