package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.validate.ValidatorRules.Check;
import io.logconv.lint.validate.ValidatorRules.Examples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every check's documented examples, run as {@code logconv validate} runs them (sdk-core's
 * detectors, the contract's line limit) with the options the table declares for them: the bad
 * example is reported by its check and by nothing else, the good example by nothing at all.
 */
class CheckExamplesTest {
  static Stream<Named<Check>> checks() {
    return ValidatorRules.CHECKS.stream().map(c -> Named.of(c.rule().id(), c));
  }

  @ParameterizedTest
  @MethodSource("checks")
  void badExampleIsReportedByItsCheckAlone(Check check) throws IOException {
    List<Finding> found = validate(check, bad(check));
    assertThat(found).as(check.rule().id() + " on its bad example").isNotEmpty();
    assertThat(found).extracting(Finding::ruleId).as(found.toString()).containsOnly(check.rule().id());
  }

  @ParameterizedTest
  @MethodSource("checks")
  void goodExampleConforms(Check check) throws IOException {
    assertThat(validate(check, check.rule().goodExample())).as(check.rule().id()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("checks")
  void anElisionStandsForTextOfTheBadExample(Check check) {
    Examples e = check.examples();
    if (e.elision() == null) {
      assertThat(e.elidedBytes()).isZero();
    } else {
      assertThat(check.rule().badExample()).contains(e.elision());
      assertThat(check.rule().goodExample()).doesNotContain(e.elision());
      assertThat(e.elidedBytes()).isGreaterThan(e.elision().length());
    }
  }

  @Test
  void theLongLineIsOverTheLimitOnlyOnceExpanded() throws IOException {
    Check tooLong = check("LV013");
    String shown = tooLong.rule().badExample();
    assertThat(validate(new Check(tooLong.rule(), tooLong.brief()), shown)).isEmpty();
    assertThat(bad(tooLong).getBytes(StandardCharsets.UTF_8).length + 1)
        .isGreaterThan(io.logconv.schema.Conventions.DEFAULT_MAX_LINE_BYTES);
  }

  @Test
  void theSchemaExampleNeedsTheSchema() throws IOException {
    // Without --schema adr the strict checks report the same line (as LV002), not LV016.
    Check schema = check("LV016");
    assertThat(validate(new Check(schema.rule(), schema.brief()), schema.rule().badExample()))
        .extracting(Finding::ruleId)
        .doesNotContain("LV016")
        .isNotEmpty();
  }

  @Test
  void theContainerExampleNeedsItsFormat() throws IOException {
    // Read as a JSON line, the CRI record is plain text (LV001), not a malformed record.
    Check wrapper = check("LV017");
    assertThat(validate(new Check(wrapper.rule(), wrapper.brief()), wrapper.rule().badExample()))
        .extracting(Finding::ruleId)
        .containsOnly("LV001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LV014", "LV015"})
  void theGoodExampleOfASecretCheckIsWhatRedactWritesForTheBadOne(String id) throws IOException {
    RuleDescriptor rule = check(id).rule();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new LogRedactor(SecretRedactor.defaults(), 1 << 20)
        .redact(
            new ByteArrayInputStream((rule.badExample() + "\n").getBytes(StandardCharsets.UTF_8)),
            InputFormat.JSON_LINES,
            out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(rule.goodExample() + "\n");
  }

  private static Check check(String id) {
    return ValidatorRules.CHECKS.stream().filter(c -> c.rule().id().equals(id)).findFirst().orElseThrow();
  }

  /** The bad example with its elision, if any, expanded to the bytes it stands for. */
  private static String bad(Check check) {
    Examples e = check.examples();
    String text = check.rule().badExample();
    return e.elision() == null ? text : text.replace(e.elision(), "x".repeat(e.elidedBytes()));
  }

  /** The findings of {@code logconv validate} on {@code example} with the check's options. */
  private static List<Finding> validate(Check check, String example) throws IOException {
    Examples e = check.examples();
    SchemaCheck schema =
        switch (e.schema()) {
          case "strict" -> null;
          case "adr" -> SchemaCheck.adr();
          default -> throw new AssertionError("unknown --schema " + e.schema());
        };
    Validator.Options options =
        Validator.Options.defaults().withFormat(e.inputFormat()).withSchema(schema).withThreads(1);
    List<Finding> found = new ArrayList<>();
    try (Validator v = new Validator(options)) {
      v.validate(
          "example.log",
          new ByteArrayInputStream((example + "\n").getBytes(StandardCharsets.UTF_8)),
          new Validator.Listener() {
            @Override
            public void finding(Finding f, String logger) {
              found.add(f);
            }

            @Override
            public void line(boolean conforming) {}
          });
    }
    return found;
  }
}
