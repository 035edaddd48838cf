package io.logconv.benchmarks.encoder;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.logconv.log4j2.ConventionsLayout;
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
 * (garbage-free path into a {@code ByteBufferDestination}); and by logconv's encoder with redaction
 * off, to show what redaction costs.
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

  /**
   * {@code repeated}: the same values in every event, as a key's value repeats in a service (a
   * namespace, a kind, a tenant, a request id over a request's lines). {@code distinct}: every
   * string value and the message argument differ from the event before (1,024 events taken in
   * turn), so that no encoder can write a value as it wrote it last time. {@code mixed}: what a
   * controller's lines look like, between the two: the values naming its scope ({@code namespace},
   * {@code controllerKind}, {@code tenant}) repeat, those naming the object and the request (the
   * message argument, {@code name}, {@code request_id}) differ from the event before.
   */
  @Param({"repeated", "mixed", "distinct"})
  public String values;

  private static final int DISTINCT = 1024;

  /** The reference event's object name: the message argument and the {@code name} value. */
  static final String NAME = "go-net-http-hello-prqx";

  private Instant[] instants;
  private int tick;
  private FreshEvent[] events;
  private int eventMask;
  private FreshEvent event;
  private ConventionsEncoder logconv;
  private ConventionsEncoder logconvUnredacted;
  private LogstashEncoder logstash;
  private JsonEncoder logbackJson;
  private JsonTemplateLayout jtl;
  private ConventionsLayout logconvLog4j2;
  private MutableLogEvent log4jEvent;
  private ReusableParameterizedMessage log4jMessage;
  private SortedArrayStringMap[] log4jData;
  private String[] log4jArgs;
  private Destination destination;
  private final OutputStream discard = OutputStream.nullOutputStream();

  /** A Logback event that formats its message anew on every call, like a fresh event would. */
  static final class FreshEvent extends LoggingEvent {
    FreshEvent(Logger logger, Throwable t, String name) {
      super(Logger.FQCN, logger, ch.qos.logback.classic.Level.INFO, "reconciled {}", t, new Object[] {name});
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
    boolean varied = !"repeated".equals(values);
    boolean scopeRepeats = "mixed".equals(values);
    events = new FreshEvent[varied ? DISTINCT : 1];
    eventMask = events.length - 1;
    for (int i = 0; i < events.length; i++) {
      events[i] = referenceEvent(logger, t, varied ? i : -1, scopeRepeats);
    }
    event = events[0];

    logconv = new ConventionsEncoder();
    logconv.setContext(context);
    logconv.start();
    logconvUnredacted = new ConventionsEncoder();
    logconvUnredacted.setContext(context);
    logconvUnredacted.setRedaction(false);
    logconvUnredacted.start();
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
    logconvLog4j2 = ConventionsLayout.createDefault();
    log4jData = new SortedArrayStringMap[events.length];
    log4jArgs = new String[events.length];
    for (int i = 0; i < events.length; i++) {
      int variant = varied ? i : -1;
      int scope = scopeRepeats ? -1 : variant;
      SortedArrayStringMap data = new SortedArrayStringMap();
      data.putValue("request_id", vary("req-7f3a9c", variant));
      data.putValue("tenant", vary("team-a", scope));
      data.putValue("namespace", vary("samburrai-tenant", scope));
      data.putValue("name", vary(NAME, variant));
      data.putValue("controllerKind", vary("Component", scope));
      data.putValue("action", "UPDATE");
      data.putValue("audit", true);
      log4jData[i] = data;
      log4jArgs[i] = vary(NAME, variant);
    }
    log4jEvent = new MutableLogEvent();
    log4jEvent.setLoggerName("controllers.Component");
    log4jEvent.setLevel(org.apache.logging.log4j.Level.INFO);
    log4jEvent.setContextData(log4jData[0]);
    log4jEvent.setThrown(t);
    log4jMessage = new ReusableParameterizedMessage();
    destination = new Destination();

    printLineSizes();
  }

  /**
   * The reference event; with {@code variant >= 0}, each string value has its last three chars
   * replaced by letters numbering the variant (the lengths stay those of the reference event),
   * except the scope's values if {@code scopeRepeats}.
   */
  private FreshEvent referenceEvent(Logger logger, Throwable t, int variant, boolean scopeRepeats) {
    int scope = scopeRepeats ? -1 : variant;
    FreshEvent e = new FreshEvent(logger, t, vary(NAME, variant));
    Map<String, String> mdc = new HashMap<>();
    mdc.put("request_id", vary("req-7f3a9c", variant));
    mdc.put("tenant", vary("team-a", scope));
    e.setMDCPropertyMap(mdc);
    e.addKeyValuePair(new KeyValuePair("namespace", vary("samburrai-tenant", scope)));
    e.addKeyValuePair(new KeyValuePair("name", vary(NAME, variant)));
    e.addKeyValuePair(new KeyValuePair("controllerKind", vary("Component", scope)));
    e.addKeyValuePair(new KeyValuePair("action", "UPDATE"));
    e.addKeyValuePair(new KeyValuePair("audit", true));
    e.getThreadName();
    e.setInstant(instants[0]);
    return e;
  }

  static String vary(String s, int variant) {
    if (variant < 0) {
      return s;
    }
    char[] c = s.toCharArray();
    int v = variant;
    for (int k = c.length - 1; k >= c.length - 3; k--) {
      c[k] = (char) ('a' + v % 26);
      v /= 26;
    }
    return new String(c);
  }

  private void printLineSizes() {
    System.err.printf(
        "%nline bytes (exception=%s): logconv %d, LogstashEncoder %d, JsonEncoder %d, JsonTemplateLayout %d, logconv Log4j2 layout %d%n",
        exception,
        logconv.encode(event).length,
        logstash.encode(event).length,
        logbackJson.encode(event).length,
        jtl.toByteArray(log4jEvent(START)).length,
        logconvLog4j2.toByteArray(log4jEvent(START)).length);
    System.err.println("logconv Log4j2: " + logconvLog4j2.toSerializable(log4jEvent(START)).trim());
    System.err.println("logconv: " + new String(logconv.encode(event), StandardCharsets.UTF_8).trim());
  }

  private long nextMillis() {
    int t = tick++;
    int i = t & (INSTANTS - 1);
    event = events[t & eventMask];
    event.setInstant(instants[i]);
    return START + i;
  }

  private MutableLogEvent log4jEvent(long millis) {
    int e = (tick - 1) & eventMask; // the event nextMillis chose
    log4jEvent.setContextData(log4jData[e]);
    log4jMessage.set("reconciled {}", log4jArgs[e]);
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

  /** The streaming method with redaction off: what redaction costs on the reference event. */
  @Benchmark
  public void logconvStreamingUnredacted() throws IOException {
    nextMillis();
    logconvUnredacted.encode(event, discard);
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

  /**
   * logconv's Log4j2 layout on the same event and the same garbage-free path as {@link
   * #log4jJsonTemplateLayout} (redaction on).
   */
  @Benchmark
  public void logconvLog4j2Layout(Blackhole bh) {
    logconvLog4j2.encode(log4jEvent(nextMillis()), destination);
    bh.consume(destination.written);
  }
}
