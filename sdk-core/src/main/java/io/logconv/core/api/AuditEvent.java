package io.logconv.core.api;

import io.logconv.core.audit.AuditPayload;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Conventions;
import io.logconv.schema.Outcome;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.CallerBoundaryAware;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * An audit event as the conventions and Kubernetes' audit model describe it: who acted ({@link
 * #actor}, written as a keyed hash), what they did ({@link Action}), to which resource, with what
 * {@link Outcome} and status code, and, where the {@link AuditLevel} writes them, the request and
 * response payloads, computed only then. Fields travel as SLF4J 2 key/value pairs; the logconv
 * encoder applies the configured audit policy, which decides the level, and writes them.
 *
 * <pre>{@code
 * AuditEvent.of(Action.UPDATE)
 *     .actor(principal.getName())
 *     .resource("payments", "Deployment", "checkout")
 *     .apiGroup("apps")
 *     .outcome(Outcome.ALLOWED)
 *     .statusCode(200)
 *     .request(() -> patch)            // called only at Request and RequestResponse
 *     .log("deployment scaled");
 * // {"ts":"…","level":"info","logger":"audit","msg":"deployment scaled","action":"UPDATE",
 * //  "audit":true,"namespace":"payments","controllerKind":"Deployment","name":"checkout",
 * //  "apiGroup":"apps","actor":"h:3f1c9a0b7d2e","outcome":"allowed","statusCode":200,
 * //  "auditLevel":"Metadata"}
 * }</pre>
 *
 * <p>{@link #of} logs to the {@value Conventions#AUDIT_LOGGER} logger, at {@code info}, or at
 * {@code warn} for an outcome of {@code denied} or {@code error}, so that a configuration can send
 * audit events to their own appender. {@link #on} takes any fluent builder instead. An instance
 * describes one event; it is not thread-safe.
 */
public final class AuditEvent {
  private static final String FQCN = AuditEvent.class.getName();

  private final LoggingEventBuilder given;
  private final Action action;
  private String namespace;
  private String kind;
  private String name;
  private String apiGroup;
  private String actor;
  private Outcome outcome;
  private long statusCode;
  private boolean hasStatusCode;
  private AuditLevel level;
  private Supplier<?> request;
  private Supplier<?> response;
  private Throwable cause;
  private Object[] extra;
  private int extraCount;

  private AuditEvent(LoggingEventBuilder given, Action action) {
    this.given = given;
    this.action = action;
  }

  /** An audit event for {@code action}, logged to the {@value Conventions#AUDIT_LOGGER} logger. */
  public static AuditEvent of(Action action) {
    return new AuditEvent(null, action);
  }

  /** An audit event for {@code action}, logged through {@code builder} (any logger and level). */
  public static AuditEvent on(LoggingEventBuilder builder, Action action) {
    return new AuditEvent(builder, action);
  }

  /**
   * Who acted: a user or service account name. The line carries its keyed hash (the one the
   * redactor writes for personal data), never the name; the audit policy matches the name.
   */
  public AuditEvent actor(String actor) {
    this.actor = actor;
    return this;
  }

  /** The resource acted upon: its namespace, kind and name (each may be null to leave it out). */
  public AuditEvent resource(String namespace, String kind, String name) {
    this.namespace = namespace;
    this.kind = kind;
    this.name = name;
    return this;
  }

  /** The resource's API group, such as {@code apps}; {@code ""} for Kubernetes' core group. */
  public AuditEvent apiGroup(String group) {
    this.apiGroup = group;
    return this;
  }

  /** The result of the request. */
  public AuditEvent outcome(Outcome outcome) {
    this.outcome = outcome;
    return this;
  }

  /** The status code the request was answered with (HTTP, gRPC). */
  public AuditEvent statusCode(int code) {
    this.statusCode = code;
    this.hasStatusCode = true;
    return this;
  }

  /**
   * The level this event asks for, used where no rule of the audit policy matches it; the
   * policy's default level otherwise ({@code Metadata} unless configured).
   */
  public AuditEvent level(AuditLevel level) {
    this.level = level;
    return this;
  }

  /**
   * The request payload, called only if the event is written at {@code Request} or {@code
   * RequestResponse}, and never for a {@code Secret} or {@code ConfigMap}.
   */
  public AuditEvent request(Supplier<?> payload) {
    this.request = payload;
    return this;
  }

  /**
   * The response payload, called only if the event is written at {@code RequestResponse}, and
   * never for a {@code Secret} or {@code ConfigMap}.
   */
  public AuditEvent response(Supplier<?> payload) {
    this.response = payload;
    return this;
  }

  /** Any other key/value pair. */
  public AuditEvent kv(String key, Object value) {
    if (extra == null) {
      extra = new Object[8];
    } else if (extraCount == extra.length) {
      extra = java.util.Arrays.copyOf(extra, extra.length * 2);
    }
    extra[extraCount++] = key;
    extra[extraCount++] = value;
    return this;
  }

  /** The throwable of the event (an {@code error} outcome, typically). */
  public AuditEvent cause(Throwable t) {
    this.cause = t;
    return this;
  }

  /** Logs the event with {@code message}. */
  public void log(String message) {
    builder().log(message);
  }

  /** Logs the event with an SLF4J template and its arguments. */
  public void log(String template, Object... args) {
    builder().log(template, args);
  }

  private LoggingEventBuilder builder() {
    LoggingEventBuilder b = given;
    if (b == null) {
      Logger audit = LoggerFactory.getLogger(Conventions.AUDIT_LOGGER);
      b = audit.atLevel(outcome == Outcome.DENIED || outcome == Outcome.ERROR ? Level.WARN : Level.INFO);
    }
    if (b instanceof CallerBoundaryAware aware) {
      aware.setCallerBoundary(FQCN);
    }
    b = add(b, Conventions.ACTION, action);
    b = b.addKeyValue(Conventions.AUDIT, true);
    b = add(b, Conventions.NAMESPACE, namespace);
    b = add(b, Conventions.CONTROLLER_KIND, kind);
    b = add(b, Conventions.NAME, name);
    b = add(b, Conventions.API_GROUP, apiGroup);
    b = add(b, Conventions.ACTOR, actor);
    b = add(b, Conventions.OUTCOME, outcome == null ? null : outcome.label());
    if (hasStatusCode) {
      b = b.addKeyValue(Conventions.STATUS_CODE, statusCode);
    }
    b = add(b, Conventions.AUDIT_LEVEL, level);
    for (int i = 0; i < extraCount; i += 2) {
      b = b.addKeyValue((String) extra[i], extra[i + 1]);
    }
    if (request != null) {
      b = b.addKeyValue(Conventions.REQUEST_OBJECT, AuditPayload.of(request));
    }
    if (response != null) {
      b = b.addKeyValue(Conventions.RESPONSE_OBJECT, AuditPayload.of(response));
    }
    if (cause != null) {
      b = b.setCause(cause);
    }
    return b;
  }

  private static LoggingEventBuilder add(LoggingEventBuilder b, String key, Object value) {
    return value == null ? b : b.addKeyValue(key, value);
  }
}
