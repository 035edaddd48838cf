package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoggingModelTest {
  private static LoggingModel model(CompilationUnit unit) {
    return new LoggingModel(unit);
  }

  /** The event emitted by the only call named {@code name} whose source contains {@code marker}. */
  private static Optional<LogEvent> event(String source, String marker) {
    CompilationUnit unit = StaticJavaParser.parse(source);
    LoggingModel m = model(unit);
    return unit.findAll(MethodCallExpr.class).stream()
        .filter(c -> c.toString().contains(marker))
        .map(m::event)
        .flatMap(Optional::stream)
        .findFirst();
  }

  @Test
  void slf4jClassicWithMarkerSeparatesMarkerMessageAndArguments() {
    LogEvent e = event("""
        import org.slf4j.*;
        class A {
          private static final Logger LOG = LoggerFactory.getLogger(A.class);
          void f(Marker audit, String n, Exception ex) { LOG.warn(audit, "scaled {}", n, ex); }
        }
        """, "scaled").orElseThrow();
    assertThat(e.api()).isEqualTo(LoggingModel.Api.SLF4J);
    assertThat(e.fluent()).isFalse();
    assertThat(e.message().map(Expression::toString)).contains("\"scaled {}\"");
    assertThat(e.arguments()).extracting(Expression::toString).containsExactly("n", "ex");
  }

  @Test
  void fluentChainCollectsPairsMessageArgumentsAndCause() {
    LogEvent e = event("""
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(Throwable t) {
            log.atError().addKeyValue("name", "x").setMessage("m {}").addArgument(1)
                .setCause(t).addKeyValue("action", "ADD").log();
          }
        }
        """, "setCause").orElseThrow();
    assertThat(e.fluent()).isTrue();
    assertThat(e.level()).isEqualTo("atError");
    assertThat(e.message().map(Expression::toString)).contains("\"m {}\"");
    assertThat(e.arguments()).extracting(Expression::toString).containsExactly("1");
    assertThat(e.cause().map(Expression::toString)).contains("t");
    assertThat(e.keyValues()).extracting(kv -> kv.key().toString())
        .containsExactly("\"name\"", "\"action\"");
  }

  @Test
  void anAuditEventChainIsAFluentEventWithItsSteps() {
    LogEvent e = event("""
        import io.logconv.core.api.*;
        import io.logconv.schema.Action;
        class A {
          void f(String user, Object body, Exception t) {
            AuditEvent.of(Action.UPDATE).actor(user).resource("ns", "Secret", "db")
                .request(() -> body).kv("replicas", 3).cause(t).log("updated {}", "db");
          }
        }
        """, "updated").orElseThrow();
    assertThat(e.api()).isEqualTo(LoggingModel.Api.SLF4J);
    assertThat(e.fluent()).isTrue();
    assertThat(e.level()).isEqualTo("log");
    assertThat(e.message().map(Expression::toString)).contains("\"updated {}\"");
    assertThat(e.arguments()).extracting(Expression::toString).containsExactly("\"db\"");
    assertThat(e.cause().map(Expression::toString)).contains("t");
    assertThat(e.keyValues()).extracting(kv -> kv.key().toString()).containsExactly("\"replicas\"");
    assertThat(e.keyValues()).extracting(KeyValue::kind).containsExactly(KeyValue.Kind.EVENT);
    TypedEvent t = e.typed().orElseThrow();
    assertThat(t.builder()).isEqualTo(TypedEvent.Builder.AUDIT_EVENT);
    assertThat(t.steps()).extracting(MethodCallExpr::getNameAsString)
        .containsExactly("actor", "resource", "request", "kv", "cause");
    assertThat(t.action("audit", "action").map(Expression::toString)).contains("Action.UPDATE");
  }

  @Test
  void aConventionsEventChainTakesTheLevelAndPairsOfTheBuilderItIsGiven() {
    LogEvent e = event("""
        import io.logconv.core.api.ConventionsEvent;
        import io.logconv.schema.Action;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f() {
            ConventionsEvent.on(log.atWarn().addKeyValue("a", 1)).audit(Action.ADD)
                .controllerKind("ConfigMap").kv("b", 2).log("added");
          }
        }
        """, "added").orElseThrow();
    assertThat(e.level()).isEqualTo("atWarn");
    assertThat(e.keyValues()).extracting(kv -> kv.key().toString()).containsExactly("\"a\"", "\"b\"");
    TypedEvent t = e.typed().orElseThrow();
    assertThat(t.builder()).isEqualTo(TypedEvent.Builder.CONVENTIONS_EVENT);
    assertThat(t.action("audit", "action").map(Expression::toString)).contains("Action.ADD");
  }

  @Test
  void anUnresolvedOfIsNoEvent() {
    assertThat(event("""
        class A { void f() { AuditEvent.of(1).log("x"); Other.on(2).log("y"); } }
        """, "log")).isEmpty();
  }

  @Test
  void julAndLog4j2DropTheLevelArgument() {
    LogEvent jul = event("""
        import java.util.logging.*;
        class A {
          static final Logger L = Logger.getLogger("a");
          void f(Exception e) { L.log(Level.SEVERE, "failed", e); }
        }
        """, "failed").orElseThrow();
    assertThat(jul.api()).isEqualTo(LoggingModel.Api.JUL);
    assertThat(jul.usesBracePlaceholders()).isFalse();
    assertThat(jul.message().map(Expression::toString)).contains("\"failed\"");
    assertThat(jul.arguments()).extracting(Expression::toString).containsExactly("e");

    LogEvent l4j = event("""
        import org.apache.logging.log4j.*;
        class A {
          Logger l = LogManager.getLogger();
          void f(int n) { l.log(Level.INFO, "n={}", n); }
        }
        """, "n={}").orElseThrow();
    assertThat(l4j.api()).isEqualTo(LoggingModel.Api.LOG4J2);
    assertThat(l4j.arguments()).extracting(Expression::toString).containsExactly("n");
  }

  @Test
  void lombokAnnotationsDeclareLog() {
    for (String annotation : List.of("lombok.extern.slf4j.Slf4j", "lombok.extern.log4j.Log4j2",
        "lombok.extern.java.Log")) {
      String src = "import " + annotation + ";\n@" + annotation.substring(annotation.lastIndexOf('.') + 1)
          + "\nclass A { void f() { log.info(\"hi\"); } }";
      assertThat(event(src, "hi")).as(annotation).isPresent();
    }
    assertThat(event("class A { void f() { log.info(\"hi\"); } }", "hi"))
        .as("no annotation, no import: an unknown log").isEmpty();
  }

  @Test
  void notLoggersAreNotLoggingCalls() {
    assertThat(event("""
        import com.acme.Logger;
        class A { Logger log; void f() { log.info("x"); } }
        """, "info")).isEmpty();
    assertThat(event("""
        import org.slf4j.Logger;
        class A { Logger log; StringBuilder b; void f() { b.append("x"); log.isDebugEnabled(); } }
        """, "append")).isEmpty();
  }

  @Test
  void resolvesConstantsFromTheFileAndFromTheSchema() {
    CompilationUnit unit = StaticJavaParser.parse("""
        import static io.logconv.schema.Conventions.AUDIT;
        import io.logconv.schema.Conventions;
        class A {
          static final String PREFIX = "pod";
          static final String KEY = PREFIX + "_name";
          interface Keys { String USER = "user_id"; }
          void f() { g(KEY, Conventions.ACTION, AUDIT, Keys.USER, "a" + "b", unknown()); }
        }
        """);
    LoggingModel m = model(unit);
    MethodCallExpr g = unit.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("g"))
        .orElseThrow();
    assertThat(g.getArguments().stream().map(a -> m.constantString(a).orElse(null)).toList())
        .containsExactly("pod_name", "action", "audit", "user_id", "ab", null);
  }

  @Test
  void keyValueSitesOfEveryApi() {
    CompilationUnit unit = StaticJavaParser.parse("""
        import static net.logstash.logback.argument.StructuredArguments.*;
        import org.apache.logging.log4j.CloseableThreadContext;
        import net.logstash.logback.marker.Markers;
        class A {
          void f(org.slf4j.Logger log) {
            log.info("x", keyValue("a", 1), v("b", 2));
            CloseableThreadContext.put("c", "1").put("d", "2");
            log.info(Markers.append("e", 1).and(Markers.append("f", 2)), "y");
            java.util.Map.of("g", 1);
          }
        }
        """);
    LoggingModel m = model(unit);
    List<String> keys = unit.findAll(MethodCallExpr.class).stream()
        .map(m::keyValue).flatMap(Optional::stream)
        .map(kv -> m.constantString(kv.key()).orElseThrow() + ":" + kv.kind())
        .sorted().toList();
    assertThat(keys).containsExactly("a:STRUCTURED_ARGUMENT", "b:STRUCTURED_ARGUMENT", "c:MDC",
        "d:MDC", "e:MARKER", "f:MARKER");
  }
}
