package io.logconv.benchmarks.validate;

import io.logconv.lint.Finding;
import io.logconv.lint.validate.Validator;
import io.logconv.schema.LogSchemas;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Lines per second of {@code logconv validate}'s engine on a generated 1,000,000-line file of
 * conformant lines and on one with 10% violations, all checks on (strict contract checks,
 * duplicate keys, line size, sdk-core's secret detectors). A harness rather than JMH: one
 * iteration is a whole file, as a user runs it. It also writes the files and the strict schema
 * for the ajv peer ({@code benchmarks/ajv/validate.mjs}); {@code benchmarks/run-validate.sh} runs
 * both.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.logconv.benchmarks.validate.ValidateBenchmark \
 *     --dir /tmp/logconv-bench --lines 1000000 --runs 5
 * }</pre>
 */
public final class ValidateBenchmark {
  private ValidateBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "logconv-validate-bench");
    int lines = 1_000_000;
    int runs = 5;
    int threads = Runtime.getRuntime().availableProcessors();
    boolean writeOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(args[++i]);
        case "--lines" -> lines = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--write-only" -> writeOnly = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Files.createDirectories(dir);
    Path conformant = dir.resolve("conformant.log");
    Path violations = dir.resolve("violations-10pct.log");
    LogLines.write(conformant, lines, 0);
    LogLines.write(violations, lines, 10);
    try (InputStream in = LogSchemas.open(LogSchemas.STRICT_RESOURCE)) {
      Files.copy(in, dir.resolve("strict.schema.json"), StandardCopyOption.REPLACE_EXISTING);
    }
    if (writeOnly) {
      System.out.println("wrote " + conformant + ", " + violations + " and strict.schema.json");
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "logconv validate engine, %d lines, %d worker threads, %d cores, Java %s%n",
        lines,
        threads,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    for (Path f : List.of(conformant, violations)) {
      measure(f, lines, runs, threads);
    }
  }

  private static void measure(Path file, int lines, int runs, int threads) throws IOException {
    Validator.Options options = Validator.Options.defaults().withThreads(threads);
    List<Double> rates = new ArrayList<>();
    long findings = 0;
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    double cpuPerLine = 0;
    for (int run = -2; run < runs; run++) { // two warm-up runs
      long[] count = new long[2];
      long cpu0 = processCpu(os);
      long t0 = System.nanoTime();
      try (Validator v = new Validator(options);
          InputStream in = Files.newInputStream(file)) {
        v.validate(
            file.getFileName().toString(),
            in,
            new Validator.Listener() {
              @Override
              public void finding(Finding f, String logger) {
                count[1]++;
              }

              @Override
              public void line(boolean conforming) {
                count[0]++;
              }
            });
      }
      long t1 = System.nanoTime();
      long cpu1 = processCpu(os);
      if (count[0] != lines) {
        throw new IllegalStateException("read " + count[0] + " lines, expected " + lines);
      }
      if (run >= 0) {
        rates.add(lines / ((t1 - t0) / 1e9));
        cpuPerLine += (cpu1 - cpu0) / (double) lines / runs;
        findings = count[1];
      }
    }
    Collections.sort(rates);
    System.out.printf(
        Locale.ROOT,
        "%-24s median %,10.0f lines/s  best %,10.0f lines/s  (%d runs; %,d findings; %.2f µs CPU per line)%n",
        file.getFileName(),
        rates.get(rates.size() / 2),
        rates.get(rates.size() - 1),
        runs,
        findings,
        cpuPerLine / 1000);
  }

  private static long processCpu(OperatingSystemMXBean os) {
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  /** Realistic controller lines; {@code violationPercent} of them break one rule each. */
  static final class LogLines {
    private static final String[] VIOLATIONS = {
      ",\"pod_name\":\"release-operator-7d9f8-x2x9q\"",
      ",\"audit\":\"true\",\"action\":\"UPDATE\"",
      ",\"http.status\":200",
      ",\"stream\":\"stdout\"",
      ",\"action\":\"MODIFY\"",
      ",\"msg\":\"again\"",
      ",\"note\":\"key AKIAQ3EGRX5PZ7LM2KTD used\"",
    };

    private LogLines() {}

    static void write(Path file, int lines, int violationPercent) throws IOException {
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        StringBuilder sb = new StringBuilder(512);
        for (int i = 0; i < lines; i++) {
          sb.setLength(0);
          boolean bad = violationPercent > 0 && i % 100 < violationPercent;
          int kind = (i / 100) % (VIOLATIONS.length + 3);
          if (bad && kind == VIOLATIONS.length) {
            sb.append("2025-06-15 14:23:01.042 7 INFO keystone.auth [req-abc-123 - - - - -] token validated\n");
            w.append(sb);
            continue;
          }
          sb.append("{\"ts\":");
          if (bad && kind == VIOLATIONS.length + 1) {
            sb.append("1749997381.0421");
          } else {
            sb.append("\"2025-06-15T14:");
            two(sb, (i / 60000) % 60).append(':');
            two(sb, (i / 1000) % 60).append('.');
            int ms = i % 1000;
            sb.append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
            sb.append("Z\"");
          }
          sb.append(",\"level\":\"").append(bad && kind == VIOLATIONS.length + 2 ? "INFO" : i % 10 == 0 ? "debug" : "info").append('"');
          sb.append(",\"logger\":\"io.example.operator.").append(i % 3 == 0 ? "ReleaseReconciler" : "SnapshotReconciler").append('"');
          sb.append(",\"msg\":\"Reconciled release-").append(i).append(" in ").append(i % 97).append(" ms\"");
          sb.append(",\"caller\":\"io/example/operator/ReleaseReconciler.java:").append(80 + i % 40).append('"');
          if (i % 4 == 0) {
            sb.append(",\"action\":\"UPDATE\",\"audit\":true");
          }
          sb.append(",\"namespace\":\"tenant-").append(i % 13).append('"');
          sb.append(",\"controllerKind\":\"Release\",\"name\":\"release-").append(i).append('"');
          sb.append(",\"request_id\":\"req-").append(Integer.toHexString(i * 31 + 7)).append('"');
          if (bad && kind < VIOLATIONS.length) {
            sb.append(VIOLATIONS[kind]);
          }
          sb.append("}\n");
          w.append(sb);
        }
      }
    }

    private static StringBuilder two(StringBuilder sb, int v) {
      return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
  }
}
