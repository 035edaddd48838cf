package io.logconv.core.audit;

import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One rule of an {@link AuditPolicy}: the {@link AuditLevel} for the audit events that meet all of
 * its conditions. A condition the rule does not state matches every event; a stated condition with
 * no values (an empty list) is not stated.
 *
 * <ul>
 *   <li>{@code actions}: the event's {@link Action} is one of them; an event without an action
 *       never matches.
 *   <li>{@code resources}: any one of the resource matchers matches. A matcher names an API group
 *       (exact; {@code ""} is Kubernetes' core group, and an event without an API group is in it;
 *       no group is any group), kinds (exact; {@code "*"} or none is any kind) and names (exact;
 *       none is any name). An event without a kind or name does not match a matcher that names
 *       kinds or names.
 *   <li>{@code namespaces}: the event's namespace is one of them, exactly; {@code ""} matches an
 *       event without a namespace.
 *   <li>{@code actors}: the actor's name in clear is one of them, exactly, or starts with one that
 *       ends in {@code *} ({@code system:serviceaccount:kube-system:*}); an event without an actor
 *       never matches.
 * </ul>
 *
 * <pre>{@code
 * AuditRule quiet = AuditRule.builder()
 *     .level(AuditLevel.NONE)
 *     .actions(Action.VIEW)
 *     .actors("system:serviceaccount:kube-system:*")
 *     .build();
 * AuditRule payments = AuditRule.parse(
 *     "level=RequestResponse; namespaces=payments; kinds=apps/Deployment; names=checkout");
 * payments.matches("apps", "Deployment", "payments", "checkout", Action.UPDATE, "jane"); // true
 * }</pre>
 *
 * <p>Rules are immutable and {@link #matches} allocates nothing.
 */
public final class AuditRule {
  /**
   * The keys of {@link #parse}'s one-line form, spelt as written, in the order its messages list
   * them.
   */
  enum SpecKey {
    level,
    actions,
    kinds,
    names,
    namespaces,
    actors;

    static final String KNOWN =
        Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    /** The key spelt {@code key}, or null. */
    static SpecKey of(String key) {
      for (SpecKey k : values()) {
        if (k.name().equals(key)) {
          return k;
        }
      }
      return null;
    }
  }

  static final String LEVELS =
      Arrays.stream(AuditLevel.values()).map(AuditLevel::label).collect(Collectors.joining(", "));
  static final String ACTIONS =
      Arrays.stream(Action.values()).map(Action::name).collect(Collectors.joining(", "));

  private static final String[] NONE = {};

  private final AuditLevel level;

  /** The stated actions; empty when actions are not stated. */
  private final EnumSet<Action> actions;

  private final Resource[] resources;
  private final String[] namespaces;

  /** Actor patterns without their trailing {@code *}; {@link #actorIsPrefix} says which had one. */
  private final String[] actors;

  private final boolean[] actorIsPrefix;

  private AuditRule(Builder b) {
    this.level = b.level;
    this.actions = EnumSet.noneOf(Action.class);
    this.actions.addAll(b.actions);
    this.resources = b.resources.toArray(new Resource[0]);
    this.namespaces = b.namespaces.toArray(NONE);
    this.actors = new String[b.actors.size()];
    this.actorIsPrefix = new boolean[b.actors.size()];
    for (int i = 0; i < actors.length; i++) {
      String p = b.actors.get(i);
      actorIsPrefix[i] = p.endsWith("*");
      actors[i] = actorIsPrefix[i] ? p.substring(0, p.length() - 1) : p;
    }
  }

  /** A builder for a rule; {@link Builder#level} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The rule written in one line, as a {@code logback.xml} element or a Log4j2 attribute holds it:
   * {@code key=value} parts separated by {@code ;}, each value a list separated by {@code ,},
   * whitespace around each part ignored.
   *
   * <pre>{@code
   * level=None; actions=VIEW,DELETE; kinds=apps/Deployment,Secret; names=checkout;
   * namespaces=kube-system,; actors=system:serviceaccount:*
   * }</pre>
   *
   * <p>{@code level} is required and is one of {@code None}, {@code Metadata}, {@code Request},
   * {@code RequestResponse}. In {@code kinds}, {@code group/Kind} is a kind of that group, a bare
   * {@code Kind} is of any group and {@code /Kind} of the core group; {@code *} is any kind. {@code
   * names} apply to every kind given (or to any kind, if none is). An empty item in {@code
   * namespaces} (the trailing comma above) matches events without a namespace.
   *
   * @throws AuditPolicyException naming the bad part and the allowed values, e.g. {@code audit rule
   *     'level=Full': level 'Full' is not one of None, Metadata, Request, RequestResponse}
   */
  public static AuditRule parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    try {
      return parseSpec(spec);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new AuditPolicyException("audit rule '" + spec.strip() + "': " + e.getMessage(), e);
    }
  }

  private static AuditRule parseSpec(String spec) {
    Map<SpecKey, List<String>> parts = new EnumMap<>(SpecKey.class);
    for (String part : spec.split(";", -1)) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "'" + p + "' is not key=value (keys: " + SpecKey.KNOWN + ")");
      }
      String name = p.substring(0, eq).strip();
      SpecKey key = SpecKey.of(name);
      if (key == null) {
        throw new IllegalArgumentException(
            "unknown key '" + name + "' (known: " + SpecKey.KNOWN + ")");
      }
      List<String> values = new ArrayList<>();
      for (String v : p.substring(eq + 1).split(",", -1)) {
        values.add(v.strip());
      }
      if (parts.put(key, values) != null) {
        throw new IllegalArgumentException("'" + key + "' is given twice");
      }
    }
    Builder b = builder();
    List<String> level = parts.getOrDefault(SpecKey.level, List.of());
    if (level.isEmpty()) {
      throw new IllegalStateException("a rule needs a level");
    }
    if (level.size() > 1) {
      throw new IllegalArgumentException(
          "level takes one value, not '" + String.join(",", level) + "'");
    }
    b.level(levelNamed(SpecKey.level.name(), level.get(0)));
    for (String a : parts.getOrDefault(SpecKey.actions, List.of())) {
      b.actions(actionNamed(a));
    }
    List<String> names = parts.getOrDefault(SpecKey.names, List.of());
    if (parts.containsKey(SpecKey.kinds)) {
      // Kinds of one group become one resource matcher, in the order the groups first appear.
      Map<String, List<String>> byGroup = new LinkedHashMap<>();
      for (String k : parts.get(SpecKey.kinds)) {
        int slash = k.indexOf('/');
        if (slash != k.lastIndexOf('/')) {
          throw new IllegalArgumentException(
              "kind '" + k + "' is not one of Kind, group/Kind or /Kind");
        }
        String group = slash < 0 ? null : k.substring(0, slash).strip();
        String kind = slash < 0 ? k : k.substring(slash + 1).strip();
        checkText("a kind", kind);
        byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(kind);
      }
      byGroup.forEach((group, kinds) -> b.resource(group, kinds, names));
    } else if (parts.containsKey(SpecKey.names)) {
      b.resource(null, List.of(), names);
    }
    b.namespaces(parts.getOrDefault(SpecKey.namespaces, List.of()).toArray(NONE));
    b.actors(parts.getOrDefault(SpecKey.actors, List.of()).toArray(NONE));
    return b.build();
  }

  /** The level whose label is {@code value}, or an exception naming {@code what} and the labels. */
  static AuditLevel levelNamed(String what, String value) {
    AuditLevel l = AuditLevel.parse(value);
    if (l == null) {
      throw new IllegalArgumentException(what + " '" + value + "' is not one of " + LEVELS);
    }
    return l;
  }

  /** The action named {@code value}, or an exception naming the actions. */
  static Action actionNamed(String value) {
    Action a = Action.parse(value);
    if (a == null) {
      throw new IllegalArgumentException("action '" + value + "' is not one of " + ACTIONS);
    }
    return a;
  }

  private static String checkText(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }

  private static String checkActor(String pattern) {
    checkText("an actor pattern", pattern);
    int star = pattern.indexOf('*');
    if (star >= 0 && star != pattern.length() - 1) {
      throw new IllegalArgumentException(
          "actor pattern '" + pattern + "' may have '*' only at its end, for a prefix");
    }
    return pattern;
  }

  /** The level of the events this rule matches. */
  public AuditLevel level() {
    return level;
  }

  /**
   * True if the event meets every condition this rule states. Any argument may be null, for a field
   * the event does not have. Allocates nothing.
   */
  public boolean matches(
      CharSequence apiGroup,
      CharSequence kind,
      CharSequence namespace,
      CharSequence name,
      Action action,
      CharSequence actor) {
    if (!actions.isEmpty() && (action == null || !actions.contains(action))) {
      return false;
    }
    if (namespaces.length > 0 && !anyEquals(namespaces, namespace == null ? "" : namespace)) {
      return false;
    }
    if (resources.length > 0 && !anyResourceMatches(apiGroup == null ? "" : apiGroup, kind, name)) {
      return false;
    }
    return actors.length == 0 || actorMatches(actor);
  }

  private boolean anyResourceMatches(CharSequence group, CharSequence kind, CharSequence name) {
    for (Resource r : resources) {
      if ((r.group == null || r.group.contentEquals(group))
          && (r.kinds.length == 0 || (kind != null && anyEquals(r.kinds, kind)))
          && (r.names.length == 0 || (name != null && anyEquals(r.names, name)))) {
        return true;
      }
    }
    return false;
  }

  private boolean actorMatches(CharSequence actor) {
    if (actor == null) {
      return false;
    }
    for (int i = 0; i < actors.length; i++) {
      if (actorIsPrefix[i] ? startsWith(actor, actors[i]) : actors[i].contentEquals(actor)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyEquals(String[] values, CharSequence s) {
    for (String v : values) {
      if (v.contentEquals(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(CharSequence s, String prefix) {
    int n = prefix.length();
    if (s.length() < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rule's level and the conditions it states, e.g. {@code AuditRule[level=None,
   * actions=[VIEW], actors=[system:serviceaccount:*]]}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("AuditRule[level=").append(level.label());
    if (!actions.isEmpty()) {
      sb.append(", actions=").append(actions);
    }
    if (resources.length > 0) {
      sb.append(", resources=").append(Arrays.toString(resources));
    }
    if (namespaces.length > 0) {
      sb.append(", namespaces=").append(Arrays.toString(namespaces));
    }
    if (actors.length > 0) {
      List<String> patterns = new ArrayList<>();
      for (int i = 0; i < actors.length; i++) {
        patterns.add(actorIsPrefix[i] ? actors[i] + '*' : actors[i]);
      }
      sb.append(", actors=").append(patterns);
    }
    return sb.append(']').toString();
  }

  /** One resource matcher: group (null = any), kinds (none = any), names (none = any). */
  private static final class Resource {
    final String group;
    final String[] kinds;
    final String[] names;

    Resource(String group, List<String> kinds, List<String> names) {
      this.group = group;
      this.kinds = kinds.contains("*") ? NONE : kinds.toArray(NONE);
      this.names = names.toArray(NONE);
    }

    @Override
    public String toString() {
      return "{group="
          + (group == null ? "*" : '"' + group + '"')
          + ", kinds="
          + (kinds.length == 0 ? "*" : Arrays.toString(kinds))
          + (names.length == 0 ? "" : ", names=" + Arrays.toString(names))
          + '}';
    }
  }

  /**
   * Builds an {@link AuditRule}. Each call adds to its condition: {@code actions(VIEW)} then {@code
   * actions(DELETE)} is {@code actions(VIEW, DELETE)}; each {@code resource} call adds a resource
   * matcher.
   */
  public static final class Builder {
    private AuditLevel level;
    private final List<Action> actions = new ArrayList<>();
    private final List<Resource> resources = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> actors = new ArrayList<>();

    private Builder() {}

    /** The level of the events the rule matches; required. */
    public Builder level(AuditLevel level) {
      this.level = Objects.requireNonNull(level, "a rule's level");
      return this;
    }

    /** The event's action is one of {@code actions}. */
    public Builder actions(Action... actions) {
      for (Action a : actions) {
        this.actions.add(Objects.requireNonNull(a, "an action"));
      }
      return this;
    }

    /**
     * A resource matcher: kinds {@code kinds} (none, or {@code "*"}, is any kind) of API group
     * {@code group} ({@code ""} is the core group, null is any group), of any name.
     *
     * @throws IllegalArgumentException if a kind is null or empty
     */
    public Builder resource(String group, String... kinds) {
      return resource(group, Arrays.asList(kinds), List.of());
    }

    /**
     * A resource matcher: kinds {@code kinds} (null, empty or containing {@code "*"} is any kind)
     * of API group {@code group} ({@code ""} is the core group, null is any group), named one of
     * {@code names} (null or empty is any name).
     *
     * @throws IllegalArgumentException if a kind or name is null or empty
     */
    public Builder resource(String group, List<String> kinds, List<String> names) {
      List<String> k = new ArrayList<>();
      for (String kind : kinds == null ? List.<String>of() : kinds) {
        k.add(checkText("a kind", kind));
      }
      List<String> n = new ArrayList<>();
      for (String name : names == null ? List.<String>of() : names) {
        n.add(checkText("a name", name));
      }
      resources.add(new Resource(group, k, n));
      return this;
    }

    /** The event's namespace is one of {@code namespaces}; {@code ""} is no namespace. */
    public Builder namespaces(String... namespaces) {
      for (String ns : namespaces) {
        this.namespaces.add(Objects.requireNonNull(ns, "a namespace"));
      }
      return this;
    }

    /**
     * The actor's name in clear is one of {@code patterns}: exact, or a prefix when the pattern
     * ends in {@code *} ({@code "system:serviceaccount:*"}; {@code "*"} alone is any actor).
     *
     * @throws IllegalArgumentException if a pattern is empty or has {@code *} before its end
     */
    public Builder actors(String... patterns) {
      for (String p : patterns) {
        actors.add(checkActor(p));
      }
      return this;
    }

    /**
     * The rule.
     *
     * @throws IllegalStateException if no level was given
     */
    public AuditRule build() {
      if (level == null) {
        throw new IllegalStateException("a rule needs a level");
      }
      return new AuditRule(this);
    }
  }
}
