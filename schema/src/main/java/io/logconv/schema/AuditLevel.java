package io.logconv.schema;

/**
 * How much of an audit event is written, as Kubernetes' audit policy names its levels: {@code
 * None} writes nothing, {@code Metadata} who, what, where, when and the outcome (the default), {@code
 * Request} also the request payload, {@code RequestResponse} also the response payload. The line
 * carries the level the event was written at in {@code auditLevel} ({@link #label()}); {@code None}
 * never appears on a line.
 *
 * <pre>{@code
 * AuditLevel l = AuditLevel.parse("RequestResponse"); // REQUEST_RESPONSE
 * l.writesRequest();                                  // true
 * }</pre>
 */
public enum AuditLevel {
  NONE("None"),
  METADATA("Metadata"),
  REQUEST("Request"),
  REQUEST_RESPONSE("RequestResponse");

  private static final AuditLevel[] VALUES = values();

  private final String label;

  AuditLevel(String label) {
    this.label = label;
  }

  /** The level's name as Kubernetes spells it, and as {@code auditLevel} carries it. */
  public String label() {
    return label;
  }

  /** True if an event at this level is written at all. */
  public boolean writesEvent() {
    return this != NONE;
  }

  /** True if the request payload is written at this level. */
  public boolean writesRequest() {
    return this == REQUEST || this == REQUEST_RESPONSE;
  }

  /** True if the response payload is written at this level. */
  public boolean writesResponse() {
    return this == REQUEST_RESPONSE;
  }

  /** The {@link #label()}, so that a backend that writes values as text writes the level's name. */
  @Override
  public String toString() {
    return label;
  }

  /**
   * The level whose {@link #label()} equals {@code value} exactly ({@code "RequestResponse"}), or
   * {@code null}.
   */
  public static AuditLevel parse(CharSequence value) {
    if (value == null) {
      return null;
    }
    for (AuditLevel l : VALUES) {
      if (l.label.contentEquals(value)) {
        return l;
      }
    }
    return null;
  }
}
