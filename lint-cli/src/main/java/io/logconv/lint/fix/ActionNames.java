package io.logconv.lint.fix;

import io.logconv.schema.Action;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The contract action an {@code action} string means: one of the contract's own names in any case,
 * or a common verb for one ({@code MODIFY}, {@code EDIT}, {@code PATCH} are an update; {@code
 * CREATE}, {@code INSERT} an add; {@code READ}, {@code GET} a view; {@code REMOVE} a delete).
 * Verbs that do not say which ({@code LOGIN}, {@code EXECUTE}) have none, and get no fix.
 *
 * <pre>{@code
 * ActionNames.of("MODIFY"); // Optional[UPDATE]
 * ActionNames.of("login");  // Optional.empty
 * }</pre>
 */
public final class ActionNames {
  private static final Map<String, Action> SYNONYMS = Map.ofEntries(
      Map.entry("MODIFY", Action.UPDATE), Map.entry("MODIFIED", Action.UPDATE),
      Map.entry("EDIT", Action.UPDATE), Map.entry("CHANGE", Action.UPDATE),
      Map.entry("PATCH", Action.UPDATE), Map.entry("UPDATED", Action.UPDATE),
      Map.entry("CREATE", Action.ADD), Map.entry("CREATED", Action.ADD),
      Map.entry("INSERT", Action.ADD), Map.entry("ADDED", Action.ADD),
      Map.entry("READ", Action.VIEW), Map.entry("GET", Action.VIEW),
      Map.entry("FETCH", Action.VIEW), Map.entry("VIEWED", Action.VIEW),
      Map.entry("REMOVE", Action.DELETE), Map.entry("REMOVED", Action.DELETE),
      Map.entry("DELETED", Action.DELETE), Map.entry("DESTROY", Action.DELETE));

  private ActionNames() {}

  /** The action {@code text} means, if it evidently means one. */
  public static Optional<Action> of(String text) {
    String upper = text.strip().toUpperCase(Locale.ROOT);
    Action a = Action.parse(upper);
    return Optional.ofNullable(a != null ? a : SYNONYMS.get(upper));
  }
}
