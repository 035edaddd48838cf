package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ConstantFolderTest {
  /**
   * What {@code fold} makes of each argument of the only call to {@code g} in {@code source}, null
   * where it gives nothing.
   */
  private static List<String> fold(
      String source, BiFunction<ConstantFolder, Expression, Optional<String>> fold) {
    CompilationUnit unit = new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
        .parse(source).getResult().orElseThrow();
    TypeResolver types = new TypeResolver(unit, ConstantFolder.SCHEMA_TYPES);
    ConstantFolder folder = new ConstantFolder(unit, types);
    unit.walk(node -> {
      types.index(node);
      folder.index(node);
    });
    MethodCallExpr g = unit.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("g"))
        .orElseThrow();
    return g.getArguments().stream().map(a -> fold.apply(folder, a).orElse(null)).toList();
  }

  private static List<String> strings(String source) {
    return fold(source, ConstantFolder::constantString);
  }

  private static List<String> enumNames(String source) {
    return fold(source, ConstantFolder::enumConstantName);
  }

  @Test
  void foldsAConcatenationWithAStaticFinalField() {
    assertThat(strings("""
        class A {
          private static final String PREFIX = "pod";
          void f(String s) { g(PREFIX + "_" + "name", ("[" + PREFIX) + "]", PREFIX + s, A.PREFIX); }
        }
        """)).containsExactly("pod_name", "[pod]", null, "pod");
  }

  @Test
  void foldsTextBlocksAndInterfaceFieldsButNotVariables() {
    assertThat(strings("""
        class A {
          interface Keys { String USER = "user_id"; }
          String mutable = "m";
          final String perInstance = "i";
          void f() {
            final String local = "l";
            g(\"""
                text\""", Keys.USER, mutable, perInstance, local, name(), 'c' + "d");
          }
        }
        """)).containsExactly("text", "user_id", null, "i", null, null, null);
  }

  @Test
  void aFieldOfAnotherClassIsNoConstantEvenIfOneHereIsCalledSo() {
    assertThat(strings("""
        class A {
          static final String X = "x";
          void f() { g(A.X, Other.X); }
        }
        """)).containsExactly("x", null);
  }

  @Test
  void aNameDeclaredWithTwoValuesIsNoConstant() {
    assertThat(strings("""
        class A {
          static final String SAME = "s";
          static final String KEY = "a";
          static class B { static final String KEY = "b"; static final String SAME = "s"; }
          void f() { g(KEY, SAME); }
        }
        """)).containsExactly(null, "s");
  }

  @Test
  void constantsDefinedInACircleFoldToNothing() {
    assertThat(strings("""
        class A {
          static final String A1 = B1 + "a";
          static final String B1 = A1 + "b";
          void f() { g(A1); }
        }
        """)).containsExactly((String) null);
  }

  @Test
  void foldsSchemaConstantsImportedByWildcard() {
    assertThat(strings("""
        import static io.logconv.schema.Conventions.*;
        import io.logconv.schema.*;
        class A { void f() { g(ACTION, Conventions.AUDIT, io.logconv.schema.Conventions.ACTION, NOPE); } }
        """)).containsExactly("action", "audit", "action", null);
  }

  @Test
  void namesEnumConstantsOfTheFileAndOfTheSchema() {
    assertThat(enumNames("""
        import io.logconv.schema.Action;
        import static io.logconv.schema.Action.DELETE;
        class A {
          enum Verb { MODIFY, READ }
          void f() {
            g(Verb.MODIFY, Verb.WRITE, Action.ADD, io.logconv.schema.Action.VIEW, DELETE, Other.ADD,
                Verb.READ.toString(), Other.UPDATE.name(), Other.UPDATE.toString(),
                Other.update.name(), Other.UPDATE.name(1));
          }
        }
        """)).containsExactly("MODIFY", null, "ADD", "VIEW", "DELETE", null, "READ", "UPDATE", null,
            null, null);
  }
}
