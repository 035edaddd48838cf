package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * 8 threads × 50,000 events through each appender set-up, stdout redirected to a file: exactly
 * 400,000 lines, every one a conformant JSON object, every (thread, sequence) pair exactly once, so
 * nothing was lost, duplicated or interleaved.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int EVENTS = 50_000;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"logback-console.xml", "logback.xml", "logback-async.xml"})
  void manyThreadsNoLostOrInterleavedLines(String config) throws Exception {
    Path file = dir.resolve("out.log");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      LogbackHarness h = LogbackHarness.to(config, out);
      Logger log = LoggerFactory.getLogger("controllers.Load");
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        threads.add(
            new Thread(
                () -> {
                  MDC.put("worker", "w" + id);
                  for (int i = 0; i < EVENTS; i++) {
                    log.atInfo()
                        .addKeyValue("t", id)
                        .addKeyValue("seq", i)
                        .addKeyValue("namespace", "ns-" + (i % 7))
                        .log("event {} of \"worker\" {} é\uD83D\uDE00", i, id);
                  }
                  MDC.clear();
                }));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      h.close();
    }
    BitSet[] seen = new BitSet[THREADS];
    for (int t = 0; t < THREADS; t++) {
      seen[t] = new BitSet(EVENTS);
    }
    long count = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        count++;
        JsonNode n = Lines.conforming(line);
        int t = n.get("t").asInt();
        int seq = n.get("seq").asInt();
        assertThat(n.get("worker").asString()).isEqualTo("w" + t);
        assertThat(n.get("msg").asString()).isEqualTo("event " + seq + " of \"worker\" " + t + " é\uD83D\uDE00");
        assertThat(seen[t].get(seq)).as("duplicate line %d/%d", t, seq).isFalse();
        seen[t].set(seq);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(count).isEqualTo((long) THREADS * EVENTS);
    for (BitSet b : seen) {
      assertThat(b.cardinality()).isEqualTo(EVENTS);
    }
  }
}
