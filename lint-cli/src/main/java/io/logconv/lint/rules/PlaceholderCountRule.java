package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.RuleInfo;
import java.util.Arrays;
import java.util.List;

/** LC009: {@code {}} placeholders and arguments that do not pair up. */
@RuleInfo(
    id = "LC009",
    name = "placeholder-count",
    severity = Severity.ERROR,
    summary = "Number of {} placeholders does not match the arguments",
    rationale =
        "SLF4J and Log4j2 fill `{}` placeholders from the arguments in order. A missing argument"
            + " prints a literal `{}`; an extra one is silently dropped, unless it is a throwable"
            + " in last position, which becomes the stack trace (an extra last argument whose"
            + " type cannot be told without a classpath is given the benefit of the doubt)."
            + " logstash structured arguments"
            + " (`kv(...)`) may go without a placeholder. Checked when the format is a constant.",
    bad = """
        log.warn("retrying {} after {} ms", name);
        """,
    good = """
        log.warn("retrying {} after {} ms", name, delayMs);
        """)
public final class PlaceholderCountRule extends JavaRule<MethodCallExpr> {
  public PlaceholderCountRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().event(call).filter(LogEvent::usesBracePlaceholders).ifPresent(e -> check(e, ctx));
  }

  private static void check(LogEvent event, JavaContext ctx) {
    if (event.message().isEmpty()) {
      return;
    }
    Expression message = event.message().get();
    String format = ctx.logging().constantString(message).orElse(null);
    if (format == null) {
      return;
    }
    List<Expression> args = event.arguments();
    if (args.size() == 1 && isArray(args.get(0), ctx)) {
      return; // an Object[] spread into the varargs: its length is unknown here
    }
    int structured = 0;
    for (Expression a : args) {
      if (a instanceof MethodCallExpr m && ctx.logging().keyValue(m).isPresent()) {
        structured++;
      }
    }
    int plain = args.size() - structured;
    Expression last = args.isEmpty() ? null : args.get(args.size() - 1);
    boolean trailingThrowable = last != null && ctx.logging().mayBeThrowable(last);
    int placeholders = placeholders(format);
    int min = plain - (trailingThrowable ? 1 : 0);
    int max = plain + structured;
    if (placeholders < min || placeholders > max) {
      ctx.report(message, "format has " + placeholders + " placeholder"
          + (placeholders == 1 ? "" : "s") + " but " + args.size() + " argument"
          + (args.size() == 1 ? "" : "s")
          + (last != null && ctx.logging().isThrowable(last) ? " (the last a throwable)" : ""));
    }
  }

  private static boolean isArray(Expression e, JavaContext ctx) {
    return e instanceof NameExpr n
        && ctx.logging().declaredType(n).filter(t -> t.endsWith("[]")).isPresent();
  }

  /** Counts {@code {}} as SLF4J does: {@code \{}} is escaped, {@code \\{}} is a placeholder. */
  static int placeholders(String format) {
    return placeholderPositions(format).length;
  }

  /**
   * Where each {@code {}} that SLF4J fills starts in {@code format}, in order, as {@link
   * #placeholders} counts them.
   */
  static int[] placeholderPositions(String format) {
    int[] at = new int[4];
    int count = 0;
    for (int i = 0; i + 1 < format.length(); i++) {
      if (format.charAt(i) == '{' && format.charAt(i + 1) == '}') {
        boolean escaped = i > 0 && format.charAt(i - 1) == '\\'
            && !(i > 1 && format.charAt(i - 2) == '\\');
        if (!escaped) {
          if (count == at.length) {
            at = Arrays.copyOf(at, 2 * count);
          }
          at[count++] = i;
        }
        i++;
      }
    }
    return Arrays.copyOf(at, count);
  }
}
