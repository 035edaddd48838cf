package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeResolverTest {
  private static TypeResolver resolver(CompilationUnit unit) {
    TypeResolver types = new TypeResolver(unit, LoggingApis.TYPES);
    unit.walk(types::index);
    return types;
  }

  /** The arguments of the only call named {@code name}. */
  private static List<Expression> argumentsOf(CompilationUnit unit, String name) {
    return unit.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals(name))
        .orElseThrow()
        .getArguments();
  }

  /** The declared type of each argument of the only call named {@code name}, null if unknown. */
  private static List<String> declaredTypesOf(String source, String name) {
    CompilationUnit unit = StaticJavaParser.parse(source);
    TypeResolver types = resolver(unit);
    return argumentsOf(unit, name).stream()
        .map(a -> types.declaredType((NameExpr) a).orElse(null))
        .toList();
  }

  @Test
  void resolvesTypeNamesThroughTheImports() {
    TypeResolver types = resolver(StaticJavaParser.parse("""
        import org.slf4j.*;
        import com.acme.*;
        import java.util.List;
        import com.acme.Outer;
        class A {}
        """));
    assertThat(types.resolveType("List")).isEqualTo("java.util.List");
    assertThat(types.resolveType("List<String>")).isEqualTo("java.util.List");
    assertThat(types.resolveType("Outer.Inner")).isEqualTo("com.acme.Outer.Inner");
    assertThat(types.resolveType("org.apache.logging.log4j.Logger"))
        .isEqualTo("org.apache.logging.log4j.Logger");
    assertThat(types.resolveType("Logger")).as("a known type through a wildcard")
        .isEqualTo("org.slf4j.Logger");
    assertThat(types.resolveType("Widget")).as("an unknown type through a wildcard").isNull();
    assertThat(types.resolveType("String")).isEqualTo("java.lang.String");
    assertThat(types.resolveType("Map")).isNull();
  }

  @Test
  void resolvesDeclaredTypesAndNamesDenotingATypeToo() {
    CompilationUnit unit = StaticJavaParser.parse("""
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A { Logger log; void f() { g(MDC, org.slf4j.MDC, Logger, mdc()); } }
        """);
    TypeResolver types = resolver(unit);
    assertThat(types.resolveType(unit.findFirst(FieldDeclaration.class).orElseThrow().getElementType()))
        .isEqualTo("org.slf4j.Logger");
    assertThat(argumentsOf(unit, "g").stream().map(a -> types.denotesType(a, "org.slf4j.MDC")).toList())
        .containsExactly(true, true, false, false);
  }

  @Test
  void tellsStaticImportsByNameAndByWildcard() {
    TypeResolver types = resolver(StaticJavaParser.parse("""
        import static io.logconv.schema.Action.ADD;
        import static net.logstash.logback.argument.StructuredArguments.*;
        class A {}
        """));
    assertThat(types.staticallyImported("ADD", "io.logconv.schema.Action")).isTrue();
    assertThat(types.staticallyImported("DELETE", "io.logconv.schema.Action")).isFalse();
    assertThat(types.staticallyImported("kv", "net.logstash.logback.argument.StructuredArguments"))
        .isTrue();
    assertThat(types.staticImportOwner("ADD")).isEqualTo("io.logconv.schema.Action");
    assertThat(types.staticImportOwner("kv")).as("a wildcard names no member").isNull();
  }

  @Test
  void findsTheTypeOfAFieldDeclaredInTheSameFile() {
    assertThat(declaredTypesOf("""
        class A {
          private final Duration timeout = Duration.ZERO;
          static class B { int timeout; }
          void f() { g(timeout); }
        }
        """, "g")).containsExactly("Duration");
  }

  @Test
  void aLocalDeclaredBeforeTheUseShadowsTheField() {
    assertThat(declaredTypesOf("""
        class A {
          String id;
          void f() {
            g(id);
            long id = 1;
            h(id);
          }
        }
        """, "h")).containsExactly("long");
    assertThat(declaredTypesOf("""
        class A {
          String id;
          void f() {
            g(id);
            long id = 1;
          }
        }
        """, "g")).as("a local declared after the use").containsExactly("String");
  }

  @Test
  void findsParametersOfEveryKindOfScope() {
    assertThat(declaredTypesOf("""
        class A {
          void f(String... names) {
            for (Item item : items) {
              try (Reader r = open()) {
                run((Path p) -> run(q -> {
                  for (int i = 0; i < 1; i++) {
                    try { } catch (IOException | TimeoutException e) {
                      var v = 1;
                      g(names, item, r, p, q, i, e, v);
                    }
                  }
                }));
              }
            }
          }
        }
        """, "g")).containsExactly("String[]", "Item", "Reader", "Path", null, "int",
            "IOException|TimeoutException", null);
  }

  @Test
  void aNameNoScopeDeclaresFallsBackToItsOneDeclarationInTheFile() {
    CompilationUnit unit = StaticJavaParser.parse("""
        class A {
          void f(Order order) { }
          void g() { h(order, count); }
          void i(int count) { }
          void j(long count) { }
        }
        """);
    TypeResolver types = resolver(unit);
    assertThat(argumentsOf(unit, "h").stream()
        .map(a -> types.declaredType((NameExpr) a))
        .toList())
        .as("order is declared once; count with two types").containsExactly(
            Optional.of("Order"), Optional.empty());
    assertThat(types.declaredType("count")).isEmpty();
    assertThat(types.declaredType("order")).contains("Order");
  }

  @Test
  void tellsThrowablesAndWhatMayBeOne() {
    CompilationUnit unit = StaticJavaParser.parse("""
        class A {
          void f(Exception e, String s, int[] a, Object o) {
            g(e, new IllegalStateException("x"), e.getCause(), s, unknown, f(), this.o, (Object) o,
                a[0], o == null ? e : null, (e), "lit", 1);
          }
        }
        """);
    TypeResolver types = resolver(unit);
    List<Expression> args = argumentsOf(unit, "g");
    assertThat(args.stream().map(types::isThrowable).toList())
        .as("a parenthesised throwable is one")
        .containsExactly(true, true, true, false, false, false, false, false, false, false, true,
            false, false);
    assertThat(args.stream().map(types::mayBeThrowable).toList())
        .containsExactly(true, true, true, false, true, true, true, true, true, true, true, false,
            false);
  }
}
