package io.logconv.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.WarnStatus;
import io.logconv.core.JsonBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link ConsoleAppender} (stdout by default) that writes lines from a {@link ConventionsEncoder}
 * with no per-event garbage: the line is encoded into the logging thread's reused buffer, outside
 * the stream lock, and copied to the stream under it. Logback's own appender would format the
 * message to a String first and ask the encoder for a fresh array. With any other encoder it
 * writes what that encoder makes, like {@link ConsoleAppender}.
 *
 * <p>When its output is closed or broken (the reader of a pipe has gone, stdout was closed), the
 * application goes on: this and every later event are dropped without another write, counted
 * ({@link #getDroppedEvents()}), and said once on Logback's status (an error when it happens, a
 * warning with the count when the appender stops). Nothing is thrown to the logging thread. {@code
 * System.out} hides write errors; for the console targets the appender asks it ({@link
 * PrintStream#checkError()}) after each write.
 *
 * <pre>{@code
 * <appender name="STDOUT" class="io.logconv.logback.ConventionsConsoleAppender">
 *   <encoder class="io.logconv.logback.ConventionsEncoder"/>
 * </appender>
 * }</pre>
 */
public class ConventionsConsoleAppender extends ConsoleAppender<ILoggingEvent> {
  private final LongAdder dropped = new LongAdder();
  private final AtomicBoolean broken = new AtomicBoolean();

  /** Events dropped because the output was closed or broken. */
  public long getDroppedEvents() {
    return dropped.sum();
  }

  @Override
  protected void subAppend(ILoggingEvent event) {
    if (!isStarted()) {
      return;
    }
    if (broken.get()) {
      // A closed pipe does not reopen: no more writes, no more errors, only the count.
      dropped.increment();
      return;
    }
    try {
      if (encoder instanceof ConventionsEncoder conventions) {
        JsonBuffer line = conventions.encodeToBuffer(event);
        streamWriteLock.lock();
        try {
          OutputStream out = getOutputStream();
          line.writeTo(out);
          if (isImmediateFlush()) {
            out.flush();
          }
        } finally {
          streamWriteLock.unlock();
        }
      } else {
        event.prepareForDeferredProcessing();
        writeOut(event);
      }
      if (consoleHidesAnError()) {
        failed(null);
      }
    } catch (IOException e) {
      failed(e);
    }
  }

  /** True if the output is {@code System.out} or {@code System.err} and it has had a write error. */
  private boolean consoleHidesAnError() {
    if (target == null || getOutputStream() != target.getStream()) {
      return false;
    }
    PrintStream console = "System.err".equals(target.getName()) ? System.err : System.out;
    return console.checkError();
  }

  private void failed(IOException cause) {
    dropped.increment();
    if (broken.compareAndSet(false, true)) {
      addStatus(
          new ErrorStatus(
              "output " + getTarget() + " is closed or broken: this and every later event are"
                  + " dropped and counted (getDroppedEvents()); the application goes on",
              this,
              cause));
    }
  }

  @Override
  public void stop() {
    long n = dropped.sum();
    if (isStarted() && n > 0) {
      addStatus(new WarnStatus(n + " events dropped: output " + getTarget() + " was closed or broken", this));
    }
    super.stop();
  }
}
