package io.logconv.log4j2;

import io.logconv.core.ForeignThrowable;
import org.apache.logging.log4j.core.impl.ThrowableProxy;

/**
 * Stands for a throwable known only through Log4j2's {@link ThrowableProxy} (an event received
 * from another JVM), so that the writer renders its class, message, frames, causes and suppressed
 * throwables as it would the original.
 */
final class ProxiedThrowable extends Throwable implements ForeignThrowable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 64;

  private final String className;

  /** The proxy's cause, kept here: {@code initCause} would throw after the constructor below. */
  private final Throwable proxiedCause;

  @SuppressWarnings("ReferenceEquality") // a proxy that is its own cause: identity is the point
  private ProxiedThrowable(ThrowableProxy proxy, int depth) {
    super(proxy.getMessage(), null, true, true);
    this.className = proxy.getName();
    StackTraceElement[] frames = proxy.getStackTrace();
    setStackTrace(frames == null ? new StackTraceElement[0] : frames);
    ThrowableProxy cause = depth < MAX_DEPTH ? proxy.getCauseProxy() : null;
    this.proxiedCause = cause != null && cause != proxy ? new ProxiedThrowable(cause, depth + 1) : null;
    if (depth < MAX_DEPTH) {
      ThrowableProxy[] suppressed = proxy.getSuppressedProxies();
      if (suppressed != null) {
        for (ThrowableProxy s : suppressed) {
          if (s != null && s != proxy) {
            addSuppressed(new ProxiedThrowable(s, depth + 1));
          }
        }
      }
    }
  }

  static Throwable of(ThrowableProxy proxy) {
    return new ProxiedThrowable(proxy, 0);
  }

  @Override
  public synchronized Throwable getCause() {
    return proxiedCause;
  }

  @Override
  public String originalClassName() {
    return className;
  }
}
