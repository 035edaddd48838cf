package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.RuleInfo;

/** LC007: a key that names personal data. */
@RuleInfo(
    id = "LC007",
    name = "pii-key",
    severity = Severity.WARNING,
    summary = "Key names personal data (user id, user name, e-mail, phone)",
    rationale =
        "The ADR decided not to log user ids and user names: they are personal data. The SDK"
            + " hashes values under such keys by default, so the key is misleading at best; log a"
            + " stable pseudonym (a keyed hash) under a key that says so, or drop the field.",
    bad = """
        log.atInfo().addKeyValue("user_id", user.getId()).log("login");
        """,
    good = """
        log.atInfo().addKeyValue("subject_hash", pseudonyms.of(user.getId())).log("login");
        """)
public final class PiiKeyRule extends JavaRule<MethodCallExpr> {
  public PiiKeyRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().keyValue(call).ifPresent(kv -> ctx.logging().constantString(kv.key())
        .filter(Names::isPiiKey)
        .ifPresent(key -> ctx.report(kv.key(), "key '" + key
            + "' names personal data; log a pseudonym or drop it")));
  }
}
