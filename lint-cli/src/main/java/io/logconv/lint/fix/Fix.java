package io.logconv.lint.fix;

import java.util.List;

/**
 * What a finding proposes to change: a one-line description and the replacements, all in the
 * finding's file, that make the change. The replacements do not overlap; applied together they
 * fix the finding and nothing else.
 *
 * <pre>{@code
 * Fix f = new Fix("Pass true, not the string \"true\"",
 *     List.of(new Replacement(8, 40, 8, 46, "true")));
 * }</pre>
 *
 * @param description what the fix does, imperative and short
 * @param replacements the edits, at least one
 */
public record Fix(String description, List<Replacement> replacements) {
  /** Copies the list and checks it is not empty. */
  public Fix {
    replacements = List.copyOf(replacements);
    if (replacements.isEmpty()) {
      throw new IllegalArgumentException("a fix needs at least one replacement");
    }
  }
}
