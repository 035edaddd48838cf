package io.logconv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintFixCommandTest {
  private static final String BEFORE = """
      import org.slf4j.Logger;
      class A {
        Logger log;
        void f(String p) {
          log.atInfo().addKeyValue("action", "MODIFY").log("scaled " + p);
          System.out.println(p);
        }
      }
      """;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path file;

  @BeforeEach
  void sources() throws Exception {
    file = Files.createDirectories(dir.resolve("src")).resolve("A.java");
    Files.writeString(file, BEFORE);
  }

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new LintCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void fixRewritesFilesAndReportsWhatRemains() throws Exception {
    int exit = run(dir.resolve("src").toString(), "--no-cache", "--fix");
    assertThat(Files.readString(file)).isEqualTo(BEFORE.replace("\"scaled \" + p", "\"scaled {}\", p"));
    assertThat(err.toString()).contains("fixed 1 finding in 1 file (LC008 x1)");
    // LC003 has no fix without the schema on the classpath; System.out has none at all
    assertThat(out.toString()).contains("LC003").contains("LC011").doesNotContain("LC008");
    assertThat(exit).isEqualTo(LintCommand.FINDINGS);
  }

  @Test
  void dryRunPrintsADiffAndWritesNothing() throws Exception {
    int exit = run(dir.resolve("src").toString(), "--no-cache", "--fix", "--dry-run");
    assertThat(Files.readString(file)).isEqualTo(BEFORE);
    assertThat(out.toString()).contains("-    log.atInfo().addKeyValue(\"action\", \"MODIFY\").log(\"scaled \" + p);")
        .contains("+    log.atInfo().addKeyValue(\"action\", \"MODIFY\").log(\"scaled {}\", p);");
    assertThat(err.toString()).contains("would fix 1 finding in 1 file");
    assertThat(exit).isEqualTo(LintCommand.FINDINGS);
  }

  @Test
  void aClasspathWithTheSchemaEnablesActionFixes() throws Exception {
    String schemaJar = io.logconv.schema.Action.class.getProtectionDomain().getCodeSource()
        .getLocation().getPath();
    run(dir.resolve("src").toString(), "--no-cache", "--fix", "--classpath", schemaJar);
    assertThat(Files.readString(file))
        .contains("import io.logconv.schema.Action;")
        .contains("addKeyValue(\"action\", Action.UPDATE)");
    assertThat(err.toString()).contains("fixed 2 findings in 1 file (LC003 x1, LC008 x1)");
  }

  @Test
  void dryRunWithoutFixIsAUsageError() {
    assertThat(run(dir.toString(), "--dry-run")).isEqualTo(LintCommand.ERROR);
    assertThat(err.toString()).contains("--dry-run needs --fix");
  }
}
