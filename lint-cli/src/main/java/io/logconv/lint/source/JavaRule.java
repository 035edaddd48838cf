package io.logconv.lint.source;

import com.github.javaparser.ast.Node;
import io.logconv.lint.RuleDescriptor;

/**
 * Base class of a rule over Java source. The rule names the one node kind it looks at; the engine
 * parses each file once, walks the tree once and hands every node of that kind to {@link #check},
 * together with the file's {@link JavaContext} (what a logging call is, constants, reporting).
 * Whether a finding counts (annotations, baseline) is decided by the engine, not the rule.
 *
 * <pre>{@code
 * @RuleInfo(id = "LC012", ...)
 * public final class FileHandlerRule extends JavaRule<ObjectCreationExpr> {
 *   public FileHandlerRule() { super(ObjectCreationExpr.class); }
 *   @Override protected void check(ObjectCreationExpr node, JavaContext ctx) {
 *     if ("java.util.logging.FileHandler".equals(ctx.logging().resolveType(node.getType()))) {
 *       ctx.report(node, "java.util.logging FileHandler writes to a file");
 *     }
 *   }
 * }
 * }</pre>
 *
 * @param <N> the node kind
 */
public abstract class JavaRule<N extends Node> implements LintRule {
  private final Class<N> kind;
  private final RuleDescriptor descriptor;

  protected JavaRule(Class<N> kind) {
    this.kind = kind;
    this.descriptor = LintRule.describe(getClass());
  }

  @Override
  public final RuleDescriptor descriptor() {
    return descriptor;
  }

  /** The node kind this rule subscribes to. */
  public final Class<N> kind() {
    return kind;
  }

  /** Looks at one node of the subscribed kind and reports through {@code ctx}. */
  protected abstract void check(N node, JavaContext ctx);

  final void dispatch(Node node, JavaContext ctx) {
    ctx.enter(this);
    check(kind.cast(node), ctx);
  }
}
