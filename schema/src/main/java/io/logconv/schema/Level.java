package io.logconv.schema;

/**
 * The five levels a line may carry in {@code level}, written lowercase as zap writes them (which is
 * also what Loki's level detection reads).
 *
 * <pre>{@code
 * String field = Level.WARN.label(); // "warn"
 * }</pre>
 */
public enum Level {
  TRACE("trace"),
  DEBUG("debug"),
  INFO("info"),
  WARN("warn"),
  ERROR("error");

  private static final Level[] VALUES = values();

  private final String label;

  Level(String label) {
    this.label = label;
  }

  /** The value written in the {@code level} field. */
  public String label() {
    return label;
  }

  /** Returns the level whose label equals {@code value} exactly, or {@code null}. */
  public static Level parse(CharSequence value) {
    if (value == null) {
      return null;
    }
    for (Level l : VALUES) {
      if (l.label.contentEquals(value)) {
        return l;
      }
    }
    return null;
  }
}
