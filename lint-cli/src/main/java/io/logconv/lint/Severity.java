package io.logconv.lint;

/**
 * How much a finding matters. Ordered from most to least severe, so that a threshold such as
 * {@code --fail-on warning} can be compared with {@link #isAtLeast}.
 */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  /** True if this severity is as severe as {@code threshold} or more. */
  public boolean isAtLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }
}
