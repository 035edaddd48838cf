package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.logconv.lint.validate.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/logconv without a build: a clear message telling how to build, exit 2. */
class LauncherTest {
  @Test
  void missingJarTellsHowToBuild(@TempDir Path dir) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "bash not available");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path launcher = bin.resolve("logconv");
    Files.copy(TestPaths.repoRoot().resolve("bin/logconv"), launcher);
    // Run from an unrelated directory through a symlink: the launcher still finds its root.
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(elsewhere.resolve("lc"), launcher);
    Process p =
        new ProcessBuilder("bash", elsewhere.resolve("lc").toString(), "--version")
            .directory(elsewhere.toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out)
        .contains(dir.toRealPath().resolve("lint-cli/target/logconv.jar") + " is missing")
        .contains("./mvnw -B -ntp -pl lint-cli -am package -DskipTests");
  }
}
