package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Prefilter#isWordStart} is the one definition of a word start; the redactor's scan
 * ({@link ValueScanner#next}) computes it incrementally for speed. Here the scan is asked, on
 * random texts rich in word chars, backslashes and escapes, at which positions a word-start trigger
 * may match, and must name exactly the positions the definition names.
 */
class WordStartTest {
  private static final String ALPHABET = "qqa_1\\\\ n\"-é.";

  /** Triggers on "q" at word starts, matches nothing, and records where it was asked. */
  private static final class Recorder implements ValueDetector {
    final List<Integer> asked = new ArrayList<>();

    @Override
    public String type() {
      return "probe";
    }

    @Override
    public List<String> triggers() {
      return List.of("q");
    }

    @Override
    public boolean wordStartOnly() {
      return true;
    }

    @Override
    public long match(CharSequence text, int from, int at) {
      asked.add(at);
      return NO_MATCH;
    }
  }

  @Test
  void theScanAsksExactlyAtTheWordStartsTheDefinitionNames() {
    long seed = 20261203L;
    Random random = new Random(seed);
    for (int round = 0; round < 5000; round++) {
      int n = random.nextInt(24);
      char[] chars = new char[n + 1];
      for (int i = 0; i < n; i++) {
        chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      }
      String text = new String(chars, 0, n);
      Recorder probe = new Recorder();
      ValueScanner scanner = new ValueScanner(List.of(probe));
      assertThat(scanner.next(text, chars, n, 0, 0)).isEqualTo(-1L);
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (chars[i] == 'q' && Prefilter.isWordStart(chars, 0, i)) {
          expected.add(i);
        }
      }
      assertThat(probe.asked).as("seed %d, round %d, text %s", seed, round, text).isEqualTo(expected);
    }
  }

  @Test
  void theDefinition() {
    char[] t = "a q\\nq_q xq".toCharArray();
    assertThat(Prefilter.isWordStart(t, 0, 0)).isTrue(); // the text's start
    assertThat(Prefilter.isWordStart(t, 0, 2)).isTrue(); // after a space
    assertThat(Prefilter.isWordStart(t, 0, 5)).isTrue(); // after the escape "\n"
    assertThat(Prefilter.isWordStart(t, 0, 7)).isFalse(); // after '_', a word char
    assertThat(Prefilter.isWordStart(t, 0, 10)).isFalse(); // inside "xq"
    assertThat(Prefilter.isWordStart(t, 10, 10)).isTrue(); // where a scan starts again
  }
}
