package io.logconv.benchmarks.lint;

import io.logconv.lint.source.LintResult;
import io.logconv.lint.source.SourceLinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of one {@code logconv lint} run over a generated tree of realistic Java files (see
 * {@link JavaTreeGenerator}), with every rule on: {@code cold} with an empty cache (every file is
 * read, parsed and checked, and the cache is written), {@code warm} with the cache of an earlier
 * run and no file changed. The first warm-up iteration also shows the cost in a fresh JVM.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SourceLinterBenchmark
 * java -jar benchmarks/target/benchmarks.jar SourceLinterBenchmark -p root=/path/to/checkout
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class SourceLinterBenchmark {
  /** Number of generated files; ignored when {@link #root} is set. */
  @Param("5000")
  public int files;

  /** An existing source tree to lint instead of the generated one (empty: generate). */
  @Param("")
  public String root;

  private Path tree;
  private Path work;
  private Path coldCache;
  private Path warmCache;
  private int threads;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    work = Files.createTempDirectory("logconv-lint-bench");
    if (root.isEmpty()) {
      tree = work.resolve("tree");
      JavaTreeGenerator.write(tree, files, 42L);
    } else {
      tree = Path.of(root);
    }
    coldCache = work.resolve("cold.cache");
    warmCache = work.resolve("warm.cache");
    threads = Runtime.getRuntime().availableProcessors();
    linter(warmCache).lint(List.of(tree));
  }

  @Setup(Level.Invocation)
  public void emptyColdCache() throws IOException {
    Files.deleteIfExists(coldCache);
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    try (Stream<Path> s = Files.walk(work)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private SourceLinter linter(Path cache) {
    return SourceLinter.builder().cache(cache).parallelism(threads).baseDirectory(tree).build();
  }

  @Benchmark
  public LintResult cold() throws IOException {
    return linter(coldCache).lint(List.of(tree));
  }

  @Benchmark
  public LintResult warm() throws IOException {
    return linter(warmCache).lint(List.of(tree));
  }
}
