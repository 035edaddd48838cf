package io.logconv.lint.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds the string constants of one parsed file, so that rules can judge a key or value that is
 * not written as a literal: literals and text blocks, concatenations of constants, final fields
 * (and interface fields) of the file with a constant initializer, and the {@link Conventions}
 * fields; and names enum constants ({@code Verb.MODIFY}, {@code Action.ADD}, {@code X.MODIFY.name()}).
 * Anything else, a method call or a field of another class, is no constant.
 *
 * <pre>{@code
 * // static final String PREFIX = "pod"; static final String KEY = PREFIX + "_name";
 * folder.constantString(key);          // Optional["pod_name"]
 * folder.enumConstantName(action);     // Optional["ADD"] for Action.ADD
 * }</pre>
 */
final class ConstantFolder {
  /** The schema types a file may name constants of, also through a wildcard import. */
  static final Set<String> SCHEMA_TYPES =
      Set.of(Conventions.class.getName(), Conventions.Kinds.class.getCanonicalName(), Action.class.getName());

  private static final String CONVENTIONS = Conventions.class.getName();
  private static final String ACTION_ENUM = Action.class.getName();

  /** Public static final String fields of {@link Conventions}, read once, so no fact is copied. */
  private static final Map<String, String> SCHEMA_CONSTANTS = schemaConstants(Conventions.class);

  /** The same of {@link Conventions.Kinds} ({@code Conventions.Kinds.SECRET}). */
  private static final Map<String, String> KIND_CONSTANTS = schemaConstants(Conventions.Kinds.class);

  private static final String KINDS = Conventions.Kinds.class.getCanonicalName();

  private static final int MAX_CONSTANT_DEPTH = 8;

  private final CompilationUnit unit;
  private final TypeResolver types;
  private final Map<String, Expression> constants = new HashMap<>();
  private final Map<String, Set<String>> enums = new HashMap<>();

  ConstantFolder(CompilationUnit unit, TypeResolver types) {
    this.unit = unit;
    this.types = types;
  }

  /** Records a constant field's initializer and an enum's constants. */
  void index(Node node) {
    if (node instanceof VariableDeclarator v) {
      if (v.getInitializer().isPresent() && isConstantField(v)) {
        // A name declared twice with different values is no constant.
        constants.merge(v.getNameAsString(), v.getInitializer().get(), (a, b) -> a.equals(b) ? a : null);
      }
    } else if (node instanceof EnumDeclaration e) {
      Set<String> names = new HashSet<>();
      for (EnumConstantDeclaration c : e.getEntries()) {
        names.add(c.getNameAsString());
      }
      enums.put(e.getNameAsString(), names);
    }
  }

  private static boolean isConstantField(VariableDeclarator v) {
    return v.getParentNode()
        .filter(FieldDeclaration.class::isInstance)
        .map(FieldDeclaration.class::cast)
        .map(f -> f.isFinal() || f.getParentNode()
            .map(p -> p instanceof ClassOrInterfaceDeclaration c && c.isInterface())
            .orElse(false))
        .orElse(false);
  }

  // ---------------------------------------------------------------- strings

  /**
   * The value of {@code expr} if it is a string known at compile time: a literal, a concatenation
   * of constants, a final field of this file with a constant initializer, or a field of {@link
   * Conventions}.
   */
  Optional<String> constantString(Expression expr) {
    return Optional.ofNullable(constant(expr, 0));
  }

  private String constant(Expression expr, int depth) {
    if (depth > MAX_CONSTANT_DEPTH) {
      return null;
    }
    if (expr instanceof StringLiteralExpr s) {
      return s.asString();
    }
    if (expr instanceof TextBlockLiteralExpr t) {
      return t.asString();
    }
    if (expr instanceof EnclosedExpr e) {
      return constant(e.getInner(), depth + 1);
    }
    if (expr instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      String l = constant(b.getLeft(), depth + 1);
      String r = l == null ? null : constant(b.getRight(), depth + 1);
      return r == null ? null : l + r;
    }
    if (expr instanceof NameExpr n) {
      String name = n.getNameAsString();
      Expression init = constants.get(name);
      if (init != null) {
        return constant(init, depth + 1);
      }
      return types.staticallyImported(name, CONVENTIONS) ? SCHEMA_CONSTANTS.get(name) : null;
    }
    if (expr instanceof FieldAccessExpr f) {
      String owner = types.resolveType(f.getScope().toString());
      if (CONVENTIONS.equals(owner)) {
        return SCHEMA_CONSTANTS.get(f.getNameAsString());
      }
      if (KINDS.equals(owner) || isKinds(f.getScope())) {
        return KIND_CONSTANTS.get(f.getNameAsString());
      }
      if (isDeclaredHere(f.getScope().toString())) {
        Expression init = constants.get(f.getNameAsString());
        return init == null ? null : constant(init, depth + 1);
      }
    }
    return null;
  }

  /** True for {@code Conventions.Kinds} (or a qualified name of it) as a scope. */
  private boolean isKinds(Expression scope) {
    return scope instanceof FieldAccessExpr k
        && k.getNameAsString().equals(Conventions.Kinds.class.getSimpleName())
        && CONVENTIONS.equals(types.resolveType(k.getScope().toString()));
  }

  private boolean isDeclaredHere(String typeName) {
    return unit.getTypes().stream()
        .anyMatch(
            t -> t.getNameAsString().equals(typeName)
                || t.findFirst(
                        TypeDeclaration.class,
                        inner -> inner.getNameAsString().equals(typeName))
                    .isPresent());
  }

  // ---------------------------------------------------------------- enum constants

  /**
   * The enum constant {@code expr} names, if it evidently names one: {@code Verb.MODIFY} for an
   * enum declared in this file or {@link Action}, {@code X.MODIFY.name()}, or a statically imported
   * {@code Action} constant.
   */
  Optional<String> enumConstantName(Expression expr) {
    if (expr instanceof FieldAccessExpr f) {
      String type = f.getScope().toString();
      String constant = f.getNameAsString();
      Set<String> declared = enums.get(type);
      if ((declared != null && declared.contains(constant)) || ACTION_ENUM.equals(types.resolveType(type))) {
        return Optional.of(constant);
      }
      return Optional.empty();
    }
    if (expr instanceof MethodCallExpr m
        && m.getArguments().isEmpty()
        && (m.getNameAsString().equals("name") || m.getNameAsString().equals("toString"))
        && m.getScope().orElse(null) instanceof FieldAccessExpr f) {
      Optional<String> known = enumConstantName(f);
      if (known.isPresent()) {
        return known;
      }
      // name() of an unknown type's constant: trusted only if it is spelt like one.
      String constant = f.getNameAsString();
      boolean upper = constant.chars().allMatch(c -> Character.isUpperCase(c) || c == '_' || Character.isDigit(c));
      return m.getNameAsString().equals("name") && upper ? Optional.of(constant) : Optional.empty();
    }
    if (expr instanceof NameExpr n && ACTION_ENUM.equals(types.staticImportOwner(n.getNameAsString()))) {
      return Optional.of(n.getNameAsString());
    }
    return Optional.empty();
  }

  private static Map<String, String> schemaConstants(Class<?> owner) {
    Map<String, String> m = new HashMap<>();
    for (Field f : owner.getFields()) {
      int mod = f.getModifiers();
      if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && f.getType() == String.class) {
        try {
          m.put(f.getName(), (String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Map.copyOf(m);
  }
}
