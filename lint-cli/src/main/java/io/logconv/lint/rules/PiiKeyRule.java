package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.core.redact.KeyRules;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.RuleInfo;

/** LC007: a key that names personal data. */
@RuleInfo(
    id = "LC007",
    name = "pii-key",
    severity = Severity.WARNING,
    summary = "Key names personal data (user id, user name, e-mail, phone)",
    rationale =
        "The ADR decided not to log user ids and user names: they are personal data. Reported:"
            + " keys that sdk-core's personal-data key rules cover (`user`, `user_id`, `username`,"
            + " `email`, `phone`, `given_name`, `date_of_birth`, `ssn`, ...: the rules the writer,"
            + " `logconv validate` and `logconv redact` apply; `login` or `mobile` are not among"
            + " them). The severity follows what the SDK does at run time. Under a key of SLF4J 2's"
            + " `addKeyValue` or SLF4J's `MDC.put` its encoder writes a keyed hash in place of the"
            + " value, so the line holds no personal data and the finding is a note, which the"
            + " Maven gate does not fail on by default (the key still promises a value the line does"
            + " not hold). Under a logstash `kv(...)` or `Markers.append(...)` key or a Log4j2"
            + " `ThreadContext` key the SDK encoder does not see a key, and the value is written as"
            + " it is: a warning. Log a stable pseudonym under a key that says so, or drop the"
            + " field.",
    bad = """
        log.info("login {}", kv("user_id", user.getId()));          // warning: written as it is
        log.atInfo().addKeyValue("user_id", user.getId()).log("login"); // note: the SDK hashes it
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
        .filter(key -> SdkRedaction.classify(key) == KeyRules.Kind.PII)
        .ifPresent(key -> report(kv, key, ctx)));
  }

  private static void report(KeyValue kv, String key, JavaContext ctx) {
    String why = SdkRedaction.whyNotByKey(kv, ctx.logging());
    if (why == null) {
      ctx.report(kv.key(), Severity.NOTE, "key '" + key + "' names personal data (the SDK encoder"
          + " writes a keyed hash in place of the value); log a pseudonym under a key that says so,"
          + " or drop it");
    } else {
      ctx.report(kv.key(), "key '" + key + "' names personal data and is written as it is because "
          + why + "; log a pseudonym or drop it");
    }
  }
}
