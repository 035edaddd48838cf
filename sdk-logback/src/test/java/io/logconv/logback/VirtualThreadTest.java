package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.logconv.core.Jdks;
import io.logconv.core.JsonBuffer;
import io.logconv.core.Lines;
import io.logconv.core.redact.SecretRedactor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Virtual threads in a child JVM of Java 21+ ({@link VirtualThreadLoad}): the encoder's writers
 * and the redactor's scratch space come from a small pool there, so a heap too small for one
 * writer per thread still carries 100,000 threads, and a parked thread that has logged keeps
 * (almost) nothing.
 */
class VirtualThreadTest {
  private static final int THREADS = 100_000;
  private static final int EVENTS = 10;

  @TempDir Path dir;

  @Test
  void hundredThousandVirtualThreadsUnder256MiBWriteEveryLineConformant() throws Exception {
    Path java = javaWithVirtualThreads();
    Path err = dir.resolve("stderr.txt");
    Path out = dir.resolve("stdout.log");
    Process p =
        child(java, err, "-Xmx256m", "load", Integer.toString(THREADS), Integer.toString(EVENTS));
    // stdout goes to a file, as a container runtime takes it: the child's speed is its own, not
    // that of this test's checks.
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    BitSet seen = new BitSet(THREADS * EVENTS);
    int[] next = new int[THREADS];
    long lines = 0;
    try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        lines++;
        JsonNode n = Lines.conforming(line);
        int t = n.get("t").asInt();
        int seq = n.get("seq").asInt();
        assertThat(n.get("msg").asString()).isEqualTo("request " + seq + " of " + t + " handled");
        assertThat(n.get("password").asString()).isEqualTo("[REDACTED:password]");
        assertThat(n.get("email").asString()).startsWith("h:").doesNotContain("example.com");
        assertThat(seq).as("lines of thread %d in the order it logged them", t).isEqualTo(next[t]);
        next[t]++;
        int bit = t * EVENTS + seq;
        assertThat(seen.get(bit)).as("duplicate line %d/%d", t, seq).isFalse();
        seen.set(bit);
      }
    }
    assertThat(lines).isEqualTo((long) THREADS * EVENTS);
    assertThat(seen.cardinality()).isEqualTo(THREADS * EVENTS);
  }

  @Test
  void aParkedVirtualThreadThatHasLoggedKeepsAtMostOneKilobyte() throws Exception {
    Path java = javaWithVirtualThreads();
    Path err = dir.resolve("stderr.txt");
    Process p = child(java, err, "-Xmx512m", "retained", "20000");
    String out;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      out = r.lines().reduce("", (a, b) -> a + b + "\n");
    }
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    assertThat(out).startsWith("retained-bytes-per-thread ");
    long perThread = Long.parseLong(out.substring("retained-bytes-per-thread ".length()).trim());
    // One writer with its buffers is about 19 KB: a thread-local per thread would be 19 times this.
    assertThat(perThread).isLessThanOrEqualTo(1024);
  }

  @Test
  void onAVirtualThreadEncodeToBufferReturnsALineNoOtherEventOverwrites() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "in-process virtual threads need Java 21+");
    LoggerContext context = new LoggerContext();
    ConventionsEncoder encoder = new ConventionsEncoder();
    encoder.setContext(context);
    encoder.start();
    Logger logger = context.getLogger("vt");
    ExecutorService ex =
        (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    try {
      JsonBuffer first = ex.submit(() -> encoder.encodeToBuffer(event(logger, "first"))).get();
      String before = Lines.text(first);
      for (int i = 0; i < 100; i++) {
        ex.submit(() -> encoder.encodeToBuffer(event(logger, "later"))).get();
      }
      assertThat(Lines.text(first)).isEqualTo(before);
      assertThat(Lines.conforming(before.strip()).get("msg").asString()).isEqualTo("first");
    } finally {
      ex.shutdown();
    }
  }

  private static LoggingEvent event(Logger logger, String msg) {
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.INFO, msg, null, null);
    e.setMDCPropertyMap(java.util.Map.of());
    return e;
  }

  private static Path javaWithVirtualThreads() throws IOException {
    Optional<Path> java = Jdks.withVirtualThreads();
    assumeTrue(java.isPresent(), "no Java 21+ found for virtual threads");
    return java.get();
  }

  private static Process child(Path java, Path err, String heap, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.add(heap);
    cmd.add("-D" + SecretRedactor.HASH_KEY_PROPERTY + "=virtual-thread-test-key-0123456789abcdef");
    cmd.add("-cp");
    cmd.add(Jdks.testClasspath());
    cmd.add(VirtualThreadLoad.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).redirectError(err.toFile());
    if (args[0].equals("load")) {
      b.redirectOutput(err.resolveSibling("stdout.log").toFile());
    }
    return b.start();
  }
}
