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
 * The source linter: finds Java files and logging configurations (Logback, Log4j2, Log4j 1) under
 * the given roots, parses
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
          "A Java file with a syntax error, or a logging configuration that is not well-formed"
              + " XML, YAML or JSON (or a Logback configuration that declares a DOCTYPE, which is"
              + " refused for safety), cannot be checked. The linter reports it once and carries"
              + " on with the other files.",
          "class Broken { void f() { log.info(\"x\" }",
          "class Fixed { void f() { log.info(\"x\"); } }");

  /**
   * The descriptor of the note reported for a configuration file the linter does not understand
   * (a file passed by name that is neither Logback nor Log4j, or a Log4j2 properties file without
   * appender entries): nothing in it was checked.
   */
  public static final RuleDescriptor UNSUPPORTED_CONFIG =
      new RuleDescriptor(
          "LC018",
          "unsupported-configuration",
          Severity.NOTE,
          "Not a supported logging configuration, so no rule checked it",
          "The linter reads Logback (`logback.xml`, `logback-spring.xml`), Log4j2 (XML,"
              + " properties, YAML, JSON) and Log4j 1 (`log4j.properties`, `log4j.xml`)"
              + " configurations. A file given by name that is none of these, or a Log4j2"
              + " properties file without `appender.<id>.type` entries, is reported once as a note"
              + " so that a typo in a path does not pass for a clean result.",
          "logconv lint src/main/resources/app.conf",
          "logconv lint src/main/resources/log4j2.xml");

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules");
  /** Build output directories, skipped where they sit beside one of {@link #BUILD_FILES}. */
  private static final Set<String> BUILD_OUTPUT = Set.of("target", "build");
  private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle",
      "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "build.xml");
  private static final List<String> TEST_SOURCE_DIRS =
      List.of("/src/test/", "/src/it/", "/src/testFixtures/", "/src/jmh/");
  /**
   * The rules the test profile turns off: console printing (LC011) and the appender rules (LC013,
   * LC014), since a test's output and its logging configuration never ship.
   */
  private static final Set<String> OFF_IN_TEST_PROFILE = Set.of("LC011", "LC013", "LC014");
  /**
   * A Java file mentioning none of these cannot hold a logger, an MDC or key/value API, console
   * printing or a FileHandler, so no rule can report anything in it (see {@link
   * Builder#prefilter}).
   */
  private static final List<String> TRIGGERS =
      List.of("Log", "LOG", "log.", "logger.", "Slf4j", "MDC", "ThreadContext",
          "StructuredArguments", "Markers", "System.out", "System.err", "IO.print",
          "printStackTrace", "FileHandler");
  private static final java.util.regex.Pattern LEXICAL_POSITION =
      java.util.regex.Pattern.compile("at line (\\d+), column (\\d+)");
  /** How many times the index of the tree is rebuilt at most in one run. */
  private static final int MAX_INDEX_ROUNDS = 4;

  /** Bump when the cached result of a file could change for the same rules and content. */
  private static final String CACHE_FORMAT = "3"; // 3: hits carry fixes, files their index

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
  private final boolean unsupportedEnabled;
  private final boolean prefilter;
  private final List<ProjectIndex.Wrapper> wrappers;
  private final boolean testProfile;
  private final List<Globs.Glob> excludes;
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
    this.unsupportedEnabled =
        (b.enabled.isEmpty() || b.enabled.contains(UNSUPPORTED_CONFIG.id()))
            && !b.disabled.contains(UNSUPPORTED_CONFIG.id());
    this.severities = Map.copyOf(b.severities);
    this.baselineFile = b.baseline;
    this.cacheFile = b.cache;
    this.parallelism = b.parallelism;
    this.prefilter = b.prefilter;
    this.wrappers = List.copyOf(b.wrappers);
    this.testProfile = b.testProfile;
    this.excludes = Globs.compile(b.excludes);
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

  /** Every rule's descriptor, with {@link #PARSE_ERROR} and {@link #UNSUPPORTED_CONFIG}, by id. */
  public static List<RuleDescriptor> allRules() {
    List<RuleDescriptor> out = new ArrayList<>();
    out.add(PARSE_ERROR);
    out.add(UNSUPPORTED_CONFIG);
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
   * Lints every {@code .java} file and logging configuration (see {@link #isLintableName}) under
   * {@code roots} (files or directories). Below a root, {@code node_modules} and hidden
   * directories are skipped, and so are {@code target} and {@code build} where they are build
   * output: beside a {@code pom.xml}, {@code build.gradle(.kts)}, {@code settings.gradle(.kts)} or
   * {@code build.xml} (a Java package named {@code build} is linted). Files matching an {@link
   * Builder#exclude} pattern are left out; {@link LintResult#skippedBuildOutput()} and {@link
   * LintResult#excluded()} count both.
   *
   * @throws IOException if a root does not exist, a file cannot be read, or the baseline or cache
   *     cannot be written
   */
  public LintResult lint(List<Path> roots) throws IOException {
    Discovery discovery = collect(roots);
    List<Path> files = discovery.files();
    Baseline baseline = baselineFile == null ? null : Baseline.read(baselineFile);
    LintCache cache = cacheFile == null ? null : new LintCache(cacheFile, fingerprint());
    if (cache != null) {
      cache.load();
    }
    AtomicInteger fromCache = new AtomicInteger();
    List<Input> inputs = new ArrayList<>(files.size());
    for (Path f : files) {
      inputs.add(new Input(display(f), f.getFileName().toString(), f, null));
    }
    List<FileOutcome> outcomes = lintAll(inputs, cache, fromCache);
    if (cache != null) {
      cache.save();
    }
    return assemble(outcomes, files.size(), fromCache.get(), baseline)
        .withSkipped(discovery.buildOutput(), discovery.excluded());
  }

  /**
   * Lints one in-memory file named {@code fileName} (a {@code .java} file or a Logback
   * configuration) without cache or baseline; suppression annotations apply.
   */
  public List<Finding> lintText(String fileName, String text) {
    return lintTexts(Map.of(fileName, text));
  }

  /**
   * Lints in-memory files, by name, as one tree (a class may inherit its logger from another of
   * them, or log through a wrapper another declares), without cache or baseline.
   */
  public List<Finding> lintTexts(Map<String, String> filesByName) {
    List<Input> inputs = new ArrayList<>();
    filesByName.forEach((name, text) -> {
      int slash = name.lastIndexOf('/');
      inputs.add(new Input(name, slash < 0 ? name : name.substring(slash + 1), null, text));
    });
    try {
      return assemble(lintAll(inputs, null, new AtomicInteger()), inputs.size(), 0, null).findings();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The two passes: every file linted (or taken from the cache) while the tree is not yet known,
   * its declarations kept; then the index of the whole tree built from them, and only the files
   * whose questions it answers differently linted again with it.
   */
  private List<FileOutcome> lintAll(List<Input> inputs, LintCache cache, AtomicInteger fromCache)
      throws IOException {
    ProjectIndex configuredOnly = ProjectIndex.of(List.of(), wrappers);
    List<Pass> first = run(inputs, in -> firstPass(in, cache, configuredOnly, fromCache));
    List<Pass> current = new ArrayList<>(first);
    boolean[] relinted = new boolean[first.size()];
    List<ProjectIndex.TypeSummary> declared = declarations(current);
    // A file linted again may declare more than before (a wrapper whose logger it inherits), so
    // the index is rebuilt until what the files declare no longer changes.
    for (int round = 0; round < MAX_INDEX_ROUNDS; round++) {
      ProjectIndex index = ProjectIndex.of(declared, wrappers);
      Set<String> wrapperNames = index.wrapperSimpleNames();
      List<Input> again = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      for (int i = 0; i < current.size(); i++) {
        if (stale(current.get(i), index, wrapperNames)) {
          again.add(current.get(i).input());
          positions.add(i);
        }
      }
      if (again.isEmpty()) {
        break;
      }
      List<Pass> next = run(again, in -> {
        String text;
        try {
          text = in.text() != null ? in.text() : read(in.path());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return new Pass(in, profiled(lintContent(in.display(), in.fileName(), text, index, false),
            in.profilePath()), null);
      });
      for (int i = 0; i < next.size(); i++) {
        current.set(positions.get(i), next.get(i));
        relinted[positions.get(i)] = true;
      }
      List<ProjectIndex.TypeSummary> now = declarations(current);
      if (now.equals(declared)) {
        break;
      }
      declared = now;
    }
    List<FileOutcome> out = new ArrayList<>(current.size());
    for (int i = 0; i < current.size(); i++) {
      out.add(current.get(i).outcome());
      if (relinted[i] && first.get(i).cached()) {
        fromCache.decrementAndGet();
      }
      if (cache != null && first.get(i).key() != null) {
        cache.put(first.get(i).key(), out.get(i).result());
      }
    }
    return out;
  }

  private static List<ProjectIndex.TypeSummary> declarations(List<Pass> passes) {
    List<ProjectIndex.TypeSummary> out = new ArrayList<>();
    for (Pass p : passes) {
      out.addAll(p.outcome().result().types());
    }
    return out;
  }

  /** Whether the result of a file's first pass may change with the index of the whole tree. */
  private boolean stale(Pass p, ProjectIndex index, Set<String> wrapperNames) throws IOException {
    LintCache.FileResult r = p.outcome().result();
    for (ProjectIndex.Question q : r.questions()) {
      if (!q.answeredAlikeBy(index)) {
        return true;
      }
    }
    if (r.prefiltered() && !wrapperNames.isEmpty()) {
      String text = p.input().text() != null ? p.input().text() : read(p.input().path());
      for (String name : wrapperNames) {
        if (text.contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private Pass firstPass(Input in, LintCache cache, ProjectIndex index, AtomicInteger fromCache) {
    byte[] bytes;
    if (in.text() != null) {
      bytes = in.text().getBytes(StandardCharsets.UTF_8);
    } else {
      try {
        bytes = Files.readAllBytes(in.path());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    boolean test = testProfile && isTestSource(in.profilePath());
    String key = cache == null ? null : contentKey((test ? "test:" : "") + in.fileName(), bytes);
    if (cache != null) {
      LintCache.FileResult cached = cache.get(key);
      if (cached != null) {
        fromCache.incrementAndGet();
        return new Pass(in, new FileOutcome(in.display(), cached), key, true);
      }
    }
    String text = in.text() != null ? in.text() : new String(bytes, StandardCharsets.UTF_8);
    return new Pass(in, profiled(lintContent(in.display(), in.fileName(), text, index, prefilter),
        in.profilePath()), key);
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- discovery

  /** The files to lint, and how many lintable files discovery left out, and why. */
  private record Discovery(List<Path> files, int buildOutput, int excluded) {}

  private Discovery collect(List<Path> roots) throws IOException {
    TreeSet<Path> files = new TreeSet<>();
    int[] skipped = new int[2]; // build output, excluded
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
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              if (!dir.equals(start)) {
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name)) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
                if (BUILD_OUTPUT.contains(name) && isModule(dir.getParent())) {
                  skipped[0] += countLintable(dir);
                  return FileVisitResult.SKIP_SUBTREE;
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && isLintable(file)) {
                if (Globs.anyMatches(excludes, start.relativize(file))) {
                  skipped[1]++;
                } else {
                  files.add(file);
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof java.nio.file.AccessDeniedException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }
          });
    }
    return new Discovery(new ArrayList<>(files), skipped[0], skipped[1]);
  }

  /** Whether {@code dir} holds a build file, so that its {@code target}/{@code build} is output. */
  private static boolean isModule(Path dir) {
    if (dir == null) {
      return false;
    }
    for (String buildFile : BUILD_FILES) {
      if (Files.isRegularFile(dir.resolve(buildFile))) {
        return true;
      }
    }
    return false;
  }

  private static int countLintable(Path dir) throws IOException {
    int[] n = new int[1];
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && isLintable(file)) {
          n[0]++;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    return n[0];
  }

  private static boolean isLintable(Path file) {
    return isLintableName(file.getFileName().toString());
  }

  /**
   * Whether discovery picks up a file of this name: {@code .java} sources and the logging
   * configurations {@link LogbackRule} describes ({@code logback.xml}, {@code log4j2.xml}, {@code
   * log4j2.properties}, {@code log4j.properties}, ...). The Maven plugin selects files with it.
   */
  public static boolean isLintableName(String fileName) {
    return fileName.endsWith(".java") || ConfigReader.isConfigFileName(fileName);
  }

  /**
   * Whether {@code path} lies in a test source tree of the Maven or Gradle layouts ({@code
   * src/test/}, {@code src/it/}, {@code src/testFixtures/}, {@code src/jmh/}), which the test
   * profile lints.
   */
  public static boolean isTestSource(String path) {
    String p = "/" + path.replace('\\', '/');
    for (String dir : TEST_SOURCE_DIRS) {
      if (p.contains(dir)) {
        return true;
      }
    }
    return false;
  }

  private String display(Path file) {
    Path p = file.startsWith(baseDirectory) ? baseDirectory.relativize(file) : file;
    return p.toString().replace('\\', '/');
  }

  // ---------------------------------------------------------------- running

  private <T> List<T> run(List<Input> inputs, java.util.function.Function<Input, T> task)
      throws IOException {
    int threads = Math.max(1, Math.min(parallelism, inputs.size()));
    if (threads == 1) {
      List<T> out = new ArrayList<>(inputs.size());
      try {
        for (Input in : inputs) {
          out.add(task.apply(in));
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "logconv-lint");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>(inputs.size());
      for (Input in : inputs) {
        futures.add(pool.submit(() -> task.apply(in)));
      }
      List<T> out = new ArrayList<>(inputs.size());
      for (Future<T> fu : futures) {
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

  private FileOutcome lintContent(
      String display, String fileName, String text, ProjectIndex index, boolean skipUnmentioned) {
    List<Hit> hits;
    int suppressed = 0;
    boolean failure = false;
    List<ProjectIndex.TypeSummary> types = List.of();
    List<ProjectIndex.Question> questions = List.of();
    boolean prefiltered = false;
    if (fileName.endsWith(".java") && skipUnmentioned && !mentionsAnyTrigger(text)) {
      hits = List.of();
      prefiltered = true;
      types = ProjectIndex.scan(text);
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
        ProjectIndex.Recorder recorder = new ProjectIndex.Recorder(index);
        JavaContext ctx = new JavaContext(display, parsed.getResult().get(), text,
            schemaOnClasspath, recorder);
        runJavaRules(ctx);
        hits = ctx.hits();
        suppressed = ctx.suppressed();
        types = ctx.logging().typeSummaries();
        questions = recorder.questions();
      }
    } else {
      ConfigContext ctx = new ConfigContext(display, text);
      try {
        ConfigReader.Parsed parsed = ConfigReader.read(fileName, text);
        if (parsed instanceof ConfigReader.Logback l) {
          for (LogbackRule r : logbackRules) {
            r.dispatch(l.config(), ctx);
          }
          hits = ctx.hits();
        } else if (parsed instanceof ConfigReader.Log4j l) {
          for (LogbackRule r : logbackRules) {
            r.dispatch(l.config(), ctx);
          }
          hits = ctx.hits();
        } else {
          String reason = ((ConfigReader.Unsupported) parsed).reason();
          hits = unsupportedEnabled
              ? List.of(new Hit(UNSUPPORTED_CONFIG.id(), UNSUPPORTED_CONFIG.defaultSeverity(), 1, 0,
                  "not a supported logging configuration, nothing in it was checked: " + reason))
              : List.of();
        }
      } catch (ConfigReader.Malformed e) {
        failure = true;
        hits = List.of(new Hit(PARSE_ERROR.id(), PARSE_ERROR.defaultSeverity(), e.line(), 0,
            firstLine(e.getMessage())));
      }
    }
    if (failure && !parseErrorEnabled) {
      hits = List.of();
    }
    List<String> lineHashes = lineHashes(text, hits);
    return new FileOutcome(display, new LintCache.FileResult(
        List.copyOf(hits), lineHashes, suppressed, failure, types, questions, prefiltered));
  }

  /** The outcome without the findings of rules the test profile turns off, for a test source. */
  private FileOutcome profiled(FileOutcome o, String path) {
    if (!testProfile || !isTestSource(path)) {
      return o;
    }
    LintCache.FileResult r = o.result();
    List<Hit> hits = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < r.hits().size(); i++) {
      if (!OFF_IN_TEST_PROFILE.contains(r.hits().get(i).ruleId())) {
        hits.add(r.hits().get(i));
        if (i < r.lineHashes().size()) {
          hashes.add(r.lineHashes().get(i));
        }
      }
    }
    if (hits.size() == r.hits().size()) {
      return o;
    }
    return new FileOutcome(o.file(), new LintCache.FileResult(List.copyOf(hits),
        List.copyOf(hashes), r.suppressed(), r.parseFailure(), r.types(), r.questions(),
        r.prefiltered()));
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
          .orElseGet(() -> positionInMessage(p.getMessage()));
      line = pos.line;
      column = pos.column;
      message = message + ": " + firstLine(p.getMessage());
    }
    return new Hit(PARSE_ERROR.id(), PARSE_ERROR.defaultSeverity(), line, column, message);
  }

  /**
   * A lexical error (one inside a Java 21 string template, say) comes without a
   * location; its message says "at line L, column C".
   */
  private static Position positionInMessage(String message) {
    java.util.regex.Matcher m = message == null ? null : LEXICAL_POSITION.matcher(message);
    if (m != null && m.find()) {
      try {
        return new Position(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      } catch (NumberFormatException e) {
        return new Position(1, 0);
      }
    }
    return new Position(1, 0);
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
    sb.append(parseErrorEnabled ? ";LC000" : "").append(unsupportedEnabled ? ";LC018" : "")
        .append(prefilter ? ";prefilter" : "").append(testProfile ? ";test-profile" : "")
        .append(schemaOnClasspath ? ";schema" : "");
    sb.append(";wrappers=").append(ProjectIndex.of(List.of(), wrappers).configuredFingerprint());
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
    md.update(fileName.endsWith(".java") ? "J".getBytes(StandardCharsets.UTF_8)
        : ("X" + fileName).getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
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

  /** A file to lint: on disk ({@code path}) or in memory ({@code text}). */
  private record Input(String display, String fileName, Path path, String text) {
    /** The path the test profile is decided on. */
    String profilePath() {
      return path != null ? path.toString() : display;
    }
  }

  /** A file's first pass: its outcome, and its cache key when there is a cache. */
  private record Pass(Input input, FileOutcome outcome, String key, boolean cached) {
    Pass(Input input, FileOutcome outcome, String key) {
      this(input, outcome, key, false);
    }
  }

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
    private final List<ProjectIndex.Wrapper> wrappers = new ArrayList<>();
    private boolean testProfile = true;
    private final List<String> excludes = new ArrayList<>();
    private boolean schemaOnClasspath;

    private Builder() {}

    /**
     * Whether test sources ({@code src/test/}, {@code src/it/}, {@code src/testFixtures/}, {@code
     * src/jmh/}) are linted with the test profile, in which LC011 (console printing) and the
     * appender rules LC013 and LC014 are off (default true): what a test prints and its logging
     * configuration (a {@code src/test/resources/log4j2-test.xml}, say) never reach a collector.
     * Turn it off to lint tests like main code.
     */
    public Builder testProfile(boolean enabled) {
      this.testProfile = enabled;
      return this;
    }

    /**
     * Leaves out files whose path relative to the directory root they were found under matches
     * one of these globs (may be called repeatedly). Ant-style: {@code **}{@code /generated/**}
     * also matches {@code generated/} at the root, a trailing {@code /} means everything below.
     * Files given as roots themselves are never excluded.
     *
     * @throws IllegalArgumentException for a pattern that is not a valid glob
     */
    public Builder exclude(String... globs) {
      for (String g : globs) {
        Globs.compile(List.of(g)); // fail here, with the pattern, not at lint time
        excludes.add(g);
      }
      return this;
    }

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

    /**
     * Treats calls of {@code methods} on instances of {@code type} (a fully qualified name) as
     * logging calls whose first {@code skip} arguments are context, then a message format and its
     * arguments: a logging wrapper from outside the tree. {@code "*"} among the methods stands for
     * every method named after a level ({@code debugCr}, {@code infoOp}). Wrappers declared in the
     * tree itself are found from their bodies without this.
     *
     * @throws IllegalArgumentException if the type or a method is not a Java name, or {@code skip}
     *     is negative
     */
    public Builder loggerWrapper(String type, List<String> methods, int skip) {
      wrappers.add(ProjectIndex.Wrapper.parse(type + ":" + String.join(",", methods) + ":" + skip));
      return this;
    }

    /**
     * As {@link #loggerWrapper(String, List, int)}, from one {@code TYPE:METHOD[,METHOD...]:SKIP}
     * ({@code io.strimzi.operator.common.ReconciliationLogger:*:1}), as {@code --logger-wrapper}
     * takes it.
     *
     * @throws IllegalArgumentException with the reason, for a malformed value
     */
    public Builder loggerWrapper(String spec) {
      wrappers.add(ProjectIndex.Wrapper.parse(spec));
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
