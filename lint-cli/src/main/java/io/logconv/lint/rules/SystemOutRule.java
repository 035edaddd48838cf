package io.logconv.lint.rules;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** LC011: printing to the console around the logger. */
@RuleInfo(
    id = "LC011",
    name = "system-out",
    severity = Severity.WARNING,
    summary = "System.out/System.err or IO.println printing, or printStackTrace()",
    rationale =
        "Lines printed around the logger are not JSON: the collector ships them as unparsed"
            + " text, without level, logger or trace id, and a stack trace becomes one record per"
            + " line. Log through the logger (pass the exception as the last argument). Java 25's"
            + " `IO.println`/`IO.print` count as console printing. A command-line tool prints by"
            + " design: in a class that declares a `main` method (also a compact source file's"
            + " `void main()`), and in examples (a path segment `example`, `examples` or"
            + " `samples`, or a package ending in `.example` or `.examples`), the finding is a"
            + " note. In test sources (the test profile) the rule is off.",
    bad = """
        catch (IOException e) { e.printStackTrace(); System.err.println("failed"); }
        """,
    good = """
        catch (IOException e) { log.error("failed", e); }
        """)
public final class SystemOutRule extends JavaRule<MethodCallExpr> {
  public SystemOutRule() {
    super(MethodCallExpr.class);
  }

  private static final Set<String> IO_PRINTING = Set.of("println", "print");
  private static final Set<String> EXAMPLE_SEGMENTS = Set.of("example", "examples", "samples");

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    Expression scope = call.getScope().orElse(null);
    String message = null;
    if (isSystemStream(scope)) {
      message = scope + "." + call.getNameAsString() + "() writes unstructured text; use a logger";
    } else if (IO_PRINTING.contains(call.getNameAsString()) && isJavaLangIo(scope, ctx)) {
      message = scope + "." + call.getNameAsString() + "() writes unstructured text to the"
          + " console; use a logger";
    } else if (call.getNameAsString().equals("printStackTrace")
        && scope != null
        && (call.getArguments().isEmpty()
            || (call.getArguments().size() == 1 && isSystemStream(call.getArgument(0))))) {
      message = "printStackTrace() writes an unstructured stack trace; log the exception"
          + " as the last argument instead";
    }
    if (message == null) {
      return;
    }
    if (inMainClass(call)) {
      ctx.report(call, Severity.NOTE, message + " (a note: this class has a main method, and"
          + " command-line tools print by design)");
    } else if (isExample(ctx)) {
      ctx.report(call, Severity.NOTE, message + " (a note: example code)");
    } else {
      ctx.report(call, message);
    }
  }

  /** {@code IO} or {@code java.lang.IO} (Java 25), unless the file imports or declares its own. */
  private static boolean isJavaLangIo(Expression scope, JavaContext ctx) {
    if (scope instanceof FieldAccessExpr f) {
      return f.toString().equals("java.lang.IO");
    }
    if (!(scope instanceof NameExpr n) || !n.getNameAsString().equals("IO")) {
      return false;
    }
    for (ImportDeclaration i : ctx.unit().getImports()) {
      if (!i.isAsterisk() && !i.isStatic() && i.getName().getIdentifier().equals("IO")) {
        return false;
      }
    }
    return ctx.unit().findFirst(TypeDeclaration.class, t -> t.getNameAsString().equals("IO"))
        .isEmpty();
  }

  /** Whether a type enclosing {@code node} declares a launchable {@code main} method. */
  private static boolean inMainClass(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        for (MethodDeclaration m : t.getMethodsByName("main")) {
          if (isLaunchable(m)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * {@code static void main(String[])}, or (Java 25, also in a compact source file) an instance
   * {@code void main()} or {@code void main(String[])}.
   */
  private static boolean isLaunchable(MethodDeclaration m) {
    if (!m.getType().isVoidType() || m.getParameters().size() > 1) {
      return false;
    }
    if (m.getParameters().isEmpty()) {
      return true;
    }
    Parameter p = m.getParameter(0);
    String type = p.getType().asString();
    return type.equals("String[]") || type.equals("java.lang.String[]")
        || (p.isVarArgs() && (type.equals("String") || type.equals("java.lang.String")));
  }

  /**
   * A path segment {@code example}, {@code examples} or {@code samples} outside the package's own
   * directories ({@code com/example/} is a placeholder package, not an example), or a package
   * ending in {@code .example} or {@code .examples}.
   */
  private static boolean isExample(JavaContext ctx) {
    String pkg = ctx.unit().getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    if (pkg.endsWith(".example") || pkg.endsWith(".examples")
        || pkg.equals("example") || pkg.equals("examples")) {
      return true;
    }
    List<String> dirs = new ArrayList<>(List.of(ctx.file().replace('\\', '/').split("/", -1)));
    dirs.remove(dirs.size() - 1); // the file name
    List<String> packageDirs = pkg.isEmpty() ? List.of() : List.of(pkg.split("\\.", -1));
    if (dirs.size() >= packageDirs.size()
        && dirs.subList(dirs.size() - packageDirs.size(), dirs.size()).equals(packageDirs)) {
      dirs = dirs.subList(0, dirs.size() - packageDirs.size());
    }
    for (String segment : dirs) {
      if (EXAMPLE_SEGMENTS.contains(segment.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSystemStream(Expression e) {
    if (e instanceof FieldAccessExpr f
        && (f.getNameAsString().equals("out") || f.getNameAsString().equals("err"))) {
      String owner = f.getScope().toString();
      return owner.equals("System") || owner.equals("java.lang.System");
    }
    return false;
  }
}
