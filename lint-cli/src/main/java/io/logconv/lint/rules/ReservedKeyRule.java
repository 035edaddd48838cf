package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.fix.KeyValueFixes;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.RuleInfo;
import io.logconv.schema.Conventions;

/** LC001: a collector-reserved key (or, as a warning, a key the pipeline reads) used as a key. */
@RuleInfo(
    id = "LC001",
    name = "reserved-key",
    severity = Severity.ERROR,
    summary = "Collector-reserved key written by the application",
    rationale =
        "fluentd and Fluent Bit add the contract's collector-reserved keys"
            + " (`io.logconv.schema.Conventions.RESERVED_KEYS`) to every record; an application"
            + " that writes one collides with the collector and one of the values is lost. Keys the"
            + " pipeline itself adds or reads (`Conventions.PIPELINE_KEYS`) are reported as"
            + " warnings. Checked for fluent `addKeyValue`, `MDC.put`, `ThreadContext.put`,"
            + " logstash `kv(...)` and `Markers.append`.",
    bad = """
        log.atInfo().addKeyValue("pod_name", pod.getMetadata().getName()).log("reconciled");
        """,
    good = """
        log.atInfo().addKeyValue("name", pod.getMetadata().getName()).log("reconciled");
        """,
    fix = "Renames a literal key to the `app_` key the SDK writes it under"
        + " (`KeyPolicy.effectiveKey`), so the line does not change.")
public final class ReservedKeyRule extends JavaRule<MethodCallExpr> {
  public ReservedKeyRule() {
    super(MethodCallExpr.class);
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    ctx.logging().keyValue(call).ifPresent(kv -> check(kv, ctx));
  }

  private static void check(KeyValue kv, JavaContext ctx) {
    ctx.logging().constantString(kv.key()).ifPresent(key -> {
      if (Conventions.isReservedKey(key)) {
        ctx.report(kv.key(), "collector-reserved key '" + key
            + "': the log collector adds it to every record; choose another key",
            KeyValueFixes.renameKey(kv, ctx).orElse(null));
      } else if (Conventions.isPipelineKey(key)) {
        ctx.report(kv.key(), Severity.WARNING, "key '" + key
            + "' is added or read by the log pipeline; choose another key",
            KeyValueFixes.renameKey(kv, ctx).orElse(null));
      }
    });
  }
}
