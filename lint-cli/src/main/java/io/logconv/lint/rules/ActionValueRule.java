package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.Severity;
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
            + " constant names; use `io.logconv.schema.Action`.",
    bad = """
        log.atInfo().addKeyValue("action", "MODIFY").log("deployment scaled");
        """,
    good = """
        log.atInfo().addKeyValue("action", Action.UPDATE.name()).log("deployment scaled");
        """)
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
    v.filter(s -> !Field.ACTION.acceptsText(s))
        .ifPresent(s -> ctx.report(value, "action '" + s + "' is not " + Field.ACTION.rule()));
  }
}
