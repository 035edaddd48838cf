package io.logconv.core.audit;

import io.logconv.core.audit.PolicyYaml.Entry;
import io.logconv.core.audit.PolicyYaml.MapNode;
import io.logconv.core.audit.PolicyYaml.Node;
import io.logconv.core.audit.PolicyYaml.Scalar;
import io.logconv.core.audit.PolicyYaml.Seq;
import io.logconv.schema.AuditLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the tree {@link PolicyYaml} makes of a policy file into an {@link AuditPolicy}: the keys
 * {@link AuditPolicy#parse} describes, each value checked, each error at its line.
 */
final class PolicyFile {
  /** The top-level keys of a policy file, spelt as written. */
  enum TopKey {
    apiVersion,
    kind,
    defaultLevel,
    payloadLimitBytes,
    omitPayloadKinds,
    rules
  }

  /** The keys of a rule, spelt as written. */
  enum RuleKey {
    level,
    actions,
    resources,
    namespaces,
    actors
  }

  /** The keys of a resource matcher, spelt as written. */
  enum ResourceKey {
    group,
    kinds,
    names
  }

  /** The key of {@code type} spelt {@code key}, or null. */
  private static <E extends Enum<E>> E keyOf(Class<E> type, String key) {
    for (E k : type.getEnumConstants()) {
      if (k.name().equals(key)) {
        return k;
      }
    }
    return null;
  }

  /** The keys of {@code type}, for messages: {@code "group, kinds, names"}. */
  private static String known(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private final String source;

  private PolicyFile(String source) {
    this.source = source;
  }

  /** The policy in {@code text}; messages name {@code source}. */
  static AuditPolicy policy(String text, String source) {
    PolicyFile y = new PolicyFile(source);
    Node root = PolicyYaml.read(text, source);
    AuditPolicy.Builder b = AuditPolicy.builder();
    if (root == null) {
      return b.build();
    }
    if (!(root instanceof MapNode top)) {
      throw y.error(
          root.line(), "an audit policy is a mapping of keys (known: " + known(TopKey.class) + ")");
    }
    for (Map.Entry<String, Entry> e : top.entries().entrySet()) {
      String key = e.getKey();
      Node v = e.getValue().value();
      TopKey k = keyOf(TopKey.class, key);
      if (k == null) {
        throw y.error(
            e.getValue().line(),
            "unknown top-level key '" + key + "' (known: " + known(TopKey.class) + ")");
      }
      switch (k) {
        case apiVersion -> y.expect(v, key, AuditPolicy.API_VERSION);
        case kind -> y.expect(v, key, AuditPolicy.KIND);
        case defaultLevel -> b.defaultLevel(y.level(v, key));
        case payloadLimitBytes -> {
          String n = y.text(v, key);
          int bytes;
          try {
            bytes = Integer.parseInt(n);
          } catch (NumberFormatException ex) {
            throw y.error(v.line(), key + " '" + n + "' is not a whole number of bytes");
          }
          try {
            b.payloadLimitBytes(bytes);
          } catch (IllegalArgumentException ex) {
            throw y.error(v.line(), ex.getMessage());
          }
        }
        case omitPayloadKinds -> {
          for (Node kind : y.list(v, key)) {
            String name = y.item(kind, key);
            try {
              b.omitPayloadKind(name);
            } catch (IllegalArgumentException ex) {
              throw y.error(kind.line(), ex.getMessage());
            }
          }
        }
        case rules -> {
          for (Node r : y.list(v, key)) {
            b.rule(y.rule(r));
          }
        }
      }
    }
    return b.build();
  }

  private AuditRule rule(Node n) {
    if (!(n instanceof MapNode m)) {
      throw error(n.line(), "a rule is a mapping of keys (known: " + known(RuleKey.class) + ")");
    }
    AuditRule.Builder r = AuditRule.builder();
    boolean hasLevel = false;
    for (Map.Entry<String, Entry> e : m.entries().entrySet()) {
      String key = e.getKey();
      Node v = e.getValue().value();
      RuleKey k = keyOf(RuleKey.class, key);
      if (k == null) {
        throw error(
            e.getValue().line(),
            "unknown key '" + key + "' in a rule (known: " + known(RuleKey.class) + ")");
      }
      switch (k) {
        case level -> {
          r.level(level(v, key));
          hasLevel = true;
        }
        case actions -> {
          for (Node a : list(v, key)) {
            String name = item(a, key);
            try {
              r.actions(AuditRule.actionNamed(name));
            } catch (IllegalArgumentException ex) {
              throw error(a.line(), ex.getMessage());
            }
          }
        }
        case resources -> {
          for (Node res : list(v, key)) {
            resource(res, r);
          }
        }
        case namespaces -> {
          for (Node ns : list(v, key)) {
            r.namespaces(item(ns, key));
          }
        }
        case actors -> {
          for (Node a : list(v, key)) {
            String pattern = item(a, key);
            try {
              r.actors(pattern);
            } catch (IllegalArgumentException ex) {
              throw error(a.line(), ex.getMessage());
            }
          }
        }
      }
    }
    if (!hasLevel) {
      throw error(m.line(), "a rule needs a level");
    }
    return r.build();
  }

  private void resource(Node n, AuditRule.Builder r) {
    if (!(n instanceof MapNode m)) {
      throw error(
          n.line(), "a resource is a mapping of keys (known: " + known(ResourceKey.class) + ")");
    }
    String group = null;
    List<String> kinds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Entry> e : m.entries().entrySet()) {
      String key = e.getKey();
      Node v = e.getValue().value();
      ResourceKey k = keyOf(ResourceKey.class, key);
      if (k == null) {
        throw error(
            e.getValue().line(),
            "unknown key '" + key + "' in a resource (known: " + known(ResourceKey.class) + ")");
      }
      switch (k) {
        case group -> {
          if (v instanceof Scalar s && s.value() == null) {
            throw error(v.line(), "'group' has no value; write group: \"\" for the core group");
          }
          group = text(v, key);
        }
        case kinds, names -> {
          for (Node item : list(v, key)) {
            String value = item(item, key);
            if (value.isEmpty()) {
              throw error(item.line(), "an item of '" + key + "' must not be empty");
            }
            (k == ResourceKey.kinds ? kinds : names).add(value);
          }
        }
      }
    }
    r.resource(group, kinds, names);
  }

  private AuditLevel level(Node v, String what) {
    String label = text(v, what);
    try {
      return AuditRule.levelNamed(what, label);
    } catch (IllegalArgumentException e) {
      throw error(v.line(), e.getMessage());
    }
  }

  private void expect(Node v, String what, String required) {
    String value = text(v, what);
    if (!value.equals(required)) {
      throw error(v.line(), what + " '" + value + "' is not " + required);
    }
  }

  /** The text of a scalar value, or an error naming {@code what}. */
  private String text(Node v, String what) {
    if (!(v instanceof Scalar s)) {
      throw error(v.line(), "'" + what + "' must be a single value, not a list or mapping");
    }
    if (s.value() == null) {
      throw error(v.line(), "'" + what + "' has no value");
    }
    return s.value();
  }

  /** The text of one item of list {@code what}. */
  private String item(Node v, String what) {
    if (!(v instanceof Scalar s)) {
      throw error(
          v.line(), "an item of '" + what + "' must be a single value, not a list or mapping");
    }
    if (s.value() == null) {
      throw error(v.line(), "an item of '" + what + "' has no value");
    }
    return s.value();
  }

  private List<Node> list(Node v, String what) {
    if (!(v instanceof Seq s)) {
      throw error(v.line(), "'" + what + "' must be a list, e.g. " + what + ": [a, b]");
    }
    return s.items();
  }

  private AuditPolicyException error(int line, String detail) {
    return AuditPolicyException.at(source, line, detail);
  }
}
