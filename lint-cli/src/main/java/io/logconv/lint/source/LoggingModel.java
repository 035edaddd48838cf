package io.logconv.lint.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.Type;
import io.logconv.schema.Conventions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Knows, for one parsed file and without a classpath, which calls are logging calls and which are
 * key/value sites, from the file's imports and declared types: SLF4J {@code Logger} (classic and
 * fluent), {@code MDC}, Lombok's {@code @Slf4j}/{@code @Log4j2}/{@code @Log} {@code log} field,
 * java.util.logging, Log4j2 {@code Logger} and {@code ThreadContext}, logstash-logback-encoder
 * {@code StructuredArguments} and {@code Markers}. It also resolves string constants (literals,
 * final fields of the file, {@link Conventions} fields) and enum constant names, so rules can
 * judge a key or value that is not written as a literal.
 *
 * <p>This is what rules see; the work is done by four parts: {@link TypeResolver} (which type a
 * name denotes), {@link LoggingApis} (the logging APIs as data), {@link CallClassifier} (which
 * calls log, with what) and {@link ConstantFolder} (string and enum constants). The file is
 * indexed once, on first use or from the engine's walk. A name that cannot be resolved is not a
 * logging call; the model prefers missing a finding to inventing one.
 *
 * <pre>{@code
 * LoggingModel model = ctx.logging();
 * model.event(call).ifPresent(event -> ...);        // log.info(...), log.atInfo()...log()
 * model.keyValue(call).ifPresent(kv -> ...);        // addKeyValue, MDC.put, kv(...)
 * model.constantString(expr);                       // "pod_name", KEY, Conventions.ACTION
 * }</pre>
 */
public final class LoggingModel {
  /** The logging API a logger belongs to. */
  public enum Api {
    SLF4J,
    LOG4J2,
    JUL
  }

  /** Every type a simple name may resolve to through a wildcard import. */
  private static final Set<String> KNOWN_TYPES = knownTypes();

  private final CompilationUnit unit;
  private final TypeResolver types;
  private final CallClassifier calls;
  private final ConstantFolder constants;
  private final ProjectIndex.Recorder recorder;
  private boolean indexed;

  LoggingModel(CompilationUnit unit) {
    this(unit, new ProjectIndex.Recorder(ProjectIndex.EMPTY));
  }

  /** The model of {@code unit}, asking {@code index} about the other files of the tree. */
  LoggingModel(CompilationUnit unit, ProjectIndex.Recorder index) {
    this.unit = unit;
    this.recorder = index;
    this.types = new TypeResolver(unit, KNOWN_TYPES, index);
    this.calls = new CallClassifier(types, index);
    this.constants = new ConstantFolder(unit, types);
  }

  /**
   * What this file declares that other files may need: each type with its supertypes, logger
   * fields, other fields' types and wrapper methods.
   */
  List<ProjectIndex.TypeSummary> typeSummaries() {
    index();
    List<ProjectIndex.TypeSummary> out = new ArrayList<>();
    for (TypeDeclaration<?> t : unit.findAll(TypeDeclaration.class)) {
      List<List<String>> supertypes = new ArrayList<>();
      if (t instanceof ClassOrInterfaceDeclaration c) {
        c.getExtendedTypes().forEach(x -> supertypes.add(types.candidates(x.getNameWithScope())));
        c.getImplementedTypes().forEach(x -> supertypes.add(types.candidates(x.getNameWithScope())));
      }
      Map<String, String> loggerFields = new HashMap<>();
      Map<String, List<String>> fieldTypes = new HashMap<>();
      for (FieldDeclaration f : t.getFields()) {
        for (VariableDeclarator v : f.getVariables()) {
          String resolved = types.resolveType(v.getType());
          Api declared = resolved == null ? null : LoggingApis.LOGGER_TYPES.get(resolved);
          if (declared != null) {
            loggerFields.put(v.getNameAsString(), declared.name());
          } else if (v.getType().isClassOrInterfaceType()) {
            fieldTypes.put(v.getNameAsString(),
                types.candidates(v.getType().asClassOrInterfaceType().getNameWithScope()));
          }
        }
      }
      for (AnnotationExpr a : t.getAnnotations()) {
        String resolved = types.resolveType(a.getNameAsString());
        Api lombok = resolved == null ? null : LoggingApis.LOMBOK_LOGGERS.get(resolved);
        if (lombok != null) {
          loggerFields.put(LoggingApis.LOMBOK_FIELD, lombok.name());
        }
      }
      Map.Entry<Map<String, Set<Integer>>, String> wrappers = calls.wrapperMethods(t);
      Map<String, String> getters = new HashMap<>();
      for (MethodDeclaration m : t.getMethods()) {
        if (m.getParameters().isEmpty()) {
          getters.merge(m.getNameAsString(),
              ProjectIndex.isNumberType(m.getType().asString()) ? ProjectIndex.NUMBER : "",
              (a, b) -> a.equals(b) ? a : "");
        }
      }
      out.add(new ProjectIndex.TypeSummary(types.qualifiedName(t), List.copyOf(supertypes),
          Map.copyOf(loggerFields), Map.copyOf(fieldTypes), wrappers.getKey(), wrappers.getValue(),
          Map.copyOf(getters)));
    }
    return out;
  }

  // ---------------------------------------------------------------- types and names

  /** The fully qualified name {@code name} denotes in this file, or {@code null} if unknown. */
  public String resolveType(String name) {
    index();
    return types.resolveType(name);
  }

  /** The fully qualified name of {@code type}, or {@code null} if unknown. */
  public String resolveType(Type type) {
    index();
    return types.resolveType(type);
  }

  /** True if {@code expr} is a bare or qualified name denoting the type {@code fqn}. */
  public boolean denotesType(Expression expr, String fqn) {
    index();
    return types.denotesType(expr, fqn);
  }

  /**
   * The type a local variable, parameter or field named {@code name} is declared with in this file,
   * as written ({@code "String"}, {@code "IOException|TimeoutException"}), or empty when the name
   * is unknown or declared with different types in different places.
   */
  public Optional<String> declaredType(String name) {
    index();
    return types.declaredType(name);
  }

  /**
   * The type the name {@code usage} refers to, as written, found by walking out from the usage
   * through the scopes that can declare it: catch parameters, lambda and method parameters,
   * for and try-with-resources variables, earlier local variables of enclosing blocks, and fields
   * of enclosing types; then, if no scope declares it, {@link #declaredType(String)}. Empty when
   * unknown (an implicitly typed lambda parameter, {@code var}, or a name declared elsewhere).
   */
  public Optional<String> declaredType(NameExpr usage) {
    index();
    return types.declaredType(usage);
  }

  /**
   * True if {@code expr} evidently is a throwable: a variable declared (or caught) as {@code
   * ...Exception}, {@code ...Error} or {@code Throwable}, a {@code new ...Exception(...)}, or a
   * call of a throwable-returning getter ({@code getCause()}, {@code exception()}, ...).
   */
  public boolean isThrowable(Expression expr) {
    index();
    return types.isThrowable(expr);
  }

  /**
   * True unless {@code expr} evidently is not a throwable: it is one ({@link #isThrowable}), or its
   * type cannot be told without a classpath (an implicitly typed lambda parameter, a method call,
   * a field of another class). Rules that would otherwise report an extra trailing argument use
   * it, so that {@code (offsets, t) -> log.error("commit of {} failed", offsets, t)} is not a
   * false positive.
   */
  public boolean mayBeThrowable(Expression expr) {
    index();
    return types.mayBeThrowable(expr);
  }

  /**
   * True if {@code expr} evidently holds a number or a boolean: a variable declared so, or a call
   * without arguments of a method every declaration of which in the tree returns one ({@code
   * getSessionId()} of ZooKeeper is a {@code long}). Such a value is an identifier or a count,
   * never a credential, whatever its name.
   */
  public boolean isNumber(Expression expr) {
    index();
    if (expr instanceof NameExpr n) {
      return types.declaredType(n).map(ProjectIndex::isNumberType).orElse(false);
    }
    if (expr instanceof com.github.javaparser.ast.expr.FieldAccessExpr f && f.getScope().isThisExpr()) {
      return types.declaredType(f.getNameAsString()).map(ProjectIndex::isNumberType).orElse(false);
    }
    if (expr instanceof MethodCallExpr m && m.getArguments().isEmpty()) {
      String name = m.getNameAsString();
      Expression scope = m.getScope().orElse(null);
      if (scope == null || scope.isThisExpr()) {
        // the enclosing classes, inner to outer: a method of an outer class is callable as well
        TypeDeclaration<?> inner = null;
        for (Node p = m.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
          if (p instanceof TypeDeclaration<?> own) {
            inner = inner == null ? own : inner;
            for (MethodDeclaration d : own.getMethodsByName(name)) {
              if (d.getParameters().isEmpty()) {
                return ProjectIndex.isNumberType(d.getType().asString());
              }
            }
          }
        }
        if (inner != null) {
          return recorder.getterKind(List.of(types.qualifiedName(inner)), name)
              .equals(ProjectIndex.NUMBER);
        }
      }
      if (scope instanceof NameExpr n) {
        Optional<String> declared = types.declaredType(n);
        if (declared.isPresent()) {
          return recorder.getterKind(types.candidates(declared.get()), name)
              .equals(ProjectIndex.NUMBER);
        }
      }
      return recorder.getterKind(name).equals(ProjectIndex.NUMBER);
    }
    return false;
  }

  /** The fully qualified names the type written as {@code written} may denote in this file. */
  public List<String> typeCandidates(String written) {
    index();
    return types.candidates(written);
  }

  // ---------------------------------------------------------------- events and key/values

  /** The logging API of the logger {@code expr} denotes, if it denotes one. */
  public Optional<Api> loggerApi(Expression expr) {
    index();
    return calls.loggerApi(expr);
  }

  /** The logging event {@code call} emits, if it is a logging statement. */
  public Optional<LogEvent> event(MethodCallExpr call) {
    index();
    return calls.event(call);
  }

  /** The key/value pair {@code call} attaches to log output, if it is such a site. */
  public Optional<KeyValue> keyValue(MethodCallExpr call) {
    index();
    return calls.keyValue(call);
  }

  /** True if {@code e} is evidently a marker (SLF4J, Log4j2 or a logstash marker). */
  public boolean isMarker(Expression e) {
    index();
    return calls.isMarker(e);
  }

  // ---------------------------------------------------------------- constants

  /**
   * The value of {@code expr} if it is a string known at compile time: a literal, a concatenation
   * of constants, a final field of this file with a constant initializer, or a field of {@link
   * Conventions}.
   */
  public Optional<String> constantString(Expression expr) {
    index();
    return constants.constantString(expr);
  }

  /**
   * The enum constant {@code expr} names, if it evidently names one: {@code Verb.MODIFY} for an
   * enum declared in this file or {@link io.logconv.schema.Action}, {@code X.MODIFY.name()}, or a
   * statically imported {@code Action} constant.
   */
  public Optional<String> enumConstantName(Expression expr) {
    index();
    return constants.enumConstantName(expr);
  }

  // ---------------------------------------------------------------- index

  private void index() {
    if (!indexed) {
      List<Node> nodes = new ArrayList<>();
      unit.walk(nodes::add);
      index(nodes);
    }
  }

  /** Indexes the file from its nodes, already listed by the engine's walk. */
  void index(List<Node> nodes) {
    if (indexed) {
      return;
    }
    indexed = true;
    for (Node n : nodes) {
      types.index(n);
      calls.index(n);
      constants.index(n);
    }
  }

  private static Set<String> knownTypes() {
    Set<String> s = new HashSet<>(LoggingApis.TYPES);
    s.addAll(ConstantFolder.SCHEMA_TYPES);
    return Set.copyOf(s);
  }
}
