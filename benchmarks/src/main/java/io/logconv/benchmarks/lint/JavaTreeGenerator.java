package io.logconv.benchmarks.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a tree of realistic Java sources for the linter benchmark: services, Kubernetes-style
 * reconcilers, REST handlers, repositories and records, 120 to 300 lines each, in packages of 50
 * files, with SLF4J classic and fluent logging, MDC, try/catch, streams, generics and lambdas, and
 * roughly one convention violation in ten methods. Deterministic for a given seed.
 *
 * <pre>{@code
 * JavaTreeGenerator.write(Path.of("/tmp/tree"), 5_000, 42L);
 * }</pre>
 */
public final class JavaTreeGenerator {
  private static final String[] NOUNS = {
    "Deployment", "Pod", "Secret", "ConfigMap", "Tenant", "Order", "Invoice", "Quota", "Node",
    "Volume", "Route", "Policy", "Lease", "Job", "Namespace", "Account", "Webhook", "Token"
  };
  private static final String[] KINDS = {"Service", "Reconciler", "Handler", "Repository", "Client"};
  private static final String[] ACTIONS = {"VIEW", "ADD", "UPDATE", "DELETE"};

  private JavaTreeGenerator() {}

  /** Writes {@code count} files under {@code root} and returns the total number of bytes. */
  public static long write(Path root, int count, long seed) throws IOException {
    Random random = new Random(seed);
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      String pkg = "com.example.gen.p" + (i / 50);
      String noun = NOUNS[random.nextInt(NOUNS.length)];
      String kind = KINDS[random.nextInt(KINDS.length)];
      String cls = noun + kind + i;
      String source = random.nextInt(8) == 0 ? record(pkg, cls, random) : clazz(pkg, cls, noun, random);
      Path dir = root.resolve(pkg.replace('.', '/'));
      Files.createDirectories(dir);
      byte[] b = source.getBytes(StandardCharsets.UTF_8);
      Files.write(dir.resolve(cls + ".java"), b);
      bytes += b.length;
    }
    return bytes;
  }

  private static String record(String pkg, String cls, Random r) {
    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(pkg).append(";\n\n")
        .append("import java.time.Instant;\nimport java.util.List;\nimport java.util.Objects;\n\n")
        .append("/** Value object generated for the benchmark. */\n")
        .append("public record ").append(cls)
        .append("(String namespace, String name, int replicas, Instant updated, List<String> labels) {\n")
        .append("  public ").append(cls).append(" {\n")
        .append("    Objects.requireNonNull(namespace, \"namespace\");\n")
        .append("    Objects.requireNonNull(name, \"name\");\n")
        .append("    labels = List.copyOf(labels);\n  }\n\n");
    int methods = 4 + r.nextInt(6);
    for (int m = 0; m < methods; m++) {
      sb.append("  public ").append(cls).append(" withReplicas").append(m).append("(int n) {\n")
          .append("    if (n < 0) {\n      throw new IllegalArgumentException(\"negative: \" + n);\n    }\n")
          .append("    return new ").append(cls)
          .append("(namespace, name, n + ").append(m).append(", Instant.now(), labels);\n  }\n\n")
          .append("  public boolean matches").append(m).append("(String selector) {\n")
          .append("    return labels.stream().anyMatch(l -> l.startsWith(selector) && l.length() > ")
          .append(m).append(");\n  }\n\n");
    }
    return sb.append("}\n").toString();
  }

  private static String clazz(String pkg, String cls, String noun, Random r) {
    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(pkg).append(";\n\n")
        .append("import java.io.IOException;\n")
        .append("import java.time.Duration;\n")
        .append("import java.util.ArrayList;\n")
        .append("import java.util.List;\n")
        .append("import java.util.Map;\n")
        .append("import java.util.Optional;\n")
        .append("import java.util.concurrent.ConcurrentHashMap;\n")
        .append("import java.util.stream.Collectors;\n")
        .append("import org.slf4j.Logger;\n")
        .append("import org.slf4j.LoggerFactory;\n")
        .append("import org.slf4j.MDC;\n\n")
        .append("/**\n * Handles ").append(noun).append(" resources: lookups, updates and cleanup.\n */\n")
        .append("public class ").append(cls).append(" {\n")
        .append("  private static final Logger LOG = LoggerFactory.getLogger(").append(cls)
        .append(".class);\n")
        .append("  private static final String KIND = \"").append(noun).append("\";\n")
        .append("  private static final Duration TIMEOUT = Duration.ofSeconds(").append(5 + r.nextInt(30))
        .append(");\n\n")
        .append("  private final Map<String, Integer> cache = new ConcurrentHashMap<>();\n")
        .append("  private final List<String> history = new ArrayList<>();\n\n")
        .append("  public ").append(cls).append("() {}\n\n");
    int methods = 5 + r.nextInt(8);
    for (int m = 0; m < methods; m++) {
      boolean violation = r.nextInt(10) == 0;
      switch (r.nextInt(4)) {
        case 0 -> reconcile(sb, m, violation, r);
        case 1 -> lookup(sb, m, violation);
        case 2 -> batch(sb, m, violation);
        default -> cleanup(sb, m, violation);
      }
    }
    sb.append("  private int fetch(String namespace, String name) throws IOException {\n")
        .append("    if (namespace.isEmpty()) {\n      throw new IOException(\"no namespace for \" + name);\n    }\n")
        .append("    return cache.getOrDefault(namespace + \"/\" + name, 0);\n  }\n\n")
        .append("  private void apply(String namespace, String name, int replicas) {\n")
        .append("    cache.put(namespace + \"/\" + name, replicas);\n")
        .append("    history.add(name);\n  }\n");
    return sb.append("}\n").toString();
  }

  private static void reconcile(StringBuilder sb, int m, boolean violation, Random r) {
    String action = ACTIONS[r.nextInt(ACTIONS.length)];
    sb.append("  public boolean reconcile").append(m).append("(String namespace, String name, int desired) {\n")
        .append("    MDC.put(\"request_id\", namespace + \"-\" + name);\n")
        .append("    try {\n")
        .append("      int current = fetch(namespace, name);\n")
        .append("      if (current == desired) {\n")
        .append("        LOG.debug(\"{} {}/{} already at {}\", KIND, namespace, name, current);\n")
        .append("        return false;\n      }\n")
        .append("      apply(namespace, name, desired);\n")
        .append("      LOG.atInfo()\n")
        .append("          .addKeyValue(\"namespace\", namespace)\n")
        .append("          .addKeyValue(\"controllerKind\", KIND)\n")
        .append("          .addKeyValue(\"name\", name)\n")
        .append("          .addKeyValue(\"action\", \"").append(violation ? "SCALE" : action).append("\")\n")
        .append("          .log(\"scaled from {} to {}\", current, desired);\n")
        .append("      return true;\n")
        .append("    } catch (IOException e) {\n");
    if (violation) {
      sb.append("      LOG.error(\"reconcile failed: {}\", e.getMessage());\n");
    } else {
      sb.append("      LOG.error(\"reconcile of {}/{} failed\", namespace, name, e);\n");
    }
    sb.append("      return false;\n")
        .append("    } finally {\n      MDC.remove(\"request_id\");\n    }\n  }\n\n");
  }

  private static void lookup(StringBuilder sb, int m, boolean violation) {
    sb.append("  public Optional<Integer> lookup").append(m).append("(String namespace, String name) {\n")
        .append("    Integer value = cache.get(namespace + \"/\" + name);\n")
        .append("    if (value == null) {\n");
    if (violation) {
      sb.append("      LOG.info(\"cache miss for \" + namespace + \"/\" + name);\n");
    } else {
      sb.append("      LOG.atDebug().addKeyValue(\"namespace\", namespace).addKeyValue(\"name\", name)\n")
          .append("          .log(\"cache miss\");\n");
    }
    sb.append("      return Optional.empty();\n    }\n")
        .append("    return Optional.of(value).filter(v -> v >= 0);\n  }\n\n");
  }

  private static void batch(StringBuilder sb, int m, boolean violation) {
    sb.append("  public Map<String, Integer> batch").append(m).append("(List<String> names) {\n")
        .append("    Map<String, Integer> out = names.stream()\n")
        .append("        .filter(n -> !n.isBlank())\n")
        .append("        .collect(Collectors.toMap(n -> n, n -> cache.getOrDefault(n, 0), (a, b) -> a));\n")
        .append("    for (Map.Entry<String, Integer> e : out.entrySet()) {\n")
        .append("      if (e.getValue() > 100) {\n");
    if (violation) {
      sb.append("        LOG.warn(\"large {} {}\", e.getKey());\n");
    } else {
      sb.append("        LOG.warn(\"large {} {}\", e.getKey(), e.getValue());\n");
    }
    sb.append("      }\n    }\n")
        .append("    LOG.atDebug().addKeyValue(\"count\", out.size()).log(\"batch done\");\n")
        .append("    return out;\n  }\n\n");
  }

  private static void cleanup(StringBuilder sb, int m, boolean violation) {
    sb.append("  public int cleanup").append(m).append("(String namespace) {\n")
        .append("    int removed = 0;\n")
        .append("    for (String key : new ArrayList<>(cache.keySet())) {\n")
        .append("      if (key.startsWith(namespace + \"/\")) {\n")
        .append("        cache.remove(key);\n")
        .append("        removed++;\n      }\n    }\n");
    if (violation) {
      sb.append("    LOG.atInfo().addKeyValue(\"pod_name\", namespace).log(\"cleanup\");\n");
    } else {
      sb.append("    LOG.atInfo().addKeyValue(\"audit\", true).addKeyValue(\"action\", \"DELETE\")\n")
          .append("        .addKeyValue(\"namespace\", namespace).addKeyValue(\"removed\", removed)\n")
          .append("        .log(\"cleanup\");\n");
    }
    sb.append("    return removed;\n  }\n\n");
  }
}
