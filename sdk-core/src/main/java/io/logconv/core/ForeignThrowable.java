package io.logconv.core;

/**
 * A throwable that stands for another one which is not in this JVM (a logging event received over
 * the network, say). The writer names it by {@link #originalClassName()} instead of its own class.
 *
 * <pre>{@code
 * final class Remote extends Throwable implements ForeignThrowable {
 *   public String originalClassName() { return "java.io.IOException"; }
 * }
 * }</pre>
 */
public interface ForeignThrowable {
  /** Fully qualified class name of the throwable this one stands for. */
  String originalClassName();
}
