package io.logconv.benchmarks.encoder;

import io.logconv.core.EventWriter;
import io.logconv.core.JsonBuffer;
import io.logconv.core.LineFormat;
import io.logconv.core.StatusListener;
import io.logconv.core.redact.Redactor;
import io.logconv.core.redact.SecretRedactor;
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
 * What one string value costs to write, by kind, with redaction off and on: a minimal event (a
 * one-letter message) with one field whose value differs from the event before (1,024 variants
 * taken in turn, as {@link EncoderBenchmark}'s {@code distinct}), so that it is escaped and scanned
 * anew every time. The difference between {@code on} and {@code off} is what the redactor's trigger
 * test costs on that kind of string.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StringValueBenchmark {
  @Param({"off", "on"})
  public String redaction;

  /** The value's kind: the strings of {@link RedactionBenchmark}'s event. */
  @Param({"url", "uuid", "name", "message"})
  public String value;

  private static final int VARIANTS = 1024;

  private String[] values;
  private int tick;
  private EventWriter writer;

  @Setup
  public void setUp() {
    String base =
        switch (value) {
          case "url" -> RedactionBenchmark.URL;
          case "uuid" -> RedactionBenchmark.REQUEST_ID;
          case "name" -> EncoderBenchmark.NAME;
          default -> "reconciled " + EncoderBenchmark.NAME;
        };
    values = new String[VARIANTS];
    for (int i = 0; i < VARIANTS; i++) {
      values[i] = EncoderBenchmark.vary(base, i);
    }
    Redactor r = "off".equals(redaction) ? Redactor.NONE : SecretRedactor.defaults();
    writer =
        LineFormat.builder().redactor(r).statusListener(StatusListener.IGNORE).build().newWriter();
  }

  @Benchmark
  public JsonBuffer oneValue() {
    String v = values[tick++ & (VARIANTS - 1)];
    return writer.begin(1678188749167L, Level.INFO, "c").message("m").field("f", v).end();
  }
}
