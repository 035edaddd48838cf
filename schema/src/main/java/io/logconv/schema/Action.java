package io.logconv.schema;

/**
 * The values the contract allows for the {@code action} field: what an event did to the resource
 * it names. Anything else in {@code action} breaks the contract.
 *
 * <pre>{@code
 * Action a = Action.parse("UPDATE"); // Action.UPDATE; parse("MODIFY") returns null
 * }</pre>
 */
public enum Action {
  VIEW,
  ADD,
  UPDATE,
  DELETE;

  private static final Action[] VALUES = values();

  /**
   * Returns the action whose name equals {@code value} exactly (the contract is case-sensitive), or
   * {@code null} if the value is not one of the four.
   */
  public static Action parse(CharSequence value) {
    if (value == null) {
      return null;
    }
    for (Action a : VALUES) {
      if (a.name().contentEquals(value)) {
        return a;
      }
    }
    return null;
  }
}
