package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.fix.ActionNames;
import io.logconv.lint.fix.KeyValueFixes;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.RuleInfo;
import io.logconv.schema.Conventions;
import io.logconv.schema.Field;
import java.util.Optional;

/** LC003: an {@code action} value outside the contract's enum. */
@RuleInfo(
    id = "LC003",
    name = "action-value",
    severity = Severity.ERROR,
    summary = "`action` value outside VIEW/ADD/UPDATE/DELETE",
    rationale =
        "`action` says what an event did to the resource it names, and dashboards and audit"
            + " queries match its four values exactly (case-sensitive). Any other value breaks the"
            + " contract; the SDK renames it to `app_action`, so it silently drops out of those"
            + " queries. Checked for string literals, constants the linter can resolve, and enum"
            + " constant names; use `io.logconv.schema.Action`. Where the project has"
            + " logconv-schema on its classpath, a valid action written as a string literal is a"
            + " note, so that the fix can make it the constant.",
    bad = """
        log.atInfo().addKeyValue("action", "MODIFY").log("deployment scaled");
        """,
    good = """
        log.atInfo().addKeyValue("action", Action.UPDATE).log("deployment scaled");
        """,
    fix = "Where logconv-schema is on the classpath, replaces a string literal naming an action"
        + " (in any case) or a common verb for one (MODIFY, EDIT, PATCH, CREATE, READ, REMOVE, ...)"
        + " with the `Action` constant (`.name()` of it for `MDC.put`) and adds the import.")
public final class ActionValueRule extends JavaRule<MethodCallExpr> {
  public ActionValueRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().keyValue(call)
        .filter(kv -> ctx.logging().constantString(kv.key()).filter(Conventions.ACTION::equals).isPresent())
        .ifPresent(kv -> checkValue(kv, ctx));
  }

  private static void checkValue(KeyValue kv, JavaContext ctx) {
    Expression value = kv.value();
    Optional<String> v = ctx.logging().constantString(value);
    if (v.isEmpty()) {
      v = ctx.logging().enumConstantName(value);
    }
    if (v.isPresent() && !Field.ACTION.acceptsText(v.get())) {
      ctx.report(value, "action '" + v.get() + "' is not " + Field.ACTION.rule(),
          KeyValueFixes.actionConstant(kv, ctx).orElse(null));
    } else if (v.isPresent() && value.isStringLiteralExpr() && kv.kind() != KeyValue.Kind.MDC
        && ctx.schemaOnClasspath() && ActionNames.of(v.get()).isPresent()) {
      String text = v.get();
      KeyValueFixes.actionConstant(kv, ctx).ifPresent(fix -> ctx.report(value, Severity.NOTE,
          "action '" + text + "' written as a string; use the Action constant", fix));
    }
  }
}
