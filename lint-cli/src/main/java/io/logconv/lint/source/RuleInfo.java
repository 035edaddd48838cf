package io.logconv.lint.source;

import io.logconv.lint.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a source rule, declared on the rule's class so that docs, SARIF rule entries,
 * {@code logconv rules} and suppression keys are all derived from one place and cannot drift. The
 * engine turns it into an {@link io.logconv.lint.RuleDescriptor}.
 *
 * <pre>{@code
 * @RuleInfo(id = "LC011", name = "system-out", severity = Severity.WARNING,
 *     summary = "Printing to System.out/System.err or printStackTrace()",
 *     rationale = "...", bad = "System.out.println(x);", good = "log.info(\"x\");")
 * public final class SystemOutRule extends JavaRule<MethodCallExpr> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Stable id, {@code LCnnn}; never reused for another meaning. */
  String id();

  /** Short kebab-case name, also accepted as a suppression key ({@code logconv:<name>}). */
  String name();

  /** Severity when the user does not override it. */
  Severity severity();

  /** One line saying what is reported. */
  String summary();

  /** Why it matters, a short paragraph. */
  String rationale();

  /** Code that is reported. */
  String bad();

  /** The same code, fixed. */
  String good();

  /**
   * What the rule's automatic fix changes, one sentence, or {@code ""} (the default) when its
   * findings carry no fix.
   */
  String fix() default "";
}
