package io.logconv.core.redact;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A custom detector from a regular expression behind a literal prefilter: the expression is run
 * only where the literal occurs, anchored there, so the match starts with the literal. Use it for
 * an in-house token format; write a {@link ValueDetector} for anything that needs a check a regular
 * expression cannot do (a checksum).
 *
 * <pre>{@code
 * SecretRedactor r = SecretRedactor.builder()
 *     .detector(new RegexDetector("acme_key", "acme_", "acme_[A-Za-z0-9]{32}\\b"))
 *     .build();
 * }</pre>
 */
public final class RegexDetector implements ValueDetector {
  private final String type;
  private final String literal;
  private final Pattern pattern;
  private final boolean wordStart;

  /**
   * A detector reporting {@code type} where {@code regex} matches starting at an occurrence of
   * {@code literal} at a word start.
   *
   * @throws IllegalArgumentException if the literal is empty or not ASCII, or the expression does
   *     not compile
   */
  public RegexDetector(String type, String literal, String regex) {
    this(type, literal, Pattern.compile(regex), true);
  }

  /**
   * A detector reporting {@code type} where {@code pattern} matches starting at an occurrence of
   * {@code literal}; {@code wordStart} limits that to word starts.
   *
   * @throws IllegalArgumentException if the literal is empty or not ASCII
   */
  public RegexDetector(String type, String literal, Pattern pattern, boolean wordStart) {
    this.type = Objects.requireNonNull(type, "type");
    this.literal = Objects.requireNonNull(literal, "literal");
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.wordStart = wordStart;
    if (literal.isEmpty()) {
      throw new IllegalArgumentException("the prefilter literal must not be empty");
    }
    for (int i = 0; i < literal.length(); i++) {
      if (literal.charAt(i) >= 128) {
        // The trigger tables hold ASCII chars only: such a literal would never trigger.
        throw new IllegalArgumentException(
            "the prefilter literal must be ASCII, '" + literal + "' is not");
      }
    }
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public List<String> triggers() {
    return List.of(literal);
  }

  @Override
  public boolean wordStartOnly() {
    return wordStart;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    // Reached only where the literal occurs, which is rare; the Matcher is allocated then.
    Matcher m = pattern.matcher(text);
    m.region(at, text.length());
    m.useTransparentBounds(true);
    if (m.lookingAt() && m.end() > at) {
      return ValueDetector.span(at, m.end());
    }
    return NO_MATCH;
  }
}
