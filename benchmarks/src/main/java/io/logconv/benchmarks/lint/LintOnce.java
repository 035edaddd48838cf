package io.logconv.benchmarks.lint;

import io.logconv.lint.source.LintResult;
import io.logconv.lint.source.SourceLinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Times a cold and a warm lint of a tree in a fresh JVM, which is what a user's first and second
 * {@code logconv lint} cost, then two more cold runs with the JIT warm (JMH's {@link
 * SourceLinterBenchmark} measures that steady state). Prints wall and CPU time: on a shared machine
 * the CPU time says what the wall time cannot. With one argument it lints that directory; without,
 * it generates 5,000 files first.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.logconv.benchmarks.lint.LintOnce [DIR]
 * }</pre>
 */
public final class LintOnce {
  private LintOnce() {}

  /** CPU time of this process so far: on a busy machine it says what wall time cannot. */
  private static Duration cpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("logconv-lint-once");
    Path tree = args.length > 0 ? Path.of(args[0]) : work.resolve("tree");
    if (args.length == 0) {
      long bytes = JavaTreeGenerator.write(tree, 5_000, 42L);
      System.out.printf("generated 5000 files, %.1f MB%n", bytes / 1e6);
    }
    Path cache = work.resolve("lint.cache");
    // cold and warm in a fresh JVM, then cold twice more once the JIT has compiled the parser
    for (String run : List.of("cold", "warm", "cold (JIT warm)", "cold (JIT warm)")) {
      if (run.startsWith("cold")) {
        Files.deleteIfExists(cache);
      }
      Duration cpu0 = cpu();
      long t0 = System.nanoTime();
      LintResult r = SourceLinter.builder().cache(cache).baseDirectory(tree).build()
          .lint(List.of(tree));
      double s = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = cpu().minus(cpu0).toMillis() / 1e3;
      System.out.printf("%s: %d files (%d from cache, %d did not parse), %d findings in %.2f s"
              + " wall, %.2f s CPU (all threads, JIT included), %.0f files/s%n", run,
          r.filesScanned(), r.filesFromCache(), r.parseFailures(), r.findings().size(), s,
          cpuSeconds, r.filesScanned() / s);
    }
  }
}
