package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.slf4j.helpers.MessageFormatter;

class MessageTemplateTest {
  private static String fmt(String template, Object... args) {
    StringBuilder sb = new StringBuilder();
    MessageTemplate.format(sb, template, args, args.length);
    return sb.toString();
  }

  @Test
  void substitutesInOrder() {
    assertThat(fmt("reconciled {} in {} ms", "web-1", 87)).isEqualTo("reconciled web-1 in 87 ms");
  }

  @Test
  void escapedAndDoubleEscapedPlaceholders() {
    assertThat(fmt("set \\{} to {}", "x")).isEqualTo("set {} to x");
    assertThat(fmt("path C:\\\\{}", "dir")).isEqualTo("path C:\\dir");
  }

  @Test
  void surplusPlaceholdersAndArguments() {
    assertThat(fmt("{} and {}", "a")).isEqualTo("a and {}");
    assertThat(fmt("only {}", "a", "b")).isEqualTo("only a");
    assertThat(fmt(null, "a")).isEqualTo("null");
  }

  @Test
  void arraysAreWrittenDeeplyAndCyclesStop() {
    Object[] cyclic = new Object[2];
    cyclic[0] = "a";
    cyclic[1] = cyclic;
    assertThat(fmt("{} {} {}", new int[] {1, 2}, new Object[] {"x", new long[] {3}}, cyclic))
        .isEqualTo("[1, 2] [x, [3]] [a, [...]]");
  }

  @Test
  void toStringThatThrowsIsAMarker() {
    Object bad =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("boom");
          }
        };
    assertThat(fmt("v={}", bad)).isEqualTo("v=" + MessageTemplate.FAILED_TO_STRING);
  }

  @Test
  void trailingThrowableIsTheCandidate() {
    Exception e = new Exception("x");
    assertThat(MessageTemplate.throwableCandidate(new Object[] {"a", e}, 2)).isSameAs(e);
    assertThat(MessageTemplate.throwableCandidate(new Object[] {e, "a"}, 2)).isNull();
    assertThat(MessageTemplate.throwableCandidate(null, 0)).isNull();
  }

  /** Templates where placeholders, escapes and their look-alikes meet. */
  private static final Gen<String> TEMPLATES = Gens.strings(Gens.of("{}\\a "), 0, 24);

  @Test
  void agreesWithSlf4j() {
    Object[] args = {"A", 2, null};
    Theories.forAll(
        3000,
        TEMPLATES,
        template ->
            assertThat(fmt(template, args))
                .isEqualTo(MessageFormatter.basicArrayFormat(template, args)));
  }
}
