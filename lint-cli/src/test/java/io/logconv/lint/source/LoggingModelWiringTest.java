package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingModelWiringTest {
  private static final String SOURCE = """
      import org.slf4j.*;
      import io.logconv.schema.*;
      class A {
        Logger log;
        void f() { log.info("done", Conventions.ACTION, Action.ADD); }
      }
      """;

  private static MethodCallExpr info(CompilationUnit unit) {
    return unit.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("info")).orElseThrow();
  }

  @Test
  void wildcardImportsSupplyLoggingAndSchemaTypes() {
    CompilationUnit unit = StaticJavaParser.parse(SOURCE);
    LoggingModel model = new LoggingModel(unit);
    MethodCallExpr info = info(unit);
    List<Expression> args = info.getArguments();
    assertThat(model.event(info)).isPresent();
    assertThat(model.constantString(args.get(1))).contains("action");
    assertThat(model.enumConstantName(args.get(2))).contains("ADD");
  }

  @Test
  void indexesTheNodesTheEngineWalkedAndWalksNoMore() {
    CompilationUnit unit = StaticJavaParser.parse(SOURCE);
    List<Node> nodes = new ArrayList<>();
    unit.walk(n -> {
      if (n.findAncestor(FieldDeclaration.class).isEmpty()) {
        nodes.add(n);
      }
    });
    LoggingModel model = new LoggingModel(unit);
    model.index(nodes);
    assertThat(model.event(info(unit))).as("the logger field was not in the walk").isEmpty();
    assertThat(model.declaredType("log")).isEmpty();
  }
}
