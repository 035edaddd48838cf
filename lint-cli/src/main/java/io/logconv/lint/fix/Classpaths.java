package io.logconv.lint.fix;

import io.logconv.schema.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Whether a project's classpath holds {@code io.logconv.schema} (so fixes may refer to {@link
 * Action}): an entry that is a jar or a class directory containing the {@code Action} class.
 *
 * <pre>{@code
 * Classpaths.containsSchema(List.of(Path.of("lib/logconv-schema-0.1.0.jar"))); // true
 * }</pre>
 */
public final class Classpaths {
  private static final String ACTION_CLASS = Action.class.getName().replace('.', '/') + ".class";

  private Classpaths() {}

  /** True if some entry (a jar or a directory of classes) contains the schema's Action class. */
  public static boolean containsSchema(List<Path> entries) {
    for (Path p : entries) {
      if (Files.isDirectory(p) && Files.isRegularFile(p.resolve(ACTION_CLASS))) {
        return true;
      }
      if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")) {
        try (ZipFile zip = new ZipFile(p.toFile())) {
          if (zip.getEntry(ACTION_CLASS) != null) {
            return true;
          }
        } catch (IOException e) {
          // not a readable jar: it holds nothing
        }
      }
    }
    return false;
  }
}
