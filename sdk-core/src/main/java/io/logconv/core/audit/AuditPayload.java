package io.logconv.core.audit;

import java.util.function.Supplier;

/**
 * A request or response payload of an audit event, computed only if the event's level writes it:
 * the writer calls {@link #get()} for a {@code requestObject} at {@code Request} and {@code
 * RequestResponse} and a {@code responseObject} at {@code RequestResponse}, and never for a kind
 * whose payloads are not written ({@code Secret}, {@code ConfigMap}), where an omission marker
 * ({@link #OMITTED_PREFIX}) stands instead. A backend that is not logconv's sees only {@link
 * #toString()}, a marker, so the payload cannot leak through it either.
 *
 * <pre>{@code
 * AuditPayload p = AuditPayload.of(() -> Map.of("replicas", 3));
 * p.toString(); // "[OMITTED:not written by logconv]"
 * }</pre>
 */
public final class AuditPayload {
  /** How an omission marker begins: {@code [OMITTED:Secret]}, {@code [OMITTED:over 4096 bytes]}. */
  public static final String OMITTED_PREFIX = "[OMITTED:";

  /** Stands for a payload whose supplier threw or returned itself. */
  public static final String FAILED = OMITTED_PREFIX + "payload failed]";

  /** What a backend that does not know audit payloads writes for one. */
  static final String NOT_WRITTEN = OMITTED_PREFIX + "not written by logconv]";

  private final Supplier<?> supplier;

  private AuditPayload(Supplier<?> supplier) {
    this.supplier = supplier;
  }

  /** A payload computed by {@code supplier} when, and only when, it is written. */
  public static AuditPayload of(Supplier<?> supplier) {
    return new AuditPayload(supplier);
  }

  /**
   * The payload: a map (written as an object), a collection or array, a string, or any object
   * (written through its {@code toString()}). Never throws: a supplier that throws, or gives back a
   * payload, gives {@link #FAILED}.
   */
  public Object get() {
    try {
      Object v = supplier == null ? null : supplier.get();
      return v instanceof AuditPayload ? FAILED : v;
    } catch (RuntimeException | StackOverflowError e) {
      return FAILED;
    }
  }

  /** The marker for a payload that is not to be written, e.g. {@code [OMITTED:Secret]}. */
  public static String omittedFor(String reason) {
    return OMITTED_PREFIX + reason + ']';
  }

  /** True if {@code value} is an omission marker, as the writer puts in place of a payload. */
  public static boolean isOmissionMarker(CharSequence value) {
    if (value == null || value.length() < OMITTED_PREFIX.length() + 1) {
      return false;
    }
    for (int i = 0; i < OMITTED_PREFIX.length(); i++) {
      if (value.charAt(i) != OMITTED_PREFIX.charAt(i)) {
        return false;
      }
    }
    return value.charAt(value.length() - 1) == ']';
  }

  @Override
  public String toString() {
    return NOT_WRITTEN;
  }
}
