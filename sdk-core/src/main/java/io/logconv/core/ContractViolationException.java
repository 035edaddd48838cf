package io.logconv.core;

/**
 * Thrown in strict mode (meant for tests) when application code hands the writer a key or value
 * that breaks the log contract, such as a collector-reserved key. In the default mode the writer
 * repairs the problem instead (it renames the key) and reports it once to its {@link
 * StatusListener}.
 *
 * <pre>{@code
 * LineFormat strict = LineFormat.builder().strict(true).build();
 * strict.newWriter().begin(now, Level.INFO, "l").field("pod_name", "x"); // throws
 * }</pre>
 */
public final class ContractViolationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A violation described by {@code message}. */
  public ContractViolationException(String message) {
    super(message);
  }
}
