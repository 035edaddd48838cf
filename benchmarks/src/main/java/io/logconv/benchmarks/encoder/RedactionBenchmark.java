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
 * the event, and on with one secret (a password in a connection URL).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RedactionBenchmark {
  @Param({"off", "on", "on-with-secret"})
  public String redaction;

  private static final Object[] ARGS = {"go-net-http-hello-prqx"};
  private static final Long REPLICAS = 3L;

  private EventWriter writer;
  private String url;
  private long millis = 1678188749167L;

  @Setup
  public void setUp() {
    Redactor r = "off".equals(redaction) ? Redactor.NONE : SecretRedactor.defaults();
    writer =
        LineFormat.builder().redactor(r).statusListener(StatusListener.IGNORE).build().newWriter();
    url =
        "on-with-secret".equals(redaction)
            ? "postgres://controller:s3cr3t-Passw0rd@db.internal:5432/components"
            : "https://registry.example.com/v2/components/manifests/latest";
  }

  @Benchmark
  public JsonBuffer typicalEvent() {
    return writer
        .begin(millis++, Level.INFO, "controllers.Component")
        .message("reconciled {}", ARGS, 1)
        .field("namespace", "samburrai-tenant")
        .field("controllerKind", "Component")
        .field("name", "go-net-http-hello-prqx")
        .field("action", Action.UPDATE)
        .field("replicas", REPLICAS)
        .field("request_id", "3f2c9a1e-6b7d-4e0f-9c1a-2b3c4d5e6f70")
        .field("endpoint", url)
        .end();
  }
}
