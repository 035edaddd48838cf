package io.logconv.log4j2;

import io.logconv.core.Allocations;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

/**
 * Log4j2's garbage-free path: a reused {@code MutableLogEvent} and {@code
 * ReusableParameterizedMessage}, encoded into a {@code ByteBufferDestination}, as Log4j2's
 * appenders do with {@code log4j2.enableThreadlocals}. The reference event (one argument,
 * request_id and tenant, namespace, name, controllerKind, action=UPDATE, audit=true; redaction
 * on) costs no garbage; with an exception, only the JDK's copies of its frames. Measured with the thread's allocated-bytes
 * counter over 10,000 events after warm-up.
 */
class AllocationTest {
  /** A reused buffer, emptied when full, as Log4j2's output stream managers keep. */
  static final class Destination implements ByteBufferDestination {
    final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    long written;

    @Override
    public ByteBuffer getByteBuffer() {
      return buffer;
    }

    @Override
    public ByteBuffer drain(ByteBuffer buf) {
      written += buf.position();
      buf.clear();
      return buf;
    }

    @Override
    public void writeBytes(ByteBuffer data) {
      written += data.remaining();
      data.position(data.limit());
    }

    @Override
    public void writeBytes(byte[] data, int offset, int length) {
      if (length > buffer.remaining()) {
        drain(buffer);
      }
      buffer.put(data, offset, Math.min(length, buffer.remaining()));
    }
  }


  private static long garbagePerRound(Throwable thrown) {
    ConventionsLayout layout = ConventionsLayout.createDefault();
    SortedArrayStringMap data = new SortedArrayStringMap();
    data.putValue("request_id", "req-7f3a9c");
    data.putValue("tenant", "team-a");
    data.putValue("namespace", "samburrai-tenant");
    data.putValue("name", "go-net-http-hello-prqx");
    data.putValue("controllerKind", "Component");
    data.putValue("action", "UPDATE");
    data.putValue("audit", true);
    MutableLogEvent event = new MutableLogEvent();
    event.setLoggerName("controllers.Component");
    event.setLevel(Level.INFO);
    event.setContextData(data);
    event.setThrown(thrown);
    ReusableParameterizedMessage message = new ReusableParameterizedMessage();
    Destination destination = new Destination();
    long[] time = {1_678_188_749_167L};
    // A line is checked once: the measured path is the one that writes real lines.
    message.set("reconciled {}", "go-net-http-hello-prqx");
    event.setMessage(message);
    io.logconv.core.Lines.conforming(layout.toSerializable(event));
    return Allocations.steadyStateBytes(
        () -> {
          message.set("reconciled {}", "go-net-http-hello-prqx");
          event.setMessage(message);
          event.setTimeMillis(time[0]++);
          layout.encode(event, destination);
        });
  }

  @Test
  void referenceEventAllocatesNothing() {
    assertThat(garbagePerRound(null)).isZero();
  }

  /**
   * With an exception, the one allocation is the copy of each throwable's frames that {@code
   * Throwable.getStackTrace()} returns (the JDK hands out no other view of them; JsonTemplateLayout
   * and the Logback encoder pay the same): at most an array header and one reference per frame.
   */
  @Test
  void referenceEventWithAnExceptionAllocatesOnlyTheJdksCopiesOfItsFrames() {
    IllegalStateException t = new IllegalStateException("update of go-net-http-hello-prqx failed");
    t.initCause(new java.io.IOException("connection reset"));
    int frames = t.getStackTrace().length + t.getCause().getStackTrace().length;
    long copies = 2 * 16 + 8L * frames;
    assertThat(garbagePerRound(t)).isLessThanOrEqualTo(10_000 * copies);
  }
}
