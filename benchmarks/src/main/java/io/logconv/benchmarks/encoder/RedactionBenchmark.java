package io.logconv.benchmarks.encoder;

import io.logconv.core.EventWriter;
import io.logconv.core.JsonBuffer;
import io.logconv.core.LineFormat;
import io.logconv.core.redact.Redactor;
import io.logconv.core.StatusListener;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Action;
import io.logconv.schema.Level;
import java.util.concurrent.TimeUnit;
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

/**
 * What redaction costs on the write path: the typical event (a message with one argument and 7
 * key/values, no throwable) written by sdk-core's writer with redaction off, on with no secret in
 * the event, on with one secret (a password in a connection URL), and on with the opt-in network
 * address detectors ({@code on-network}; the event holds no address, so this is what the option
 * costs on a line with nothing to hide).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RedactionBenchmark {
  @Param({"off", "on", "on-with-secret", "on-network"})
  public String redaction;

  /**
   * {@code repeated}: the same values in every event, as a key's value repeats in a service.
   * {@code distinct}: the message argument and the string values differ from the event before
   * (1,024 variants taken in turn), so that every string is escaped and scanned anew. {@code
   * mixed}: {@code namespace} and {@code controllerKind} repeat, the other strings differ (see
   * {@link EncoderBenchmark#values}).
   */
  @Param({"repeated", "mixed", "distinct"})
  public String values;

  private static final int DISTINCT = 1024;

  /** The event's URL (without a secret) and request id. */
  static final String URL = "https://registry.example.com/v2/components/manifests/latest";

  static final String REQUEST_ID = "3f2c9a1e-6b7d-4e0f-9c1a-2b3c4d5e6f70";
  private static final Long REPLICAS = 3L;

  private EventWriter writer;
  private Object[][] args;
  private String[] namespaces;
  private String[] kinds;
  private String[] names;
  private String[] requestIds;
  private String[] urls;
  private int mask;
  private int tick;
  private long millis = 1678188749167L;

  @Setup
  public void setUp() {
    Redactor r =
        switch (redaction) {
          case "off" -> Redactor.NONE;
          case "on-network" -> SecretRedactor.builder().networkAddresses(true).build();
          default -> SecretRedactor.defaults();
        };
    writer =
        LineFormat.builder().redactor(r).statusListener(StatusListener.IGNORE).build().newWriter();
    String url =
        "on-with-secret".equals(redaction)
            ? "postgres://controller:s3cr3t-Passw0rd@db.internal:5432/components"
            : URL;
    int count = "repeated".equals(values) ? 1 : DISTINCT;
    boolean scopeRepeats = "mixed".equals(values);
    mask = count - 1;
    args = new Object[count][];
    namespaces = new String[count];
    kinds = new String[count];
    names = new String[count];
    requestIds = new String[count];
    urls = new String[count];
    for (int i = 0; i < count; i++) {
      int variant = count == 1 ? -1 : i;
      names[i] = EncoderBenchmark.vary(EncoderBenchmark.NAME, variant);
      args[i] = new Object[] {names[i]};
      int scope = scopeRepeats ? -1 : variant;
      namespaces[i] = EncoderBenchmark.vary("samburrai-tenant", scope);
      kinds[i] = EncoderBenchmark.vary("Component", scope);
      requestIds[i] = EncoderBenchmark.vary(REQUEST_ID, variant);
      urls[i] = EncoderBenchmark.vary(url, variant);
    }
  }

  @Benchmark
  public JsonBuffer typicalEvent() {
    int i = tick++ & mask;
    return writer
        .begin(millis++, Level.INFO, "controllers.Component")
        .message("reconciled {}", args[i], 1)
        .field("namespace", namespaces[i])
        .field("controllerKind", kinds[i])
        .field("name", names[i])
        .field("action", Action.UPDATE)
        .field("replicas", REPLICAS)
        .field("request_id", requestIds[i])
        .field("endpoint", urls[i])
        .end();
  }
}
