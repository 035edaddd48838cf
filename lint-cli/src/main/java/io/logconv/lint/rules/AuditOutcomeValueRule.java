package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.RuleInfo;
import io.logconv.schema.Field;
import java.util.Optional;

/** LC015: an {@code outcome} or {@code auditLevel} value outside the contract's enum. */
@RuleInfo(
    id = "LC015",
    name = "audit-outcome-value",
    severity = Severity.ERROR,
    summary = "`outcome` outside allowed/denied/error, or `auditLevel` outside Metadata/Request/RequestResponse",
    rationale =
        "Audit queries and alerts match `outcome` (`allowed`, `denied`, `error`) and `auditLevel`"
            + " (`Metadata`, `Request`, `RequestResponse`, as Kubernetes' audit policy names its"
            + " levels) exactly, case-sensitively. Any other value (`success`, `DENIED`, `None`)"
            + " breaks the contract; the SDK moves it to `app_outcome` or `app_auditLevel`, where it"
            + " drops out of those queries. Checked for string literals, constants the linter can"
            + " resolve and enum constant names, under any key/value site, `AuditEvent`'s and"
            + " `ConventionsEvent`'s `kv(...)` included; `AuditEvent.outcome(Outcome)` and"
            + " `level(AuditLevel)` cannot go wrong.",
    bad = """
        log.atInfo().addKeyValue("audit", true).addKeyValue("action", "DELETE")
            .addKeyValue("outcome", "success").log("pod deleted");
        """,
    good = """
        AuditEvent.of(Action.DELETE).outcome(Outcome.ALLOWED).log("pod deleted");
        """)
public final class AuditOutcomeValueRule extends JavaRule<MethodCallExpr> {
  public AuditOutcomeValueRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().keyValue(call).ifPresent(kv -> ctx.logging().constantString(kv.key())
        .map(Field::of)
        .filter(f -> f == Field.OUTCOME || f == Field.AUDIT_LEVEL)
        .ifPresent(f -> checkValue(f, kv, ctx)));
  }

  private static void checkValue(Field f, KeyValue kv, JavaContext ctx) {
    Expression value = kv.value();
    Optional<String> v = ctx.logging().constantString(value);
    if (v.isEmpty()) {
      v = ctx.logging().enumConstantName(value);
    }
    v.filter(s -> !f.acceptsText(s))
        .ifPresent(s -> ctx.report(value, f.key() + " '" + s + "' is not " + f.rule()));
  }
}
