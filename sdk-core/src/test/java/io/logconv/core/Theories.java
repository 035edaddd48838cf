package io.logconv.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;
import org.quicktheories.generators.Generate;

/**
 * Runs property tests on QuickTheories, shared with the adapters' tests. A property runs for the
 * given number of tries under a fresh seed; a failure names the seed, the try and the smallest
 * falsifying value found, and is replayed by running the same test again with {@code
 * -DQT_SEED=<seed>} (QuickTheories reads that system property when a property starts).
 *
 * <p>QuickTheories skips a value whose random draws it has tried already; each value here carries
 * one extra draw that tells tries apart, so a property runs its full number of tries. Shrinking is
 * bounded, because one try of a writer property can hold values of 20,000 chars.
 */
public final class Theories {
  /** The system property QuickTheories takes its seed from. */
  public static final String SEED_PROPERTY = "QT_SEED";

  /** How many shrinking steps a failure gets before it is reported. */
  static final int SHRINK_CYCLES = 5_000;

  /** How much of a falsifying value the report shows; the seed replays it whole. */
  static final int SHOWN_CHARS = 4_000;

  private Theories() {}

  /** Checks {@code property} on {@code tries} values of {@code gen}. */
  public static <T> void forAll(int tries, Gen<T> gen, Consumer<T> property) {
    QuickTheory.qt()
        .withExamples(tries)
        .withShrinkCycles(SHRINK_CYCLES)
        .withReporter(new FailureReporter())
        .forAll(distinct(gen))
        .checkAssert(property);
  }

  /** The first {@code n} values {@code gen} makes under {@code seed}, each mapped by {@code f}. */
  public static <T, R> List<R> sample(long seed, int n, Gen<T> gen, Function<T, R> f) {
    List<R> out = new ArrayList<>(n);
    QuickTheory.qt()
        .withFixedSeed(seed)
        .withExamples(n)
        .forAll(distinct(gen))
        .checkAssert(t -> out.add(f.apply(t)));
    return out;
  }

  private static <T> Gen<T> distinct(Gen<T> gen) {
    Gen<T> tagged = Generate.longRange(0, Long.MAX_VALUE).zip(gen, (tag, t) -> t);
    return tagged.describedAs(t -> abbreviate(gen.asString(t)));
  }

  static String abbreviate(String s) {
    return s.length() <= SHOWN_CHARS
        ? s
        : s.substring(0, SHOWN_CHARS) + "...[" + (s.length() - SHOWN_CHARS) + " more chars]";
  }

  /** Reports a falsified property as one assertion error that names the seed to replay it. */
  static final class FailureReporter implements Reporter {
    @Override
    public void falisification(
        long seed,
        int count,
        Object smallest,
        Throwable cause,
        List<Object> examples,
        AsString<Object> toString) {
      throw new AssertionError(message(seed, count, smallest, toString) + "\ncause: " + cause, cause);
    }

    @Override
    public void falisification(
        long seed, int count, Object smallest, List<Object> examples, AsString<Object> toString) {
      throw new AssertionError(message(seed, count, smallest, toString));
    }

    @Override
    public void valuesExhausted(int completedExamples) {
      throw new IllegalStateException(
          "gave up after " + completedExamples + " values matching the assumptions");
    }

    private static String message(long seed, int count, Object smallest, AsString<Object> toString) {
      return "property falsified at try "
          + count
          + " with seed "
          + seed
          + " (replay: -D"
          + SEED_PROPERTY
          + "="
          + seed
          + ")\nsmallest falsifying value: "
          + toString.asString(smallest);
    }
  }
}
