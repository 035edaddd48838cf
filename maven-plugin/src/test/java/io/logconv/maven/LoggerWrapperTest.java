package io.logconv.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.lint.Finding;
import io.logconv.lint.source.SourceLinter;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class LoggerWrapperTest {
  private static final String SOURCE = """
      import com.acme.CtxLogger;
      class A {
        CtxLogger log;
        void f(Ctx ctx, String p) { log.warnCtx(ctx, "pod {} not ready after {}", p); }
      }
      """;

  @Test
  void configuredWrapperCallsAreChecked() throws Exception {
    SourceLinter.Builder b = SourceLinter.builder().enable("LC009");
    assertThat(b.build().lintText("A.java", SOURCE)).isEmpty();
    List<Finding> findings = LoggerWrapper.configure(
        List.of(new LoggerWrapper("com.acme.CtxLogger", "warnCtx, infoCtx", 1)), b).build()
        .lintText("A.java", SOURCE);
    assertThat(findings).extracting(Finding::ruleId).containsExactly("LC009");
  }

  @Test
  void aWrongEntryFailsTheBuildNamingIt() {
    assertThatThrownBy(() -> LoggerWrapper.configure(
        List.of(new LoggerWrapper("com.acme.CtxLogger", "warn-ctx", 1)), SourceLinter.builder()))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("<loggerWrapper>", "'warn-ctx' is not a method name");
  }
}
