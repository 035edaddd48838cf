package io.logconv.maven;

/**
 * One {@code <rule>} of the plugin's {@code <rules>} configuration: a rule id (a source rule
 * {@code LCnnn} or a log-file check {@code LVnnn}), optionally a new severity, optionally
 * {@code enabled=false} to switch it off. Maven fills it from the POM.
 *
 * <pre>{@code
 * <rules>
 *   <rule><id>LC008</id><severity>error</severity></rule>
 *   <rule><id>LC011</id><enabled>false</enabled></rule>
 * </rules>
 * }</pre>
 */
public final class Rule {
  private String id;
  private String severity;
  private boolean enabled = true;

  /** An empty rule, as Maven creates it before setting its fields. */
  public Rule() {}

  /** A rule with all fields given ({@code severity} may be null: keep the default). */
  public Rule(String id, String severity, boolean enabled) {
    this.id = id;
    this.severity = severity;
    this.enabled = enabled;
  }

  /** The rule id, e.g. {@code LC008}. */
  public String getId() {
    return id;
  }

  /** Sets the rule id. */
  public void setId(String id) {
    this.id = id;
  }

  /** The severity to report the rule's findings with ({@code error}, {@code warning}, {@code note}), or null. */
  public String getSeverity() {
    return severity;
  }

  /** Sets the severity. */
  public void setSeverity(String severity) {
    this.severity = severity;
  }

  /** False to not run the rule. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether the rule runs. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
