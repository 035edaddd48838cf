package io.logconv.lint.validate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's folders from wherever the tests run (the module directory). */
public final class TestPaths {
  private TestPaths() {}

  /** The repository root: the nearest directory upwards holding {@code samples/logs}. */
  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("samples/logs"))) {
        return p;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("samples/logs not found above " + Path.of("").toAbsolutePath());
  }

  /** A file of {@code samples/logs}. */
  public static Path sample(String name) {
    return repoRoot().resolve("samples/logs").resolve(name);
  }
}
