package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.validate.ValidatorRules.Check;
import io.logconv.schema.Conventions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table of checks: one row per check, complete, and the keys its words name are real. */
class ValidatorRulesTest {
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

  @Test
  void oneRowPerCheckInIdOrderWithEverythingFilledIn() {
    List<Check> checks = ValidatorRules.CHECKS;
    assertThat(checks).hasSize(20);
    for (int i = 0; i < checks.size(); i++) {
      Check c = checks.get(i);
      RuleDescriptor r = c.rule();
      assertThat(r.id()).isEqualTo(String.format("LV%03d", i + 1));
      assertThat(r.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(r.defaultSeverity()).isNotNull();
      assertThat(List.of(r.summary(), r.rationale(), r.badExample(), r.goodExample(), c.brief()))
          .as(r.id())
          .allSatisfy(text -> assertThat(text).isNotBlank());
      assertThat(c.examples().inputFormat()).as(r.id()).isNotNull();
      assertThat(c.examples().schema()).as(r.id()).isIn("strict", "adr");
    }
    assertThat(checks).extracting(c -> c.rule().name()).doesNotHaveDuplicates();
  }

  @Test
  void theDescriptorListAndTheLookupReadTheTable() {
    assertThat(ValidatorRules.ALL).containsExactlyElementsOf(ValidatorRules.CHECKS.stream().map(Check::rule).toList());
    for (Check c : ValidatorRules.CHECKS) {
      assertThat(ValidatorRules.byId(c.rule().id())).isSameAs(c.rule());
    }
    assertThat(ValidatorRules.byId("LV000")).isNull();
  }

  @Test
  void everyDescriptorTheCodeReportsIsInTheTable() throws IllegalAccessException {
    List<RuleDescriptor> constants = new ArrayList<>();
    for (Field f : ValidatorRules.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == RuleDescriptor.class) {
        constants.add((RuleDescriptor) f.get(null));
      }
    }
    assertThat(constants).hasSize(ValidatorRules.CHECKS.size());
    assertThat(ValidatorRules.ALL).containsExactlyInAnyOrderElementsOf(constants);
  }

  @Test
  void theKeysTheWordsNameAreThoseTheContractAndTheDetectorsCover() {
    assertThat(keysNamedBy("LV003")).isNotEmpty().allMatch(Conventions::isReservedKey);
    assertThat(keysNamedBy("LV004")).isNotEmpty().allMatch(Conventions::isPipelineKey);
    SecretRedactor sdk = SecretRedactor.defaults();
    assertThat(keysNamedBy("LV015")).isNotEmpty().allMatch(k -> sdk.sensitiveKeyType(k) != null);
  }

  @Test
  void contractFactsInTheWordsComeFromTheSchema() {
    assertThat(brief("LV002")).isEqualTo("`ts`, `level` or `msg` missing");
    assertThat(brief("LV006")).isEqualTo("not `trace debug info warn error`");
    assertThat(brief("LV007")).isEqualTo("not `VIEW ADD UPDATE DELETE`");
    assertThat(brief("LV011")).contains("`" + Conventions.KEY_PATTERN + "`");
    assertThat(brief("LV013")).startsWith("over " + Conventions.DEFAULT_MAX_LINE_BYTES + " bytes");
    assertThat(ValidatorRules.LEVEL_VALUE.summary()).isEqualTo("level is not one of trace, debug, info, warn, error");
    assertThat(ValidatorRules.ACTION_VALUE.summary()).isEqualTo("action is not one of VIEW, ADD, UPDATE, DELETE");
  }

  /** The keys in code spans of a check's words, other than a reference to the constants. */
  private static List<String> keysNamedBy(String id) {
    List<String> keys = new ArrayList<>();
    Matcher m = CODE_SPAN.matcher(brief(id));
    while (m.find()) {
      String span = m.group(1);
      if (!span.startsWith("Conventions.") && !span.startsWith("[REDACTED") && !span.startsWith("h:")) {
        keys.add(span);
      }
    }
    return keys;
  }

  private static String brief(String id) {
    return ValidatorRules.CHECKS.stream().filter(c -> c.rule().id().equals(id)).findFirst().orElseThrow().brief();
  }
}
