package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.fix.ExceptionFixes;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.LoggingModel;
import io.logconv.lint.source.RuleInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** LC010: the exception is not passed where the logger takes it, or only its message is. */
@RuleInfo(
    id = "LC010",
    name = "throwable-argument",
    severity = Severity.WARNING,
    summary = "Throwable not the last argument, or only e.getMessage() logged",
    rationale =
        "SLF4J and Log4j2 treat a throwable as the event's exception only when it is the last"
            + " argument; anywhere else it is formatted with `toString()` and the stack trace"
            + " (`stacktrace` and `error` on the line) is lost. Logging only `e.getMessage()`,"
            + " `e.toString()`, `String.valueOf(e)` or `\"...\" + e` loses the type, the stack and"
            + " every cause: reported wherever the linter can tell the value is a throwable (a"
            + " catch parameter, a parameter, local, field or lambda parameter declared with a"
            + " throwable type, one declared in the tree or the JDK, a `getCause()`), in or out of"
            + " a catch block.",
    bad = """
        catch (IOException e) { log.error("fetch of {} failed: {}", url, e.getMessage()); }
        """,
    good = """
        catch (IOException e) { log.error("fetch of {} failed", url, e); }
        """,
    fix = "Where only e.getMessage() (or getLocalizedMessage(), toString()) of an evident"
        + " throwable fills the last placeholder or ends the concatenation, passes the exception"
        + " itself as the last argument and drops the placeholder and its separator.")
public final class ThrowableArgumentRule extends JavaRule<MethodCallExpr> {
  private static final Set<String> MESSAGE_ONLY = Set.of("getMessage", "getLocalizedMessage", "toString");

  public ThrowableArgumentRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().event(call).ifPresent(e -> check(e, ctx));
  }

  private static void check(LogEvent event, JavaContext ctx) {
    List<Expression> args = event.arguments();
    if (event.api() != LoggingModel.Api.JUL) {
      for (int i = 0; i < args.size() - 1; i++) {
        if (ctx.logging().isThrowable(args.get(i))) {
          ctx.report(args.get(i), "throwable '" + args.get(i)
              + "' is not the last argument, so its stack trace is lost");
        }
      }
    }
    List<Expression> logged = new ArrayList<>(args);
    event.message().ifPresent(logged::add);
    event.cause().ifPresent(logged::add);
    for (KeyValue kv : event.keyValues()) {
      logged.add(kv.value());
    }
    Set<String> passed = new HashSet<>();
    for (Expression e : logged) {
      if (ctx.logging().isThrowable(e)) {
        passed.add(e.toString());
      }
    }
    Optional<Reduced> reduced = Optional.empty();
    for (Expression e : logged) {
      reduced = reduced.or(() -> reducedThrowable(e, passed, ctx));
    }
    reduced.ifPresent(r -> ctx.report(event.call(), "only " + r.text()
        + " is logged; pass the exception itself as the last argument to keep its stack trace",
        r.thrown() == null ? null
            : ExceptionFixes.exceptionLast(event, r.getter(), r.thrown(), ctx).orElse(null)));
  }

  /** A throwable reduced to text; {@code getter} and {@code thrown} for {@code e.getMessage()}. */
  private record Reduced(String text, MethodCallExpr getter, NameExpr thrown) {}

  /**
   * The first place in {@code e} where a throwable that is not itself logged is reduced to text:
   * {@code t.getMessage()}, {@code t.toString()}, {@code String.valueOf(t)} or {@code "..." + t}.
   */
  private static Optional<Reduced> reducedThrowable(Expression e, Set<String> passed, JavaContext ctx) {
    for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
      if (m.getArguments().isEmpty() && MESSAGE_ONLY.contains(m.getNameAsString())
          && m.getScope().isPresent() && ctx.logging().isThrowable(m.getScope().get())
          && !passed.contains(m.getScope().get().toString())) {
        String text = m.getScope().get() + "." + m.getNameAsString() + "()";
        return Optional.of(new Reduced(text, m,
            m.getScope().get() instanceof NameExpr n ? n : null));
      }
      if (m.getNameAsString().equals("valueOf") && m.getArguments().size() == 1
          && m.getScope().filter(s -> s.toString().equals("String")).isPresent()
          && ctx.logging().isThrowable(m.getArgument(0))
          && !passed.contains(m.getArgument(0).toString())) {
        return Optional.of(new Reduced("String.valueOf(" + m.getArgument(0) + ")", null, null));
      }
    }
    for (BinaryExpr b : e.findAll(BinaryExpr.class)) {
      if (b.getOperator() != BinaryExpr.Operator.PLUS) {
        continue;
      }
      for (Expression operand : List.of(b.getLeft(), b.getRight())) {
        if ((operand.isNameExpr() || operand.isFieldAccessExpr())
            && ctx.logging().isThrowable(operand) && !passed.contains(operand.toString())) {
          return Optional.of(new Reduced("the string of " + operand, null, null));
        }
      }
    }
    return Optional.empty();
  }
}
