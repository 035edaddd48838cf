package io.logconv.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import io.logconv.lint.Severity;
import io.logconv.lint.source.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservedKeyRuleTest {
  private final LintTestHelper helper = LintTestHelper.forRule(new ReservedKeyRule());

  @Test
  void flagsReservedKeysOnEveryKeyValueApi() {
    helper.addSource("Reconciler.java", """
        import static net.logstash.logback.argument.StructuredArguments.kv;
        import io.logconv.schema.Conventions;
        import net.logstash.logback.marker.Markers;
        import org.slf4j.Logger;
        import org.slf4j.LoggerFactory;
        import org.slf4j.MDC;

        class Reconciler {
          private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
          private static final String POD = "pod_name";

          void reconcile(String pod, String node) {
            // BUG: Diagnostic contains: collector-reserved key 'pod_name'
            LOG.atInfo().addKeyValue("pod_name", pod).log("reconciled");
            // BUG: Diagnostic contains: 'host'
            MDC.put("host", node);
            // BUG: Diagnostic contains: 'message'
            LOG.info("done {}", kv("message", "x"));
            LOG.info(Markers.append("time", 1), "tick"); // BUG: Diagnostic contains: 'time'
            // BUG: Diagnostic contains: 'pod_name'
            LOG.atDebug().addKeyValue(POD, pod).log("via a constant");
            // BUG: Diagnostic contains: 'namespace_name'
            LOG.atDebug().addKeyValue("namespace_" + "name", pod).log("constant expression");
          }
        }
        """).doTest();
  }

  @Test
  void pipelineKeysAreWarnings() {
    List<Finding> findings = helper.addSource("A.java", """
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String s) { log.atInfo().addKeyValue("stream", s).log("x"); }
        }
        """).findings();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("'stream'");
    });
  }

  @Test
  void ignoresLookAlikes() {
    helper.addSource("A.java", """
        import java.util.HashMap;
        import java.util.Map;
        import org.slf4j.Logger;
        import com.acme.MDC;

        class A {
          Logger log;
          Map<String, String> labels = new HashMap<>();
          void f(String pod, Builder b) {
            labels.put("pod_name", pod);          // a map, not log output
            MDC.put("host", pod);                 // someone else's MDC
            b.addKeyValue("pod_name", pod).log(); // not a logger's builder
            log.atInfo().addKeyValue("name", pod).addKeyValue("namespace", "x").log("ok");
            String message = "pod_name";
          }
        }
        """).doTest();
  }

  @Test
  void knowsLombokLog4j2AndFactoryLoggers() {
    helper.addSource("A.java", """
        import lombok.extern.slf4j.Slf4j;
        import org.apache.logging.log4j.ThreadContext;
        import org.slf4j.LoggerFactory;

        @Slf4j
        class A {
          void f(String pod) {
            // BUG: Diagnostic contains: 'container_name'
            log.atWarn().addKeyValue("container_name", pod).log("lombok");
            // BUG: Diagnostic contains: 'pod_ip'
            ThreadContext.put("pod_ip", pod);
            var other = LoggerFactory.getLogger("x");
            // BUG: Diagnostic contains: 'hostname'
            other.atInfo().addKeyValue("hostname", pod).log("var logger");
          }
        }
        """).doTest();
  }
}
