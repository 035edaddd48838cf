package io.logconv.maven;

import io.logconv.lint.source.LintResult;
import io.logconv.lint.source.SourceLinter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code logconv:check} and {@code logconv:baseline} share: the module, the parameters that
 * select files and rules, and running the source linter over the module's compile source roots
 * and main resource directories. Test sources and test resources are never linted: a test-scoped
 * {@code logback-test.xml} may write to a file on purpose (see the README).
 *
 * <pre>{@code
 * LintResult r = lint(true); // with the baseline, if one exists
 * }</pre>
 */
abstract class AbstractLogconvMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /** Skips the goal. */
  @Parameter(property = "logconv.skip", defaultValue = "false")
  protected boolean skip;

  /**
   * Globs over source files, relative to their source root or resource directory (e.g.
   * {@code com/acme/**}); only matching files are linted. Empty: all.
   */
  @Parameter(property = "logconv.includes")
  protected List<String> includes = new ArrayList<>();

  /** Globs over source files, relative to their root, that are not linted (e.g. {@code **}{@code /generated/**}). */
  @Parameter(property = "logconv.excludes")
  protected List<String> excludes = new ArrayList<>();

  /**
   * Whether files in a test source layout ({@code src/test/}, {@code src/it/}, {@code
   * src/testFixtures/}, {@code src/jmh/}) among the linted roots are linted with the test profile,
   * in which LC011 (console printing), LC013 and LC014 (appenders) are off. Only a compile source root or resource directory in
   * such a layout is concerned: test source roots are not linted.
   */
  @Parameter(property = "logconv.testProfile", defaultValue = "true")
  protected boolean testProfile = true;

  /** Rules to switch off or re-grade: {@code <rule><id>LC008</id><severity>error</severity></rule>}. */
  @Parameter
  protected List<Rule> rules = new ArrayList<>();

  /** The same in one string, applied after {@code rules}: {@code LC008=error,LC011=off}. */
  @Parameter(property = "logconv.rules")
  protected String ruleSettings;

  /**
   * Logging wrappers from outside the module, checked like logging calls: {@code
   * <loggerWrapper><type>com.acme.CtxLogger</type><methods>*</methods><skip>1</skip></loggerWrapper>}.
   */
  @Parameter
  protected List<LoggerWrapper> loggerWrappers = new ArrayList<>();

  /** Baseline file: findings listed in it are ignored; {@code logconv:baseline} writes it. */
  @Parameter(property = "logconv.baseline", defaultValue = "${project.basedir}/logconv-baseline.txt")
  protected File baseline;

  /** The module directory, which findings' file names are relative to. */
  protected Path basedir() {
    return project.getBasedir().toPath().toAbsolutePath().normalize();
  }

  /** The module's id in messages: {@code artifactId}. */
  protected String moduleName() {
    return project.getArtifactId();
  }

  /** Why this module is skipped before anything is looked at, or null. */
  protected String skipReason() {
    if (skip) {
      return "skipped (logconv.skip)";
    }
    if ("pom".equals(project.getPackaging())) {
      return "skipped: packaging pom has no sources";
    }
    return null;
  }

  /**
   * The compile source roots and main resource directories; roots under the build directory
   * (generated sources) are left out because nobody edits what a finding would point at.
   */
  protected List<Path> sourceRoots() {
    Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    List<Path> roots = new ArrayList<>();
    for (String r : project.getCompileSourceRoots()) {
      roots.add(basedir().resolve(r).normalize());
    }
    for (Resource r : project.getResources()) {
      roots.add(basedir().resolve(r.getDirectory()).normalize());
    }
    roots.removeIf(r -> r.startsWith(build));
    return roots;
  }

  /** The source files to lint, after includes and excludes. */
  protected List<Path> sourceFiles() throws MojoExecutionException {
    try {
      return FileSelection.sources(sourceRoots(), includes, excludes);
    } catch (IOException e) {
      throw new MojoExecutionException("logconv: cannot list source files: " + e.getMessage(), e);
    }
  }

  /** The rule settings, or a configuration error naming the bad entry. */
  protected RuleSettings ruleSettings() throws MojoExecutionException {
    try {
      return RuleSettings.parse(rules, ruleSettings);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("logconv: " + e.getMessage(), e);
    }
  }

  /** Lints {@code files}, ignoring baselined findings when {@code useBaseline} and the file exists. */
  protected LintResult lint(List<Path> files, RuleSettings settings, boolean useBaseline)
      throws MojoExecutionException {
    SourceLinter.Builder b = linter(settings, useBaseline);
    try {
      return b.build().lint(files);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new MojoExecutionException("logconv: " + e.getMessage(), e);
    }
  }

  /**
   * The linter every goal runs: the rule settings, logger wrappers, test profile and module
   * directory, and the baseline when {@code useBaseline} and the file exists.
   */
  protected SourceLinter.Builder linter(RuleSettings settings, boolean useBaseline)
      throws MojoExecutionException {
    return LoggerWrapper.configure(loggerWrappers, settings.configure(SourceLinter.builder()))
        .baseDirectory(basedir())
        .testProfile(testProfile)
        .baseline(useBaseline && baseline != null && baseline.isFile() ? baseline.toPath() : null);
  }

  /**
   * The rule settings and the source files a source goal works on, or {@code null} when it has
   * nothing to do (skipped, or no source in the module), which it has said.
   */
  protected SourceWork sourceWork() throws MojoExecutionException {
    String reason = skipReason();
    if (reason != null) {
      getLog().info("logconv: " + reason);
      return null;
    }
    RuleSettings settings = ruleSettings();
    List<Path> files = sourceFiles();
    if (files.isEmpty()) {
      getLog().info("logconv: skipped: no Java sources or logback.xml in this module");
      return null;
    }
    return new SourceWork(settings, files);
  }

  /** What a source goal works on. */
  protected record SourceWork(RuleSettings settings, List<Path> files) {}

  /** {@code path} relative to the module directory when it is inside it. */
  protected String display(Path path) {
    Path p = path.toAbsolutePath().normalize();
    return (p.startsWith(basedir()) ? basedir().relativize(p) : p).toString().replace('\\', '/');
  }
}
