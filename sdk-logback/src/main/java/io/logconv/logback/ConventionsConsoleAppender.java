package io.logconv.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.WarnStatus;
import io.logconv.core.JsonBuffer;
import io.logconv.core.ScratchPool;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link ConsoleAppender} (stdout by default) that writes lines from a {@link ConventionsEncoder}
 * with no per-event garbage: the line is encoded into the logging thread's reused buffer, outside
 * the stream lock, and copied to the stream under it. Logback's own appender would format the
 * message to a String first and ask the encoder for a fresh array. With any other encoder it
 * writes what that encoder makes, like {@link ConsoleAppender}.
 *
 * <p>Virtual threads share a few buffers instead of one each, and do not park on the stream lock:
 * a line that finds it held is queued for the holder to write. So a parked virtual thread keeps
 * nothing of the appender's, and lines of one thread stay in order.
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

  /** Queued lines past which a virtual thread waits for the lock instead of queueing more. */
  static final long MAX_QUEUED_BYTES = 1 << 20;

  /** Lines of virtual threads that found the lock held, in the order they came. */
  private final Queue<byte[]> queued = new ConcurrentLinkedQueue<>();

  private final AtomicLong queuedBytes = new AtomicLong();

  /** Writes since the console's error flag was last asked, when lines are not flushed; under the lock. */
  private int writesSinceCheck;

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
        write(conventions, event);
      } else {
        event.prepareForDeferredProcessing();
        writeOut(event);
        if (consoleHidesAnError()) {
          failed(null);
        }
      }
    } catch (IOException e) {
      failed(e);
    }
  }

  /**
   * Encodes outside the lock and writes under it. A virtual thread does not wait for the lock: if
   * another thread holds it, the line is copied into a queue that the holder writes before it lets
   * the lock go (or the thread itself, if the holder has gone by then), and the thread goes on with
   * its pooled state given back. So virtual threads never park here holding state or stacks,
   * lines of one thread keep their order (whoever holds the lock writes the queue first), and a
   * platform thread or an uncontended virtual thread writes from its buffer with no copy. Past
   * {@link #MAX_QUEUED_BYTES} queued, a virtual thread waits for the lock like a platform thread:
   * the output is slower than the threads, and waiting is the only way not to lose lines.
   */
  private void write(ConventionsEncoder conventions, ILoggingEvent event) throws IOException {
    boolean pooled = ScratchPool.pooled();
    ConventionsEncoder.PerThread state = conventions.acquire();
    try {
      JsonBuffer line = conventions.encodeInto(state, event);
      if (!pooled) {
        streamWriteLock.lock();
      } else if (!streamWriteLock.tryLock()) {
        byte[] copy = line.toByteArray();
        conventions.release(state);
        state = null;
        if (queuedBytes.get() < MAX_QUEUED_BYTES) {
          queuedBytes.addAndGet(copy.length);
          queued.add(copy);
          writeQueuedIfFree();
          return;
        }
        line = new JsonBuffer(copy.length).appendRaw(copy);
        streamWriteLock.lock();
      }
      try {
        writeLocked(line);
      } finally {
        streamWriteLock.unlock();
      }
    } finally {
      conventions.release(state);
    }
    if (!queued.isEmpty()) {
      writeQueuedIfFree();
    }
  }

  /** Writes the queue while no other thread holds the lock and lines are waiting. */
  private void writeQueuedIfFree() throws IOException {
    while (!queued.isEmpty() && streamWriteLock.tryLock()) {
      try {
        writeLocked(null);
      } finally {
        streamWriteLock.unlock();
      }
    }
  }

  /** Under the lock: the queued lines, then {@code line} (if any), then one flush if immediate. */
  private void writeLocked(JsonBuffer line) throws IOException {
    OutputStream out = getOutputStream();
    byte[] waiting;
    while ((waiting = queued.poll()) != null) {
      queuedBytes.addAndGet(-waiting.length);
      try {
        out.write(waiting);
      } catch (IOException e) {
        dropped.increment(); // the queued line; failed() counts the caller's own
        throw e;
      }
    }
    if (line != null) {
      line.writeTo(out);
    }
    boolean flushed = isImmediateFlush();
    if (flushed) {
      out.flush();
    }
    // Asking System.out flushes it: done where it costs nothing (after a flush), else now and then.
    if ((flushed || (++writesSinceCheck & 1023) == 0) && consoleHidesAnError()) {
      throw new IOException(getTarget() + " reported a write error");
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
    byte[] waiting;
    while ((waiting = queued.poll()) != null) {
      queuedBytes.addAndGet(-waiting.length);
      dropped.increment();
    }
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
    if (isStarted() && !broken.get() && !queued.isEmpty()) {
      streamWriteLock.lock();
      try {
        writeLocked(null);
      } catch (IOException e) {
        failed(e);
      } finally {
        streamWriteLock.unlock();
      }
    }
    long n = dropped.sum();
    if (isStarted() && n > 0) {
      addStatus(new WarnStatus(n + " events dropped: output " + getTarget() + " was closed or broken", this));
    }
    super.stop();
  }
}
