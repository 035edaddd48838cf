package io.logconv.lint.source;

import static io.logconv.lint.source.LoggingApis.ADD_KEY_VALUE;
import static io.logconv.lint.source.LoggingApis.FACTORY_METHODS;
import static io.logconv.lint.source.LoggingApis.FLUENT_BUILDER_TYPES;
import static io.logconv.lint.source.LoggingApis.FLUENT_LEVELS;
import static io.logconv.lint.source.LoggingApis.FLUENT_STEPS;
import static io.logconv.lint.source.LoggingApis.FLUENT_TERMINAL;
import static io.logconv.lint.source.LoggingApis.LEVEL_ARGUMENT_METHOD;
import static io.logconv.lint.source.LoggingApis.LEVEL_METHODS;
import static io.logconv.lint.source.LoggingApis.LOGGER_FACTORIES;
import static io.logconv.lint.source.LoggingApis.LOGGER_TYPES;
import static io.logconv.lint.source.LoggingApis.LOMBOK_FIELD;
import static io.logconv.lint.source.LoggingApis.LOMBOK_LOGGERS;
import static io.logconv.lint.source.LoggingApis.MARKERS;
import static io.logconv.lint.source.LoggingApis.MARKER_CHAIN;
import static io.logconv.lint.source.LoggingApis.MARKER_FACTORIES;
import static io.logconv.lint.source.LoggingApis.MARKER_METHODS;
import static io.logconv.lint.source.LoggingApis.MARKER_PACKAGE;
import static io.logconv.lint.source.LoggingApis.MARKER_TYPES;
import static io.logconv.lint.source.LoggingApis.MDC_CHAIN;
import static io.logconv.lint.source.LoggingApis.MDC_METHODS;
import static io.logconv.lint.source.LoggingApis.MDC_TYPES;
import static io.logconv.lint.source.LoggingApis.STRUCTURED_ARGUMENTS;
import static io.logconv.lint.source.LoggingApis.STRUCTURED_METHODS;
import static io.logconv.lint.source.LoggingApis.TYPED_BUILDERS;
import static io.logconv.lint.source.LoggingApis.TYPED_CAUSE;
import static io.logconv.lint.source.LoggingApis.TYPED_FACTORIES;
import static io.logconv.lint.source.LoggingApis.TYPED_KEY_VALUE;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.logconv.lint.source.LoggingModel.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells which calls of one parsed file are logging statements and which attach a key/value pair
 * to log output, by the tables of {@link LoggingApis} and the names the {@link TypeResolver}
 * resolves: a call is a logging call only if its receiver evidently is a logger (a variable,
 * field or parameter of a logger type, a Lombok logger, a factory call) and its name is a level
 * method of that logger's API. A receiver that cannot be resolved is no logger; missing a finding
 * is preferred to inventing one. Answers are cached per call.
 *
 * <pre>{@code
 * CallClassifier calls = new CallClassifier(types);
 * unit.walk(calls::index);
 * calls.event(call);     // log.info(...), log.atInfo()...log()
 * calls.keyValue(call);  // addKeyValue, MDC.put, kv(...), Markers.append(...)
 * }</pre>
 */
final class CallClassifier {
  private static final java.util.regex.Pattern LOGGER_LIKE = ProjectIndex.LOGGER_LIKE;

  /** The methods a wrapper's body may hand its message to, beyond the level methods. */
  private static final java.util.regex.Pattern MESSAGE_PARAMETER =
      java.util.regex.Pattern.compile("(?i).*(?:msg|message|format|fmt|pattern|template|text).*");

  private static final Set<String> DELEGATE_METHODS =
      Set.of(LEVEL_ARGUMENT_METHOD, "logIfEnabled", "logMessage", "printf");

  private final TypeResolver types;
  private final ProjectIndex.Recorder index;
  private final Map<String, Api> loggers = new HashMap<>();
  private final IdentityHashMap<MethodCallExpr, Optional<LogEvent>> events = new IdentityHashMap<>();
  private final IdentityHashMap<MethodCallExpr, Optional<KeyValue>> keyValues = new IdentityHashMap<>();

  CallClassifier(TypeResolver types) {
    this(types, new ProjectIndex.Recorder(ProjectIndex.EMPTY));
  }

  CallClassifier(TypeResolver types, ProjectIndex.Recorder index) {
    this.types = types;
    this.index = index;
  }

  /** Records the loggers the file declares: typed variables, {@code var} from a factory, Lombok. */
  void index(Node node) {
    if (node instanceof VariableDeclarator v) {
      Api api = lookup(LOGGER_TYPES, types.resolveType(v.getType()));
      if (api == null && (v.getType().isVarType() || v.getType().asString().equals("var"))) {
        api = v.getInitializer()
            .filter(MethodCallExpr.class::isInstance)
            .flatMap(i -> factoryApi((MethodCallExpr) i))
            .orElse(null);
      }
      if (api != null) {
        loggers.put(v.getNameAsString(), api);
      }
    } else if (node instanceof Parameter p) {
      Api api = lookup(LOGGER_TYPES, types.resolveType(p.getType()));
      if (api != null) {
        loggers.put(p.getNameAsString(), api);
      }
    } else if (node instanceof ClassOrInterfaceDeclaration c) {
      for (AnnotationExpr a : c.getAnnotations()) {
        Api api = lookup(LOMBOK_LOGGERS, types.resolveType(a.getNameAsString()));
        if (api != null) {
          loggers.put(LOMBOK_FIELD, api);
        }
      }
    }
  }

  // ---------------------------------------------------------------- loggers

  /** The logging API of the logger {@code expr} denotes, if it denotes one. */
  Optional<Api> loggerApi(Expression expr) {
    if (expr instanceof NameExpr name) {
      Api api = loggers.get(name.getNameAsString());
      return api != null ? Optional.of(api) : inheritedLogger(name, name.getNameAsString());
    }
    if (expr instanceof FieldAccessExpr access
        && (access.getScope() instanceof ThisExpr || access.getScope() instanceof SuperExpr)) {
      Api api = loggers.get(access.getNameAsString());
      return api != null ? Optional.of(api) : inheritedLogger(access, access.getNameAsString());
    }
    if (expr instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr) {
      return Optional.ofNullable(loggers.get(access.getNameAsString()));
    }
    if (expr instanceof MethodCallExpr call) {
      return factoryApi(call);
    }
    return Optional.empty();
  }

  /**
   * The logger a name the file does not declare denotes when the enclosing classes inherit it: a
   * logger field of a supertype in the tree, or, when the supertypes leave the tree, a name
   * logger fields are given ({@code LOG}, {@code logger}).
   */
  private Optional<Api> inheritedLogger(Expression usage, String name) {
    String answer = inheritedAnswer(usage, name);
    if (answer.isEmpty() || answer.startsWith(ProjectIndex.WRAPPER_PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(Api.valueOf(answer));
  }

  /**
   * What {@code name}, inherited by the types enclosing {@code usage}, denotes: an API's name, a
   * wrapper ({@code "W:"} and its type) or nothing ({@code ""}). A name written like a type
   * ({@code Collections}) is a type, not a field.
   */
  private String inheritedAnswer(Expression usage, String name) {
    if (usage instanceof NameExpr n && types.declaredType(n).isPresent()) {
      return "";
    }
    if (Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(java.util.Locale.ROOT))
        && !LOGGER_LIKE.matcher(name).matches()) {
      return "";
    }
    String staticOwner = types.staticImportOwner(name);
    if (staticOwner != null) {
      return LOGGER_LIKE.matcher(name).matches() ? Api.SLF4J.name() : "";
    }
    for (Optional<Node> p = usage.getParentNode(); p.isPresent(); p = p.get().getParentNode()) {
      List<List<String>> supertypes = supertypes(p.get());
      if (supertypes == null) {
        continue;
      }
      if (declaresField(p.get(), name)) {
        return "";
      }
      if (supertypes.isEmpty()) {
        continue;
      }
      String answer = index.inheritedLogger(supertypes, name);
      if (!answer.isEmpty()) {
        return answer;
      }
    }
    return "";
  }

  /** The supertypes of a type declaration or anonymous class, or {@code null} for other nodes. */
  private List<List<String>> supertypes(Node node) {
    List<List<String>> out = new ArrayList<>();
    if (node instanceof ClassOrInterfaceDeclaration c) {
      c.getExtendedTypes().forEach(t -> out.add(types.candidates(t.getNameWithScope())));
      c.getImplementedTypes().forEach(t -> out.add(types.candidates(t.getNameWithScope())));
      return out;
    }
    if (node instanceof EnumDeclaration e) {
      e.getImplementedTypes().forEach(t -> out.add(types.candidates(t.getNameWithScope())));
      return out;
    }
    if (node instanceof RecordDeclaration r) {
      r.getImplementedTypes().forEach(t -> out.add(types.candidates(t.getNameWithScope())));
      return out;
    }
    if (node instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
      out.add(types.candidates(o.getType().getNameWithScope()));
      return out;
    }
    return node instanceof TypeDeclaration<?> ? out : null;
  }

  private static boolean declaresField(Node node, String name) {
    if (node instanceof TypeDeclaration<?> t) {
      return t.getFieldByName(name).isPresent();
    }
    return false;
  }

  /** The wrapper {@code receiver} is an instance of (or, for a static call, names), if any. */
  private ProjectIndex.Wrapper wrapperOf(Expression receiver) {
    String name;
    Optional<String> declared;
    if (receiver instanceof NameExpr n) {
      name = n.getNameAsString();
      declared = types.declaredType(n);
    } else if (receiver instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      name = f.getNameAsString();
      declared = types.declaredType(name);
    } else {
      return null;
    }
    String answer = "";
    if (declared.isPresent()) {
      answer = index.wrapper(types.candidates(declared.get()));
    } else {
      if (Character.isUpperCase(name.charAt(0)) && !LOGGER_LIKE.matcher(name).matches()) {
        answer = index.wrapper(types.candidates(name));
      }
      if (answer.isEmpty()) {
        String inherited = inheritedAnswer(receiver, name);
        if (inherited.startsWith(ProjectIndex.WRAPPER_PREFIX)) {
          answer = inherited.substring(ProjectIndex.WRAPPER_PREFIX.length());
        }
      }
    }
    return answer.isEmpty() ? null : index.index().wrapperNamed(answer);
  }

  /** The event of a call of a wrapper's method, its leading context arguments skipped. */
  private LogEvent wrapperEvent(MethodCallExpr call, ProjectIndex.Wrapper wrapper, Set<Integer> skips) {
    List<Expression> all = call.getArguments();
    int skip = -1;
    for (int s : new java.util.TreeSet<>(skips)) {
      if (s < all.size() && looksLikeMessage(all.get(s))) {
        skip = s;
        break;
      }
    }
    if (skip < 0 && skips.size() == 1 && skips.iterator().next() < all.size()) {
      skip = skips.iterator().next();
    }
    if (skip < 0) {
      return null;
    }
    List<Expression> args = new ArrayList<>(all.subList(skip + 1, all.size()));
    List<KeyValue> pairs = new ArrayList<>();
    for (Expression a : args) {
      collectPair(a, pairs);
    }
    String level = ProjectIndex.LevelNames.levelOf(call.getNameAsString());
    return new LogEvent(call, Api.valueOf(wrapper.api()), level == null ? FLUENT_TERMINAL : level,
        false, Optional.of(all.get(skip)), List.copyOf(args), Optional.empty(), pairs);
  }

  private static boolean looksLikeMessage(Expression e) {
    if (e.isStringLiteralExpr() || e.isTextBlockLiteralExpr()) {
      return true;
    }
    return e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
        && (looksLikeMessage(b.getLeft()) || looksLikeMessage(b.getRight()));
  }

  // ---------------------------------------------------------------- wrappers declared here

  /**
   * The methods of {@code type} that hand a {@code String} parameter named like a message ({@code
   * message}, {@code msg}, {@code format}) and every parameter after it to a logger call (a level method, {@code log}, Log4j2's {@code logIfEnabled}), by name, with
   * the number of parameters before the message; and the API of that logger.
   */
  Map.Entry<Map<String, Set<Integer>>, String> wrapperMethods(TypeDeclaration<?> type) {
    Map<String, Set<Integer>> out = new HashMap<>();
    String api = "";
    for (MethodDeclaration m : type.getMethods()) {
      if (m.getBody().isEmpty() || m.getParameters().isEmpty()) {
        continue;
      }
      for (MethodCallExpr c : m.getBody().get().findAll(MethodCallExpr.class)) {
        Optional<Api> delegate = c.getScope().flatMap(this::loggerApi);
        if (delegate.isEmpty()
            || !(LEVEL_METHODS.get(delegate.get()).contains(c.getNameAsString())
                || DELEGATE_METHODS.contains(c.getNameAsString()))) {
          continue;
        }
        int skip = messageParameter(m, c);
        if (skip >= 0) {
          out.computeIfAbsent(ProjectIndex.Wrapper.key(m.getNameAsString(), m.getParameters().size(),
              m.getParameters().getLast().map(Parameter::isVarArgs).orElse(false)),
              k -> new java.util.TreeSet<>()).add(skip);
          api = delegate.get().name();
          break;
        }
      }
    }
    Map<String, Set<Integer>> frozen = new HashMap<>();
    out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return Map.entry(Map.copyOf(frozen), api);
  }

  /** The index of the String parameter {@code call} logs with all later parameters, or -1. */
  private static int messageParameter(MethodDeclaration m, MethodCallExpr call) {
    List<Parameter> ps = m.getParameters();
    for (int i = 0; i < ps.size(); i++) {
      String t = ps.get(i).getType().asString();
      if (!t.equals("String") && !t.equals("java.lang.String") && !t.equals("CharSequence")) {
        continue;
      }
      String name = ps.get(i).getNameAsString();
      if (!MESSAGE_PARAMETER.matcher(name).matches()) {
        continue; // a method that logs its String parameter inside its own message is no wrapper
      }
      int at = -1;
      for (int a = 0; a < call.getArguments().size(); a++) {
        if (mentions(call.getArgument(a), name)) {
          at = a;
          break;
        }
        if (!call.getArgument(a).findAll(com.github.javaparser.ast.expr.StringLiteralExpr.class)
            .isEmpty()) {
          break; // a message of its own comes first: the parameter is one of its arguments
        }
      }
      if (at < 0) {
        continue;
      }
      boolean rest = true;
      for (int j = i + 1; j < ps.size() && rest; j++) {
        String later = ps.get(j).getNameAsString();
        boolean passed = false;
        for (int a = at + 1; a < call.getArguments().size(); a++) {
          passed |= call.getArgument(a) instanceof NameExpr n && n.getNameAsString().equals(later);
        }
        rest = passed;
      }
      if (rest) {
        return i;
      }
    }
    return -1;
  }

  private static boolean mentions(Expression e, String name) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString().equals(name);
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      return mentions(b.getLeft(), name) || mentions(b.getRight(), name);
    }
    return e instanceof EnclosedExpr en && mentions(en.getInner(), name);
  }

  private Optional<Api> factoryApi(MethodCallExpr call) {
    if (!FACTORY_METHODS.contains(call.getNameAsString()) || call.getScope().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(lookup(LOGGER_FACTORIES, types.resolveType(call.getScope().get().toString())));
  }

  // ---------------------------------------------------------------- events

  /** The logging event {@code call} emits, if it is a logging statement. */
  Optional<LogEvent> event(MethodCallExpr call) {
    Optional<LogEvent> cached = events.get(call);
    if (cached == null) {
      cached = Optional.ofNullable(classify(call));
      events.put(call, cached);
    }
    return cached;
  }

  private LogEvent classify(MethodCallExpr call) {
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()) {
      return null;
    }
    String name = call.getNameAsString();
    if (name.equals(FLUENT_TERMINAL)) {
      LogEvent fluent = fluentEvent(call);
      if (fluent != null) {
        return fluent;
      }
      LogEvent typed = typedEvent(call);
      if (typed != null) {
        return typed;
      }
    }
    Optional<Api> api = loggerApi(scope.get());
    if (api.isEmpty()) {
      ProjectIndex.Wrapper wrapper = wrapperOf(scope.get());
      Set<Integer> skips = wrapper == null ? Set.of() : wrapper.skips(name, call.getArguments().size());
      return skips.isEmpty() ? null : wrapperEvent(call, wrapper, skips);
    }
    if (!LEVEL_METHODS.get(api.get()).contains(name)) {
      return null;
    }
    List<Expression> args = new ArrayList<>(call.getArguments());
    List<KeyValue> pairs = new ArrayList<>();
    if (name.equals(LEVEL_ARGUMENT_METHOD) && !args.isEmpty()) {
      args.remove(0);
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
      level = FLUENT_TERMINAL;
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
      Optional<Expression> first = step.getArguments().getFirst();
      LoggingApis.Step kind = FLUENT_STEPS.get(step.getNameAsString());
      if (kind != null) {
        switch (kind) {
          case KEY_VALUE -> keyValue(step).ifPresent(pairs::add);
          case MESSAGE -> message = first.orElse(null);
          case ARGUMENT -> first.ifPresent(args::add);
          case CAUSE -> cause = first.orElse(null);
          case MARKER -> first.ifPresent(m -> collectPair(m, pairs));
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

  /**
   * The event of a logconv typed builder's chain ending in {@code terminal}: {@code
   * AuditEvent.of(...)}, {@code AuditEvent.on(builder, ...)} or {@code ConventionsEvent.on(builder)}
   * and their steps. Its pairs are its {@code kv(...)} steps and those of a fluent builder it is
   * given; its level that builder's ({@code atInfo}), else {@code log}.
   */
  private LogEvent typedEvent(MethodCallExpr terminal) {
    List<MethodCallExpr> chain = new ArrayList<>();
    Expression s = terminal.getScope().orElse(null);
    MethodCallExpr factory = null;
    TypedEvent.Builder builder = null;
    while (s instanceof MethodCallExpr mc) {
      builder = typedFactory(mc);
      if (builder != null) {
        factory = mc;
        break;
      }
      chain.add(mc);
      s = mc.getScope().orElse(null);
    }
    if (factory == null) {
      return null;
    }
    java.util.Collections.reverse(chain);
    String level = FLUENT_TERMINAL;
    List<KeyValue> pairs = new ArrayList<>();
    Expression given = factory.getArguments().isEmpty() ? null : factory.getArgument(0);
    Expression b = given;
    while (b instanceof MethodCallExpr mc) {
      if (FLUENT_LEVELS.contains(mc.getNameAsString()) && mc.getScope().isPresent()) {
        level = mc.getNameAsString();
        break;
      }
      keyValue(mc).ifPresent(kv -> pairs.add(0, kv));
      b = mc.getScope().orElse(null);
    }
    Expression cause = null;
    for (MethodCallExpr step : chain) {
      if (step.getNameAsString().equals(TYPED_KEY_VALUE)) {
        keyValue(step).ifPresent(pairs::add);
      } else if (step.getNameAsString().equals(TYPED_CAUSE)) {
        cause = step.getArguments().getFirst().orElse(null);
      }
    }
    List<Expression> args = new ArrayList<>(terminal.getArguments());
    Expression message = args.isEmpty() ? null : args.remove(0);
    return new LogEvent(
        terminal,
        Api.SLF4J,
        level,
        true,
        Optional.ofNullable(message),
        List.copyOf(args),
        Optional.ofNullable(cause),
        pairs,
        Optional.of(new TypedEvent(builder, factory, List.copyOf(chain))));
  }

  /** The typed builder {@code call} starts a chain of, if it is one of their factories. */
  private TypedEvent.Builder typedFactory(MethodCallExpr call) {
    if (!TYPED_FACTORIES.contains(call.getNameAsString()) || call.getScope().isEmpty()) {
      return null;
    }
    return lookup(TYPED_BUILDERS, types.resolveType(call.getScope().get().toString()));
  }

  /** True if {@code scope} is (a step of) a typed builder's chain. */
  private boolean isTypedChain(Expression scope) {
    Expression s = scope;
    while (s instanceof MethodCallExpr mc) {
      if (typedFactory(mc) != null) {
        return true;
      }
      s = mc.getScope().orElse(null);
    }
    return false;
  }

  private boolean isFluentBuilderVariable(NameExpr name) {
    return types.declaredType(name)
        .map(t -> in(FLUENT_BUILDER_TYPES, types.resolveType(t)))
        .orElse(false);
  }

  private void collectPair(Expression e, List<KeyValue> pairs) {
    if (e instanceof MethodCallExpr mc) {
      keyValue(mc).ifPresent(pairs::add);
      if (mc.getNameAsString().equals(MARKER_CHAIN)) {
        mc.getScope().ifPresent(scope -> collectPair(scope, pairs));
        for (Expression a : mc.getArguments()) {
          collectPair(a, pairs);
        }
      }
    }
  }

  /** True if {@code e} is evidently a marker (SLF4J, Log4j2 or a logstash marker). */
  boolean isMarker(Expression e) {
    if (e instanceof NameExpr n) {
      return types.declaredType(n)
          .map(types::resolveType)
          .map(t -> MARKER_TYPES.contains(t) || t.startsWith(MARKER_PACKAGE))
          .orElse(false);
    }
    if (e instanceof MethodCallExpr mc) {
      Expression root = mc;
      while (root instanceof MethodCallExpr m && m.getNameAsString().equals(MARKER_CHAIN)) {
        root = m.getScope().orElse(null);
      }
      if (root instanceof MethodCallExpr m) {
        if (m.getScope().isEmpty()) {
          return MARKER_METHODS.contains(m.getNameAsString())
              && types.staticallyImported(m.getNameAsString(), MARKERS);
        }
        return in(MARKER_FACTORIES, types.resolveType(m.getScope().get().toString()));
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- key/values

  /** The key/value pair {@code call} attaches to log output, if it is such a site. */
  Optional<KeyValue> keyValue(MethodCallExpr call) {
    Optional<KeyValue> cached = keyValues.get(call);
    if (cached == null) {
      cached = Optional.ofNullable(classifyKeyValue(call));
      keyValues.put(call, cached);
    }
    return cached;
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
    if (name.equals(ADD_KEY_VALUE) && argc == 2 && scope.isPresent()) {
      return isFluentChain(scope.get()) ? new KeyValue(key, value, call, KeyValue.Kind.EVENT) : null;
    }
    if (name.equals(TYPED_KEY_VALUE) && argc == 2 && scope.isPresent() && isTypedChain(scope.get())) {
      return new KeyValue(key, value, call, KeyValue.Kind.EVENT);
    }
    if (MDC_METHODS.contains(name) && argc == 2 && scope.isPresent()) {
      Expression owner = scope.get();
      while (owner instanceof MethodCallExpr m && m.getNameAsString().equals(MDC_CHAIN)) {
        owner = m.getScope().orElse(null);
      }
      if (owner != null && in(MDC_TYPES, types.resolveType(owner.toString()))) {
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
      return types.staticallyImported(call.getNameAsString(), owner);
    }
    return owner.equals(types.resolveType(call.getScope().get().toString()));
  }

  // The immutable collections throw on a null lookup; an unresolved name is simply no match.
  private static <V> V lookup(Map<String, V> map, String key) {
    return key == null ? null : map.get(key);
  }

  private static boolean in(Set<String> set, String value) {
    return value != null && set.contains(value);
  }
}
