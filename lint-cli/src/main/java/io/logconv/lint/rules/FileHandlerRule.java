package io.logconv.lint.rules;

import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.RuleInfo;

/** LC012: java.util.logging writing to a file inside the container. */
@RuleInfo(
    id = "LC012",
    name = "jul-file-handler",
    severity = Severity.ERROR,
    summary = "java.util.logging FileHandler writes logs to a file",
    rationale =
        "In a container only stdout and stderr reach the node's log files and the collector. A"
            + " log file inside the container is lost with the pod, fills its writable layer and"
            + " is never shipped. Log to the console with the conventions encoder.",
    bad = """
        Logger.getLogger("app").addHandler(new FileHandler("/var/log/app.log"));
        """,
    good = """
        // route java.util.logging to SLF4J (jul-to-slf4j) and log to stdout
        SLF4JBridgeHandler.install();
        """)
public final class FileHandlerRule extends JavaRule<ObjectCreationExpr> {
  private static final String FILE_HANDLER = "java.util.logging.FileHandler";

  public FileHandlerRule() {
    super(ObjectCreationExpr.class);
  }

  @Override
  protected void check(ObjectCreationExpr node, JavaContext ctx) {
    if (FILE_HANDLER.equals(ctx.logging().resolveType(node.getType()))) {
      ctx.report(node, "java.util.logging FileHandler writes logs to a file inside the container;"
          + " log to stdout");
    }
  }
}
