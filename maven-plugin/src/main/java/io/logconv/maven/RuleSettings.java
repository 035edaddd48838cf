package io.logconv.maven;

import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.Severity;
import io.logconv.lint.source.SourceLinter;
import io.logconv.lint.validate.ValidatorRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which rules are switched off and which are re-graded, read from the {@code <rules>} list and the
 * string form {@code LC008=error,LC011=off} ({@code -Dlogconv.rules}), later entries winning. Ids
 * are checked against the rules lint-cli has, so a typo fails the build instead of silently
 * checking nothing.
 *
 * <pre>{@code
 * RuleSettings s = RuleSettings.parse(List.of(), "LC008=error,LC011=off");
 * s.configure(SourceLinter.builder()).build();
 * }</pre>
 */
final class RuleSettings {
  private final Set<String> disabled;
  private final Map<String, Severity> severities;

  private RuleSettings(Set<String> disabled, Map<String, Severity> severities) {
    this.disabled = disabled;
    this.severities = severities;
  }

  /**
   * Reads both forms.
   *
   * @throws IllegalArgumentException naming the entry that is not understood
   */
  static RuleSettings parse(List<Rule> rules, String spec) {
    Set<String> known = new TreeSet<>();
    SourceLinter.allRules().forEach(r -> known.add(r.id()));
    ValidatorRules.ALL.forEach(r -> known.add(r.id()));
    Set<String> disabled = new TreeSet<>();
    Map<String, Severity> severities = new TreeMap<>();
    List<String[]> entries = new ArrayList<>();
    if (rules != null) {
      for (Rule r : rules) {
        String value = !r.isEnabled() ? "off" : r.getSeverity() == null ? "on" : r.getSeverity();
        entries.add(new String[] {r.getId(), value, "<rule> " + r.getId()});
      }
    }
    if (spec != null && !spec.isBlank()) {
      for (String item : spec.split(",", -1)) {
        if (item.isBlank()) {
          continue;
        }
        int eq = item.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException(
              "rules: '" + item.strip() + "' is not ID=SEVERITY (e.g. LC008=error or LC011=off)");
        }
        entries.add(new String[] {item.substring(0, eq), item.substring(eq + 1), item.strip()});
      }
    }
    for (String[] e : entries) {
      String id = e[0] == null ? "" : e[0].strip().toUpperCase(Locale.ROOT);
      if (!known.contains(id)) {
        throw new IllegalArgumentException(
            "rules: unknown rule id '" + (e[0] == null ? "" : e[0].strip()) + "' in " + e[2]
                + "; known ids: " + String.join(", ", known));
      }
      String value = e[1] == null ? "" : e[1].strip().toLowerCase(Locale.ROOT);
      switch (value) {
        case "off", "false", "disabled" -> disabled.add(id);
        case "on", "true", "enabled" -> disabled.remove(id);
        case "error", "warning", "note" -> {
          disabled.remove(id);
          severities.put(id, Severity.valueOf(value.toUpperCase(Locale.ROOT)));
        }
        default -> throw new IllegalArgumentException(
            "rules: '" + e[1] + "' for " + id + " is not error, warning, note or off");
      }
    }
    return new RuleSettings(Set.copyOf(disabled), Map.copyOf(severities));
  }

  /** Applies the settings of source rules ({@code LC...}) to a linter builder. */
  SourceLinter.Builder configure(SourceLinter.Builder builder) {
    builder.disable(disabled.toArray(String[]::new));
    severities.forEach(builder::severity);
    return builder;
  }

  /**
   * A log-file finding as the settings want it: null if its rule is off, re-graded if its rule
   * has a severity. (The validator has no per-rule switches, so they are applied here.)
   */
  Finding apply(Finding f) {
    if (disabled.contains(f.ruleId())) {
      return null;
    }
    Severity s = severities.get(f.ruleId());
    return s == null || s == f.severity()
        ? f
        : new Finding(f.ruleId(), s, f.file(), f.line(), f.column(), f.message());
  }

  /** Rule ids switched off. */
  Set<String> disabled() {
    return disabled;
  }

  /** Rule ids re-graded, with their severity. */
  Map<String, Severity> severities() {
    return severities;
  }

  /** Every rule descriptor the plugin can report: source rules, then log-file checks. */
  static List<RuleDescriptor> allDescriptors() {
    List<RuleDescriptor> all = new ArrayList<>(SourceLinter.allRules());
    all.addAll(ValidatorRules.ALL);
    return List.copyOf(all);
  }
}
