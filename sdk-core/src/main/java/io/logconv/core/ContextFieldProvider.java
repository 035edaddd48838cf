package io.logconv.core;

/**
 * Adds fields taken from the logging thread's context to every event: trace and span ids from
 * OpenTelemetry, say. Implementations are found with {@link java.util.ServiceLoader} (list the
 * class in {@code META-INF/services/io.logconv.core.ContextFieldProvider}), so adding a module to
 * the classpath is all a user does; {@link LineFormat.Builder#contextFields(boolean)} turns them
 * all off. Fields added here come after static fields and before the event's own, so an event's
 * field of the same name wins.
 *
 * <pre>{@code
 * public final class TenantFields implements ContextFieldProvider {
 *   public void addFields(EventWriter w) {
 *     String tenant = CurrentTenant.get();
 *     if (tenant != null) w.field("tenant", tenant);
 *   }
 * }
 * }</pre>
 */
public interface ContextFieldProvider {
  /**
   * Adds this provider's fields for the current thread's context to the event being written.
   * Called on the logging thread for every event, so it should not allocate; it must not throw
   * (an exception is caught and reported once, and the event is written without the fields).
   */
  void addFields(EventWriter writer);
}
