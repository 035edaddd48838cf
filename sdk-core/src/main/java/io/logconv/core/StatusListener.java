package io.logconv.core;

/**
 * Where the writer reports problems it handled on its own (a renamed reserved key, a value that
 * broke the contract, an event it could not encode), so that they reach the operator through the
 * logging backend's status channel instead of an exception in the application. Each kind of problem
 * is reported once per {@link LineFormat}. Implementations must not throw.
 *
 * <pre>{@code
 * LineFormat format = LineFormat.builder()
 *     .statusListener((kind, message, cause) -> addWarn(message, cause)) // Logback's status
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface StatusListener {
  /** Prints each problem on standard error, prefixed with {@code logconv:}. */
  StatusListener STDERR =
      (kind, message, cause) -> {
        System.err.println("logconv: " + message);
        if (cause != null) {
          cause.printStackTrace(System.err);
        }
      };

  /** Ignores every problem. */
  StatusListener IGNORE = (kind, message, cause) -> {};

  /**
   * One problem.
   *
   * @param kind a stable short name of the kind of problem, such as {@code reserved-key:pod_name}
   * @param message what happened and what the writer did about it
   * @param cause the exception behind it, or {@code null}
   */
  void onProblem(String kind, String message, Throwable cause);
}
