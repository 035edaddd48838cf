package io.logconv.lint.source;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;

/**
 * A logging statement written with one of logconv's typed builders, as its steps: sdk-core's
 * {@code AuditEvent.of(Action.UPDATE).actor(name).resource(ns, kind, n).request(() -> body)
 * .log("msg")} or {@code ConventionsEvent.on(log.atInfo()).audit(Action.ADD).controllerKind(k)
 * .log("msg")}. The steps are named after the fields they write; the rules ask for them by {@link
 * io.logconv.schema.Conventions} names where there is one.
 *
 * <pre>{@code
 * event.typed().ifPresent(t -> t.last("resource").map(r -> r.getArgument(1))); // the kind
 * }</pre>
 *
 * @param builder which builder
 * @param factory the call that starts the chain ({@code AuditEvent.of(...)}, {@code
 *     ConventionsEvent.on(...)})
 * @param steps the calls between the factory and the terminal {@code log(...)}, in call order
 */
public record TypedEvent(Builder builder, MethodCallExpr factory, List<MethodCallExpr> steps) {
  /** The typed builders of sdk-core. */
  public enum Builder {
    /** {@code io.logconv.core.api.AuditEvent}: always an audit event. */
    AUDIT_EVENT,
    /** {@code io.logconv.core.api.ConventionsEvent}: an audit event after {@code audit(Action)}. */
    CONVENTIONS_EVENT
  }

  /** The steps named {@code name}, in call order. */
  public List<MethodCallExpr> steps(String name) {
    return steps.stream().filter(s -> s.getNameAsString().equals(name)).toList();
  }

  /** The last step named {@code name} (the one that counts when a setter is called twice). */
  public Optional<MethodCallExpr> last(String name) {
    List<MethodCallExpr> all = steps(name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * The action expression of the event: {@code AuditEvent.of(action)}, {@code AuditEvent.on(b,
   * action)}, or a {@code ConventionsEvent}'s {@code audit(action)} or {@code action(action)}.
   */
  public Optional<Expression> action(String auditStep, String actionStep) {
    if (builder == Builder.AUDIT_EVENT) {
      List<Expression> args = factory.getArguments();
      return args.isEmpty() ? Optional.empty() : Optional.of(args.get(args.size() - 1));
    }
    return last(auditStep).or(() -> last(actionStep)).flatMap(s -> s.getArguments().getFirst());
  }
}
