package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.core.audit.AuditPayload;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.RuleInfo;
import io.logconv.lint.source.TypedEvent;
import io.logconv.schema.Conventions;

/** LC016: a payload given to an audit event on a Secret or ConfigMap. */
@RuleInfo(
    id = "LC016",
    name = "audit-secret-payload",
    severity = Severity.ERROR,
    summary = "Audit event on a Secret or ConfigMap given a request or response payload",
    rationale =
        "The data of a Secret or ConfigMap are passwords, keys and configuration. Their payloads"
            + " are never written, at any audit level: logconv's writer puts an omission marker"
            + " (`[OMITTED:Secret]`) in their place and never calls the supplier. Code that hands"
            + " such a payload to an audit event still computes it for the log, and any other"
            + " encoder or appender that gets the pair writes it. Reported: an audit event whose"
            + " kind is `Secret` or `ConfigMap` (any case, also plural, as a literal or a constant"
            + " such as `Conventions.Kinds.SECRET`) given in `AuditEvent`'s or"
            + " `ConventionsEvent`'s `resource(ns, kind, name)`, `controllerKind(kind)` or a"
            + " `controllerKind` pair, and a payload in `AuditEvent`'s `request(...)` or"
            + " `response(...)` or a `requestObject`/`responseObject` pair. Leave the payload out.",
    bad = """
        AuditEvent.of(Action.UPDATE).resource(ns, "Secret", name).request(() -> secret).log("rotated");
        """,
    good = """
        AuditEvent.of(Action.UPDATE).resource(ns, "Secret", name).log("rotated");
        """)
public final class AuditSecretPayloadRule extends JavaRule<MethodCallExpr> {
  public AuditSecretPayloadRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().event(call).ifPresent(e -> check(e, ctx));
  }

  private static void check(LogEvent e, JavaContext ctx) {
    if (!AuditEvents.isAudit(e, ctx.logging())) {
      return;
    }
    String kind = AuditEvents.payloadFreeKind(e, ctx.logging());
    if (kind == null) {
      return;
    }
    e.typed().filter(t -> t.builder() == TypedEvent.Builder.AUDIT_EVENT).ifPresent(t -> {
      for (MethodCallExpr step : t.steps()) {
        String name = step.getNameAsString();
        if (name.equals(AuditEvents.REQUEST) || name.equals(AuditEvents.RESPONSE)) {
          ctx.report(step.getArguments().isEmpty() ? step : step.getArgument(0), message(name + "()", kind));
        }
      }
    });
    for (KeyValue kv : e.keyValues()) {
      ctx.logging().constantString(kv.key())
          .filter(Conventions.PAYLOAD_FIELDS::contains)
          .ifPresent(key -> ctx.report(kv.key(), message("'" + key + "'", kind)));
    }
  }

  private static String message(String where, String kind) {
    return "payload of a " + kind + " given in " + where + ": payloads of "
        + String.join(" and ", Conventions.PAYLOAD_FREE_KINDS) + " are never written (the SDK writes "
        + AuditPayload.omittedFor(kind) + "); leave it out";
  }
}
