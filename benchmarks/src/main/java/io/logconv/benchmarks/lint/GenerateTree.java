package io.logconv.benchmarks.lint;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a {@link JavaTreeGenerator} tree from the command line, for harnesses that lint it with
 * other tools ({@code benchmarks/lint-vs-pmd.sh}). Needs nothing but the JDK, so a script can
 * compile it with {@code javac} beside {@code JavaTreeGenerator} without building the module.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.logconv.benchmarks.lint.GenerateTree DIR [FILES [SEED]]
 * }</pre>
 */
public final class GenerateTree {
  private GenerateTree() {}

  /**
   * Writes the tree.
   *
   * @param args the directory to write into, then optionally the number of files (default 5,000)
   *     and the seed (default 42, the seed of {@link SourceLinterBenchmark})
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: GenerateTree DIR [FILES [SEED]]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    if (files < 1) {
      System.err.println("GenerateTree: FILES must be at least 1, was " + files);
      System.exit(2);
    }
    long bytes = JavaTreeGenerator.write(dir, files, seed);
    System.out.printf(Locale.ROOT, "generated %d files, %.1f MB, seed %d, in %s%n", files,
        bytes / 1e6, seed, dir);
  }
}
