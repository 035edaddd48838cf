package io.logconv.benchmarks.encoder;

import io.logconv.core.redact.DetectorRule;
import io.logconv.core.redact.DetectorTable;
import io.logconv.core.redact.SecretRedactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The redactor's scan over clean text, and how its cost grows with the rule table: every line of
 * the real log files shipped with lint-cli's tests ({@code lint-cli/src/test/resources/corpora}:
 * Kubernetes audit events, Fluent Bit CRI and Kubernetes records, OpenShift samples) that the
 * redactor with every rule on keeps unchanged, passed through {@code SecretRedactor#redact} one
 * line at a time, with the table cut to its first {@code rules} detector types ({@code all}: the
 * whole table). One operation is the whole set of lines; throughput is its chars (printed at
 * setup) over the time.
 * Run from the repository root (or set {@code -Dlogconv.corpora=<dir>}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScanBenchmark {
  /**
   * How many of the table's detector types are on, in table order ({@code 18}: the types the
   * redactor had before the table, {@code all}: every type). The key/value pair and named-secret
   * rules stay on throughout.
   */
  @Param({"18", "40", "70", "all"})
  public String rules;

  private SecretRedactor redactor;
  private String[] lines;
  private final StringBuilder scratch = new StringBuilder();

  /** The chars of one operation, for throughput. */
  public long chars;

  @Setup(Level.Trial)
  public void setUp() {
    List<String> types = new ArrayList<>();
    for (DetectorRule r : DetectorTable.RULES) {
      if (r.detector() != null && !r.optIn() && !types.contains(r.type())) {
        types.add(r.type());
      }
    }
    int on = rules.equals("all") ? types.size() : Integer.parseInt(rules);
    if (on > types.size()) {
      throw new IllegalArgumentException("the table has only " + types.size() + " types");
    }
    redactor =
        SecretRedactor.builder()
            .hashKey("benchmark-hash-key-0123456789abcdef")
            .disable(types.subList(on, types.size()).toArray(new String[0]))
            .build();
    SecretRedactor all = SecretRedactor.builder().hashKey("benchmark-hash-key-0123456789abcdef").build();
    List<String> clean = new ArrayList<>();
    for (String line : corpusLines()) {
      if (all.redact(null, line, new StringBuilder()) == line) {
        clean.add(line);
      }
    }
    lines = clean.toArray(new String[0]);
    chars = 0;
    for (String l : lines) {
      chars += l.length();
    }
    System.out.printf(
        "%n%d of %d types on; %d clean lines, %d chars%n", on, types.size(), lines.length, chars);
  }

  static List<String> corpusLines() {
    Path dir = Path.of(System.getProperty("logconv.corpora", "lint-cli/src/test/resources/corpora"));
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          dir.toAbsolutePath() + " not found: run from the repository root or set -Dlogconv.corpora");
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".md") || name.endsWith(".txt")) {
          continue;
        }
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!l.isBlank()) {
            out.add(l);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Benchmark
  public int scanCleanLines() {
    int same = 0;
    for (String l : lines) {
      scratch.setLength(0);
      if (redactor.redact(null, l, scratch) == l) {
        same++;
      }
    }
    return same;
  }
}
