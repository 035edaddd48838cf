package io.logconv.lint.source;

import io.logconv.lint.source.LoggingModel.Api;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the files of one tree tell about each other: the types they declare, with their supertypes,
 * their logger fields, the types of their other fields, and the logging wrappers among their
 * methods. Built once per run from every file's {@link TypeSummary}, before the rules run, so that
 * a file whose class inherits {@code LOG} from a parent in another file, or logs through a wrapper
 * declared elsewhere ({@code LOGGER.debugCr(reconciliation, "...", x)}), is checked like one that
 * declares its own logger.
 *
 * <p>Every question a file asks is one of three, each answered by a string so that it can be kept
 * in the cache and asked again: which logger a field name inherited from given supertypes is
 * ({@link #inheritedLogger}), whether a type is a logging wrapper ({@link #wrapper}), and whether a
 * type is a throwable ({@link #throwable}). A file linted before the index existed is linted
 * again only if one of its questions has a different answer now ({@link Recorder}).
 *
 * <pre>{@code
 * ProjectIndex index = ProjectIndex.of(summaries, configuredWrappers);
 * index.inheritedLogger(List.of("org.example.Base"), "LOG");   // "SLF4J"
 * index.wrapper(List.of("io.strimzi.operator.common.ReconciliationLogger"));
 * }</pre>
 */
final class ProjectIndex {
  /** The answer for a chain of supertypes that leaves the tree before the field is found. */
  static final String OUTSIDE = "?";

  static final String WRAPPER_PREFIX = "W:";

  /** Names a logger field is given, for a logger inherited from a type outside the tree. */
  static final java.util.regex.Pattern LOGGER_LIKE =
      java.util.regex.Pattern.compile(
          "(?i:log|logger)|[A-Z][A-Z0-9]*_LOG(?:GER)?|LOG(?:GER)?_[A-Z0-9_]+|[a-z][A-Za-z0-9]*Logger");

  /** An index of no file: every type is outside the tree. */
  static final ProjectIndex EMPTY = new ProjectIndex(Map.of(), Map.of());

  private static final int MAX_DEPTH = 32;

  /** The kind of a getter that returns a primitive number, a boxed one or a boolean. */
  static final String NUMBER = "N";

  private final Map<String, TypeSummary> types;
  private final Map<String, Wrapper> configured;
  private final Map<String, List<String>> getterKinds = new HashMap<>();

  private ProjectIndex(Map<String, TypeSummary> types, Map<String, Wrapper> configured) {
    this.types = types;
    this.configured = configured;
    for (TypeSummary t : types.values()) {
      t.getters().forEach((name, kind) ->
          getterKinds.computeIfAbsent(name, k -> new ArrayList<>()).add(kind));
    }
  }

  /** True for the primitive and boxed numbers and booleans, as written in source. */
  static boolean isNumberType(String written) {
    return switch (written) {
      case "byte", "short", "int", "long", "float", "double", "boolean", "Byte", "Short",
          "Integer", "Long", "Float", "Double", "Boolean", "java.lang.Long", "java.lang.Integer",
          "AtomicLong", "AtomicInteger" -> true;
      default -> false;
    };
  }

  /** The index of these declared types, with wrappers configured by the user. */
  static ProjectIndex of(Collection<TypeSummary> summaries, Collection<Wrapper> configured) {
    Map<String, TypeSummary> byName = new HashMap<>();
    for (TypeSummary s : summaries) {
      byName.putIfAbsent(s.fqn(), s);
    }
    Map<String, Wrapper> wrappers = new HashMap<>();
    for (Wrapper w : configured) {
      wrappers.merge(w.type(), w, Wrapper::merge);
    }
    return new ProjectIndex(Map.copyOf(byName), Map.copyOf(wrappers));
  }

  /** Whether the index knows no type of the tree and no configured wrapper. */
  boolean isEmpty() {
    return types.isEmpty() && configured.isEmpty();
  }

  /** The simple names of every wrapper type, for the files that mention one. */
  Set<String> wrapperSimpleNames() {
    Set<String> out = new HashSet<>();
    for (Wrapper w : configured.values()) {
      out.add(simpleName(w.type()));
    }
    for (TypeSummary t : types.values()) {
      if (!t.wrapperMethods().isEmpty()) {
        out.add(simpleName(t.fqn()));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- questions

  /**
   * The logger a field named {@code field} denotes when inherited from the first of {@code
   * supertypes} the tree declares: an API name ({@code "SLF4J"}), {@code "W:"} and the type of a
   * wrapper, {@code ""} if the chain is in the tree and declares no such field, or {@link #OUTSIDE}
   * when the chain leaves the tree first.
   */
  String inheritedLogger(List<List<String>> supertypes, String field) {
    return inheritedLogger(supertypes, field, 0);
  }

  private String inheritedLogger(List<List<String>> supertypes, String field, int depth) {
    boolean outside = false;
    for (List<String> candidates : supertypes) {
      TypeSummary t = find(candidates);
      if (t == null || depth > MAX_DEPTH) {
        outside = true;
        continue;
      }
      String api = t.loggerFields().get(field);
      if (api != null) {
        return api;
      }
      List<String> fieldType = t.fieldTypes().get(field);
      if (fieldType != null) {
        String w = wrapper(fieldType);
        return w.isEmpty() ? "" : WRAPPER_PREFIX + w;
      }
      String up = inheritedLogger(t.supertypes(), field, depth + 1);
      if (!up.isEmpty() && !up.equals(OUTSIDE)) {
        return up;
      }
      outside |= up.equals(OUTSIDE);
    }
    return outside ? OUTSIDE : "";
  }

  /** The type a wrapper is found under among {@code candidates}, or {@code ""}. */
  String wrapper(List<String> candidates) {
    for (String c : candidates) {
      if (configured.containsKey(c)) {
        return c;
      }
    }
    TypeSummary t = find(candidates);
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
      if (!t.wrapperMethods().isEmpty()) {
        return t.fqn();
      }
      t = t.supertypes().isEmpty() ? null : find(t.supertypes().get(0));
    }
    return "";
  }

  /** The wrapper declared as {@code type} (the answer of {@link #wrapper}), or {@code null}. */
  Wrapper wrapperNamed(String type) {
    Wrapper w = configured.get(type);
    TypeSummary t = types.get(type);
    if (t != null && !t.wrapperMethods().isEmpty()) {
      Wrapper found = new Wrapper(type, t.wrapperApi(), t.wrapperMethods());
      return w == null ? found : w.merge(found);
    }
    return w;
  }

  /**
   * {@code "T"} if the first of {@code candidates} the tree declares extends a throwable (through
   * the tree, then the JDK), {@code "F"} if it evidently does not, {@code ""} if it cannot be told;
   * for a type outside the tree, what the JDK says of it.
   */
  String throwable(List<String> candidates) {
    TypeSummary t = find(candidates);
    if (t == null) {
      return Jdk.throwable(candidates);
    }
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      if (t.supertypes().isEmpty()) {
        return "F";
      }
      List<String> sup = t.supertypes().get(0);
      TypeSummary next = find(sup);
      if (next == null) {
        String jdk = Jdk.throwable(sup);
        return jdk.isEmpty() ? Jdk.byName(sup) : jdk;
      }
      t = next;
    }
    return "";
  }

  /**
   * {@link #NUMBER} if every method of the tree named {@code getter} without parameters returns a
   * number or a boolean (ZooKeeper's {@code long getSessionId()}), else {@code ""}.
   */
  String getterKind(String getter) {
    List<String> kinds = getterKinds.get(getter);
    if (kinds == null || kinds.isEmpty()) {
      return "";
    }
    for (String k : kinds) {
      if (!k.equals(NUMBER)) {
        return "";
      }
    }
    return NUMBER;
  }

  /**
   * What the getter {@code getter} of the first of {@code candidates} the tree declares returns,
   * looked up through its supertypes: {@link #NUMBER} or {@code ""}; when the type is not in the
   * tree, {@link #getterKind(String)}.
   */
  String getterKind(List<String> candidates, String getter) {
    TypeSummary t = find(candidates);
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
      String kind = t.getters().get(getter);
      if (kind != null) {
        return kind;
      }
      t = t.supertypes().isEmpty() ? null : find(t.supertypes().get(0));
    }
    return getterKind(getter);
  }

  private TypeSummary find(List<String> candidates) {
    for (String c : candidates) {
      TypeSummary t = types.get(c);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /** The cache fingerprint part of the configured wrappers (the tree's are asked, not keyed). */
  String configuredFingerprint() {
    return new TreeMap<>(configured).toString();
  }

  private static String simpleName(String fqn) {
    return fqn.substring(fqn.lastIndexOf('.') + 1);
  }

  private static final java.util.regex.Pattern PACKAGE =
      java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final java.util.regex.Pattern IMPORT =
      java.util.regex.Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;");
  private static final java.util.regex.Pattern EXTENDS =
      java.util.regex.Pattern.compile(
          "\\bclass\\s+(\\w+)\\s*(?:<[^{;]*?>)?\\s*extends\\s+([\\w.]+)");

  private static final java.util.regex.Pattern NO_ARG_METHOD =
      java.util.regex.Pattern.compile(
          "\\b([\\w.]+(?:<[^;{}()]*>)?(?:\\[])*)\\s+(\\w+)\\s*\\(\\s*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{");

  /**
   * The classes of a file that is not parsed (it mentions no logging API), read from its text:
   * the superclass each extends, enough for a chain of supertypes to pass through it, and the
   * methods without parameters it declares with what they return, on the first of them.
   */
  static List<TypeSummary> scan(String text) {
    java.util.regex.Matcher pm = PACKAGE.matcher(text);
    String pkg = pm.find() ? pm.group(1) + "." : "";
    Map<String, String> imports = new HashMap<>();
    java.util.regex.Matcher im = IMPORT.matcher(text);
    while (im.find()) {
      String name = im.group(1);
      imports.put(name.substring(name.lastIndexOf('.') + 1), name);
    }
    Map<String, String> getters = new HashMap<>();
    java.util.regex.Matcher gm = NO_ARG_METHOD.matcher(text);
    while (gm.find()) {
      if (!gm.group(1).equals("new") && !gm.group(1).equals("return")) {
        getters.merge(gm.group(2), isNumberType(gm.group(1)) ? NUMBER : "",
            (a, b) -> a.equals(b) ? a : "");
      }
    }
    List<TypeSummary> out = new ArrayList<>();
    java.util.regex.Matcher em = EXTENDS.matcher(text);
    if (!getters.isEmpty()) {
      java.util.regex.Matcher first = java.util.regex.Pattern
          .compile("\\b(?:class|interface|enum|record)\\s+(\\w+)").matcher(text);
      if (first.find()) {
        out.add(new TypeSummary(pkg + first.group(1) + "#methods", List.of(), Map.of(), Map.of(),
            Map.of(), "", Map.copyOf(getters)));
      }
    }
    while (em.find()) {
      String sup = em.group(2);
      String imported = imports.get(sup);
      List<String> candidates = imported != null ? List.of(imported)
          : sup.indexOf('.') >= 0 ? List.of(sup) : List.of(pkg + sup, "java.lang." + sup);
      out.add(new TypeSummary(pkg + em.group(1), List.of(candidates), Map.of(), Map.of(),
          Map.of(), "", Map.of()));
    }
    return out;
  }

  // ---------------------------------------------------------------- data

  /**
   * One type declared in the tree. {@code supertypes}: for the superclass, then each interface,
   * the names it may denote, most likely first ({@code ["org.example.Base", "java.lang.Base"]}).
   * {@code loggerFields}: fields of a logger type, by name, with their API. {@code fieldTypes}:
   * the other fields, with the names their type may denote. {@code wrapperMethods}: methods that
   * hand their message and arguments to a logger, with the number of leading arguments before the
   * message ({@code debugCr} → 1). {@code getters}: methods without parameters, by name, with
   * {@link #NUMBER} when they return a number or a boolean and {@code ""} otherwise.
   */
  record TypeSummary(
      String fqn,
      List<List<String>> supertypes,
      Map<String, String> loggerFields,
      Map<String, List<String>> fieldTypes,
      Map<String, Set<Integer>> wrapperMethods,
      String wrapperApi,
      Map<String, String> getters) {

    void write(DataOutput out) throws IOException {
      out.writeUTF(fqn);
      out.writeInt(supertypes.size());
      for (List<String> s : supertypes) {
        writeList(out, s);
      }
      out.writeInt(loggerFields.size());
      for (Map.Entry<String, String> e : loggerFields.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      out.writeInt(fieldTypes.size());
      for (Map.Entry<String, List<String>> e : fieldTypes.entrySet()) {
        out.writeUTF(e.getKey());
        writeList(out, e.getValue());
      }
      out.writeInt(wrapperMethods.size());
      for (Map.Entry<String, Set<Integer>> e : wrapperMethods.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().size());
        for (int skip : e.getValue()) {
          out.writeInt(skip);
        }
      }
      out.writeUTF(wrapperApi);
      out.writeInt(getters.size());
      for (Map.Entry<String, String> e : getters.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
    }

    static TypeSummary read(DataInput in) throws IOException {
      String fqn = in.readUTF();
      int n = in.readInt();
      List<List<String>> supertypes = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        supertypes.add(readList(in));
      }
      n = in.readInt();
      Map<String, String> loggers = new HashMap<>();
      for (int i = 0; i < n; i++) {
        loggers.put(in.readUTF(), in.readUTF());
      }
      n = in.readInt();
      Map<String, List<String>> fields = new HashMap<>();
      for (int i = 0; i < n; i++) {
        fields.put(in.readUTF(), readList(in));
      }
      n = in.readInt();
      Map<String, Set<Integer>> wrappers = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        int k = in.readInt();
        Set<Integer> skips = new HashSet<>();
        for (int j = 0; j < k; j++) {
          skips.add(in.readInt());
        }
        wrappers.put(name, Set.copyOf(skips));
      }
      String api = in.readUTF();
      n = in.readInt();
      Map<String, String> getters = new HashMap<>();
      for (int i = 0; i < n; i++) {
        getters.put(in.readUTF(), in.readUTF());
      }
      return new TypeSummary(fqn, List.copyOf(supertypes), Map.copyOf(loggers),
          Map.copyOf(fields), Map.copyOf(wrappers), api, Map.copyOf(getters));
    }

    private static void writeList(DataOutput out, List<String> list) throws IOException {
      out.writeInt(list.size());
      for (String s : list) {
        out.writeUTF(s);
      }
    }

    private static List<String> readList(DataInput in) throws IOException {
      int n = in.readInt();
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(in.readUTF());
      }
      return List.copyOf(out);
    }
  }

  /**
   * A logging wrapper: a type whose methods, by name, take {@code skip} leading arguments (a
   * context such as a reconciliation), then a message format and its arguments, and log them
   * through {@code api}. From the tree's own code, or configured ({@code --logger-wrapper}).
   */
  record Wrapper(String type, String api, Map<String, Set<Integer>> methods) {
    Wrapper merge(Wrapper other) {
      Map<String, Set<Integer>> m = new HashMap<>(methods);
      other.methods.forEach((k, v) -> m.merge(k, v, (a, b) -> {
        Set<Integer> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
      }));
      return new Wrapper(type, api, Map.copyOf(m));
    }

    /**
     * Parses {@code TYPE:METHOD[,METHOD...]:SKIP} (a method {@code *} is every method named
     * after a level: {@code debugCr}, {@code infoOp}), as {@code --logger-wrapper} takes it.
     *
     * @throws IllegalArgumentException with the reason, for a malformed value
     */
    static Wrapper parse(String spec) {
      String[] parts = spec.strip().split(":", -1);
      if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalArgumentException(
            "expected TYPE:METHOD[,METHOD...]:SKIP (e.g. com.example.CtxLogger:infoCtx,warnCtx:1),"
                + " got '" + spec + "'");
      }
      int skip;
      try {
        skip = Integer.parseInt(parts[2].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("SKIP must be a number of leading arguments, got '"
            + parts[2] + "' in '" + spec + "'", e);
      }
      if (skip < 0 || skip > 16) {
        throw new IllegalArgumentException("SKIP must be between 0 and 16, got " + skip);
      }
      Map<String, Set<Integer>> methods = new HashMap<>();
      for (String m : parts[1].split(",", -1)) {
        String name = m.strip();
        if (!name.equals("*") && !isIdentifier(name)) {
          throw new IllegalArgumentException("'" + name + "' is not a method name in '" + spec + "'");
        }
        methods.put(name, Set.of(skip));
      }
      return new Wrapper(parts[0].strip(), Api.SLF4J.name(), Map.copyOf(methods));
    }

    /**
     * The key of a method found in the tree: its name and number of parameters, {@code +} for
     * varargs ({@code debugCr/3+}); a configured method is keyed by its name alone.
     */
    static String key(String name, int parameters, boolean varargs) {
      return name + "/" + parameters + (varargs ? "+" : "");
    }

    /**
     * The leading-argument counts of a call of {@code method} with {@code arguments} arguments, or
     * none if no wrapper method takes such a call.
     */
    Set<Integer> skips(String method, int arguments) {
      Set<Integer> out = new java.util.TreeSet<>();
      Set<Integer> byName = methods.get(method);
      if (byName != null) {
        out.addAll(byName);
      }
      if (methods.containsKey("*") && LevelNames.levelOf(method) != null) {
        out.addAll(methods.get("*"));
      }
      Set<Integer> exact = methods.get(key(method, arguments, false));
      if (exact != null) {
        out.addAll(exact);
      }
      for (int n = 1; n <= arguments + 1; n++) {
        Set<Integer> varargs = methods.get(key(method, n, true));
        if (varargs != null) {
          out.addAll(varargs);
        }
      }
      return out;
    }

    private static boolean isIdentifier(String s) {
      if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
        return false;
      }
      for (int i = 1; i < s.length(); i++) {
        if (!Character.isJavaIdentifierPart(s.charAt(i))) {
          return false;
        }
      }
      return true;
    }
  }

  /** Level names as wrappers spell them at the start of their methods ({@code warnCr}). */
  static final class LevelNames {
    private static final List<String> LEVELS = LoggingApis.WRAPPER_LEVELS;

    private LevelNames() {}

    /** The level {@code method}'s name starts with, or {@code null}. */
    static String levelOf(String method) {
      for (String l : LEVELS) {
        if (method.startsWith(l)
            && (method.length() == l.length() || !Character.isLowerCase(method.charAt(l.length())))) {
          return l;
        }
      }
      return null;
    }
  }

  /** What the JDK the linter runs on says of a type name. */
  static final class Jdk {
    private Jdk() {}

    /** {@code "T"}/{@code "F"} for the first candidate that is a JDK class, else {@code ""}. */
    static String throwable(List<String> candidates) {
      for (String c : candidates) {
        if (!c.startsWith("java.") && !c.startsWith("javax.")) {
          continue;
        }
        try {
          Class<?> k = Class.forName(c, false, ClassLoader.getPlatformClassLoader());
          return Throwable.class.isAssignableFrom(k) ? "T" : "F";
        } catch (ClassNotFoundException | LinkageError e) {
          // not a JDK class under this name: try the next one
        }
      }
      return "";
    }

    /** By naming convention, for a type neither the tree nor the JDK knows. */
    static String byName(List<String> candidates) {
      if (candidates.isEmpty()) {
        return "";
      }
      String c = candidates.get(0);
      return c.endsWith("Exception") || c.endsWith("Error") || c.endsWith("Throwable") ? "T" : "";
    }
  }

  // ---------------------------------------------------------------- recording

  /** One question a file asked, and the answer it got. */
  record Question(String kind, List<String> args, String answer) {
    /** Whether {@code index} answers this question as it was answered. */
    boolean answeredAlikeBy(ProjectIndex index) {
      return answer.equals(ask(index, kind, args));
    }

    static String ask(ProjectIndex index, String kind, List<String> args) {
      return switch (kind) {
        case "inherited-logger" -> decide(
            index.inheritedLogger(decode(args.subList(1, args.size())), args.get(0)), args.get(0));
        case "wrapper" -> index.wrapper(args);
        case "throwable" -> index.throwable(args).equals("T") ? "T" : "";
        case "getter" -> args.size() == 1 ? index.getterKind(args.get(0))
            : index.getterKind(args.subList(1, args.size()), args.get(0));
        default -> "";
      };
    }

    void write(DataOutput out) throws IOException {
      out.writeUTF(kind);
      TypeSummary.writeList(out, args);
      out.writeUTF(answer);
    }

    static Question read(DataInput in) throws IOException {
      return new Question(in.readUTF(), TypeSummary.readList(in), in.readUTF());
    }

    /**
     * What a file makes of an inherited name: the index's answer, and for a chain that leaves the
     * tree, a logger if the name is one logger fields are given ({@link #LOGGER_LIKE}).
     */
    private static String decide(String answer, String name) {
      if (answer.equals(OUTSIDE)) {
        return LOGGER_LIKE.matcher(name).matches() ? Api.SLF4J.name() : "";
      }
      return answer;
    }

    private static List<List<String>> decode(List<String> encoded) {
      List<List<String>> out = new ArrayList<>(encoded.size());
      for (String s : encoded) {
        out.add(List.of(s.split(",", -1)));
      }
      return out;
    }
  }

  /**
   * Asks an index on behalf of one file and keeps every question with its answer, so that the
   * file's result can later be told valid or stale against another index.
   */
  static final class Recorder {
    private final ProjectIndex index;
    private final Map<Question, Boolean> asked = new java.util.LinkedHashMap<>();

    Recorder(ProjectIndex index) {
      this.index = index;
    }

    ProjectIndex index() {
      return index;
    }

    String inheritedLogger(List<List<String>> supertypes, String field) {
      List<String> args = new ArrayList<>();
      args.add(field);
      for (List<String> s : supertypes) {
        args.add(String.join(",", s));
      }
      return record("inherited-logger", args);
    }

    String wrapper(List<String> candidates) {
      return record("wrapper", candidates);
    }

    String throwable(List<String> candidates) {
      return record("throwable", candidates);
    }

    String getterKind(String getter) {
      return record("getter", List.of(getter));
    }

    String getterKind(List<String> receiverCandidates, String getter) {
      List<String> args = new ArrayList<>();
      args.add(getter);
      args.addAll(receiverCandidates);
      return record("getter", args);
    }

    /** Whether {@code candidates} denote a throwable, by the tree and the JDK. */
    boolean isThrowable(List<String> candidates) {
      return throwable(candidates).equals("T");
    }

    private String record(String kind, List<String> args) {
      String answer = Question.ask(index, kind, args);
      asked.put(new Question(kind, List.copyOf(args), answer), Boolean.TRUE);
      return answer;
    }

    List<Question> questions() {
      return List.copyOf(asked.keySet());
    }
  }
}
