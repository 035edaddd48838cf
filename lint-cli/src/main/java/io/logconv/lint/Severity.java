package io.logconv.lint;

/**
 * How much a finding matters. So that a threshold such as
 * {@code --fail-on warning} can be compared with {@link #isAtLeast}.
 */
public enum Severity {
  ERROR(3),
  WARNING(2),
  NOTE(1);

  private final int rank;

  Severity(int rank) {
    this.rank = rank;
  }

  /** True if this severity is as severe as {@code threshold} or more. */
  public boolean isAtLeast(Severity threshold) {
    return rank >= threshold.rank;
  }
}
