package io.logconv.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.ErrorStatus;
import io.logconv.core.JsonBuffer;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A {@link ConsoleAppender} (stdout by default) that writes lines from a {@link ConventionsEncoder}
 * with no per-event garbage: the line is encoded into the logging thread's reused buffer, outside
 * the stream lock, and copied to the stream under it. Logback's own appender would format the
 * message to a String first and ask the encoder for a fresh array. With any other encoder it
 * behaves exactly like {@link ConsoleAppender}.
 *
 * <pre>{@code
 * <appender name="STDOUT" class="io.logconv.logback.ConventionsConsoleAppender">
 *   <encoder class="io.logconv.logback.ConventionsEncoder"/>
 * </appender>
 * }</pre>
 */
public class ConventionsConsoleAppender extends ConsoleAppender<ILoggingEvent> {
  @Override
  protected void subAppend(ILoggingEvent event) {
    if (!isStarted()) {
      return;
    }
    if (!(encoder instanceof ConventionsEncoder conventions)) {
      super.subAppend(event);
      return;
    }
    JsonBuffer line = conventions.encodeToBuffer(event);
    streamWriteLock.lock();
    try {
      OutputStream out = getOutputStream();
      line.writeTo(out);
      if (isImmediateFlush()) {
        out.flush();
      }
    } catch (IOException e) {
      started = false;
      addStatus(new ErrorStatus("IO failure in appender", this, e));
    } finally {
      streamWriteLock.unlock();
    }
  }
}
