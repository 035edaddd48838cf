package io.logconv.lint.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells, for one parsed file and without a classpath, which type a name denotes and which type a
 * variable is declared with: type names through the file's imports (a wildcard import supplies
 * only the types the linter knows by name), variables through the scopes that declare them
 * (parameters, locals, fields of enclosing types) and, failing that, through every declaration of
 * the name in the file. A name it cannot resolve stays unresolved; it guesses nothing.
 *
 * <pre>{@code
 * TypeResolver types = new TypeResolver(unit, LoggingApis.TYPES);
 * unit.walk(types::index);
 * types.resolveType("Logger");   // "org.slf4j.Logger" after import org.slf4j.Logger
 * types.declaredType(usage);      // Optional["String"] for a String parameter
 * }</pre>
 */
final class TypeResolver {
  private static final Set<String> JAVA_LANG = Set.of("System", "String", "Throwable");
  private static final Set<String> THROWABLE_GETTERS =
      Set.of("getCause", "cause", "getException", "exception", "getThrowable", "throwable");

  private final Set<String> knownTypes;
  private final ProjectIndex.Recorder index;
  private final Map<String, String> imports = new HashMap<>();
  private final List<String> wildcardImports = new ArrayList<>();
  private final Map<String, String> staticImports = new HashMap<>();
  private final List<String> staticWildcardImports = new ArrayList<>();
  private final Map<String, String> declaredTypes = new HashMap<>();
  private final Set<String> ambiguousNames = new HashSet<>();
  private final String packagePrefix;
  /** Types declared in this file by simple name, with their names as the tree knows them. */
  private final Map<String, String> localTypes = new HashMap<>();

  /**
   * Reads the imports of {@code unit}; {@code knownTypes} are the fully qualified names a wildcard
   * import may supply. Declarations are learnt node by node from {@link #index(Node)}.
   */
  TypeResolver(CompilationUnit unit, Set<String> knownTypes) {
    this(unit, knownTypes, new ProjectIndex.Recorder(ProjectIndex.EMPTY));
  }

  /** As above, asking {@code index} about types declared in other files of the tree. */
  TypeResolver(CompilationUnit unit, Set<String> knownTypes, ProjectIndex.Recorder index) {
    this.knownTypes = knownTypes;
    this.index = index;
    this.packagePrefix = unit.getPackageDeclaration()
        .map(p -> p.getNameAsString() + ".").orElse("");
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      if (imp.isStatic()) {
        if (imp.isAsterisk()) {
          staticWildcardImports.add(name);
        } else {
          int dot = name.lastIndexOf('.');
          staticImports.put(name.substring(dot + 1), name.substring(0, dot));
        }
      } else if (imp.isAsterisk()) {
        wildcardImports.add(name);
      } else {
        imports.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
  }

  /** Records the declared type of a variable, field or parameter. */
  void index(Node node) {
    if (node instanceof VariableDeclarator v) {
      declare(v.getNameAsString(), v.getType());
    } else if (node instanceof Parameter p) {
      declare(p.getNameAsString(), p.getType());
    } else if (node instanceof TypeDeclaration<?> t) {
      localTypes.putIfAbsent(t.getNameAsString(), qualifiedName(t));
    }
  }

  /** The name the tree knows {@code type} by: its package, enclosing types and own name. */
  String qualifiedName(TypeDeclaration<?> type) {
    StringBuilder sb = new StringBuilder(type.getNameAsString());
    for (Optional<Node> p = type.getParentNode(); p.isPresent(); p = p.get().getParentNode()) {
      if (p.get() instanceof TypeDeclaration<?> outer) {
        sb.insert(0, outer.getNameAsString() + ".");
      }
    }
    return packagePrefix + sb;
  }

  /**
   * The fully qualified names a type written as {@code written} may denote in this file, most
   * likely first: the import or the type declared in this file when there is one, else the same
   * package, each wildcard import and {@code java.lang}. Type arguments and array brackets are
   * ignored.
   */
  List<String> candidates(String written) {
    String n = written;
    int lt = n.indexOf('<');
    n = (lt < 0 ? n : n.substring(0, lt)).replace("[]", "").replace("...", "").strip();
    if (n.isEmpty()) {
      return List.of();
    }
    int dot = n.indexOf('.');
    if (dot >= 0) {
      String first = n.substring(0, dot);
      String viaImport = imports.get(first);
      if (viaImport != null) {
        return List.of(viaImport + n.substring(dot));
      }
      String local = localTypes.get(first);
      if (local != null) {
        return List.of(local + n.substring(dot));
      }
      return List.of(n, packagePrefix + n);
    }
    String imported = imports.get(n);
    if (imported != null) {
      return List.of(imported);
    }
    String local = localTypes.get(n);
    if (local != null) {
      return List.of(local);
    }
    List<String> out = new ArrayList<>();
    out.add(packagePrefix + n);
    for (String pkg : wildcardImports) {
      out.add(pkg + "." + n);
    }
    out.add("java.lang." + n);
    return List.copyOf(out);
  }

  private void declare(String name, Type type) {
    String t = type.asString();
    String previous = declaredTypes.putIfAbsent(name, t);
    if (previous != null && !previous.equals(t)) {
      ambiguousNames.add(name);
    }
  }

  // ---------------------------------------------------------------- type names

  /** The fully qualified name {@code name} denotes in this file, or {@code null} if unknown. */
  String resolveType(String name) {
    int lt = name.indexOf('<');
    String n = lt < 0 ? name : name.substring(0, lt);
    if (n.indexOf('.') >= 0) {
      String first = n.substring(0, n.indexOf('.'));
      String viaImport = imports.get(first);
      return viaImport == null ? n : viaImport + n.substring(first.length());
    }
    String imported = imports.get(n);
    if (imported != null) {
      return imported;
    }
    for (String pkg : wildcardImports) {
      String candidate = pkg + "." + n;
      if (knownTypes.contains(candidate)) {
        return candidate;
      }
    }
    return JAVA_LANG.contains(n) ? "java.lang." + n : null;
  }

  /** The fully qualified name of {@code type}, or {@code null} if unknown. */
  String resolveType(Type type) {
    return type instanceof ClassOrInterfaceType c ? resolveType(c.getNameWithScope()) : null;
  }

  /** True if {@code expr} is a bare or qualified name denoting the type {@code fqn}. */
  boolean denotesType(Expression expr, String fqn) {
    if (expr instanceof NameExpr || expr instanceof FieldAccessExpr) {
      return fqn.equals(resolveType(expr.toString()));
    }
    return false;
  }

  /** True if {@code member} of {@code owner} is statically imported, by name or by a wildcard. */
  boolean staticallyImported(String member, String owner) {
    return owner.equals(staticImports.get(member)) || staticWildcardImports.contains(owner);
  }

  /** The type a single-member static import of {@code member} names, or {@code null}. */
  String staticImportOwner(String member) {
    return staticImports.get(member);
  }

  // ---------------------------------------------------------------- declared types

  /**
   * The type a local variable, parameter or field named {@code name} is declared with in this file,
   * as written ({@code "String"}, {@code "IOException|TimeoutException"}), or empty when the name
   * is unknown or declared with different types in different places.
   */
  Optional<String> declaredType(String name) {
    return ambiguousNames.contains(name)
        ? Optional.empty()
        : Optional.ofNullable(declaredTypes.get(name));
  }

  /**
   * The type the name {@code usage} refers to, as written, found by walking out from the usage
   * through the scopes that can declare it: catch parameters, lambda and method parameters,
   * for and try-with-resources variables, earlier local variables of enclosing blocks, and fields
   * of enclosing types; then, if no scope declares it, {@link #declaredType(String)}. Empty when
   * unknown (an implicitly typed lambda parameter, {@code var}, or a name declared elsewhere).
   */
  Optional<String> declaredType(NameExpr usage) {
    String name = usage.getNameAsString();
    Node child = usage;
    for (Optional<Node> p = usage.getParentNode(); p.isPresent(); p = p.get().getParentNode()) {
      String t = declaredIn(p.get(), child, name);
      if (t != null) {
        return t.isEmpty() || t.equals("var") ? Optional.empty() : Optional.of(t);
      }
      child = p.get();
    }
    return declaredType(name);
  }

  // Identity is meant: the statement that contains the usage, not one that looks like it.
  @SuppressWarnings("ReferenceEquality")
  private static String declaredIn(Node scope, Node child, String name) {
    if (scope instanceof CatchClause c) {
      return c.getParameter().getNameAsString().equals(name) ? c.getParameter().getType().asString() : null;
    }
    if (scope instanceof CallableDeclaration<?> m) {
      return parameterType(m.getParameters(), name);
    }
    if (scope instanceof LambdaExpr l) {
      return parameterType(l.getParameters(), name);
    }
    if (scope instanceof ForEachStmt f) {
      return variableType(f.getVariable(), name);
    }
    if (scope instanceof ForStmt f) {
      for (Expression init : f.getInitialization()) {
        String t = init instanceof VariableDeclarationExpr v ? variableType(v, name) : null;
        if (t != null) {
          return t;
        }
      }
      return null;
    }
    if (scope instanceof TryStmt t) {
      for (Expression r : t.getResources()) {
        String type = r instanceof VariableDeclarationExpr v ? variableType(v, name) : null;
        if (type != null) {
          return type;
        }
      }
      return null;
    }
    if (scope instanceof BlockStmt b) {
      String found = null;
      for (Statement st : b.getStatements()) {
        if (st == child) {
          break;
        }
        if (st instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v) {
          String t = variableType(v, name);
          found = t != null ? t : found;
        }
      }
      return found;
    }
    if (scope instanceof TypeDeclaration<?> type) {
      for (FieldDeclaration f : type.getFields()) {
        for (VariableDeclarator v : f.getVariables()) {
          if (v.getNameAsString().equals(name)) {
            return v.getType().asString();
          }
        }
      }
    }
    return null;
  }

  private static String parameterType(List<Parameter> parameters, String name) {
    for (Parameter p : parameters) {
      if (p.getNameAsString().equals(name)) {
        return p.getType().asString() + (p.isVarArgs() ? "[]" : "");
      }
    }
    return null;
  }

  private static String variableType(VariableDeclarationExpr v, String name) {
    for (VariableDeclarator d : v.getVariables()) {
      if (d.getNameAsString().equals(name)) {
        return d.getType().asString();
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- throwables

  /**
   * True if {@code expr} evidently is a throwable: a variable declared (or caught) as {@code
   * ...Exception}, {@code ...Error} or {@code Throwable}, a {@code new ...Exception(...)}, or a
   * call of a throwable-returning getter ({@code getCause()}, {@code exception()}, ...).
   */
  boolean isThrowable(Expression expr) {
    if (expr instanceof NameExpr n) {
      return declaredType(n).map(this::isThrowableType).orElse(false);
    }
    if (expr instanceof ObjectCreationExpr o) {
      return isThrowableType(o.getType().getNameWithScope());
    }
    if (expr instanceof EnclosedExpr e) {
      return isThrowable(e.getInner());
    }
    if (expr instanceof FieldAccessExpr f && f.getScope().isThisExpr()) {
      return declaredType(f.getNameAsString()).map(this::isThrowableType).orElse(false);
    }
    if (expr instanceof CastExpr c) {
      return isThrowableType(c.getType().asString());
    }
    if (expr instanceof MethodCallExpr m) {
      return m.getArguments().isEmpty() && THROWABLE_GETTERS.contains(m.getNameAsString());
    }
    return false;
  }

  /**
   * True unless {@code expr} evidently is not a throwable: it is one ({@link #isThrowable}), or its
   * type cannot be told without a classpath (an implicitly typed lambda parameter, a method call,
   * a field of another class).
   */
  boolean mayBeThrowable(Expression expr) {
    if (isThrowable(expr)) {
      return true;
    }
    if (expr instanceof NameExpr n) {
      return declaredType(n).isEmpty();
    }
    return expr instanceof MethodCallExpr
        || expr instanceof FieldAccessExpr
        || expr instanceof EnclosedExpr
        || expr instanceof CastExpr
        || expr instanceof ConditionalExpr
        || expr instanceof ArrayAccessExpr;
  }

  /**
   * True if the type written as {@code type} is a throwable: by its name, a catch's union type,
   * or what the tree and the JDK say of the type it denotes ({@code class Gone extends
   * RuntimeException} in another file, {@code java.net.SocketTimeoutException}).
   */
  boolean isThrowableType(String type) {
    if (type.indexOf('|') >= 0 || isThrowableTypeName(type)) {
      return true;
    }
    List<String> candidates = candidates(type);
    return !candidates.isEmpty() && index.throwable(candidates).equals("T");
  }

  private static boolean isThrowableTypeName(String type) {
    String t = type.strip();
    return t.endsWith("Exception") || t.endsWith("Error") || t.endsWith("Throwable");
  }
}
