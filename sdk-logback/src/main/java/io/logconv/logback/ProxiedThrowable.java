package io.logconv.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.logconv.core.ForeignThrowable;

/**
 * Stands for a throwable known only through Logback's {@link IThrowableProxy} (an event received
 * from another JVM), so that the writer renders its class, message, frames, causes and suppressed
 * throwables as it would the original.
 */
final class ProxiedThrowable extends Throwable implements ForeignThrowable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 64;

  private final String className;

  /**
   * The proxy's cause. Kept here, not through {@code initCause}: the superclass constructor that
   * turns off suppression and the stack trace's writability also fixes the cause as null, after
   * which {@code initCause} throws.
   */
  private final Throwable proxiedCause;

  private ProxiedThrowable(IThrowableProxy proxy, int depth) {
    super(proxy.getMessage(), null, true, true);
    this.className = proxy.getClassName();
    StackTraceElementProxy[] frames = proxy.getStackTraceElementProxyArray();
    StackTraceElement[] st = new StackTraceElement[frames == null ? 0 : frames.length];
    for (int i = 0; i < st.length; i++) {
      st[i] = frames[i].getStackTraceElement();
    }
    setStackTrace(st);
    IThrowableProxy cause = depth < MAX_DEPTH ? proxy.getCause() : null;
    this.proxiedCause = cause != null && cause != proxy ? new ProxiedThrowable(cause, depth + 1) : null;
    if (depth < MAX_DEPTH) {
      IThrowableProxy[] suppressed = proxy.getSuppressed();
      if (suppressed != null) {
        for (IThrowableProxy s : suppressed) {
          if (s != null && s != proxy) {
            addSuppressed(new ProxiedThrowable(s, depth + 1));
          }
        }
      }
    }
  }

  static Throwable of(IThrowableProxy proxy) {
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
