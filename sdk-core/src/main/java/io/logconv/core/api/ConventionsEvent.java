package io.logconv.core.api;

import io.logconv.core.ContractViolationException;
import io.logconv.core.KeyPolicy;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import java.util.function.Supplier;
import org.slf4j.spi.CallerBoundaryAware;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The conventions' fields as typed calls on SLF4J 2's fluent API, so that application code never
 * types {@code "action"}, {@code "audit"}, {@code "namespace"}, {@code "controllerKind"} or {@code
 * "name"} by hand, and an audit event cannot be written without its action. The fields travel as
 * SLF4J key/value pairs, so any SLF4J 2 backend receives them; the logconv encoder writes them in
 * the contract's order.
 *
 * <pre>{@code
 * ConventionsEvent.on(log.atInfo())
 *     .resource("samburrai-tenant", "Component", "go-net-http-hello-prqx")
 *     .audit(Action.UPDATE)
 *     .log("API Resource updated");
 * // {"ts":"…","level":"info","logger":"…","msg":"API Resource updated","action":"UPDATE",
 * //  "audit":true,"namespace":"samburrai-tenant","controllerKind":"Component",
 * //  "name":"go-net-http-hello-prqx"}
 * }</pre>
 *
 * <p>{@link #strictOn} makes {@link #kv} throw {@link ContractViolationException} for a key the
 * contract forbids or one that has a typed method here, which is meant for tests; {@link #on}
 * passes such keys on and the encoder repairs them.
 */
public final class ConventionsEvent {
  /** SLF4J may hand back another builder from each call, so the latest one is kept. */
  private LoggingEventBuilder builder;
  private final boolean strict;

  private ConventionsEvent(LoggingEventBuilder builder, boolean strict) {
    this.builder = builder;
    this.strict = strict;
    // The caller is the application's frame that called log(), not this class's.
    if (builder instanceof CallerBoundaryAware aware) {
      aware.setCallerBoundary(ConventionsEvent.class.getName());
    }
  }

  /** Wraps a fluent builder such as {@code log.atInfo()}. */
  public static ConventionsEvent on(LoggingEventBuilder builder) {
    return new ConventionsEvent(builder, false);
  }

  /** Like {@link #on}, but {@link #kv} rejects keys the contract forbids (for tests). */
  public static ConventionsEvent strictOn(LoggingEventBuilder builder) {
    return new ConventionsEvent(builder, true);
  }

  /** What the event did to the resource. */
  public ConventionsEvent action(Action action) {
    if (action != null) {
      builder = builder.addKeyValue(Conventions.ACTION, action);
    }
    return this;
  }

  /**
   * Marks the event as an audit event ({@code audit: true}) for the given action, which an audit
   * event must carry.
   */
  public ConventionsEvent audit(Action action) {
    action(action);
    builder = builder.addKeyValue(Conventions.AUDIT, true);
    return this;
  }

  /** The resource acted upon: its namespace, kind and name (each may be null to leave it out). */
  public ConventionsEvent resource(String namespace, String controllerKind, String name) {
    return namespace(namespace).controllerKind(controllerKind).name(name);
  }

  /** Namespace of the targeted resource (not the namespace the service runs in). */
  public ConventionsEvent namespace(String namespace) {
    return put(Conventions.NAMESPACE, namespace);
  }

  /** Kind of the resource acted upon, such as {@code Component}. */
  public ConventionsEvent controllerKind(String kind) {
    return put(Conventions.CONTROLLER_KIND, kind);
  }

  /** Name of the resource acted upon. */
  public ConventionsEvent name(String name) {
    return put(Conventions.NAME, name);
  }

  /** Request id, for correlation within a service. */
  public ConventionsEvent requestId(String id) {
    return put(Conventions.REQUEST_ID, id);
  }

  /** Request id, for correlation across services. */
  public ConventionsEvent globalRequestId(String id) {
    return put(Conventions.GLOBAL_REQUEST_ID, id);
  }

  private ConventionsEvent put(String key, String value) {
    if (value != null) {
      builder = builder.addKeyValue(key, value);
    }
    return this;
  }

  /**
   * Any other key/value pair.
   *
   * @throws ContractViolationException from a {@link #strictOn} event only: the key is reserved,
   *     unsafe, owned by the writer, or has a typed method here
   */
  public ConventionsEvent kv(String key, Object value) {
    if (strict) {
      if (!KeyPolicy.isConformant(key)) {
        throw new ContractViolationException("log key '" + key + "' breaks the log contract");
      }
      if (Conventions.LEADING_FIELDS.contains(key)
          || Conventions.REQUEST_ID.equals(key)
          || Conventions.GLOBAL_REQUEST_ID.equals(key)) {
        throw new ContractViolationException(
            "log key '" + key + "' has a typed method on ConventionsEvent; use it");
      }
    }
    builder = builder.addKeyValue(key, value);
    return this;
  }

  /** The throwable of the event. */
  public ConventionsEvent cause(Throwable t) {
    builder = builder.setCause(t);
    return this;
  }

  /** Logs the event with {@code message}. */
  public void log(String message) {
    builder.log(message);
  }

  /** Logs the event with an SLF4J template and its arguments. */
  public void log(String template, Object... args) {
    builder.log(template, args);
  }

  /** Logs the event with a message computed only if the level is enabled. */
  public void log(Supplier<String> message) {
    builder.log(message);
  }

  /** The wrapped SLF4J builder, for anything not covered here (markers, a custom timestamp). */
  public LoggingEventBuilder unwrap() {
    return builder;
  }
}
