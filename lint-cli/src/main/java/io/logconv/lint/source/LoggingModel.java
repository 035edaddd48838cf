package io.logconv.lint.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
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
import io.logconv.schema.Conventions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * <p>The matchers are declarative: the tables below say which types and methods count, and the
 * lookups say how names resolve. A name that cannot be resolved is not a logging call; the model
 * prefers missing a finding to inventing one.
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

  private static final Map<String, Api> LOGGER_TYPES =
      Map.of(
          "org.slf4j.Logger", Api.SLF4J,
          "org.apache.logging.log4j.Logger", Api.LOG4J2,
          "org.apache.logging.log4j.core.Logger", Api.LOG4J2,
          "java.util.logging.Logger", Api.JUL);

  /** Static factory owners and the API of the logger they return from {@code getLogger}. */
  private static final Map<String, Api> LOGGER_FACTORIES =
      Map.of(
          "org.slf4j.LoggerFactory", Api.SLF4J,
          "org.apache.logging.log4j.LogManager", Api.LOG4J2,
          "java.util.logging.Logger", Api.JUL);

  private static final Set<String> FACTORY_METHODS = Set.of("getLogger", "getFormatterLogger");

  private static final Map<String, Api> LOMBOK_LOGGERS =
      Map.of(
          "lombok.extern.slf4j.Slf4j", Api.SLF4J,
          "lombok.extern.slf4j.XSlf4j", Api.SLF4J,
          "lombok.extern.log4j.Log4j2", Api.LOG4J2,
          "lombok.extern.java.Log", Api.JUL);

  private static final Set<String> FLUENT_BUILDER_TYPES =
      Set.of("org.slf4j.spi.LoggingEventBuilder", "org.apache.logging.log4j.LogBuilder");

  private static final String SLF4J_MDC = "org.slf4j.MDC";
  private static final Set<String> MDC_TYPES =
      Set.of(
          SLF4J_MDC,
          "org.apache.logging.log4j.ThreadContext",
          "org.apache.logging.log4j.CloseableThreadContext");
  private static final Set<String> MDC_METHODS = Set.of("put", "putCloseable");

  private static final String STRUCTURED_ARGUMENTS =
      "net.logstash.logback.argument.StructuredArguments";
  private static final Set<String> STRUCTURED_METHODS =
      Set.of("kv", "keyValue", "v", "value", "raw", "array");
  private static final String MARKERS = "net.logstash.logback.marker.Markers";
  private static final Set<String> MARKER_METHODS = Set.of("append", "appendRaw", "appendArray");

  private static final String MARKER_TYPE_SLF4J = "org.slf4j.Marker";
  private static final String MARKER_TYPE_LOG4J = "org.apache.logging.log4j.Marker";
  private static final Set<String> MARKER_FACTORIES =
      Set.of("org.slf4j.MarkerFactory", "org.apache.logging.log4j.MarkerManager", MARKERS);

  private static final String ACTION_ENUM = "io.logconv.schema.Action";
  private static final String CONVENTIONS = "io.logconv.schema.Conventions";

  private static final Set<String> LEVELS_SLF4J = Set.of("trace", "debug", "info", "warn", "error");
  private static final Set<String> LEVELS_LOG4J2 =
      Set.of("trace", "debug", "info", "warn", "error", "fatal", "log");
  private static final Set<String> LEVELS_JUL =
      Set.of("severe", "warning", "info", "config", "fine", "finer", "finest", "log");
  private static final Set<String> FLUENT_LEVELS =
      Set.of("atTrace", "atDebug", "atInfo", "atWarn", "atError", "atFatal", "atLevel");

  /** Every type a simple name may resolve to through a wildcard import. */
  private static final Set<String> KNOWN_TYPES = knownTypes();

  /** Public static final String fields of {@link Conventions}, read once, so no fact is copied. */
  private static final Map<String, String> SCHEMA_CONSTANTS = schemaConstants();

  private static final int MAX_CONSTANT_DEPTH = 8;
  private static final Set<String> THROWABLE_GETTERS =
      Set.of("getCause", "cause", "getException", "exception", "getThrowable", "throwable");

  private final CompilationUnit unit;
  private final Map<String, String> imports = new HashMap<>();
  private final List<String> wildcardImports = new ArrayList<>();
  private final Map<String, String> staticImports = new HashMap<>();
  private final List<String> staticWildcardImports = new ArrayList<>();
  private final Map<String, Api> loggers = new HashMap<>();
  private final Map<String, String> declaredTypes = new HashMap<>();
  private final Set<String> ambiguousNames = new HashSet<>();
  private final Map<String, Expression> constants = new HashMap<>();
  private final Map<String, Set<String>> enums = new HashMap<>();
  private final IdentityHashMap<MethodCallExpr, Optional<LogEvent>> events = new IdentityHashMap<>();
  private final IdentityHashMap<MethodCallExpr, Optional<KeyValue>> keyValues = new IdentityHashMap<>();
  private boolean indexed;

  LoggingModel(CompilationUnit unit) {
    this.unit = unit;
  }

  // ---------------------------------------------------------------- types and names

  /** The fully qualified name {@code name} denotes in this file, or {@code null} if unknown. */
  public String resolveType(String name) {
    index();
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
      if (KNOWN_TYPES.contains(candidate)) {
        return candidate;
      }
    }
    if (n.equals("System") || n.equals("String") || n.equals("Throwable")) {
      return "java.lang." + n;
    }
    return null;
  }

  /** The fully qualified name of {@code type}, or {@code null} if unknown. */
  public String resolveType(Type type) {
    if (type instanceof ClassOrInterfaceType c) {
      return resolveType(c.getNameWithScope());
    }
    return null;
  }

  /** True if {@code expr} is a bare or qualified name denoting the type {@code fqn}. */
  public boolean denotesType(Expression expr, String fqn) {
    if (expr instanceof NameExpr || expr instanceof FieldAccessExpr) {
      return fqn.equals(resolveType(expr.toString()));
    }
    return false;
  }

  /**
   * The type a local variable, parameter or field named {@code name} is declared with in this file,
   * as written ({@code "String"}, {@code "IOException | TimeoutException"}), or empty when the name
   * is unknown or declared with different types in different places.
   */
  public Optional<String> declaredType(String name) {
    index();
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
  public Optional<String> declaredType(NameExpr usage) {
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

  /** The logging API of the logger {@code expr} denotes, if it denotes one. */
  public Optional<Api> loggerApi(Expression expr) {
    index();
    if (expr instanceof NameExpr name) {
      return Optional.ofNullable(loggers.get(name.getNameAsString()));
    }
    if (expr instanceof FieldAccessExpr access
        && (access.getScope() instanceof ThisExpr || access.getScope() instanceof NameExpr)) {
      return Optional.ofNullable(loggers.get(access.getNameAsString()));
    }
    if (expr instanceof MethodCallExpr call) {
      return factoryApi(call);
    }
    return Optional.empty();
  }

  private Optional<Api> factoryApi(MethodCallExpr call) {
    if (!FACTORY_METHODS.contains(call.getNameAsString()) || call.getScope().isEmpty()) {
      return Optional.empty();
    }
    String owner = resolveType(call.getScope().get().toString());
    return Optional.ofNullable(owner == null ? null : LOGGER_FACTORIES.get(owner));
  }

  // ---------------------------------------------------------------- events and key/values

  /** The logging event {@code call} emits, if it is a logging statement. */
  public Optional<LogEvent> event(MethodCallExpr call) {
    Optional<LogEvent> cached = events.get(call);
    if (cached == null) {
      cached = Optional.ofNullable(classify(call));
      events.put(call, cached);
    }
    return cached;
  }

  /** The key/value pair {@code call} attaches to log output, if it is such a site. */
  public Optional<KeyValue> keyValue(MethodCallExpr call) {
    Optional<KeyValue> cached = keyValues.get(call);
    if (cached == null) {
      cached = Optional.ofNullable(classifyKeyValue(call));
      keyValues.put(call, cached);
    }
    return cached;
  }

  private LogEvent classify(MethodCallExpr call) {
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()) {
      return null;
    }
    String name = call.getNameAsString();
    if (name.equals("log")) {
      LogEvent fluent = fluentEvent(call);
      if (fluent != null) {
        return fluent;
      }
    }
    Optional<Api> api = loggerApi(scope.get());
    if (api.isEmpty() || !levels(api.get()).contains(name)) {
      return null;
    }
    List<Expression> args = new ArrayList<>(call.getArguments());
    List<KeyValue> pairs = new ArrayList<>();
    if (name.equals("log") && !args.isEmpty()) {
      args.remove(0); // the Level
    }
    if (!args.isEmpty() && isMarker(args.get(0))) {
      collectPair(args.remove(0), pairs);
    }
    Optional<Expression> message = args.isEmpty() ? Optional.empty() : Optional.of(args.remove(0));
    for (Expression a : args) {
      collectPair(a, pairs);
    }
    return new LogEvent(
        call, api.get(), name, false, message, List.copyOf(args), Optional.empty(), pairs);
  }

  private LogEvent fluentEvent(MethodCallExpr terminal) {
    List<MethodCallExpr> chain = new ArrayList<>();
    Expression s = terminal.getScope().orElse(null);
    Api api = null;
    String level = null;
    while (s instanceof MethodCallExpr mc) {
      if (FLUENT_LEVELS.contains(mc.getNameAsString()) && mc.getScope().isPresent()) {
        api = loggerApi(mc.getScope().get()).orElse(null);
        level = mc.getNameAsString();
        break;
      }
      chain.add(mc);
      s = mc.getScope().orElse(null);
    }
    if (api == null && s instanceof NameExpr builder && isFluentBuilderVariable(builder)) {
      api = Api.SLF4J;
      level = "log";
    }
    if (api == null) {
      return null;
    }
    Expression message = null;
    Expression cause = null;
    List<Expression> args = new ArrayList<>();
    List<KeyValue> pairs = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      MethodCallExpr step = chain.get(i);
      switch (step.getNameAsString()) {
        case "addKeyValue" -> keyValue(step).ifPresent(pairs::add);
        case "setMessage" -> message = step.getArguments().getFirst().orElse(null);
        case "addArgument" -> step.getArguments().getFirst().ifPresent(args::add);
        case "setCause", "withThrowable" -> cause = step.getArguments().getFirst().orElse(null);
        case "addMarker", "withMarker" -> step.getArguments().getFirst().ifPresent(m -> collectPair(m, pairs));
        default -> {
          // other builder steps (withLocation, setTimestamp, ...) carry nothing rules judge
        }
      }
    }
    List<Expression> terminalArgs = new ArrayList<>(terminal.getArguments());
    if (!terminalArgs.isEmpty()) {
      message = terminalArgs.remove(0);
      args.addAll(terminalArgs);
    }
    for (Expression a : args) {
      collectPair(a, pairs);
    }
    return new LogEvent(
        terminal,
        api,
        level,
        true,
        Optional.ofNullable(message),
        List.copyOf(args),
        Optional.ofNullable(cause),
        pairs);
  }

  private boolean isFluentBuilderVariable(NameExpr name) {
    return declaredType(name)
        .map(t -> in(FLUENT_BUILDER_TYPES, resolveType(t)))
        .orElse(false);
  }

  private void collectPair(Expression e, List<KeyValue> pairs) {
    if (e instanceof MethodCallExpr mc) {
      keyValue(mc).ifPresent(pairs::add);
      // logstash markers chain: append("a", 1).and(append("b", 2))
      if (mc.getNameAsString().equals("and")) {
        mc.getScope().ifPresent(scope -> collectPair(scope, pairs));
        for (Expression a : mc.getArguments()) {
          collectPair(a, pairs);
        }
      }
    }
  }

  private static Set<String> levels(Api api) {
    return switch (api) {
      case SLF4J -> LEVELS_SLF4J;
      case LOG4J2 -> LEVELS_LOG4J2;
      case JUL -> LEVELS_JUL;
    };
  }

  /** True if {@code e} is evidently a marker (SLF4J, Log4j2 or a logstash marker). */
  public boolean isMarker(Expression e) {
    if (e instanceof NameExpr n) {
      return declaredType(n)
          .map(this::resolveType)
          .map(t -> t.equals(MARKER_TYPE_SLF4J) || t.equals(MARKER_TYPE_LOG4J)
              || t.startsWith("net.logstash.logback.marker."))
          .orElse(false);
    }
    if (e instanceof MethodCallExpr mc) {
      Expression root = mc;
      while (root instanceof MethodCallExpr m && m.getNameAsString().equals("and")) {
        root = m.getScope().orElse(null);
      }
      if (root instanceof MethodCallExpr m) {
        if (m.getScope().isEmpty()) {
          return MARKER_METHODS.contains(m.getNameAsString())
              && staticallyImported(m.getNameAsString(), MARKERS);
        }
        String owner = resolveType(m.getScope().get().toString());
        return owner != null && MARKER_FACTORIES.contains(owner);
      }
    }
    return false;
  }

  private KeyValue classifyKeyValue(MethodCallExpr call) {
    String name = call.getNameAsString();
    int argc = call.getArguments().size();
    if (argc < 2) {
      return null;
    }
    Expression key = call.getArgument(0);
    Expression value = call.getArgument(1);
    Optional<Expression> scope = call.getScope();
    if (name.equals("addKeyValue") && argc == 2 && scope.isPresent()) {
      return isFluentChain(scope.get()) ? new KeyValue(key, value, call, KeyValue.Kind.EVENT) : null;
    }
    if (MDC_METHODS.contains(name) && argc == 2 && scope.isPresent()) {
      Expression owner = scope.get();
      // CloseableThreadContext.put("a", x).put("b", y)
      while (owner instanceof MethodCallExpr m && m.getNameAsString().equals("put")) {
        owner = m.getScope().orElse(null);
      }
      if (owner != null && in(MDC_TYPES, resolveType(owner.toString()))) {
        return new KeyValue(key, value, call, KeyValue.Kind.MDC);
      }
      return null;
    }
    if (STRUCTURED_METHODS.contains(name) && staticCallOn(call, STRUCTURED_ARGUMENTS)) {
      return new KeyValue(key, value, call, KeyValue.Kind.STRUCTURED_ARGUMENT);
    }
    if (MARKER_METHODS.contains(name) && staticCallOn(call, MARKERS)) {
      return new KeyValue(key, value, call, KeyValue.Kind.MARKER);
    }
    return null;
  }

  private boolean isFluentChain(Expression scope) {
    Expression s = scope;
    while (s instanceof MethodCallExpr mc) {
      if (FLUENT_LEVELS.contains(mc.getNameAsString()) && mc.getScope().isPresent()) {
        return loggerApi(mc.getScope().get()).isPresent();
      }
      s = mc.getScope().orElse(null);
    }
    return s instanceof NameExpr n && isFluentBuilderVariable(n);
  }

  private boolean staticCallOn(MethodCallExpr call, String owner) {
    if (call.getScope().isEmpty()) {
      return staticallyImported(call.getNameAsString(), owner);
    }
    return owner.equals(resolveType(call.getScope().get().toString()));
  }

  private boolean staticallyImported(String member, String owner) {
    index();
    return owner.equals(staticImports.get(member)) || staticWildcardImports.contains(owner);
  }

  // ---------------------------------------------------------------- constants

  /**
   * The value of {@code expr} if it is a string known at compile time: a literal, a concatenation
   * of constants, a final field of this file with a constant initializer, or a field of {@link
   * Conventions}.
   */
  public Optional<String> constantString(Expression expr) {
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
      index();
      String name = n.getNameAsString();
      Expression init = constants.get(name);
      if (init != null) {
        return constant(init, depth + 1);
      }
      if (CONVENTIONS.equals(staticImports.get(name)) || staticWildcardImports.contains(CONVENTIONS)) {
        return SCHEMA_CONSTANTS.get(name);
      }
      return null;
    }
    if (expr instanceof FieldAccessExpr f) {
      String owner = resolveType(f.getScope().toString());
      if (CONVENTIONS.equals(owner)) {
        return SCHEMA_CONSTANTS.get(f.getNameAsString());
      }
      if (isDeclaredHere(f.getScope().toString())) {
        Expression init = constants.get(f.getNameAsString());
        return init == null ? null : constant(init, depth + 1);
      }
    }
    return null;
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

  /**
   * The enum constant {@code expr} names, if it evidently names one: {@code Verb.MODIFY} for an
   * enum declared in this file or {@link io.logconv.schema.Action}, {@code X.MODIFY.name()}, or a
   * statically imported {@code Action} constant.
   */
  public Optional<String> enumConstantName(Expression expr) {
    index();
    if (expr instanceof FieldAccessExpr f) {
      String type = f.getScope().toString();
      String constant = f.getNameAsString();
      Set<String> declared = enums.get(type);
      if ((declared != null && declared.contains(constant)) || ACTION_ENUM.equals(resolveType(type))) {
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
      String constant = f.getNameAsString();
      boolean upper = constant.chars().allMatch(c -> Character.isUpperCase(c) || c == '_' || Character.isDigit(c));
      return m.getNameAsString().equals("name") && upper ? Optional.of(constant) : Optional.empty();
    }
    if (expr instanceof NameExpr n && ACTION_ENUM.equals(staticImports.get(n.getNameAsString()))) {
      return Optional.of(n.getNameAsString());
    }
    return Optional.empty();
  }

  /**
   * True if {@code expr} evidently is a throwable: a variable declared (or caught) as {@code
   * ...Exception}, {@code ...Error} or {@code Throwable}, a {@code new ...Exception(...)}, or a
   * call of a throwable-returning getter ({@code getCause()}, {@code exception()}, ...).
   */
  public boolean isThrowable(Expression expr) {
    if (expr instanceof NameExpr n) {
      return declaredType(n).map(LoggingModel::isThrowableTypeName).orElse(false);
    }
    if (expr instanceof ObjectCreationExpr o) {
      return isThrowableTypeName(o.getType().getNameAsString());
    }
    if (expr instanceof MethodCallExpr m) {
      return m.getArguments().isEmpty() && THROWABLE_GETTERS.contains(m.getNameAsString());
    }
    return false;
  }

  /**
   * True unless {@code expr} evidently is not a throwable: it is one ({@link #isThrowable}), or its
   * type cannot be told without a classpath (an implicitly typed lambda parameter, a method call,
   * a field of another class). Rules that would otherwise report an extra trailing argument use
   * it, so that {@code (offsets, t) -> log.error("commit of {} failed", offsets, t)} is not a
   * false positive.
   */
  public boolean mayBeThrowable(Expression expr) {
    if (isThrowable(expr)) {
      return true;
    }
    if (expr instanceof NameExpr n) {
      return declaredType(n).isEmpty();
    }
    return expr instanceof MethodCallExpr
        || expr instanceof FieldAccessExpr
        || expr instanceof EnclosedExpr
        || expr instanceof com.github.javaparser.ast.expr.CastExpr
        || expr instanceof com.github.javaparser.ast.expr.ConditionalExpr
        || expr instanceof com.github.javaparser.ast.expr.ArrayAccessExpr;
  }

  private static boolean isThrowableTypeName(String type) {
    String t = type.strip();
    return t.endsWith("Exception") || t.endsWith("Error") || t.endsWith("Throwable");
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
    for (Node n : nodes) {
      indexNode(n);
    }
  }

  private void indexNode(Node node) {
    if (node instanceof VariableDeclarator v) {
      declare(v.getNameAsString(), v.getType());
      Api api = lookup(LOGGER_TYPES, resolveTypeQuietly(v.getType()));
      if (api == null && (v.getType().isVarType() || v.getType().asString().equals("var"))) {
        api = v.getInitializer()
            .filter(MethodCallExpr.class::isInstance)
            .flatMap(i -> factoryApi((MethodCallExpr) i))
            .orElse(null);
      }
      if (api != null) {
        loggers.put(v.getNameAsString(), api);
      }
      if (v.getInitializer().isPresent() && isConstantField(v)) {
        constants.merge(v.getNameAsString(), v.getInitializer().get(), (a, b) -> a.equals(b) ? a : null);
      }
    } else if (node instanceof Parameter p) {
      declare(p.getNameAsString(), p.getType());
      Api api = lookup(LOGGER_TYPES, resolveTypeQuietly(p.getType()));
      if (api != null) {
        loggers.put(p.getNameAsString(), api);
      }
    } else if (node instanceof ClassOrInterfaceDeclaration c) {
      for (AnnotationExpr a : c.getAnnotations()) {
        String type = resolveType(a.getNameAsString());
        Api api = type == null ? null : LOMBOK_LOGGERS.get(type);
        if (api != null) {
          loggers.put("log", api);
        }
      }
    } else if (node instanceof EnumDeclaration e) {
      Set<String> names = new HashSet<>();
      for (EnumConstantDeclaration c : e.getEntries()) {
        names.add(c.getNameAsString());
      }
      enums.put(e.getNameAsString(), names);
    }
  }

  // The immutable collections throw on a null lookup; an unresolved name is simply no match.
  private static <V> V lookup(Map<String, V> map, String key) {
    return key == null ? null : map.get(key);
  }

  private static boolean in(Set<String> set, String value) {
    return value != null && set.contains(value);
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

  private void declare(String name, Type type) {
    String t = type.asString();
    String previous = declaredTypes.putIfAbsent(name, t);
    if (previous != null && !previous.equals(t)) {
      ambiguousNames.add(name);
    }
  }

  // Imports are read before the walk, so resolution during indexing sees all of them.
  private String resolveTypeQuietly(Type type) {
    return type instanceof ClassOrInterfaceType c ? resolveType(c.getNameWithScope()) : null;
  }

  private static Set<String> knownTypes() {
    Set<String> s = new HashSet<>();
    s.addAll(LOGGER_TYPES.keySet());
    s.addAll(LOGGER_FACTORIES.keySet());
    s.addAll(LOMBOK_LOGGERS.keySet());
    s.addAll(FLUENT_BUILDER_TYPES);
    s.addAll(MDC_TYPES);
    s.addAll(MARKER_FACTORIES);
    s.addAll(List.of(STRUCTURED_ARGUMENTS, MARKER_TYPE_SLF4J, MARKER_TYPE_LOG4J, ACTION_ENUM,
        CONVENTIONS, "java.util.logging.FileHandler", "java.util.logging.Level"));
    return Set.copyOf(s);
  }

  private static Map<String, String> schemaConstants() {
    Map<String, String> m = new HashMap<>();
    for (Field f : Conventions.class.getFields()) {
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
