package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.lint.Finding;
import io.logconv.lint.rules.MessageConcatenationRule;
import io.logconv.lint.rules.PlaceholderCountRule;
import io.logconv.lint.rules.ThrowableArgumentRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loggers the file itself does not declare: inherited from a parent in another file or outside
 * the tree, wrappers of the tree detected from their bodies, configured wrappers, and calls in
 * lambdas, anonymous and local classes.
 */
class LoggerDiscoveryTest {
  private static final String BASE = """
      package org.example.server;
      import org.slf4j.Logger;
      import org.slf4j.LoggerFactory;
      public abstract class QuorumBase {
        protected static final Logger LOG = LoggerFactory.getLogger(QuorumBase.class);
      }
      """;

  @Test
  void loggerInheritedFromAParentInAnotherFileIsChecked() {
    LintTestHelper.forRules(new PlaceholderCountRule(), new MessageConcatenationRule())
        .addSource("org/example/server/QuorumBase.java", BASE)
        .addSource("org/example/server/Middle.java", """
            package org.example.server;
            public abstract class Middle extends QuorumBase {
              void tick() { }
            }
            """)
        .addSource("org/example/server/quorum/SyncTest.java", """
            package org.example.server.quorum;
            import org.example.server.Middle;
            class SyncTest extends Middle {
              void run(String sid, int zxid) {
                // BUG: Diagnostic contains: 2 placeholders but 1 argument
                LOG.info("peer {} at {}", sid);
                // BUG: Diagnostic contains: concatenation
                LOG.warn("peer " + sid + " behind");
                Runnable r = () -> {
                  // BUG: Diagnostic contains: 1 placeholder but 2 arguments
                  LOG.debug("zxid {}", zxid, sid);
                };
                new Thread() {
                  @Override public void run() {
                    // BUG: Diagnostic contains: concatenation
                    LOG.info("in thread " + sid);
                  }
                }.start();
                class Local {
                  void f() {
                    // BUG: Diagnostic contains: 0 placeholders but 1 argument
                    LOG.info("local", sid);
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aFieldOfAnotherTypeInTheParentIsNoLogger() {
    LintTestHelper.forRule(new PlaceholderCountRule())
        .addSource("org/example/Base.java", """
            package org.example;
            public class Base {
              protected final Journal LOG = new Journal();
            }
            """)
        .addSource("org/example/Child.java", """
            package org.example;
            class Child extends Base {
              void f(String a) {
                LOG.info("entry {} {}", a);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aLoggerNamedFieldOfAParentOutsideTheTreeIsTakenForALogger() {
    LintTestHelper.forRule(new PlaceholderCountRule())
        .addSource("org/example/ZkTestCase.java", """
            package org.example;
            import org.apache.zookeeper.ZKTestCase;
            class ZkThing extends ZKTestCase {
              void f(String a, Session session) {
                // BUG: Diagnostic contains: 2 placeholders but 1 argument
                LOG.info("{} {}", a);
                // a name no logger field is given: unknown, not checked
                session.info("{} {}", a);
              }
            }
            """)
        .doTest();
  }

  private static final String WRAPPER = """
      package io.example.operator.common;
      import org.apache.logging.log4j.LogManager;
      import org.apache.logging.log4j.Logger;
      import org.apache.logging.log4j.spi.AbstractLogger;
      import org.apache.logging.log4j.spi.ExtendedLoggerWrapper;
      public class ReconcileLogger {
        private final ExtendedLoggerWrapper logger;
        protected ReconcileLogger(Logger logger) {
          this.logger = new ExtendedLoggerWrapper((AbstractLogger) logger, logger.getName(), null);
        }
        public static ReconcileLogger create(Class<?> c) {
          return new ReconcileLogger(LogManager.getLogger(c));
        }
        public void debugCr(Reconciliation r, String message, Object... params) {
          logger.logIfEnabled(ReconcileLogger.class.getName(), null, r.getMarker(),
              r.toString() + ": " + message, params);
        }
        public void warnCr(Reconciliation r, String message, Object p0) {
          logger.logIfEnabled(ReconcileLogger.class.getName(), null, r.getMarker(), r + ": " + message, p0);
        }
        public void warnCr(Reconciliation r, String message) {
          logger.logIfEnabled(ReconcileLogger.class.getName(), null, r.getMarker(), r + ": " + message);
        }
        public String describe(Reconciliation r, String text) {
          return r + text;
        }
      }
      """;

  @Test
  void wrappersOfTheTreeAreFoundFromTheirBodies() {
    LintTestHelper.forRules(new PlaceholderCountRule(), new MessageConcatenationRule(),
            new ThrowableArgumentRule())
        .addSource("io/example/operator/common/ReconcileLogger.java", WRAPPER)
        .addSource("io/example/operator/KafkaReconciler.java", """
            package io.example.operator;
            import io.example.operator.common.ReconcileLogger;
            class KafkaReconciler {
              private static final ReconcileLogger LOGGER = ReconcileLogger.create(KafkaReconciler.class);
              void reconcile(Reconciliation reconciliation, String pod, Exception e) {
                // BUG: Diagnostic contains: 2 placeholders but 1 argument
                LOGGER.debugCr(reconciliation, "pod {} rolled after {}", pod);
                // BUG: Diagnostic contains: concatenation
                LOGGER.warnCr(reconciliation, "pod " + pod + " not ready");
                // BUG: Diagnostic contains: is not the last argument
                LOGGER.debugCr(reconciliation, "pod {} failed: {}", e, pod);
                LOGGER.debugCr(reconciliation, "pod {} ready", pod);
                LOGGER.describe(reconciliation, "x {} {}");
              }
            }
            """)
        .doTest();
  }

  @Test
  void configuredWrappersAreChecked() {
    LintTestHelper.forRule(new PlaceholderCountRule())
        .loggerWrapper("com.acme.log.CtxLogger:*:2")
        .addSource("A.java", """
            import com.acme.log.CtxLogger;
            class A {
              CtxLogger log;
              void f(Ctx ctx, String tenant, String a) {
                // BUG: Diagnostic contains: 1 placeholder but 2 arguments
                log.infoCtx(ctx, tenant, "got {}", a, tenant);
                log.infoCtx(ctx, tenant, "got {}", a);
                log.close(ctx, tenant, "got {}", a, tenant);
              }
            }
            """)
        .doTest();
  }

  @Test
  void malformedWrapperSpecsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> SourceLinter.builder().loggerWrapper("com.acme.CtxLogger:infoCtx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TYPE:METHOD[,METHOD...]:SKIP");
    assertThatThrownBy(() -> SourceLinter.builder().loggerWrapper("com.acme.CtxLogger:infoCtx:x"))
        .hasMessageContaining("SKIP must be a number");
    assertThatThrownBy(() -> SourceLinter.builder().loggerWrapper("com.acme.CtxLogger:in-fo:1"))
        .hasMessageContaining("'in-fo' is not a method name");
  }

  @Test
  void throwablesDeclaredInTheTreeOrTheJdkAreKnownByTheirSupertypes() {
    LintTestHelper.forRule(new ThrowableArgumentRule())
        .addSource("org/example/Problem.java", """
            package org.example;
            public class Problem extends RuntimeException { }
            """)
        .addSource("org/example/Gone.java", """
            package org.example;
            public class Gone extends Problem { }
            """)
        .addSource("org/example/Job.java", """
            package org.example;
            import java.util.concurrent.Future;
            import org.slf4j.Logger;
            class Job {
              Logger log;
              Gone last;
              void f(Gone g, String id, Future<?> future, Problem p) {
                // BUG: Diagnostic contains: throwable 'g' is not the last argument
                log.error("job {} failed: {}", g, id);
                // BUG: Diagnostic contains: throwable 'last' is not the last argument
                log.error("job {} failed: {}", last, id);
                log.error("job {} pending: {}", future, id);
                log.error("job {} failed", id, p);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aWrapperWhoseLoggerIsInheritedIsFoundInTheSameRun() {
    LintTestHelper.forRule(new PlaceholderCountRule())
        .addSource("org/example/Base.java", """
            package org.example;
            import org.slf4j.Logger;
            public abstract class Base {
              protected Logger out;
            }
            """)
        .addSource("org/example/CtxLog.java", """
            package org.example;
            public class CtxLog extends Base {
              public void infoCtx(Ctx ctx, String message, Object... args) { out.info(message, args); }
            }
            """)
        .addSource("org/example/Job.java", """
            package org.example;
            class Job {
              CtxLog log;
              void f(Ctx ctx, String id) {
                // BUG: Diagnostic contains: 2 placeholders but 1 argument
                log.infoCtx(ctx, "job {} took {}", id);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aCachedFileIsLintedAgainWhenTheParentThatGivesItsLoggerChanges(@TempDir Path dir)
      throws IOException {
    Path base = dir.resolve("src/org/example/server/QuorumBase.java");
    Path child = dir.resolve("src/org/example/server/Child.java");
    Files.createDirectories(base.getParent());
    Files.writeString(base, BASE.replace("Logger LOG", "Journal LOG")
        .replace("LoggerFactory.getLogger(QuorumBase.class)", "new Journal()"));
    Files.writeString(child, """
        package org.example.server;
        class Child extends QuorumBase {
          void f(String a) { LOG.info("{} {}", a); }
        }
        """);
    Path cache = dir.resolve("cache");
    SourceLinter linter = SourceLinter.builder().rules(List.of(new PlaceholderCountRule()))
        .cache(cache).baseDirectory(dir).parallelism(1).build();
    assertThat(linter.lint(List.of(dir.resolve("src"))).findings()).isEmpty();
    Files.writeString(base, BASE);
    LintResult second = linter.lint(List.of(dir.resolve("src")));
    assertThat(second.findings()).extracting(Finding::file)
        .containsExactly("src/org/example/server/Child.java");
    LintResult third = linter.lint(List.of(dir.resolve("src")));
    assertThat(third.findings()).hasSize(1);
    assertThat(third.filesFromCache()).isEqualTo(2);
  }
}
