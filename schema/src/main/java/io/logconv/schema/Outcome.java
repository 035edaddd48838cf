package io.logconv.schema;

/**
 * The result of the audited request, in {@code outcome}: the actor was {@code allowed} to do it,
 * {@code denied}, or the request failed with an {@code error}. Anything else in {@code outcome}
 * breaks the contract.
 *
 * <pre>{@code
 * Outcome.parse("denied"); // DENIED; parse("DENIED") and parse("failure") return null
 * }</pre>
 */
public enum Outcome {
  ALLOWED("allowed"),
  DENIED("denied"),
  ERROR("error");

  private static final Outcome[] VALUES = values();

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /** The value written in {@code outcome}. */
  public String label() {
    return label;
  }

  /** The outcome whose {@link #label()} equals {@code value} exactly, or {@code null}. */
  public static Outcome parse(CharSequence value) {
    if (value == null) {
      return null;
    }
    for (Outcome o : VALUES) {
      if (o.label.contentEquals(value)) {
        return o;
      }
    }
    return null;
  }
}
