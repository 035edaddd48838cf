package io.logconv.maven;

import io.logconv.lint.Finding;
import io.logconv.lint.fix.Classpaths;
import io.logconv.lint.fix.Fixer;
import io.logconv.lint.fix.UnifiedDiff;
import io.logconv.lint.source.LintResult;
import io.logconv.lint.source.SourceLinter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn logconv:fix}: lints the module's sources like {@code logconv:check} and applies the
 * fixes its findings carry, rewriting the files in place (only the changed expressions change),
 * then lists what remains. {@code LC003}'s fix (action strings to {@code Action} constants) is
 * applied only when the module's compile classpath holds logconv-schema. Never fails the build for
 * findings; run {@code logconv:check} for that.
 *
 * <pre>{@code
 * mvn logconv:fix                      # rewrite, then: git diff
 * mvn logconv:fix -Dlogconv.dryRun     # print the diff, change nothing
 * }</pre>
 */
@Mojo(
    name = "fix",
    threadSafe = true,
    requiresProject = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public final class FixMojo extends AbstractLogconvMojo {
  /** Print the changes as a unified diff instead of writing them. */
  @Parameter(property = "logconv.dryRun", defaultValue = "false")
  boolean dryRun;

  @Override
  public void execute() throws MojoExecutionException {
    SourceWork work = sourceWork();
    if (work == null) {
      return;
    }
    RuleSettings settings = work.settings();
    List<Path> files = work.files();
    SourceLinter linter = linter(settings, true).schemaOnClasspath(schemaOnClasspath()).build();
    try {
      Fixer.Outcome fixed = Fixer.fix(linter, linter.lint(files), dryRun);
      for (Fixer.Change c : fixed.changes()) {
        if (dryRun) {
          getLog().info(UnifiedDiff.of(c.display(), c.before(), c.after()).stripTrailing());
        } else {
          getLog().info("logconv: fixed " + display(c.file()));
        }
      }
      String counts = Messages.plural(fixed.fixed(), "finding") + " in "
          + Messages.plural(fixed.changes().size(), "file")
          + (fixed.fixed() > 0 ? " (" + fixed.byRule() + ")" : "");
      getLog().info("logconv: " + moduleName() + ": " + (dryRun ? "would fix " : "fixed ") + counts);
      if (dryRun) {
        return;
      }
      LintResult remaining = linter.lint(files);
      for (Finding f : remaining.findings()) {
        getLog().warn(Messages.line(basedir(), f));
      }
      getLog().info("logconv: " + moduleName() + ": "
          + Messages.plural(remaining.findings().size(), "finding") + " remain"
          + (remaining.findings().size() == 1 ? "s" : "") + " without a fix");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new MojoExecutionException("logconv: " + e.getMessage(), e);
    }
  }

  /** True if the module's compile classpath holds logconv-schema (directly or through the SDK). */
  private boolean schemaOnClasspath() throws MojoExecutionException {
    try {
      List<Path> entries = new ArrayList<>();
      for (String e : project.getCompileClasspathElements()) {
        entries.add(Path.of(e));
      }
      return Classpaths.containsSchema(entries);
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("logconv: compile classpath not resolved: " + e.getMessage(), e);
    }
  }
}
