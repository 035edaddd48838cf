package io.logconv.lint.source;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Ant-style path globs, as {@code logconv lint --exclude} and the Maven plugin's {@code
 * <excludes>} take them: {@code **} matches any number of directories, a pattern that starts with
 * {@code **}{@code /} also matches at the root ({@code **}{@code /generated/**} matches {@code
 * generated/A.java}), and a trailing {@code /} means everything below.
 */
final class Globs {
  private Globs() {}

  /** One compiled pattern, with its root-level form when it starts with {@code **}{@code /}. */
  record Glob(String pattern, PathMatcher full, PathMatcher rootLevel) {
    boolean matches(Path relative) {
      return full.matches(relative) || (rootLevel != null && rootLevel.matches(relative));
    }
  }

  /**
   * Compiles {@code patterns}, skipping blank ones.
   *
   * @throws IllegalArgumentException naming a pattern that is not a valid glob
   */
  static List<Glob> compile(List<String> patterns) {
    List<Glob> out = new ArrayList<>();
    for (String raw : patterns) {
      String p = raw == null ? "" : raw.strip().replace('\\', '/');
      if (p.isEmpty()) {
        continue;
      }
      if (p.endsWith("/")) {
        p = p + "**";
      }
      try {
        PathMatcher full = FileSystems.getDefault().getPathMatcher("glob:" + p);
        PathMatcher root = p.startsWith("**/")
            ? FileSystems.getDefault().getPathMatcher("glob:" + p.substring(3))
            : null;
        out.add(new Glob(raw, full, root));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("not a valid glob: '" + raw + "': " + e.getDescription(), e);
      }
    }
    return out;
  }

  /** Whether any of {@code globs} matches {@code relative}. */
  static boolean anyMatches(List<Glob> globs, Path relative) {
    for (Glob g : globs) {
      if (g.matches(relative)) {
        return true;
      }
    }
    return false;
  }
}
