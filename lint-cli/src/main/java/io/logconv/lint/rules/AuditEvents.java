package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.LoggingModel;
import io.logconv.lint.source.TypedEvent;
import io.logconv.schema.Conventions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the audit rules read of one logging statement, whichever way it is written: sdk-core's
 * {@code AuditEvent} chain (always an audit event), a {@code ConventionsEvent} chain with {@code
 * audit(Action)}, or fluent pairs with {@code audit} given anything but the literal {@code false}.
 *
 * <pre>{@code
 * AuditEvents.isAudit(event, model);          // true for AuditEvent.of(Action.VIEW)...log("m")
 * AuditEvents.payloadFreeKind(event, model);  // "Secret" for .resource(ns, "secrets", n)
 * }</pre>
 */
final class AuditEvents {
  /** The typed builders' step that names the resource: {@code resource(namespace, kind, name)}. */
  static final String RESOURCE = "resource";

  /** {@code AuditEvent}'s payload steps. */
  static final String REQUEST = "request";

  static final String RESPONSE = "response";

  private AuditEvents() {}

  /** True if {@code e} is evidently an audit event. */
  static boolean isAudit(LogEvent e, LoggingModel model) {
    Optional<TypedEvent> typed = e.typed();
    if (typed.isPresent()) {
      TypedEvent t = typed.get();
      if (t.builder() == TypedEvent.Builder.AUDIT_EVENT || !t.steps(Conventions.AUDIT).isEmpty()) {
        return true;
      }
    }
    for (KeyValue kv : e.keyValues()) {
      if (model.constantString(kv.key()).filter(Conventions.AUDIT::equals).isPresent()
          && !(kv.value() instanceof BooleanLiteralExpr b && !b.getValue())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The payload-free kind ({@link Conventions#PAYLOAD_FREE_KINDS}) the event's resource evidently
   * is, as the contract spells it ({@code secrets} gives {@code Secret}), or null: from a typed
   * builder's {@code resource(ns, kind, name)} or {@code controllerKind(kind)}, or a {@code
   * controllerKind} pair, given a literal or a constant.
   */
  static String payloadFreeKind(LogEvent e, LoggingModel model) {
    List<Expression> kinds = new ArrayList<>();
    e.typed().ifPresent(t -> {
      for (MethodCallExpr r : t.steps(RESOURCE)) {
        if (r.getArguments().size() == 3) {
          kinds.add(r.getArgument(1));
        }
      }
      for (MethodCallExpr k : t.steps(Conventions.CONTROLLER_KIND)) {
        k.getArguments().getFirst().ifPresent(kinds::add);
      }
    });
    for (KeyValue kv : e.keyValues()) {
      if (model.constantString(kv.key()).filter(Conventions.CONTROLLER_KIND::equals).isPresent()) {
        kinds.add(kv.value());
      }
    }
    for (Expression k : kinds) {
      String kind = Conventions.payloadFreeKind(model.constantString(k).orElse(null));
      if (kind != null) {
        return kind;
      }
    }
    return null;
  }
}
