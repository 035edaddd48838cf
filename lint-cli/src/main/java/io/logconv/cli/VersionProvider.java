package io.logconv.cli;

import picocli.CommandLine;

/**
 * The version {@code logconv --version} prints: the Implementation-Version the build writes into
 * the jar's manifest (the project version), or {@code development build} when run from classes.
 *
 * <pre>{@code
 * String v = VersionProvider.version(); // "0.1.0-SNAPSHOT" from the shaded jar
 * }</pre>
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
  static final String DEVELOPMENT = "development build";

  /** The project version from the jar manifest, or {@value #DEVELOPMENT}. */
  public static String version() {
    String v = LogconvCommand.class.getPackage().getImplementationVersion();
    return v == null ? DEVELOPMENT : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "logconv " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
