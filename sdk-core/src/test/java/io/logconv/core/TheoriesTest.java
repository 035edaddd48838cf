package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The property runner: it runs every try it is asked for, and a failure names a seed that, given
 * back as {@code -DQT_SEED}, replays the same failure.
 */
class TheoriesTest {
  private static final Pattern SEED = Pattern.compile("with seed (-?\\d+) \\(replay: -DQT_SEED=(-?\\d+)\\)");

  /** Strings of every char; about one in three is longer than 20 chars. */
  private static final Gen<String> TEXTS = Gens.strings(Gens.ANY, 0, 30);

  private String savedSeed;

  @BeforeEach
  void saveSeed() {
    savedSeed = System.getProperty(Theories.SEED_PROPERTY);
    System.clearProperty(Theories.SEED_PROPERTY);
  }

  @AfterEach
  void restoreSeed() {
    if (savedSeed == null) {
      System.clearProperty(Theories.SEED_PROPERTY);
    } else {
      System.setProperty(Theories.SEED_PROPERTY, savedSeed);
    }
  }

  private static AssertionError failure(List<String> tried) {
    return catchThrowableOfType(
        AssertionError.class,
        () ->
            Theories.forAll(
                10_000,
                TEXTS,
                s -> {
                  tried.add(s);
                  assertThat(s.length()).isLessThanOrEqualTo(20);
                }));
  }

  @Test
  void aFailureNamesItsSeedAndTheSeedReplaysIt() {
    List<String> tried = new ArrayList<>();
    AssertionError first = failure(tried);
    assertThat(first).isNotNull();
    Matcher m = SEED.matcher(first.getMessage());
    assertThat(m.find()).as(first.getMessage()).isTrue();
    assertThat(m.group(2)).isEqualTo(m.group(1));
    assertThat(first.getMessage()).contains("smallest falsifying value: \"");
    assertThat(first).hasCauseInstanceOf(AssertionError.class);

    System.setProperty(Theories.SEED_PROPERTY, m.group(1));
    List<String> replayed = new ArrayList<>();
    AssertionError again = failure(replayed);
    assertThat(again).isNotNull();
    assertThat(again.getMessage()).isEqualTo(first.getMessage());
    assertThat(replayed).isEqualTo(tried);
  }

  @Test
  void aPropertyThatHoldsRunsEveryTry() {
    List<String> tried = new ArrayList<>();
    Theories.forAll(3000, Gens.strings(Gens.of("ab"), 0, 2), tried::add);
    // Only 7 strings exist; QuickTheories alone would skip the repeats and stop at 7.
    assertThat(tried).hasSize(3000);
    assertThat(tried).contains("", "a", "b", "aa", "ab", "ba", "bb");
  }

  @Test
  void theCharsCoverTheWholeRangeAndItsAwkwardCorners() {
    StringBuilder all = new StringBuilder();
    Theories.sample(1L, 2000, Gens.strings(Gens.ANY, 0, 40), s -> all.append(s));
    String s = all.toString();
    assertThat(s.chars().filter(c -> c < 0x20)).as("control chars").isNotEmpty();
    assertThat(s.chars().filter(c -> Character.isHighSurrogate((char) c))).as("high surrogates").isNotEmpty();
    assertThat(s.chars().filter(c -> Character.isLowSurrogate((char) c))).as("low surrogates").isNotEmpty();
    assertThat(s.codePoints().filter(Character::isSupplementaryCodePoint)).as("pairs").isNotEmpty();
    assertThat(s.chars().filter(c -> c > 0xE000)).as("above the surrogates").isNotEmpty();
    assertThat(s).contains("\"", "\\", "\u2028", "\uffff");
    List<Integer> huge = Theories.sample(1L, 50, Gens.strings(Gens.ANY, 3000, 20_000), String::length);
    assertThat(huge).allSatisfy(n -> assertThat(n).isBetween(3000, 20_000)).contains(3000, 20_000);
  }
}
