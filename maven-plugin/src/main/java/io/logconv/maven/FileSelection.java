package io.logconv.maven;

import io.logconv.lint.source.SourceLinter;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the files a run checks. Source files: every file the source linter lints ({@code .java},
 * Logback and Log4j configurations: {@link SourceLinter#isLintableName}) under the given roots
 * whose path relative to its root matches one of
 * {@code includes} (all when empty) and none of {@code excludes}, Ant-style: {@code **}{@code /}
 * matches any number of directories, including none. Log files: paths or globs relative to the
 * module directory ({@code target/logconv/*.log}).
 *
 * <pre>{@code
 * List<Path> sources = FileSelection.sources(roots, List.of(), List.of("**}{@code /generated/**"));
 * List<Path> logs = FileSelection.logFiles(basedir, List.of("target/logconv/*.log"), true);
 * }</pre>
 */
final class FileSelection {
  private FileSelection() {}

  /** The lintable files under {@code roots} (roots that do not exist are skipped), sorted. */
  static List<Path> sources(List<Path> roots, List<String> includes, List<String> excludes)
      throws IOException {
    List<Glob> in = globs(includes);
    List<Glob> ex = globs(excludes);
    TreeSet<Path> out = new TreeSet<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      Path start = root.toAbsolutePath().normalize();
      walk(start, file -> {
        String name = file.getFileName().toString();
        if (!SourceLinter.isLintableName(name)) {
          return;
        }
        String rel = relative(start, file);
        if ((in.isEmpty() || anyMatches(in, rel)) && !anyMatches(ex, rel)) {
          out.add(file);
        }
      });
    }
    return new ArrayList<>(out);
  }

  /**
   * The files named by {@code patterns}, each a path or a glob relative to {@code basedir}, sorted.
   *
   * @param missingPathIsError whether a plain path (no glob) that does not exist is an error; a
   *     glob that matches nothing never is
   * @throws NoSuchFileException for a missing plain path when {@code missingPathIsError}
   */
  static List<Path> logFiles(Path basedir, List<String> patterns, boolean missingPathIsError)
      throws IOException {
    TreeSet<Path> out = new TreeSet<>();
    for (String raw : patterns) {
      String pattern = raw.strip().replace('\\', '/');
      if (pattern.isEmpty()) {
        continue;
      }
      String[] parts = pattern.split("/", -1);
      int firstGlob = -1;
      for (int i = 0; i < parts.length; i++) {
        if (isGlob(parts[i])) {
          firstGlob = i;
          break;
        }
      }
      if (firstGlob < 0) {
        Path p = basedir.resolve(pattern).normalize();
        if (Files.isRegularFile(p)) {
          out.add(p);
        } else if (missingPathIsError) {
          throw new NoSuchFileException(p.toString(), null, "no such log file");
        }
        continue;
      }
      String prefix = String.join("/", List.of(parts).subList(0, firstGlob));
      String rest = String.join("/", List.of(parts).subList(firstGlob, parts.length));
      // An absolute prefix replaces basedir; an empty one is basedir itself.
      Path start = basedir.resolve(prefix).toAbsolutePath().normalize();
      if (!Files.isDirectory(start)) {
        continue;
      }
      List<Glob> g = globs(List.of(rest));
      walk(start, file -> {
        if (anyMatches(g, relative(start, file))) {
          out.add(file);
        }
      });
    }
    return new ArrayList<>(out);
  }

  private static boolean isGlob(String segment) {
    return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private interface FileAction {
    void accept(Path file);
  }

  private static void walk(Path start, FileAction action) throws IOException {
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
          action.accept(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static String relative(Path start, Path file) {
    return start.relativize(file).toString().replace('\\', '/');
  }

  /** A glob and, for one that starts with {@code **}{@code /}, the same glob without it. */
  private record Glob(PathMatcher full, PathMatcher rootLevel) {
    boolean matches(String rel) {
      Path p = Path.of(rel);
      return full.matches(p) || (rootLevel != null && rootLevel.matches(p));
    }
  }

  private static List<Glob> globs(List<String> patterns) {
    List<Glob> out = new ArrayList<>();
    if (patterns == null) {
      return out;
    }
    for (String raw : patterns) {
      String p = raw == null ? "" : raw.strip().replace('\\', '/');
      if (p.isEmpty()) {
        continue;
      }
      if (p.endsWith("/")) {
        p = p + "**"; // Ant: a trailing slash means everything below
      }
      PathMatcher full = FileSystems.getDefault().getPathMatcher("glob:" + p);
      PathMatcher root = p.startsWith("**/")
          ? FileSystems.getDefault().getPathMatcher("glob:" + p.substring(3))
          : null;
      out.add(new Glob(full, root));
    }
    return out;
  }

  private static boolean anyMatches(List<Glob> globs, String rel) {
    for (Glob g : globs) {
      if (g.matches(rel)) {
        return true;
      }
    }
    return false;
  }
}
