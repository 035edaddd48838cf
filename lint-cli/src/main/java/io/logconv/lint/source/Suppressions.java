package io.logconv.lint.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import io.logconv.lint.RuleDescriptor;
import java.util.Optional;

/**
 * The annotation filter: a finding is dropped when a declaration enclosing it (class, method,
 * constructor, field, local variable, parameter) carries {@code @SuppressWarnings} naming {@code
 * "logconv"} (every rule), {@code "logconv:<id>"} or {@code "logconv:<name>"}. Rules never see it,
 * as in Checkstyle, where suppression is a filter applied to what the checks report.
 */
final class Suppressions {
  static final String ALL = "logconv";

  private Suppressions() {}

  static boolean isSuppressed(Node node, RuleDescriptor rule) {
    for (Optional<Node> n = Optional.of(node); n.isPresent(); n = n.get().getParentNode()) {
      if (n.get() instanceof NodeWithAnnotations<?> annotated) {
        for (AnnotationExpr a : annotated.getAnnotations()) {
          if (isSuppressWarnings(a) && suppresses(a, rule)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isSuppressWarnings(AnnotationExpr a) {
    String name = a.getNameAsString();
    return name.equals("SuppressWarnings") || name.equals("java.lang.SuppressWarnings");
  }

  private static boolean suppresses(AnnotationExpr a, RuleDescriptor rule) {
    if (a instanceof SingleMemberAnnotationExpr single) {
      return matches(single.getMemberValue(), rule);
    }
    if (a instanceof NormalAnnotationExpr normal) {
      for (MemberValuePair pair : normal.getPairs()) {
        if (pair.getNameAsString().equals("value") && matches(pair.getValue(), rule)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(Expression value, RuleDescriptor rule) {
    if (value instanceof ArrayInitializerExpr array) {
      for (Expression e : array.getValues()) {
        if (matches(e, rule)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof StringLiteralExpr literal) {
      String key = literal.asString();
      return key.equals(ALL)
          || key.equals(ALL + ":" + rule.id())
          || key.equals(ALL + ":" + rule.name());
    }
    return false;
  }
}
