package io.logconv.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.SecretRedactor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.bootstrap.JarHell;

/**
 * The plugin zip as {@code package} builds it. Runs in the {@code plugin-zip-test} surefire
 * execution at {@code integration-test}, after the zip exists (see the pom); the zip's path comes
 * from the system property {@code logconv.pluginZip}.
 */
class PluginZipIT {
  private static Path zip() {
    String path = System.getProperty("logconv.pluginZip");
    assertThat(path).as("system property logconv.pluginZip (set by the pom)").isNotNull();
    Path p = Path.of(path);
    assertThat(p).as("the zip built at package").isRegularFile();
    return p;
  }

  private static List<String> entries(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        names.add(e.nextElement().getName());
      }
    }
    return names;
  }

  @Test
  void theDescriptorNamesThePluginClassAndTheVersions() throws IOException {
    Properties p = new Properties();
    try (ZipFile z = new ZipFile(zip().toFile())) {
      ZipEntry d = z.getEntry("plugin-descriptor.properties");
      assertThat(d).as("plugin-descriptor.properties at the zip's root").isNotNull();
      try (InputStream in = z.getInputStream(d)) {
        p.load(in);
      }
    }
    assertThat(p.getProperty("name")).isEqualTo("logconv");
    assertThat(p.getProperty("classname")).isEqualTo(LogconvIngestPlugin.class.getName());
    assertThat(p.getProperty("opensearch.version"))
        .isEqualTo(System.getProperty("logconv.opensearchVersion"))
        .isEqualTo("2.19.6");
    assertThat(p.getProperty("java.version")).isEqualTo("17");
    assertThat(p.getProperty("version")).isEqualTo(System.getProperty("logconv.version"));
    assertThat(p.getProperty("description")).isNotBlank().doesNotContain("${");
  }

  @Test
  void theSecurityPolicyLetsTheRedactorReadItsHashKeyFromTheEnvironment() throws IOException {
    try (ZipFile z = new ZipFile(zip().toFile())) {
      ZipEntry policy = z.getEntry("plugin-security.policy");
      assertThat(policy).as("plugin-security.policy at the zip's root").isNotNull();
      try (InputStream in = z.getInputStream(policy)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .contains("permission java.lang.RuntimePermission \"getenv." + SecretRedactor.HASH_KEY_ENV + "\";");
      }
    }
  }

  @Test
  void theZipHoldsTheModuleAndItsRuntimeJarsButNothingOpenSearchShips() throws IOException {
    List<String> names = entries(zip());
    assertThat(names).allMatch(n -> !n.contains("/"), "everything at the zip's root");
    assertThat(names)
        .anyMatch(n -> n.startsWith("logconv-opensearch-ingest-") && n.endsWith(".jar"))
        .anyMatch(n -> n.startsWith("logconv-lint-cli-"))
        .anyMatch(n -> n.startsWith("logconv-sdk-core-"))
        .anyMatch(n -> n.startsWith("logconv-schema-"))
        .anyMatch(n -> n.startsWith("jackson-core-3"));
    assertThat(names)
        .noneMatch(n -> n.startsWith("opensearch-"))
        .noneMatch(n -> n.startsWith("log4j-"))
        .noneMatch(n -> n.startsWith("lucene-"))
        .noneMatch(n -> n.startsWith("javaparser"))
        .noneMatch(n -> n.startsWith("picocli"))
        .noneMatch(n -> n.startsWith("junit") || n.startsWith("assertj"));
  }

  @Test
  // file: URLs only, whose equals() does not resolve host names; JarHell's API takes a Set<URL>.
  @SuppressWarnings("URLEqualsHashCode")
  void noClassInTheZipIsAlsoOnOpenSearchsOwnClassPath(@TempDir Path dir) throws Exception {
    Set<URL> urls = new HashSet<>();
    Set<String> classes = new HashSet<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().endsWith(".jar")) {
          Path jar = dir.resolve(e.getName());
          Files.copy(in, jar);
          urls.add(jar.toUri().toURL());
          try (ZipFile z = new ZipFile(jar.toFile())) {
            z.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).forEach(classes::add);
          }
        }
      }
    }
    assertThat(classes)
        .as("Jackson 3 is tools.jackson.*, apart from OpenSearch's com.fasterxml.jackson.core")
        .anyMatch(c -> c.startsWith("tools/jackson/core/"))
        .noneMatch(c -> c.startsWith("com/fasterxml/jackson/core/"))
        .noneMatch(c -> c.startsWith("org/opensearch/"))
        .noneMatch(c -> c.startsWith("org/apache/logging/log4j/"));
    // OpenSearch's own class path (the provided engine and its libraries, as the pom's
    // opensearch-classpath execution lists them) with the zip's jars: OpenSearch's own check.
    Path serverClasspath = Path.of(System.getProperty("logconv.opensearchClasspath"));
    int zipJars = urls.size();
    for (String entry : Files.readString(serverClasspath).strip().split(File.pathSeparator, -1)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    assertThat(urls.size() - zipJars).as("OpenSearch's jars").isGreaterThan(10);
    assertThat(urls).anyMatch(u -> u.getPath().contains("/org/opensearch/opensearch/"));
    JarHell.checkJarHell(urls, msg -> {});
  }
}
