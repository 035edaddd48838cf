package io.logconv.benchmarks.lint;

import io.logconv.lint.source.LintResult;
import io.logconv.lint.source.SourceLinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Times one cold and one warm lint of a tree in a fresh JVM, which is what a user's first and
 * second {@code logconv lint} cost (JMH's {@link SourceLinterBenchmark} measures the steady state).
 * With one argument it lints that directory; without, it generates 5,000 files first.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.logconv.benchmarks.lint.LintOnce [DIR]
 * }</pre>
 */
public final class LintOnce {
  private LintOnce() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("logconv-lint-once");
    Path tree = args.length > 0 ? Path.of(args[0]) : work.resolve("tree");
    if (args.length == 0) {
      long bytes = JavaTreeGenerator.write(tree, 5_000, 42L);
      System.out.printf("generated 5000 files, %.1f MB%n", bytes / 1e6);
    }
    Path cache = work.resolve("lint.cache");
    for (String run : List.of("cold", "warm")) {
      long t0 = System.nanoTime();
      LintResult r = SourceLinter.builder().cache(cache).baseDirectory(tree).build()
          .lint(List.of(tree));
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf("%s: %d files (%d from cache, %d did not parse), %d findings in %.2f s,"
              + " %.0f files/s%n", run, r.filesScanned(), r.filesFromCache(), r.parseFailures(),
          r.findings().size(), s, r.filesScanned() / s);
    }
  }
}
