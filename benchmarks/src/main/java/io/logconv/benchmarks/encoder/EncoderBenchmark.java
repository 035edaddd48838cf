package io.logconv.benchmarks.encoder;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.logconv.logback.ConventionsEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.MessageFormatter;

/**
 * The reference event — a message with one argument, 2 MDC entries and 5 key/values ({@code
 * namespace}, {@code name}, {@code controllerKind}, {@code action=UPDATE}, {@code audit=true}) —
 * with and without a 20-frame exception, encoded by logconv's encoder (redaction on), Logstash's
 * {@code LogstashEncoder}, Logback's {@code JsonEncoder} and Log4j2's {@code JsonTemplateLayout}
 * (garbage-free path into a {@code ByteBufferDestination}).
 *
 * <p>Fair to every encoder: the event time advances 1 ms per operation (from pre-made instants, so
 * the harness allocates nothing), and every encoder formats the message once per operation (the
 * Logback event's cached formatted message is bypassed, as it would be for a fresh event; the
 * Log4j event's message is set per operation, which is where Log4j formats it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncoderBenchmark {
  private static final int INSTANTS = 1 << 20;
  private static final long START = 1678188749167L;

  @Param({"false", "true"})
  public boolean exception;

  private Instant[] instants;
  private int tick;
  private FreshEvent event;
  private ConventionsEncoder logconv;
  private LogstashEncoder logstash;
  private JsonEncoder logbackJson;
  private JsonTemplateLayout jtl;
  private MutableLogEvent log4jEvent;
  private ReusableParameterizedMessage log4jMessage;
  private Destination destination;
  private final OutputStream discard = OutputStream.nullOutputStream();

  /** A Logback event that formats its message anew on every call, like a fresh event would. */
  static final class FreshEvent extends LoggingEvent {
    FreshEvent(Logger logger, Throwable t) {
      super(Logger.FQCN, logger, ch.qos.logback.classic.Level.INFO, "reconciled {}", t, new Object[] {"go-net-http-hello-prqx"});
    }

    @Override
    public String getFormattedMessage() {
      return MessageFormatter.basicArrayFormat(getMessage(), getArgumentArray());
    }
  }

  /** Log4j's garbage-free output target: a reused buffer, emptied when full. */
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
      written += length;
    }
  }

  static Throwable twentyFrames() {
    IllegalStateException t = new IllegalStateException("update of go-net-http-hello-prqx failed");
    StackTraceElement[] st = new StackTraceElement[20];
    for (int i = 0; i < st.length; i++) {
      st[i] = new StackTraceElement("com.example.controller.layer" + (i % 4) + ".Service" + i, "handle" + i, "Service" + i + ".java", 40 + i);
    }
    t.setStackTrace(st);
    return t;
  }

  @Setup
  public void setUp() {
    instants = new Instant[INSTANTS];
    for (int i = 0; i < INSTANTS; i++) {
      instants[i] = Instant.ofEpochMilli(START + i);
    }
    LoggerContext context = new LoggerContext();
    Logger logger = context.getLogger("controllers.Component");
    Throwable t = exception ? twentyFrames() : null;
    event = new FreshEvent(logger, t);
    Map<String, String> mdc = new HashMap<>();
    mdc.put("request_id", "req-7f3a9c");
    mdc.put("tenant", "team-a");
    event.setMDCPropertyMap(mdc);
    event.addKeyValuePair(new KeyValuePair("namespace", "samburrai-tenant"));
    event.addKeyValuePair(new KeyValuePair("name", "go-net-http-hello-prqx"));
    event.addKeyValuePair(new KeyValuePair("controllerKind", "Component"));
    event.addKeyValuePair(new KeyValuePair("action", "UPDATE"));
    event.addKeyValuePair(new KeyValuePair("audit", true));
    event.getThreadName();
    event.setInstant(instants[0]);

    logconv = new ConventionsEncoder();
    logconv.setContext(context);
    logconv.start();
    logstash = new LogstashEncoder();
    logstash.setContext(context);
    logstash.start();
    logbackJson = new JsonEncoder();
    logbackJson.setContext(context);
    logbackJson.start();

    jtl =
        JsonTemplateLayout.newBuilder()
            .setConfiguration(new DefaultConfiguration())
            .setEventTemplate(
                "{\"ts\":{\"$resolver\":\"timestamp\",\"pattern\":{\"format\":\"yyyy-MM-dd'T'HH:mm:ss.SSS'Z'\",\"timeZone\":\"UTC\"}},"
                    + "\"level\":{\"$resolver\":\"level\",\"field\":\"name\"},"
                    + "\"logger\":{\"$resolver\":\"logger\",\"field\":\"name\"},"
                    + "\"msg\":{\"$resolver\":\"message\",\"stringified\":true},"
                    + "\"mdc\":{\"$resolver\":\"mdc\",\"flatten\":true},"
                    + "\"error\":{\"$resolver\":\"exception\",\"field\":\"className\"},"
                    + "\"stacktrace\":{\"$resolver\":\"exception\",\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":true}}}")
            .build();
    log4jEvent = new MutableLogEvent();
    log4jEvent.setLoggerName("controllers.Component");
    log4jEvent.setLevel(org.apache.logging.log4j.Level.INFO);
    SortedArrayStringMap data = new SortedArrayStringMap();
    data.putValue("request_id", "req-7f3a9c");
    data.putValue("tenant", "team-a");
    data.putValue("namespace", "samburrai-tenant");
    data.putValue("name", "go-net-http-hello-prqx");
    data.putValue("controllerKind", "Component");
    data.putValue("action", "UPDATE");
    data.putValue("audit", true);
    log4jEvent.setContextData(data);
    log4jEvent.setThrown(t);
    log4jMessage = new ReusableParameterizedMessage();
    destination = new Destination();

    printLineSizes();
  }

  private void printLineSizes() {
    System.err.printf(
        "%nline bytes (exception=%s): logconv %d, LogstashEncoder %d, JsonEncoder %d, JsonTemplateLayout %d%n",
        exception,
        logconv.encode(event).length,
        logstash.encode(event).length,
        logbackJson.encode(event).length,
        jtl.toByteArray(log4jEvent(START)).length);
    System.err.println("logconv: " + new String(logconv.encode(event), StandardCharsets.UTF_8).trim());
  }

  private long nextMillis() {
    int i = tick++ & (INSTANTS - 1);
    event.setInstant(instants[i]);
    return START + i;
  }

  private MutableLogEvent log4jEvent(long millis) {
    log4jMessage.set("reconciled {}", "go-net-http-hello-prqx");
    log4jEvent.setMessage(log4jMessage);
    log4jEvent.setTimeMillis(millis);
    return log4jEvent;
  }

  @Benchmark
  public byte[] logconvEncode() {
    nextMillis();
    return logconv.encode(event);
  }

  @Benchmark
  public void logconvStreaming() throws IOException {
    nextMillis();
    logconv.encode(event, discard);
  }

  @Benchmark
  public byte[] logstashEncoder() {
    nextMillis();
    return logstash.encode(event);
  }

  @Benchmark
  public byte[] logbackJsonEncoder() {
    nextMillis();
    return logbackJson.encode(event);
  }

  @Benchmark
  public void log4jJsonTemplateLayout(Blackhole bh) {
    jtl.encode(log4jEvent(nextMillis()), destination);
    bh.consume(destination.written);
  }
}
