package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCacheFixTest {
  @TempDir Path dir;

  @Test
  void fixesSurviveTheCache() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("A.java"), """
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String p) {
            log.atInfo().addKeyValue("pod_name", p).log("x " + p);
          }
        }
        """);
    Files.writeString(src.resolve("logback.xml"), """
        <configuration>
          <appender name="C" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%msg%n</pattern></encoder>
          </appender>
        </configuration>
        """);
    Path cache = dir.resolve("cache");
    SourceLinter linter = SourceLinter.builder().baseDirectory(dir).cache(cache).build();
    LintResult cold = linter.lint(List.of(src));
    LintResult warm = linter.lint(List.of(src));
    assertThat(warm.filesFromCache()).isEqualTo(2);
    assertThat(cold.findings()).extracting(Finding::fix).doesNotContainNull().hasSize(3);
    assertThat(warm.findings()).isEqualTo(cold.findings());
  }
}
