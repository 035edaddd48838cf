package io.logconv.lint.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The source linter: finds Java files and Logback configurations under the given roots, parses
 * each file once (in parallel), runs every enabled rule on that one tree, drops findings silenced
 * by {@code @SuppressWarnings("logconv...")} or by the baseline, and returns them sorted. Results of
 * unchanged files come from a content-keyed cache when one is configured. A file that does not
 * parse is one {@code LC000} finding, never an exception.
 *
 * <p>The CLI ({@code logconv lint}) and the Maven plugin are thin adapters over this class.
 *
 * <pre>{@code
 * SourceLinter linter = SourceLinter.builder()
 *     .disable("LC007")
 *     .severity("LC008", Severity.ERROR)
 *     .baseline(Path.of("logconv-baseline.txt"))
 *     .cache(Path.of("target/logconv-cache"))
 *     .build();
 * LintResult result = linter.lint(List.of(Path.of("src/main")));
 * result.findings().forEach(System.out::println);
 * }</pre>
 */
public final class SourceLinter {
  /** The descriptor of the finding reported for a file that cannot be parsed. */
  public static final RuleDescriptor PARSE_ERROR =
      new RuleDescriptor(
          "LC000",
          "parse-error",
          Severity.ERROR,
          "File could not be parsed, so no rule checked it",
          "A Java file with a syntax error, or a Logback configuration that is not well-formed XML"
              + " (or declares a DOCTYPE, which is refused for safety), cannot be checked. The"
              + " linter reports it once and carries on with the other files.",
          "class Broken { void f() { log.info(\"x\" }",
          "class Fixed { void f() { log.info(\"x\"); } }");

  private static final Set<String> LOGBACK_FILES = Set.of("logback.xml", "logback-spring.xml");
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "build", "node_modules");
  /**
   * A Java file mentioning none of these cannot hold a logger, an MDC or key/value API, console
   * printing or a FileHandler, so no rule can report anything in it (see {@link
   * Builder#prefilter}).
   */
  private static final List<String> TRIGGERS =
      List.of("Log", "Slf4j", "MDC", "ThreadContext", "StructuredArguments", "Markers",
          "System.out", "System.err", "printStackTrace", "FileHandler");
  /** Bump when the cached result of a file could change for the same rules and content. */
  private static final String CACHE_FORMAT = "2"; // 2: hits carry fixes

  private final List<LintRule> rules;
  private final Map<String, Severity> severities;
  private final Path baselineFile;
  private final Path cacheFile;
  private final int parallelism;
  private final Path baseDirectory;
  private final Map<Class<?>, List<JavaRule<?>>> byKind = new ConcurrentHashMap<>();
  private final List<JavaRule<?>> javaRules = new ArrayList<>();
  private final List<LogbackRule> logbackRules = new ArrayList<>();
  private final boolean parseErrorEnabled;
  private final boolean prefilter;
  private final boolean schemaOnClasspath;
  private final ThreadLocal<JavaParser> parsers = ThreadLocal.withInitial(SourceLinter::newParser);

  private SourceLinter(Builder b) {
    List<LintRule> selected = new ArrayList<>();
    for (LintRule r : b.rules == null ? loadRules() : b.rules) {
      String id = r.descriptor().id();
      if ((b.enabled.isEmpty() || b.enabled.contains(id)) && !b.disabled.contains(id)) {
        selected.add(r);
      }
    }
    selected.sort(Comparator.comparing(r -> r.descriptor().id()));
    this.rules = List.copyOf(selected);
    this.parseErrorEnabled =
        (b.enabled.isEmpty() || b.enabled.contains(PARSE_ERROR.id()))
            && !b.disabled.contains(PARSE_ERROR.id());
    this.severities = Map.copyOf(b.severities);
    this.baselineFile = b.baseline;
    this.cacheFile = b.cache;
    this.parallelism = b.parallelism;
    this.prefilter = b.prefilter;
    this.schemaOnClasspath = b.schemaOnClasspath;
    this.baseDirectory = b.baseDirectory.toAbsolutePath().normalize();
    for (LintRule r : rules) {
      if (r instanceof JavaRule<?> j) {
        javaRules.add(j);
      } else if (r instanceof LogbackRule l) {
        logbackRules.add(l);
      } else {
        throw new IllegalArgumentException(
            r.getClass().getName() + " must extend JavaRule or LogbackRule");
      }
    }
  }

  /** A builder with every rule enabled, no baseline, no cache, one thread per core. */
  public static Builder builder() {
    return new Builder();
  }

  /** The rules found on the classpath through {@link ServiceLoader}, sorted by id. */
  public static List<LintRule> loadRules() {
    List<LintRule> out = new ArrayList<>();
    ServiceLoader.load(LintRule.class, SourceLinter.class.getClassLoader()).forEach(out::add);
    out.sort(Comparator.comparing(r -> r.descriptor().id()));
    return out;
  }

  /** Every rule's descriptor, {@link #PARSE_ERROR} first, sorted by id. */
  public static List<RuleDescriptor> allRules() {
    List<RuleDescriptor> out = new ArrayList<>();
    out.add(PARSE_ERROR);
    for (LintRule r : loadRules()) {
      out.add(r.descriptor());
    }
    out.sort(Comparator.comparing(RuleDescriptor::id));
    return List.copyOf(out);
  }

  /** The directory findings' file names are relative to (absolute). */
  public Path baseDirectory() {
    return baseDirectory;
  }

  /** The rules this linter runs, sorted by id. */
  public List<LintRule> rules() {
    return rules;
  }

  /**
   * Lints every {@code .java}, {@code logback.xml} and {@code logback-spring.xml} file under
   * {@code roots} (files or directories; {@code target}, {@code build}, {@code node_modules} and
   * hidden directories below a root are skipped).
   *
   * @throws IOException if a root does not exist, a file cannot be read, or the baseline or cache
   *     cannot be written
   */
  public LintResult lint(List<Path> roots) throws IOException {
    List<Path> files = collect(roots);
    Baseline baseline = baselineFile == null ? null : Baseline.read(baselineFile);
    LintCache cache = cacheFile == null ? null : new LintCache(cacheFile, fingerprint());
    if (cache != null) {
      cache.load();
    }
    AtomicInteger fromCache = new AtomicInteger();
    List<FileOutcome> outcomes = run(files, cache, fromCache);
    if (cache != null) {
      cache.save();
    }
    return assemble(outcomes, files.size(), fromCache.get(), baseline);
  }

  /**
   * Lints one in-memory file named {@code fileName} (a {@code .java} file or a Logback
   * configuration) without cache or baseline; suppression annotations apply.
   */
  public List<Finding> lintText(String fileName, String text) {
    FileOutcome o = lintContent(fileName, fileName, text);
    return assemble(List.of(o), 1, 0, null).findings();
  }

  // ---------------------------------------------------------------- discovery

  private List<Path> collect(List<Path> roots) throws IOException {
    TreeSet<Path> files = new TreeSet<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new java.nio.file.NoSuchFileException(root.toString(), null, "no such file or directory");
      }
      if (Files.isRegularFile(root)) {
        files.add(root.toAbsolutePath().normalize());
        continue;
      }
      Path start = root.toAbsolutePath().normalize();
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(start)) {
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name)) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && isLintable(file)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    }
    return new ArrayList<>(files);
  }

  private static boolean isLintable(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".java") || LOGBACK_FILES.contains(name);
  }

  private String display(Path file) {
    Path p = file.startsWith(baseDirectory) ? baseDirectory.relativize(file) : file;
    return p.toString().replace('\\', '/');
  }

  // ---------------------------------------------------------------- running

  private List<FileOutcome> run(List<Path> files, LintCache cache, AtomicInteger fromCache)
      throws IOException {
    int threads = Math.max(1, Math.min(parallelism, files.size()));
    if (threads == 1) {
      List<FileOutcome> out = new ArrayList<>(files.size());
      for (Path f : files) {
        out.add(lintFile(f, cache, fromCache));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "logconv-lint");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<FileOutcome>> futures = new ArrayList<>(files.size());
      for (Path f : files) {
        futures.add(pool.submit(() -> lintFile(f, cache, fromCache)));
      }
      List<FileOutcome> out = new ArrayList<>(files.size());
      for (Future<FileOutcome> fu : futures) {
        out.add(fu.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private FileOutcome lintFile(Path file, LintCache cache, AtomicInteger fromCache) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String display = display(file);
    String key = cache == null ? null : contentKey(file.getFileName().toString(), bytes);
    if (cache != null) {
      LintCache.FileResult cached = cache.get(key);
      if (cached != null) {
        fromCache.incrementAndGet();
        return new FileOutcome(display, cached);
      }
    }
    FileOutcome o = lintContent(display, file.getFileName().toString(),
        new String(bytes, StandardCharsets.UTF_8));
    if (cache != null) {
      cache.put(key, o.result());
    }
    return o;
  }

  private FileOutcome lintContent(String display, String fileName, String text) {
    List<Hit> hits;
    int suppressed = 0;
    boolean failure = false;
    if (fileName.endsWith(".java") && prefilter && !mentionsAnyTrigger(text)) {
      hits = List.of();
    } else if (fileName.endsWith(".java")) {
      ParseResult<CompilationUnit> parsed;
      try {
        parsed = parsers.get().parse(text);
      } catch (RuntimeException | StackOverflowError e) {
        parsed = null;
      }
      if (parsed == null || !parsed.isSuccessful() || parsed.getResult().isEmpty()) {
        failure = true;
        hits = List.of(parseFailure(parsed));
      } else {
        JavaContext ctx =
            new JavaContext(display, parsed.getResult().get(), text, schemaOnClasspath);
        runJavaRules(ctx);
        hits = ctx.hits();
        suppressed = ctx.suppressed();
      }
    } else {
      ConfigContext ctx = new ConfigContext(display, text);
      try {
        LogbackConfig config = LogbackConfig.parse(text);
        for (LogbackRule r : logbackRules) {
          r.dispatch(config, ctx);
        }
        hits = ctx.hits();
      } catch (LogbackConfig.SAXParseFailure e) {
        failure = true;
        hits = List.of(new Hit(PARSE_ERROR.id(), PARSE_ERROR.defaultSeverity(), e.line(), 0,
            "configuration does not parse: " + firstLine(e.getMessage())));
      }
    }
    if (failure && !parseErrorEnabled) {
      hits = List.of();
    }
    List<String> lineHashes = lineHashes(text, hits);
    return new FileOutcome(display,
        new LintCache.FileResult(List.copyOf(hits), lineHashes, suppressed, failure));
  }

  private static boolean mentionsAnyTrigger(String text) {
    for (String t : TRIGGERS) {
      if (text.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private void runJavaRules(JavaContext ctx) {
    if (javaRules.isEmpty()) {
      return;
    }
    // One walk: the logging model indexes the same node list the rules are dispatched over.
    List<Node> nodes = new ArrayList<>(1024);
    ctx.unit().walk(nodes::add);
    ctx.logging().index(nodes);
    for (Node node : nodes) {
      for (JavaRule<?> rule : rulesFor(node.getClass())) {
        rule.dispatch(node, ctx);
      }
    }
  }

  private List<JavaRule<?>> rulesFor(Class<?> type) {
    List<JavaRule<?>> known = byKind.get(type);
    if (known != null) {
      return known;
    }
    List<JavaRule<?>> out = new ArrayList<>();
    for (JavaRule<?> r : javaRules) {
      if (r.kind().isAssignableFrom(type)) {
        out.add(r);
      }
    }
    byKind.putIfAbsent(type, List.copyOf(out));
    return out;
  }

  private static Hit parseFailure(ParseResult<CompilationUnit> parsed) {
    int line = 1;
    int column = 0;
    String message = "Java source does not parse";
    if (parsed != null && !parsed.getProblems().isEmpty()) {
      Problem p = parsed.getProblems().get(0);
      Position pos = p.getLocation()
          .flatMap(l -> l.getBegin().getRange())
          .map(r -> r.begin)
          .orElse(new Position(1, 0));
      line = pos.line;
      column = pos.column;
      message = message + ": " + firstLine(p.getMessage());
    }
    return new Hit(PARSE_ERROR.id(), PARSE_ERROR.defaultSeverity(), line, column, message);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = (nl < 0 ? s : s.substring(0, nl)).strip();
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static JavaParser newParser() {
    ParserConfiguration config = new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
        // rules read no comments and never print code back: skip the work
        .setAttributeComments(false)
        .setLexicalPreservationEnabled(false);
    // The language-level validators and post-processors are semantic checks javac makes anyway;
    // they cost as much as the parse itself. Syntax errors still fail the parse.
    config.getProcessors().clear();
    return new JavaParser(config);
  }

  // ---------------------------------------------------------------- results

  private LintResult assemble(
      List<FileOutcome> outcomes, int scanned, int fromCache, Baseline baseline) {
    Baseline remaining = baseline == null ? null : baseline.fresh();
    List<LintResult.Entry> entries = new ArrayList<>();
    int suppressed = 0;
    int baselined = 0;
    int failures = 0;
    for (FileOutcome o : outcomes) {
      LintCache.FileResult r = o.result();
      suppressed += r.suppressed();
      if (r.parseFailure()) {
        failures++;
      }
      for (int i = 0; i < r.hits().size(); i++) {
        Hit h = r.hits().get(i);
        Severity sev = severities.getOrDefault(h.ruleId(), h.severity());
        Finding f =
            new Finding(h.ruleId(), sev, o.file(), h.line(), h.column(), h.message(), h.fix());
        String hash = r.lineHashes().get(i);
        if (remaining != null && remaining.consume(f, hash)) {
          baselined++;
        } else {
          entries.add(new LintResult.Entry(f, hash));
        }
      }
    }
    entries.sort(Comparator.comparing((LintResult.Entry e) -> e.finding().file())
        .thenComparingInt(e -> e.finding().line())
        .thenComparingInt(e -> e.finding().column())
        .thenComparing(e -> e.finding().ruleId())
        .thenComparing(e -> e.finding().message()));
    return new LintResult(entries, scanned, fromCache, failures, suppressed, baselined);
  }

  /** Hash of each hit's line, whitespace collapsed, so the baseline survives moves, not edits. */
  private static List<String> lineHashes(String text, List<Hit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    List<String> lines = text.lines().toList();
    List<String> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      String line = h.line() - 1 < lines.size() ? lines.get(h.line() - 1) : "";
      String normalised = line.strip().replaceAll("\\s+", " ");
      out.add(HexFormat.of().formatHex(sha256(normalised.getBytes(StandardCharsets.UTF_8)), 0, 8));
    }
    return out;
  }

  private String fingerprint() {
    StringBuilder sb = new StringBuilder(CACHE_FORMAT);
    sb.append(parseErrorEnabled ? ";LC000" : "").append(prefilter ? ";prefilter" : "")
        .append(schemaOnClasspath ? ";schema" : "");
    for (LintRule r : rules) {
      sb.append(';').append(r.descriptor().id()).append('=').append(r.getClass().getName());
    }
    Package p = SourceLinter.class.getPackage();
    sb.append(';').append(p == null ? null : p.getImplementationVersion());
    return sb.toString();
  }

  private static String contentKey(String fileName, byte[] bytes) {
    MessageDigest md = digest();
    // the name decides which parser runs, so it is part of the key
    md.update(fileName.endsWith(".java") ? (byte) 'J' : (byte) 'X');
    md.update(bytes);
    return HexFormat.of().formatHex(md.digest(), 0, 20);
  }

  private static byte[] sha256(byte[] bytes) {
    return digest().digest(bytes);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /** Per-file outcome: the file's display name and what linting it produced. */
  private record FileOutcome(String file, LintCache.FileResult result) {}

  /**
   * Configures a {@link SourceLinter}.
   *
   * <pre>{@code
   * SourceLinter.builder().enable("LC001", "LC002").parallelism(2).build();
   * }</pre>
   */
  public static final class Builder {
    private Collection<LintRule> rules;
    private final Set<String> enabled = new TreeSet<>();
    private final Set<String> disabled = new TreeSet<>();
    private final Map<String, Severity> severities = new LinkedHashMap<>();
    private Path baseline;
    private Path cache;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private Path baseDirectory = Path.of("");
    private boolean prefilter = true;
    private boolean schemaOnClasspath;

    private Builder() {}

    /**
     * Whether {@code io.logconv.schema} is on the linted project's classpath (default false), so
     * that fixes may use its types ({@code LC003} rewrites action strings to {@code Action}
     * constants). A file importing a logconv class counts as evidence on its own.
     */
    public Builder schemaOnClasspath(boolean onClasspath) {
      this.schemaOnClasspath = onClasspath;
      return this;
    }

    /**
     * Whether Java files that mention no logging API, console stream, {@code printStackTrace} or
     * {@code FileHandler} are skipped unparsed (default true). No rule can report anything in such
     * a file; the one thing lost is an {@code LC000} for a syntax error in it, which the compiler
     * reports anyway. Turn it off to have every file parsed.
     */
    public Builder prefilter(boolean enabled) {
      this.prefilter = enabled;
      return this;
    }

    /** Runs exactly these rules instead of those found through {@link ServiceLoader}. */
    public Builder rules(Collection<? extends LintRule> rules) {
      this.rules = List.copyOf(rules);
      return this;
    }

    /** Runs only the rules with these ids (may be called repeatedly). */
    public Builder enable(String... ids) {
      enabled.addAll(List.of(ids));
      return this;
    }

    /** Does not run the rules with these ids. */
    public Builder disable(String... ids) {
      disabled.addAll(List.of(ids));
      return this;
    }

    /** Reports every finding of rule {@code id} with {@code severity}. */
    public Builder severity(String id, Severity severity) {
      severities.put(id, severity);
      return this;
    }

    /** Ignores findings listed in this baseline file ({@code null}: none). */
    public Builder baseline(Path file) {
      this.baseline = file;
      return this;
    }

    /** Keeps per-file results in this file between runs ({@code null}: no cache). */
    public Builder cache(Path file) {
      this.cache = file;
      return this;
    }

    /** Number of files parsed at once; defaults to the number of cores. */
    public Builder parallelism(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1: " + threads);
      }
      this.parallelism = threads;
      return this;
    }

    /**
     * Directory findings' file names are relative to (default: the working directory); files
     * outside it are named by their absolute path. Baseline entries use the same names.
     */
    public Builder baseDirectory(Path dir) {
      this.baseDirectory = dir;
      return this;
    }

    /** The configured linter. */
    public SourceLinter build() {
      return new SourceLinter(this);
    }
  }
}
