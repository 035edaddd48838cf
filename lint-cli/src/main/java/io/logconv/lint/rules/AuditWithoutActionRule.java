package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.RuleInfo;
import io.logconv.schema.Conventions;

/** LC005: an audit event that does not say what it did. */
@RuleInfo(
    id = "LC005",
    name = "audit-without-action",
    severity = Severity.ERROR,
    summary = "Audit event without `action`",
    rationale =
        "An audit event answers who did what to which resource; `action` is the *what*, and the"
            + " contract requires it on every event with `audit: true`. Checked on one logging"
            + " statement: its fluent key/values and its logstash structured arguments and markers.",
    bad = """
        log.atInfo().addKeyValue("audit", true).addKeyValue("name", name).log("secret rotated");
        """,
    good = """
        log.atInfo().addKeyValue("audit", true).addKeyValue("action", "UPDATE")
            .addKeyValue("name", name).log("secret rotated");
        """)
public final class AuditWithoutActionRule extends JavaRule<MethodCallExpr> {
  public AuditWithoutActionRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().event(call).ifPresent(event -> check(event, ctx));
  }

  private static void check(LogEvent event, JavaContext ctx) {
    boolean audit = false;
    boolean action = false;
    for (KeyValue kv : event.keyValues()) {
      String key = ctx.logging().constantString(kv.key()).orElse("");
      if (key.equals(Conventions.AUDIT)
          && !(kv.value() instanceof BooleanLiteralExpr b && !b.getValue())) {
        audit = true;
      } else if (key.equals(Conventions.ACTION)) {
        action = true;
      }
    }
    if (audit && !action) {
      ctx.report(event.call(), "audit event without 'action': add one of the Action values");
    }
  }
}
