package io.logconv.lint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.CatchClause;
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
            + " (`stacktrace` and `error` on the line) is lost. Logging only `e.getMessage()`"
            + " from a catch block loses the type, the stack and every cause.",
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
    Set<String> caught = caughtNames(event.call());
    if (caught.isEmpty()) {
      return;
    }
    List<Expression> logged = new ArrayList<>(args);
    event.message().ifPresent(logged::add);
    event.cause().ifPresent(logged::add);
    for (KeyValue kv : event.keyValues()) {
      logged.add(kv.value());
    }
    Set<String> passed = new HashSet<>();
    Optional<String> messageOnly = Optional.empty();
    MethodCallExpr getter = null;
    NameExpr thrown = null;
    for (Expression e : logged) {
      if (e instanceof NameExpr n && caught.contains(n.getNameAsString())) {
        passed.add(n.getNameAsString());
      }
      for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
        if (MESSAGE_ONLY.contains(m.getNameAsString()) && m.getArguments().isEmpty()
            && m.getScope().orElse(null) instanceof NameExpr s
            && caught.contains(s.getNameAsString()) && messageOnly.isEmpty()) {
          messageOnly = Optional.of(s.getNameAsString() + "." + m.getNameAsString() + "()");
          getter = m;
          thrown = s;
        }
      }
    }
    if (messageOnly.isPresent()
        && !passed.contains(messageOnly.get().substring(0, messageOnly.get().indexOf('.')))) {
      ctx.report(event.call(), "only " + messageOnly.get()
          + " is logged; pass the exception itself as the last argument to keep its stack trace",
          ExceptionFixes.exceptionLast(event, getter, thrown, ctx).orElse(null));
    }
  }

  private static Set<String> caughtNames(Node node) {
    Set<String> names = new HashSet<>();
    for (Optional<Node> n = node.getParentNode(); n.isPresent(); n = n.get().getParentNode()) {
      if (n.get() instanceof CatchClause c) {
        names.add(c.getParameter().getNameAsString());
      }
    }
    return names;
  }
}
