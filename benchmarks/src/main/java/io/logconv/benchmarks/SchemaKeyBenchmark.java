package io.logconv.benchmarks;

import io.logconv.schema.Conventions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the key checks every written key goes through: the Loki-safe test and the reserved-key
 * lookup. Both sit on the hot path of the event writer and the validator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SchemaKeyBenchmark {
  @Param({"controllerKind", "db_connection_pool_size", "pod_name"})
  public String key;

  @Benchmark
  public boolean safeKey() {
    return Conventions.isSafeKey(key);
  }

  @Benchmark
  public boolean reservedKey() {
    return Conventions.isReservedKey(key) || Conventions.isPipelineKey(key);
  }
}
