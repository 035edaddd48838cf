package io.logconv.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code java} executables a test can start a child JVM with: this JVM's, or one of feature
 * release 21 or later (virtual threads) when the build runs on 17 and a newer JDK is installed
 * beside it ({@code /usr/lib/jvm}). Test code compiled for Java 17 reaches virtual threads only
 * in such a child.
 */
public final class Jdks {
  private Jdks() {}

  /** This JVM's {@code java}. */
  public static Path current() {
    return Path.of(ProcessHandle.current().info().command().orElseThrow());
  }

  /** A {@code java} of feature release 21 or later: this one, or the oldest such one beside it. */
  public static Optional<Path> withVirtualThreads() throws IOException {
    if (Runtime.version().feature() >= 21) {
      return Optional.of(current());
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(jvms)) {
      return s.filter(d -> feature(d) >= 21)
          .map(d -> d.resolve("bin/java"))
          .filter(Files::isExecutable)
          .sorted()
          .findFirst();
    }
  }

  /** The test classpath of this JVM, for a child that runs test classes. */
  public static String testClasspath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isEmpty() ? cp : System.getProperty("java.class.path");
  }

  private static int feature(Path jdk) {
    try {
      for (String line : Files.readAllLines(jdk.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          String v = line.substring("JAVA_VERSION=\"".length());
          int end = 0;
          while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
          }
          return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
