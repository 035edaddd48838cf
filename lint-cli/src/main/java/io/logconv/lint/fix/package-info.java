/**
 * Automatic fixes: what a finding proposes to change ({@link io.logconv.lint.fix.Fix}, a list of
 * range-exact {@link io.logconv.lint.fix.Replacement}s of the original text), the rewrites the
 * rules propose (computed from the parsed tree, copying the untouched expressions' source text
 * verbatim), and {@link io.logconv.lint.fix.Fixer}, which applies them to files in place.
 *
 * <p>Fixes are text replacements, not a re-printed tree: only the characters of the changed
 * expression change, so comments and formatting elsewhere in a file stay as they were, and the
 * same replacements are what SARIF's {@code fixes} carry to code-scanning tools.
 */
package io.logconv.lint.fix;
