package io.logconv.lint.rules;

import io.logconv.lint.source.LintRule;

/** Rule instances for engine tests in other packages. */
public final class RuleAccess {
  private RuleAccess() {}

  public static LintRule systemOut() {
    return new SystemOutRule();
  }

  public static LintRule reservedKey() {
    return new ReservedKeyRule();
  }
}
