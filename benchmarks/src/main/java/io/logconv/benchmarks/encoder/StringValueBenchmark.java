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
 * test costs on that kind of string. {@code network} is {@code on} with sdk-core's opt-in network
 * address detectors ({@code SecretRedactor.Builder#networkAddresses}); the kinds {@code digits}
 * (numbers, a date, a time, a resource version, ports: no address), {@code prose} (English words,
 * many of them starting with a hex letter), {@code hex} (a UUID and a digest) and {@code address}
 * (an IPv4, an IPv6 and a MAC address, which only {@code network} hides) show what the option costs
 * where its triggers are common.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StringValueBenchmark {
  @Param({"off", "on", "network"})
  public String redaction;

  /** The value's kind: the strings of {@link RedactionBenchmark}'s event, and four more. */
  @Param({"url", "uuid", "name", "message", "digits", "prose", "hex", "address"})
  public String value;

  /** Kinds where the network address detectors' triggers are common; each ends in 3 varied letters. */
  static final String DIGITS =
      "synced 1284 of 90210 items in 5678 ms at 2024-05-01 10:00:00.123, rv 48213377, ports"
          + " 80,443,8080, v1.2.3 abc";

  static final String PROSE =
      "deleted the default deployment because the cache failed; a backoff of 5 seconds faced"
          + " each retry abc";

  static final String HEX =
      "request 3f2c9a1e-6b7d-4e0f-9c1a-2b3c4d5e6f70 digest"
          + " e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852abc";

  static final String ADDRESS =
      "accepted 203.0.113.7:51234 via [2001:db8::8:800:200c:417a]:443 from 00:1a:2b:3c:4d:5e abc";

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
          case "digits" -> DIGITS;
          case "prose" -> PROSE;
          case "hex" -> HEX;
          case "address" -> ADDRESS;
          default -> "reconciled " + EncoderBenchmark.NAME;
        };
    values = new String[VARIANTS];
    for (int i = 0; i < VARIANTS; i++) {
      values[i] = EncoderBenchmark.vary(base, i);
    }
    Redactor r =
        switch (redaction) {
          case "off" -> Redactor.NONE;
          case "network" -> SecretRedactor.builder().networkAddresses(true).build();
          default -> SecretRedactor.defaults();
        };
    writer =
        LineFormat.builder().redactor(r).statusListener(StatusListener.IGNORE).build().newWriter();
  }

  @Benchmark
  public JsonBuffer oneValue() {
    String v = values[tick++ & (VARIANTS - 1)];
    return writer.begin(1678188749167L, Level.INFO, "c").message("m").field("f", v).end();
  }
}
