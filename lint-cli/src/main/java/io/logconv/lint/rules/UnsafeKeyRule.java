package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.RuleInfo;
import io.logconv.schema.Conventions;

/** LC002: a key that Loki, Fluent Bit or korrel8r would rewrite. */
@RuleInfo(
    id = "LC002",
    name = "unsafe-key",
    severity = Severity.WARNING,
    summary = "Key name is not Loki-safe",
    rationale =
        "Keys must match `[A-Za-z_][A-Za-z0-9_]*`. Dots, dashes, colons and a leading digit are"
            + " rewritten differently by korrel8r, LogQL's `| json` and Fluent Bit's Loki output, so"
            + " a query for the key as written finds nothing. The SDK rewrites such keys at run"
            + " time; fixing the name in code keeps what you query equal to what you wrote.",
    bad = """
        log.atInfo().addKeyValue("http.status", status).log("request done");
        """,
    good = """
        log.atInfo().addKeyValue("http_status", status).log("request done");
        """)
public final class UnsafeKeyRule extends JavaRule<MethodCallExpr> {
  public UnsafeKeyRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().keyValue(call).ifPresent(kv -> ctx.logging().constantString(kv.key())
        .filter(key -> !Conventions.isSafeKey(key) && !Conventions.isPipelineKey(key))
        .ifPresent(key -> ctx.report(kv.key(), "key '" + key + "' is not Loki-safe (must match "
            + Conventions.KEY_PATTERN + ")")));
  }
}
