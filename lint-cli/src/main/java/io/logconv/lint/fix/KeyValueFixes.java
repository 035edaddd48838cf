package io.logconv.lint.fix;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import io.logconv.core.KeyPolicy;
import io.logconv.core.StatusListener;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.KeyValue;
import io.logconv.schema.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites of one key/value pair: a reserved key renamed the way the SDK renames it ({@code LC001}),
 * the string {@code "true"} given to {@code audit} made the boolean ({@code LC004}), and an action
 * string made an {@link Action} constant with its import ({@code LC003}). Only string literals are
 * rewritten: a constant may be used elsewhere, where the change would be wrong.
 *
 * <pre>{@code
 * MDC.put("pod_name", pod);                    // -> MDC.put("app_pod_name", pod);
 * .addKeyValue("audit", "true")                // -> .addKeyValue("audit", true)
 * .addKeyValue("action", "MODIFY")             // -> .addKeyValue("action", Action.UPDATE)
 * }</pre>
 */
public final class KeyValueFixes {
  private static final String ACTION_TYPE = Action.class.getName();
  private static final Pattern ACTION_NAME = Pattern.compile("\\b" + Action.class.getSimpleName() + "\\b");
  /** The SDK's own key repair: what the line would carry for the key anyway. */
  private static final KeyPolicy KEYS = new KeyPolicy(false, StatusListener.IGNORE);

  private KeyValueFixes() {}

  /** {@code LC001}: the literal key replaced by the key the SDK would write it under. */
  public static Optional<Fix> renameKey(KeyValue kv, JavaContext ctx) {
    if (!(kv.key() instanceof StringLiteralExpr s) || kv.key() instanceof TextBlockLiteralExpr) {
      return Optional.empty();
    }
    String key = s.asString();
    String renamed = KEYS.effectiveKey(key);
    if (renamed.equals(key)) {
      return Optional.empty();
    }
    return ctx.source().replace(kv.key(), "\"" + renamed + "\"")
        .map(r -> new Fix("Rename the key to '" + renamed + "', as the SDK would", List.of(r)));
  }

  /**
   * {@code LC004}: the literal {@code "true"} replaced by {@code true}, where the API takes an
   * object (not {@code MDC.put}, whose values are strings).
   */
  public static Optional<Fix> booleanTrue(KeyValue kv, JavaContext ctx) {
    if (kv.kind() == KeyValue.Kind.MDC || !(kv.value() instanceof StringLiteralExpr s)
        || kv.value() instanceof TextBlockLiteralExpr
        || !s.asString().strip().equalsIgnoreCase("true")) {
      return Optional.empty();
    }
    return ctx.source().replace(kv.value(), "true")
        .map(r -> new Fix("Pass the boolean true", List.of(r)));
  }

  /**
   * {@code LC003}: the literal action replaced by the {@link Action} constant it means ({@code
   * .name()} of it for {@code MDC.put}, which takes strings), the import added unless present or
   * the simple name is taken. Only when the schema is on the classpath.
   */
  public static Optional<Fix> actionConstant(KeyValue kv, JavaContext ctx) {
    Expression value = kv.value();
    if (!ctx.schemaOnClasspath() || !(value instanceof StringLiteralExpr s)
        || value instanceof TextBlockLiteralExpr) {
      return Optional.empty();
    }
    Optional<Action> action = ActionNames.of(s.asString());
    if (action.isEmpty()) {
      return Optional.empty();
    }
    List<Replacement> rs = new ArrayList<>();
    String type = typeName(ctx, rs);
    String code = type + "." + action.get().name() + (kv.kind() == KeyValue.Kind.MDC ? ".name()" : "");
    Optional<Replacement> r = ctx.source().replace(value, code);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    rs.add(0, r.get());
    return Optional.of(new Fix("Use " + Action.class.getSimpleName() + "." + action.get().name()
        + (rs.size() > 1 ? " and import " + ACTION_TYPE : ""), rs));
  }

  /** How the file can name {@link Action}; adds the import to {@code rs} when one is needed. */
  private static String typeName(JavaContext ctx, List<Replacement> rs) {
    List<ImportDeclaration> imports = ctx.unit().getImports();
    String pkg = Action.class.getPackageName();
    for (ImportDeclaration i : imports) {
      if (!i.isStatic() && ((i.isAsterisk() && i.getNameAsString().equals(pkg))
          || (!i.isAsterisk() && i.getNameAsString().equals(ACTION_TYPE)))) {
        return Action.class.getSimpleName();
      }
    }
    if (ctx.unit().getPackageDeclaration().map(p -> p.getNameAsString().equals(pkg)).orElse(false)) {
      return Action.class.getSimpleName();
    }
    // another Action in scope (same package, nested, imported): the import would clash or shadow it
    if (ACTION_NAME.matcher(ctx.source().text()).find()) {
      return ACTION_TYPE;
    }
    importAction(ctx, imports).ifPresent(rs::add);
    return rs.isEmpty() ? ACTION_TYPE : Action.class.getSimpleName();
  }

  private static Optional<Replacement> importAction(JavaContext ctx, List<ImportDeclaration> imports) {
    String line = "import " + ACTION_TYPE + ";";
    SourceText text = ctx.source();
    ImportDeclaration lastPlain = null;
    for (ImportDeclaration i : imports) {
      if (i.isStatic()) {
        continue;
      }
      if (i.getNameAsString().toLowerCase(Locale.ROOT).compareTo(ACTION_TYPE.toLowerCase(Locale.ROOT)) > 0) {
        // before the first import that sorts after it
        return i.getBegin().map(p -> insertion(text, p.line, p.column, line + lineBreak(text)));
      }
      lastPlain = i;
    }
    if (lastPlain != null) {
      return lastPlain.getEnd().map(p -> insertion(text, p.line, p.column + 1, lineBreak(text) + line));
    }
    if (!imports.isEmpty()) {
      return imports.get(0).getBegin().map(p -> insertion(text, p.line, p.column, line + lineBreak(text)));
    }
    return ctx.unit().getPackageDeclaration()
        .flatMap(p -> p.getEnd())
        .map(p -> insertion(text, p.line, p.column + 1, lineBreak(text) + lineBreak(text) + line));
  }

  private static Replacement insertion(SourceText text, int line, int column, String inserted) {
    int at = text.offset(line, column);
    return text.replacement(at, at, inserted);
  }

  private static String lineBreak(SourceText text) {
    return text.text().contains("\r\n") ? "\r\n" : "\n";
  }
}
