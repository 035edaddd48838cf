package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.source.LoggingModel.Api;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallClassifierTest {
  private record Parsed(CompilationUnit unit, CallClassifier calls) {
    /** The first call whose source contains {@code marker}, outermost first. */
    MethodCallExpr call(String marker) {
      return unit.findAll(MethodCallExpr.class).stream()
          .filter(c -> c.toString().contains(marker))
          .findFirst()
          .orElseThrow();
    }

    /** The first call named {@code name} whose source contains {@code marker}. */
    MethodCallExpr call(String name, String marker) {
      return unit.findFirst(MethodCallExpr.class,
              c -> c.getNameAsString().equals(name) && c.toString().contains(marker))
          .orElseThrow();
    }

    Optional<LogEvent> event(String marker) {
      return calls.event(call(marker));
    }

    /** The arguments of the only call named {@code name}. */
    List<Expression> argumentsOf(String name) {
      return unit.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals(name))
          .orElseThrow()
          .getArguments();
    }
  }

  private static Parsed parse(String source) {
    CompilationUnit unit = StaticJavaParser.parse(source);
    TypeResolver types = new TypeResolver(unit, LoggingApis.TYPES);
    CallClassifier calls = new CallClassifier(types);
    unit.walk(node -> {
      types.index(node);
      calls.index(node);
    });
    return new Parsed(unit, calls);
  }

  @Test
  void findsLoggersOfEveryOrigin() {
    Parsed p = parse("""
        import org.slf4j.LoggerFactory;
        import org.apache.logging.log4j.LogManager;
        import org.apache.logging.log4j.core.Logger;
        class A {
          private final Logger core = null;
          void f(java.util.logging.Logger jul) {
            var slf = LoggerFactory.getLogger(A.class);
            var other = Other.getLogger(A.class);
            g(slf, jul, core, this.core, LogManager.getLogger(), other, Other.getLogger(), unknown);
          }
        }
        """);
    assertThat(p.argumentsOf("g").stream().map(a -> p.calls().loggerApi(a).orElse(null)).toList())
        .containsExactly(Api.SLF4J, Api.JUL, Api.LOG4J2, Api.LOG4J2, Api.LOG4J2, null, null, null);
  }

  @Test
  void aLevelMethodLogsOnlyOnALoggerOfItsApi() {
    Parsed p = parse("""
        import org.slf4j.Logger;
        class A {
          Logger slf;
          java.util.logging.Logger jul;
          org.apache.logging.log4j.Logger l4j;
          void f() {
            slf.fatal("s-fatal"); l4j.fatal("l-fatal"); jul.warn("j-warn"); jul.warning("j-warning");
            slf.log("s-log"); jul.finest("j-finest");
          }
        }
        """);
    assertThat(p.event("s-fatal")).isEmpty();
    assertThat(p.event("l-fatal")).map(LogEvent::level).contains("fatal");
    assertThat(p.event("j-warn\"")).isEmpty();
    assertThat(p.event("j-warning")).map(LogEvent::api).contains(Api.JUL);
    assertThat(p.event("s-log")).isEmpty();
    assertThat(p.event("j-finest")).isPresent();
  }

  @Test
  void aBuilderKeptInAVariableIsAFluentEvent() {
    Parsed p = parse("""
        import org.slf4j.Logger;
        import org.slf4j.spi.LoggingEventBuilder;
        class A {
          Logger log;
          void f(int n) {
            LoggingEventBuilder b = log.atInfo();
            b.addKeyValue("k", n);
            b.addArgument(n).log("scaled {}");
          }
        }
        """);
    LogEvent e = p.event("scaled").orElseThrow();
    assertThat(e.fluent()).isTrue();
    assertThat(e.api()).isEqualTo(Api.SLF4J);
    assertThat(e.level()).isEqualTo("log");
    assertThat(e.message().map(Expression::toString)).contains("\"scaled {}\"");
    assertThat(e.arguments()).extracting(Expression::toString).containsExactly("n");
    assertThat(p.calls().keyValue(p.call("addKeyValue", "k")).map(KeyValue::kind))
        .contains(KeyValue.Kind.EVENT);
  }

  @Test
  void log4j2BuilderStepsCarryCauseMarkerAndArguments() {
    Parsed p = parse("""
        import org.apache.logging.log4j.Logger;
        import net.logstash.logback.marker.Markers;
        class A {
          Logger log;
          void f(Exception t) {
            log.atWarn().withMarker(Markers.append("k", 1)).withThrowable(t).withLocation()
                .log("retry {}", 2);
          }
        }
        """);
    LogEvent e = p.event("retry").orElseThrow();
    assertThat(e.level()).isEqualTo("atWarn");
    assertThat(e.cause().map(Expression::toString)).contains("t");
    assertThat(e.arguments()).extracting(Expression::toString).containsExactly("2");
    assertThat(e.keyValues()).extracting(KeyValue::kind).containsExactly(KeyValue.Kind.MARKER);
  }

  @Test
  void addKeyValueOutsideAFluentChainIsNoPair() {
    Parsed p = parse("""
        import org.slf4j.Logger;
        class A {
          Logger log;
          Builder other;
          void f() { other.addKeyValue("a", 1); log.atDebug().addKeyValue("b", 2).log(); }
        }
        """);
    assertThat(p.calls().keyValue(p.call("addKeyValue", "\"a\""))).isEmpty();
    assertThat(p.calls().keyValue(p.call("addKeyValue", "\"b\"")).map(KeyValue::kind))
        .contains(KeyValue.Kind.EVENT);
  }

  @Test
  void mdcPairsAreThoseOfTheContextTypes() {
    Parsed p = parse("""
        import org.slf4j.MDC;
        import org.apache.logging.log4j.ThreadContext;
        class A {
          java.util.Map<String, String> map;
          void f() {
            MDC.put("a", "1"); MDC.putCloseable("b", "2"); ThreadContext.put("c", "3");
            map.put("d", "4"); MDC.put("e");
          }
        }
        """);
    assertThat(p.unit().findAll(MethodCallExpr.class).stream()
        .map(p.calls()::keyValue).flatMap(Optional::stream)
        .map(kv -> kv.key().toString()).toList())
        .containsExactly("\"a\"", "\"b\"", "\"c\"");
  }

  @Test
  void tellsMarkersFromOtherArguments() {
    Parsed p = parse("""
        import static net.logstash.logback.marker.Markers.append;
        import org.slf4j.Marker;
        import org.slf4j.MarkerFactory;
        import net.logstash.logback.marker.LogstashMarker;
        class A {
          void f(Marker m, LogstashMarker lm, String s) {
            g(m, lm, s, MarkerFactory.getMarker("AUDIT"), append("a", 1).and(append("b", 2)),
                Other.append("c", 3), unknown);
          }
        }
        """);
    assertThat(p.argumentsOf("g").stream().map(p.calls()::isMarker).toList())
        .containsExactly(true, true, false, true, true, false, false);
  }

  @Test
  void aMarkerBeforeTheMessageIsNoFormatArgument() {
    Parsed p = parse("""
        import org.slf4j.*;
        class A {
          Logger log;
          void f(String s, Marker m) {
            log.info(MarkerFactory.getMarker("AUDIT"), "done {}", s);
            log.info(s, "not a marker");
          }
        }
        """);
    assertThat(p.event("done").orElseThrow().message().map(Expression::toString))
        .contains("\"done {}\"");
    assertThat(p.event("done").orElseThrow().arguments()).extracting(Expression::toString)
        .containsExactly("s");
    assertThat(p.event("not a marker").orElseThrow().message().map(Expression::toString))
        .contains("s");
  }

  @Test
  void answersOncePerCall() {
    Parsed p = parse("""
        import org.slf4j.Logger;
        class A { Logger log; void f() { log.info("x"); org.slf4j.MDC.put("k", "v"); } }
        """);
    MethodCallExpr info = p.call("info");
    assertThat(p.calls().event(info)).isPresent().isSameAs(p.calls().event(info));
    MethodCallExpr put = p.call("put");
    assertThat(p.calls().keyValue(put)).isPresent().isSameAs(p.calls().keyValue(put));
  }
}
