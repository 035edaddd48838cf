package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import io.logconv.core.redact.KeyRules;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.RuleInfo;
import java.util.Optional;

/** LC007: a key that names personal data. */
@RuleInfo(
    id = "LC007",
    name = "pii-key",
    severity = Severity.WARNING,
    summary = "Key, getter or literal names personal data (user id, user name, e-mail, phone)",
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
            + " it is: a warning. Also a warning: a getter named like personal data logged as a"
            + " message argument or part of the message (`user.getEmail()`), and a string literal"
            + " that sdk-core's personal-data detectors match (an e-mail address, a phone number)."
            + " Log a stable pseudonym under a key that says so, or drop the field.",
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
    Optional<KeyValue> pair = ctx.logging().keyValue(call);
    if (pair.isPresent()) {
      KeyValue kv = pair.get();
      ctx.logging().constantString(kv.key())
          .filter(key -> SdkRedaction.classify(key) == KeyRules.Kind.PII)
          .ifPresent(key -> report(kv, key, ctx));
      return;
    }
    ctx.logging().event(call).ifPresent(e -> {
      e.message().ifPresent(m -> checkValue(m, ctx));
      for (Expression a : e.arguments()) {
        if (!(a instanceof MethodCallExpr m && ctx.logging().keyValue(m).isPresent())) {
          checkValue(a, ctx);
        }
      }
    });
  }

  /**
   * Reports the personal data a logged expression writes: a getter named like personal data
   * ({@code getEmail()}, {@code user.getPhoneNumber()}), and a literal that sdk-core's
   * personal-data detectors match (an e-mail address, a phone number).
   */
  private static void checkValue(Expression value, JavaContext ctx) {
    value.walk(node -> {
      if (!LoggedValues.reachesOutput(node, value)) {
        return;
      }
      if (node instanceof MethodCallExpr m && m.getArguments().isEmpty()
          && m.getNameAsString().startsWith("get") && !isDereferenced(m)
          && SdkRedaction.classify(m.getNameAsString().substring(3)) == KeyRules.Kind.PII) {
        ctx.report(m, "getter '" + m.getNameAsString() + "' returns personal data and is logged"
            + " as it is; log a pseudonym or drop it");
      } else if (node instanceof StringLiteralExpr || node instanceof TextBlockLiteralExpr) {
        String text = ctx.logging().constantString((Expression) node).orElse("");
        String[] type = new String[1];
        SdkRedaction.scanner().accept(text, (t, start, end) -> {
          if (type[0] == null && SdkRedaction.isPersonalDataType(t)) {
            type[0] = t;
          }
        });
        if (type[0] != null) {
          ctx.report(node, "string literal matching the '" + type[0]
              + "' personal-data detector is logged");
        }
      }
    });
  }

  // JavaParser's Node.equals is structural; here the very same node is meant.
  @SuppressWarnings("ReferenceEquality")
  private static boolean isDereferenced(MethodCallExpr m) {
    return m.getParentNode().filter(p -> p instanceof MethodCallExpr outer
        && outer.getScope().filter(s -> s == m).isPresent()).isPresent();
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
