package io.logconv.maven;

import io.logconv.lint.source.Baseline;
import io.logconv.lint.source.LintResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn logconv:baseline}: lints the module's sources like {@code logconv:check} and writes
 * every current finding to the baseline file ({@code logconv-baseline.txt} in the module), so that
 * later {@code logconv:check} runs report only new findings. An entry stays silent until the line
 * it points at changes. Log-file findings are not baselined: they are fixed where they are logged.
 *
 * <pre>{@code
 * mvn logconv:baseline
 * git add logconv-baseline.txt
 * }</pre>
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = true)
public final class BaselineMojo extends AbstractLogconvMojo {
  @Override
  public void execute() throws MojoExecutionException {
    SourceWork work = sourceWork();
    if (work == null) {
      return;
    }
    RuleSettings settings = work.settings();
    List<Path> files = work.files();
    LintResult result = lint(files, settings, false);
    try {
      Baseline.write(baseline.toPath(), result);
    } catch (IOException e) {
      throw new MojoExecutionException("logconv: cannot write " + baseline + ": " + e.getMessage(), e);
    }
    getLog().info("logconv: " + moduleName() + ": wrote "
        + Messages.plural(result.findings().size(), "finding") + " to baseline "
        + display(baseline.toPath()));
  }
}
