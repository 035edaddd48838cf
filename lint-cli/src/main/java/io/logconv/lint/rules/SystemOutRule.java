package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.RuleInfo;

/** LC011: printing to the console around the logger. */
@RuleInfo(
    id = "LC011",
    name = "system-out",
    severity = Severity.WARNING,
    summary = "System.out/System.err printing or printStackTrace()",
    rationale =
        "Lines printed around the logger are not JSON: the collector ships them as unparsed"
            + " text, without level, logger or trace id, and a stack trace becomes one record per"
            + " line. Log through the logger (pass the exception as the last argument).",
    bad = """
        catch (IOException e) { e.printStackTrace(); System.err.println("failed"); }
        """,
    good = """
        catch (IOException e) { log.error("failed", e); }
        """)
public final class SystemOutRule extends JavaRule<MethodCallExpr> {
  public SystemOutRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    Expression scope = call.getScope().orElse(null);
    if (isSystemStream(scope)) {
      ctx.report(call, scope + "." + call.getNameAsString()
          + "() writes unstructured text; use a logger");
    } else if (call.getNameAsString().equals("printStackTrace")
        && scope != null
        && (call.getArguments().isEmpty()
            || (call.getArguments().size() == 1 && isSystemStream(call.getArgument(0))))) {
      ctx.report(call, "printStackTrace() writes an unstructured stack trace; log the exception"
          + " as the last argument instead");
    }
  }

  private static boolean isSystemStream(Expression e) {
    if (e instanceof FieldAccessExpr f
        && (f.getNameAsString().equals("out") || f.getNameAsString().equals("err"))) {
      String owner = f.getScope().toString();
      return owner.equals("System") || owner.equals("java.lang.System");
    }
    return false;
  }
}
