package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.Wording;
import io.logconv.lint.fix.KeyValueFixes;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.RuleInfo;
import io.logconv.schema.Conventions;
import java.util.Optional;
import java.util.Set;

/** LC004: {@code audit} given something other than a boolean. */
@RuleInfo(
    id = "LC004",
    name = "audit-not-boolean",
    severity = Severity.ERROR,
    summary = "`audit` given a value that is not a boolean",
    rationale =
        "`audit` is the JSON boolean `true`. The string `\"true\"` (as in the ADR's own example) is"
            + " a different value to every query that filters on `audit: true`; a number or any"
            + " other string is not an audit flag at all. Pass the boolean `true`.",
    bad = """
        log.atInfo().addKeyValue("audit", "true").addKeyValue("action", "DELETE").log("deleted");
        """,
    good = """
        log.atInfo().addKeyValue("audit", true).addKeyValue("action", "DELETE").log("deleted");
        """,
    fix = "Replaces the string literal \"true\" with the boolean `true` where the API takes an"
        + " object (not `MDC.put`, whose values are strings).")
public final class AuditTypeRule extends JavaRule<MethodCallExpr> {
  private static final Set<String> NON_BOOLEAN_TYPES =
      Set.of("String", "CharSequence", "int", "Integer", "long", "Long", "double", "Double",
          "char", "Character");
  private static final Set<String> TO_STRING = Set.of("toString", "valueOf", "name", "format");

  public AuditTypeRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().keyValue(call)
        .filter(kv -> ctx.logging().constantString(kv.key()).filter(Conventions.AUDIT::equals).isPresent())
        .ifPresent(kv -> nonBoolean(kv.value(), ctx).ifPresent(what ->
            ctx.report(kv.value(), "audit given " + what + "; write the boolean true",
                KeyValueFixes.booleanTrue(kv, ctx).orElse(null))));
  }

  private static Optional<String> nonBoolean(Expression v, JavaContext ctx) {
    if (v instanceof StringLiteralExpr || v instanceof TextBlockLiteralExpr) {
      return Optional.of("the string \"" + ctx.logging().constantString(v).orElse("") + "\"");
    }
    if (v instanceof IntegerLiteralExpr || v instanceof LongLiteralExpr
        || v instanceof DoubleLiteralExpr || v instanceof CharLiteralExpr) {
      return Optional.of("a number or character");
    }
    if (v instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      return Optional.of("a string concatenation");
    }
    if (v instanceof MethodCallExpr m && TO_STRING.contains(m.getNameAsString())) {
      return Optional.of("a string (" + m.getNameAsString() + "())");
    }
    if (ctx.logging().constantString(v).isPresent()) {
      return Optional.of("a String constant");
    }
    if (v instanceof NameExpr n) {
      return ctx.logging().declaredType(n)
          .filter(NON_BOOLEAN_TYPES::contains)
          .map(t -> Wording.withArticle(t) + " variable");
    }
    return Optional.empty();
  }
}
