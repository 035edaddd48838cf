package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.logconv.core.redact.KeyRules;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.RuleInfo;
import io.logconv.lint.source.TypedEvent;
import io.logconv.schema.Conventions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** LC017: who acted, written in clear on an audit event instead of through {@code actor()}. */
@RuleInfo(
    id = "LC017",
    name = "audit-actor-in-clear",
    severity = Severity.ERROR,
    summary = "Audit event names who acted in its message or a pair instead of `actor()`",
    rationale =
        "An audit event says who acted in `actor`, which the SDK writes as the keyed hash of the"
            + " user or service account: one actor correlates across events without being named."
            + " The same name in the message, or under a key of its own, is personal data on every"
            + " audit line, and no pseudonym. Reported on an audit event (`AuditEvent`, a"
            + " `ConventionsEvent` with `audit(...)`, or pairs with `audit` true): a message"
            + " argument or concatenated operand whose variable, field or getter name sdk-core's"
            + " personal-data key rules cover (`user`, `userName`, `getUsername()`, `user.getId()`"
            + " as `userId`) or that ends in `actor` or `principal` (`principal.getName()`"
            + " included); and a personal-data key given to `AuditEvent.kv(...)`.",
    bad = """
        AuditEvent.of(Action.DELETE).resource(ns, "Deployment", name).log("deleted by {}", user);
        """,
    good = """
        AuditEvent.of(Action.DELETE).actor(user).resource(ns, "Deployment", name).log("deleted");
        """)
public final class AuditActorInClearRule extends JavaRule<MethodCallExpr> {
  private static final String GET = "get";
  /** Name endings that say who acted: the field's own name, and Java's {@code Principal}. */
  private static final List<String> ACTOR_ENDINGS = List.of(Conventions.ACTOR, "principal");
  /** Getters whose value is the object's own identity: {@code user.getName()} is the user's. */
  private static final List<String> IDENTITY_GETTERS = List.of("Name", "Id");

  public AuditActorInClearRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().event(call)
        .filter(e -> AuditEvents.isAudit(e, ctx.logging()))
        .ifPresent(e -> check(e, ctx));
  }

  private static void check(LogEvent e, JavaContext ctx) {
    e.message().ifPresent(m -> {
      List<Expression> operands = new ArrayList<>();
      concatenated(m, operands);
      if (operands.size() > 1) {
        for (Expression o : operands) {
          judge(o, "concatenated into the message", ctx);
        }
      }
    });
    for (Expression a : e.arguments()) {
      if (!(a instanceof MethodCallExpr m && ctx.logging().keyValue(m).isPresent())) {
        judge(a, "a message argument", ctx);
      }
    }
    if (e.typed().filter(t -> t.builder() == TypedEvent.Builder.AUDIT_EVENT).isPresent()) {
      for (KeyValue kv : e.keyValues()) {
        ctx.logging().constantString(kv.key())
            .filter(k -> SdkRedaction.classify(k) == KeyRules.Kind.PII)
            .ifPresent(k -> ctx.report(kv.key(), "key '" + k + "' names who acted on an audit event;"
                + " write who acted with actor(), which hashes it"));
      }
    }
  }

  private static void judge(Expression e, String where, JavaContext ctx) {
    String name = actorName(e);
    if (name != null) {
      ctx.report(e, "'" + name + "' names who acted and is " + where + " of an audit event in clear;"
          + " write who acted with actor(), which hashes it");
    }
  }

  private static void concatenated(Expression e, List<Expression> out) {
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      concatenated(b.getLeft(), out);
      concatenated(b.getRight(), out);
    } else if (e instanceof EnclosedExpr x) {
      concatenated(x.getInner(), out);
    } else {
      out.add(e);
    }
  }

  /** The name under which {@code e} evidently holds who acted, or null. */
  static String actorName(Expression e) {
    if (e instanceof EnclosedExpr x) {
      return actorName(x.getInner());
    }
    if (e instanceof CastExpr x) {
      return actorName(x.getExpression());
    }
    if (e instanceof NameExpr n) {
      return actorLike(n.getNameAsString()) ? n.getNameAsString() : null;
    }
    if (e instanceof FieldAccessExpr f) {
      return actorLike(f.getNameAsString()) ? f.getNameAsString() : null;
    }
    if (e instanceof MethodCallExpr m && m.getArguments().isEmpty()) {
      String getter = property(m.getNameAsString());
      if (actorLike(getter)) {
        return m.getNameAsString() + "()";
      }
      String owner = m.getScope().map(AuditActorInClearRule::ownerName).orElse(null);
      if (owner != null && IDENTITY_GETTERS.stream().anyMatch(getter::equalsIgnoreCase)) {
        String combined = owner + Character.toUpperCase(getter.charAt(0)) + getter.substring(1);
        if (actorLike(owner) || actorLike(combined)) {
          return m.getScope().get() + "." + m.getNameAsString() + "()";
        }
      }
    }
    return null;
  }

  /** The simple name of a getter's receiver: a variable, a field, or another getter's property. */
  private static String ownerName(Expression scope) {
    if (scope instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (scope instanceof FieldAccessExpr f) {
      return f.getNameAsString();
    }
    if (scope instanceof MethodCallExpr m && m.getArguments().isEmpty()) {
      return property(m.getNameAsString());
    }
    return null;
  }

  /** {@code getUserName} -> {@code userName}; other names as they are. */
  private static String property(String method) {
    if (method.length() > GET.length() && method.startsWith(GET)
        && Character.isUpperCase(method.charAt(GET.length()))) {
      return Character.toLowerCase(method.charAt(GET.length())) + method.substring(GET.length() + 1);
    }
    return method;
  }

  private static boolean actorLike(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String end : ACTOR_ENDINGS) {
      if (lower.endsWith(end)) {
        return true;
      }
    }
    return SdkRedaction.classify(name) == KeyRules.Kind.PII;
  }
}
