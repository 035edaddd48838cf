package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.fix.MessageFixes;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.RuleInfo;

/** LC008: a message built at run time instead of a constant format. */
@RuleInfo(
    id = "LC008",
    name = "message-concatenation",
    severity = Severity.WARNING,
    summary = "Message built with string concatenation or String.format",
    rationale =
        "A message that embeds values cannot be grouped or searched as one event type, hides the"
            + " values from key/value queries, and is built even when the level is off. Keep `msg`"
            + " a constant with `{}` placeholders and put the values in key/values.",
    bad = """
        log.info("scaled " + name + " to " + replicas);
        log.info(String.format("scaled %s", name));
        """,
    good = """
        log.atInfo().addKeyValue("name", name).addKeyValue("replicas", replicas).log("scaled");
        log.info("scaled {} to {}", name, replicas);
        """,
    fix = "Rewrites a concatenation, String.format or formatted() message with only %s and %d to"
        + " a constant with {} placeholders and the values as arguments, before a trailing"
        + " throwable; formats with widths, precision, %n or %%, text holding {}, and values that"
        + " are themselves throwables are left alone.")
public final class MessageConcatenationRule extends JavaRule<MethodCallExpr> {
  public MessageConcatenationRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().event(call).ifPresent(e -> e.message().ifPresent(m -> check(e, m, ctx)));
  }

  private static void check(LogEvent event, Expression message, JavaContext ctx) {
    if (message instanceof BinaryExpr b
        && b.getOperator() == BinaryExpr.Operator.PLUS
        && ctx.logging().constantString(b).isEmpty()) {
      ctx.report(message, "message built by string concatenation; use a constant with {}"
          + " placeholders or key/values", MessageFixes.placeholders(event, message, ctx).orElse(null));
    } else if (message instanceof MethodCallExpr m && isFormat(m)) {
      String what = m.getNameAsString().equals("format")
          ? m.getScope().map(Object::toString).orElse("") + ".format()"
          : m.getNameAsString() + "()";
      ctx.report(message, "message built with " + what
          + "; use a constant with {} placeholders or key/values",
          MessageFixes.placeholders(event, message, ctx).orElse(null));
    }
  }

  private static boolean isFormat(MethodCallExpr m) {
    String name = m.getNameAsString();
    if (name.equals("formatted")) {
      return m.getScope().isPresent();
    }
    if (name.equals("format") && m.getScope().isPresent()) {
      String owner = m.getScope().get().toString();
      return owner.equals("String") || owner.equals("java.lang.String")
          || owner.equals("MessageFormat") || owner.equals("java.text.MessageFormat");
    }
    return false;
  }
}
