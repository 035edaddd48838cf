package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.MatchSink;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.validate.ValidatorRules.Check;
import io.logconv.schema.Conventions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A check that throws on a line is reported as an internal error of that check (its id, "internal
 * error", the exception), and the line's other checks still run and report what they report
 * without the failure. Only a line the JSON parser rejects is LV001.
 */
class CheckFailureTest {
  static final SecretScanner SDK = SecretScanner.of(SecretRedactor.defaults());
  static final String OK = "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\"";

  /** A line on which many checks report at once, and one on which the others do. */
  static final List<String> MANY =
      List.of(
          "{\"level\":\"INFO\",\"msg\":42,\"pod_name\":\"a\",\"stream\":\"s\",\"http.status\":1,"
              + "\"action\":\"MODIFY\",\"audit\":\"true\",\"password\":\"hunter2\","
              + "\"note\":\"using AKIAQ3EGRX5PZ7LM2KTD\",\"ts\":\"2024-11-12T14:13:36.574+09:00\","
              + "\"ctx\":{\"a\":1,\"a\":2},\"token\":7,\"level\":\"info\"}",
          "{\"audit\":true,\"msg\":\"x\",\"pad\":\"" + "y".repeat(Conventions.DEFAULT_MAX_LINE_BYTES) + "\"}",
          "plain text with AKIAQ3EGRX5PZ7LM2KTD in it");

  record Hit(String rule, String message) {}

  record Case(String line, SchemaCheck schema) {}

  /** Every line above, and every check's bad example the line validator sees. */
  static Stream<Named<Case>> lines() {
    List<Named<Case>> cases = new ArrayList<>();
    for (int i = 0; i < MANY.size(); i++) {
      cases.add(Named.of("line with many findings #" + (i + 1), new Case(MANY.get(i), null)));
    }
    for (Check c : ValidatorRules.CHECKS) {
      ValidatorRules.Examples e = c.examples();
      if (e.inputFormat() != InputFormat.JSON_LINES) {
        continue; // a container record is unwrapped before the line validator sees it
      }
      String bad = c.rule().badExample();
      if (e.elision() != null) {
        bad = bad.replace(e.elision(), "x".repeat(e.elidedBytes()));
      }
      cases.add(Named.of(c.rule().id() + "'s bad example", new Case(bad, e.schema().equals("adr") ? SchemaCheck.adr() : null)));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("lines")
  void eachCheckThatFailsIsReportedAsItsInternalErrorAndTheOthersAreUnchanged(Case c) {
    List<Hit> plain = check(c.line(), SDK, c.schema(), LineValidator.ReportHook.NONE);
    Set<String> reporting = new LinkedHashSet<>();
    plain.forEach(h -> reporting.add(h.rule()));
    assertThat(reporting).isNotEmpty();
    for (String failing : reporting) {
      RuleDescriptor rule = ValidatorRules.byId(failing);
      List<Hit> hits =
          check(c.line(), SDK, c.schema(), r -> {
            if (r.equals(rule)) {
              throw new IllegalStateException("injected failure");
            }
          });
      assertThat(hits.stream().filter(h -> !h.rule().equals(failing)).toList())
          .as("the other checks when " + failing + " fails")
          .isEqualTo(plain.stream().filter(h -> !h.rule().equals(failing)).toList());
      assertThat(hits.stream().filter(h -> h.rule().equals(failing)).toList())
          .as(failing + " failing")
          .containsExactly(
              new Hit(
                  failing,
                  "internal error in check " + failing + " " + rule.name()
                      + ": java.lang.IllegalStateException: injected failure (a defect in logconv,"
                      + " not in the line; the line's other checks ran)"));
    }
  }

  @Test
  void aFailureOfTheWalkThroughTheLineKeepsWhatWasFoundBeforeIt() {
    // The second value on the line is met once the first object has been checked.
    String line = OK + ",\"pod_name\":\"a\"} {\"b\":1}";
    Hit reserved = check(OK + ",\"pod_name\":\"a\"}", SDK, null, LineValidator.ReportHook.NONE).get(0);
    assertThat(check(line, SDK, null, LineValidator.ReportHook.NONE))
        .containsExactly(reserved, new Hit("LV001", "more than one JSON value on the line"));
    assertThat(check(line, SDK, null, failing(ValidatorRules.NOT_JSON, "walk broke")))
        .containsExactly(
            reserved,
            new Hit(
                "LV001",
                "internal error in check LV001 not-a-json-object: java.lang.IllegalStateException: walk"
                    + " broke (a defect in logconv, not in the line; the line was checked up to the failure)"));
  }

  @Test
  void detectorsThatThrowAreAnInternalErrorOfTheSecretCheckNotAnUnreadableLine() {
    SecretScanner broken = new Broken(Broken.Part.SCAN_BOOM, "detector state corrupt");
    List<Hit> hits = check(OK + ",\"pod_name\":\"a\",\"note\":\"boom\"}", broken, null, LineValidator.ReportHook.NONE);
    assertThat(hits).extracting(Hit::rule).containsExactly("LV003", "LV014");
    assertThat(hits.get(1).message())
        .startsWith("internal error in check LV014 secret-in-value: java.lang.IllegalStateException:"
            + " detector state corrupt");
    // On a text line too: the line is not JSON (LV001, as it is), and the secret check failed.
    assertThat(check("boom, said the service", broken, null, LineValidator.ReportHook.NONE))
        .extracting(Hit::rule)
        .containsExactly("LV001", "LV014");
  }

  @Test
  void aCheckThatCallsTheFailingDetectorsIsTheOneNamed() {
    // A ts is quoted in its finding only if the detectors see no secret in it: they throw there,
    // and then on every value the secret check scans.
    SecretScanner broken = new Broken(Broken.Part.SCAN, "boom");
    List<Hit> hits =
        check("{\"ts\":\"2024-11-12T14:13:36.574+09:00\",\"level\":\"info\",\"msg\":\"x\",\"time\":\"t\"}",
            broken, null, LineValidator.ReportHook.NONE);
    assertThat(hits).extracting(Hit::rule).containsExactly("LV005", "LV014", "LV003");
    assertThat(hits.get(0).message()).startsWith("internal error in check LV005 ts-not-utc-iso8601: ");
    assertThat(hits.get(1).message()).startsWith("internal error in check LV014 secret-in-value: ");
  }

  @Test
  void aFailingKeyRuleIsReportedOnceForTheLineAndTheValuesAreStillScanned() {
    SecretScanner broken = new Broken(Broken.Part.KEY_TYPE, "no key rules");
    List<Hit> hits =
        check(OK.replace("\"msg\":\"x\"", "\"msg\":\"using AKIAQ3EGRX5PZ7LM2KTD\"") + ",\"a\":[1,2,3],\"b\":{\"c\":1}}",
            broken, null, LineValidator.ReportHook.NONE);
    assertThat(hits).extracting(Hit::rule).containsExactly("LV015", "LV014");
    assertThat(hits.get(0).message())
        .isEqualTo("internal error in check LV015 sensitive-key: java.lang.IllegalStateException: no key"
            + " rules (a defect in logconv, not in the line; the line's other checks ran)");
  }

  @Test
  void anExceptionMessageIsNotShownWhenItMayHoldASecret() {
    String secret = "AKIAQ3EGRX5PZ7LM2KTD";
    List<Hit> hits = check(OK + ",\"pod_name\":\"a\"}", SDK, null, failing(ValidatorRules.RESERVED_KEY, "key " + secret));
    assertThat(hits).singleElement().satisfies(h -> assertThat(h.message())
        .contains("java.lang.IllegalStateException: (message not shown: it may hold a secret)")
        .doesNotContain(secret));
    // Detectors that fail on the message itself: it is not shown either.
    assertThat(check(OK + ",\"note\":\"v\"}", new Broken(Broken.Part.SCAN, "at v"), null, LineValidator.ReportHook.NONE))
        .singleElement()
        .satisfies(h -> assertThat(h.message()).contains("(message not shown: it may hold a secret)"));
    // Control characters are escaped, so the finding stays one line.
    assertThat(check(OK + ",\"pod_name\":\"a\"}", SDK, null, failing(ValidatorRules.RESERVED_KEY, "a\nb")))
        .singleElement()
        .satisfies(h -> assertThat(h.message()).contains(": a\\u000ab (a defect"));
  }

  @Test
  void aValueTheParserCannotDecodeInAFieldCheckIsStillLv001() {
    // 0xC3 without its continuation byte inside ts: the ts check meets it first, as a parse failure.
    byte[] line = concat("{\"ts\":\"2023".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3},
        "\",\"level\":\"info\",\"msg\":\"x\"}".getBytes(StandardCharsets.US_ASCII));
    List<Hit> hits = new ArrayList<>();
    new LineValidator(SDK, null, Conventions.DEFAULT_MAX_LINE_BYTES)
        .check(line, 0, line.length, (rule, message) -> hits.add(new Hit(rule.id(), message)));
    assertThat(hits).singleElement().satisfies(h -> {
      assertThat(h.rule()).isEqualTo("LV001");
      assertThat(h.message()).startsWith("not a JSON object: ").contains("invalid UTF-8");
    });
  }

  @Test
  void aSchemaThatCannotBeResolvedIsAnInternalErrorOfTheSchemaCheck(@TempDir Path dir) throws IOException {
    Path schema = dir.resolve("schema.json");
    Files.writeString(schema,
        "{\"properties\":{\"msg\":{\"$ref\":\"" + dir.resolve("missing.json").toUri() + "\"}}}");
    List<Hit> hits = check(OK + ",\"note\":\"AKIAQ3EGRX5PZ7LM2KTD\"}", SDK, SchemaCheck.fromFile(schema),
        LineValidator.ReportHook.NONE);
    assertThat(hits).extracting(Hit::rule).containsExactly("LV014", "LV016");
    assertThat(hits.get(1).message()).startsWith("internal error in check LV016 schema-violation: com.networknt.");
  }

  @Test
  void theValidatorReportsTheFailingCheckOnItsLineAndGoesOn() throws IOException {
    String log = OK + "}\n" + OK + ",\"note\":\"boom\",\"pod_name\":\"a\"}\n" + OK + ",\"stream\":\"s\"}\n";
    List<Finding> found = new ArrayList<>();
    int[] conforming = new int[2];
    Validator.Options options =
        Validator.Options.defaults().withScanner(new Broken(Broken.Part.SCAN_BOOM, "detector failed")).withThreads(1);
    try (Validator v = new Validator(options)) {
      v.validate("app.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
          new Validator.Listener() {
            @Override
            public void finding(Finding f, String logger) {
              found.add(f);
            }

            @Override
            public void line(boolean ok) {
              conforming[ok ? 0 : 1]++;
            }
          });
    }
    assertThat(found).extracting(Finding::line, Finding::ruleId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "LV014"),
            org.assertj.core.groups.Tuple.tuple(2, "LV003"),
            org.assertj.core.groups.Tuple.tuple(3, "LV004"));
    assertThat(found.get(0).message())
        .isEqualTo("internal error in check LV014 secret-in-value: java.lang.IllegalStateException: detector"
            + " failed (a defect in logconv, not in the line; the line's other checks ran)");
    assertThat(conforming).containsExactly(1, 2);
  }

  private static LineValidator.ReportHook failing(RuleDescriptor rule, String message) {
    return r -> {
      if (r.equals(rule)) {
        throw new IllegalStateException(message);
      }
    };
  }

  static List<Hit> check(String line, SecretScanner scanner, SchemaCheck schema, LineValidator.ReportHook hook) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    List<Hit> hits = new ArrayList<>();
    new LineValidator(scanner, schema, Conventions.DEFAULT_MAX_LINE_BYTES, hook)
        .check(b, 0, b.length, (rule, message) -> hits.add(new Hit(rule.id(), message)));
    return hits;
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }

  /** sdk-core's detectors with one part broken. */
  private static final class Broken implements SecretScanner {
    enum Part {
      /** Every scan throws. */
      SCAN,
      /** A scan of a text holding "boom" throws. */
      SCAN_BOOM,
      /** Asking for a key's type throws. */
      KEY_TYPE
    }

    private final Part part;
    private final String message;

    Broken(Part part, String message) {
      this.part = part;
      this.message = message;
    }

    @Override
    public String sensitiveKeyType(String key) {
      if (part == Part.KEY_TYPE) {
        throw new IllegalStateException(message);
      }
      return SDK.sensitiveKeyType(key);
    }

    @Override
    public boolean keepsValue(String key, CharSequence value) {
      return SDK.keepsValue(key, value);
    }

    @Override
    public void scan(CharSequence text, MatchSink sink) {
      if (part == Part.SCAN || (part == Part.SCAN_BOOM && text.toString().contains("boom"))) {
        throw new IllegalStateException(message);
      }
      SDK.scan(text, sink);
    }
  }
}
