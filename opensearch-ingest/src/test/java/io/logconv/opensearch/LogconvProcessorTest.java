package io.logconv.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.logconv.core.audit.AuditPayload;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.validate.LineValidator;
import io.logconv.lint.validate.SecretScanner;
import io.logconv.lint.validate.ValidatorRules;
import io.logconv.schema.Conventions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.ingest.IngestDocument;

class LogconvProcessorTest {
  static final String TS = "2026-12-03T19:00:00.000Z";
  static final String EMAIL = "jane.doe@example.com";

  static LogconvProcessor processor(Map<String, Object> options) {
    return new LogconvProcessor.Factory().create(Map.of(), "t", null, new HashMap<>(options));
  }

  static IngestDocument document(Map<String, Object> source) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("_index", "logs");
    s.put("_id", "1");
    s.putAll(source);
    return new IngestDocument(s, new HashMap<>());
  }

  /** A mutable map of the pairs, in order. */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Map<String, Object> line(Object... more) {
    Map<String, Object> m = map(Conventions.TS, TS, Conventions.LEVEL, "info", Conventions.MSG, "started");
    m.putAll(map(more));
    return m;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> verdict(IngestDocument d, String target) {
    return (Map<String, Object>) d.getSourceAndMetadata().get(target);
  }

  static Map<String, Object> verdict(IngestDocument d) {
    return verdict(d, LogconvProcessor.DEFAULT_TARGET_FIELD);
  }

  @SuppressWarnings("unchecked")
  static List<String> findings(IngestDocument d) {
    return (List<String>) verdict(d).get(LogconvProcessor.FINDINGS);
  }

  static List<String> validatorIds(String line) {
    List<String> ids = new ArrayList<>();
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    new LineValidator(SecretScanner.of(SecretRedactor.defaults()), null, Conventions.DEFAULT_MAX_LINE_BYTES)
        .check(b, 0, b.length, (rule, message) -> {
          if (!ids.contains(rule.id())) {
            ids.add(rule.id());
          }
        });
    return ids;
  }

  static String redacted(String key, String value) {
    return SecretRedactor.defaults().redact(key, value, new StringBuilder()).toString();
  }

  // ------------------------------------------------------------ merged documents

  @Test
  void aConformingMergedDocumentConformsAndItsPipelineKeysAreLeftOut() {
    Map<String, Object> src = line("stream", "stdout", "time", "2026-12-03T19:00:00.000000001Z",
        "kubernetes", map("pod_name", "p-1"), "log", "{\"ts\":\"x\"}\n", "@timestamp", TS);
    IngestDocument d = processor(Map.of()).execute(document(src));
    assertThat(verdict(d)).containsEntry("conforms", true).containsEntry("findings", List.of());
  }

  @Test
  void theDefaultPipelineKeysAreTheContractsAndTheRecordTime() {
    assertThat(LogconvProcessor.DEFAULT_PIPELINE_KEYS)
        .containsAll(Conventions.PIPELINE_KEYS)
        .contains("time")
        .hasSize(Conventions.PIPELINE_KEYS.size() + 1);
    assertThat(processor(Map.of()).pipelineKeys()).isEqualTo(LogconvProcessor.DEFAULT_PIPELINE_KEYS);
  }

  @Test
  void aMissingLevelIsAFinding() {
    IngestDocument d = processor(Map.of()).execute(document(map("ts", TS, "msg", "started")));
    assertThat(verdict(d)).containsEntry("conforms", false).containsEntry("findings", List.of("LV002"));
  }

  @Test
  void findingsAreTheValidatorsIdsInItsOrderEachOnce() {
    // Two wrong types and a wrong level: LV010 twice on the line, once in the findings.
    Map<String, Object> src = line(Conventions.LEVEL, "loud", "name", 42, "namespace", 7, "actor", "jane");
    IngestDocument d = processor(Map.of(LogconvProcessor.REDACT_OPTION, false)).execute(document(src));
    String expectedLine = "{\"ts\":\"" + TS + "\",\"level\":\"loud\",\"msg\":\"started\",\"name\":42,"
        + "\"namespace\":7,\"actor\":\"jane\"}";
    assertThat(findings(d)).isEqualTo(validatorIds(expectedLine)).doesNotHaveDuplicates()
        .contains("LV006", "LV010", "LV019");
  }

  @Test
  void givenPipelineKeysReplaceTheDefault() {
    // "time" is collector-reserved: a finding unless it is a pipeline key.
    Map<String, Object> src = line("time", "now", "stream", "stdout");
    IngestDocument d = processor(Map.of(LogconvProcessor.PIPELINE_KEYS_OPTION, List.of("time")))
        .execute(document(src));
    assertThat(findings(d)).isEqualTo(List.of(ValidatorRules.PIPELINE_KEY.id()));
    IngestDocument none = processor(Map.of(LogconvProcessor.PIPELINE_KEYS_OPTION, List.of()))
        .execute(document(line("time", "now")));
    assertThat(findings(none)).isEqualTo(List.of(ValidatorRules.RESERVED_KEY.id()));
  }

  @Test
  void theTargetFieldIsNotTheApplicationsAndCanBeMoved() {
    // A secret under the target field is no finding (LV015 if it were checked).
    Map<String, Object> src = line("check", map("db_password", "hunter2-but-longer"));
    IngestDocument d = processor(Map.of(LogconvProcessor.TARGET_FIELD_OPTION, "check")).execute(document(src));
    assertThat(verdict(d, "check")).containsEntry("conforms", true).containsEntry("findings", List.of());
    assertThat(d.getSourceAndMetadata()).doesNotContainKey(LogconvProcessor.DEFAULT_TARGET_FIELD);
  }

  @Test
  void aDottedTargetFieldIsAPath() {
    IngestDocument d = processor(Map.of(LogconvProcessor.TARGET_FIELD_OPTION, "meta.logconv"))
        .execute(document(line()));
    assertThat(d.getFieldValue("meta.logconv.conforms", Boolean.class)).isTrue();
  }

  // ------------------------------------------------------------ field: log

  @Test
  void theFieldsJsonIsPutAtTheRootAndTheFieldRemoved() {
    String app = "{\"ts\":\"" + TS + "\",\"level\":\"warn\",\"msg\":\"slow\",\"statusCode\":503,"
        + "\"details\":{\"ms\":1200,\"ok\":false},\"tags\":[\"a\",\"b\"]}";
    Map<String, Object> src = map("log", app + "\n", "stream", "stderr", "time", "2026-12-03T19:00:00.1Z");
    IngestDocument d = processor(Map.of(LogconvProcessor.FIELD_OPTION, "log")).execute(document(src));
    Map<String, Object> s = d.getSourceAndMetadata();
    assertThat(s).doesNotContainKey("log")
        .containsEntry("level", "warn")
        .containsEntry("statusCode", 503)
        .containsEntry("details", map("ms", 1200, "ok", false))
        .containsEntry("tags", List.of("a", "b"))
        .containsEntry("stream", "stderr")
        .containsEntry("_index", "logs");
    assertThat(verdict(d)).containsEntry("conforms", true);
    assertThat(new ArrayList<>(s.keySet()))
        .containsSubsequence("ts", "level", "msg", "statusCode", "details", "tags");
  }

  @Test
  void theFieldsTextIsWhatIsChecked() {
    // A duplicate key is seen in the text, though a map keeps one of the two.
    String app = "{\"ts\":\"" + TS + "\",\"level\":\"info\",\"msg\":\"a\",\"msg\":\"b\"}";
    IngestDocument d = processor(Map.of(LogconvProcessor.FIELD_OPTION, "message"))
        .execute(document(map("message", app)));
    assertThat(findings(d)).isEqualTo(validatorIds(app)).contains(ValidatorRules.DUPLICATE_KEY.id());
  }

  @Test
  void anApplicationFieldNamedLikeMetadataOrTheTargetIsRenamed() {
    String app = "{\"ts\":\"" + TS + "\",\"level\":\"info\",\"msg\":\"m\",\"_index\":\"x\",\"logconv\":1}";
    IngestDocument d = processor(Map.of(LogconvProcessor.FIELD_OPTION, "log")).execute(document(map("log", app)));
    assertThat(d.getSourceAndMetadata())
        .containsEntry("_index", "logs")
        .containsEntry("app__index", "x")
        .containsEntry("app_logconv", 1);
  }

  @Test
  void aNonJsonFieldIsTheValidatorsNotJsonAndItsTextIsRedacted() {
    String text = "login failed for " + EMAIL + "\n";
    IngestDocument d = processor(Map.of(LogconvProcessor.FIELD_OPTION, "log"))
        .execute(document(map("log", text, "stream", "stdout")));
    assertThat(findings(d)).isEqualTo(validatorIds(text.strip()))
        .startsWith(ValidatorRules.NOT_JSON.id());
    assertThat((String) d.getSourceAndMetadata().get("log")).isEqualTo(redacted("log", text))
        .doesNotContain(EMAIL);
    assertThat(verdict(d)).containsEntry("conforms", false);
  }

  @Test
  void anAbsentFieldIsTheValidatorsEmptyLine() {
    IngestDocument d = processor(Map.of(LogconvProcessor.FIELD_OPTION, "log")).execute(document(line()));
    assertThat(findings(d)).isEqualTo(validatorIds("")).containsExactly(ValidatorRules.NOT_JSON.id());
    assertThat(d.getSourceAndMetadata()).containsEntry("msg", "started");
  }

  @Test
  void aFieldThatIsAJsonArrayOrTwoObjectsIsNotMerged() {
    for (String text : List.of("[1,2]", "{\"a\":1} {\"b\":2}", "{\"a\":")) {
      IngestDocument d = processor(Map.of(LogconvProcessor.FIELD_OPTION, "log")).execute(document(map("log", text)));
      assertThat(d.getSourceAndMetadata()).as(text).containsEntry("log", text).doesNotContainKey("a");
      assertThat(findings(d)).as(text).isEqualTo(validatorIds(text)).contains(ValidatorRules.NOT_JSON.id());
    }
  }

  @Test
  void aFieldAnEarlierProcessorParsedIsMergedAndChecked() {
    IngestDocument d = processor(Map.of(LogconvProcessor.FIELD_OPTION, "parsed"))
        .execute(document(map("parsed", line("level", "loud"))));
    assertThat(d.getSourceAndMetadata()).doesNotContainKey("parsed").containsEntry("level", "loud");
    assertThat(findings(d)).containsExactly(ValidatorRules.LEVEL_VALUE.id());
  }

  // ------------------------------------------------------------ redaction

  @Test
  void secretsAndPersonalDataAreRedactedEverywhereBeforeIndexing() {
    Map<String, Object> src = line(
        Conventions.MSG, "mail from " + EMAIL,
        "db_password", "hunter2-but-longer",
        "request", map("headers", map("authorization", "Bearer abcdefghijklmnop"), "to", new ArrayList<>(List.of(EMAIL, "ok"))),
        "credentials", map("user", "u", "pass", "p"),
        "retries", 3,
        "kubernetes", map("annotations", map("owner", EMAIL)));
    IngestDocument d = processor(Map.of()).execute(document(src));
    Map<String, Object> s = d.getSourceAndMetadata();
    assertThat(s.get("msg")).isEqualTo("mail from [REDACTED:email]");
    assertThat(s.get("db_password")).isEqualTo(redacted("db_password", "hunter2-but-longer"))
        .isNotEqualTo("hunter2-but-longer");
    assertThat(d.getFieldValue("request.headers.authorization", String.class))
        .isEqualTo(redacted("authorization", "Bearer abcdefghijklmnop"))
        .doesNotContain("abcdefghijklmnop");
    assertThat(d.getFieldValue("request.to", List.class)).containsExactly("[REDACTED:email]", "ok");
    // An object under a secret key is replaced whole.
    assertThat(s.get("credentials")).isInstanceOf(String.class).asString().doesNotContain("\"p\"");
    assertThat(s.get("retries")).isEqualTo(3);
    // Pipeline keys are left out of the checks, not out of the redaction.
    assertThat(d.getFieldValue("kubernetes.annotations.owner", String.class)).isEqualTo("[REDACTED:email]");
    // What the application wrote is still reported.
    assertThat(findings(d)).contains("LV014");
  }

  @Test
  void redactFalseOnlyReports() {
    Map<String, Object> src = line(Conventions.MSG, "mail from " + EMAIL, "db_password", "hunter2-but-longer");
    IngestDocument d = processor(Map.of(LogconvProcessor.REDACT_OPTION, false)).execute(document(src));
    assertThat(d.getSourceAndMetadata())
        .containsEntry("msg", "mail from " + EMAIL)
        .containsEntry("db_password", "hunter2-but-longer");
    assertThat(findings(d)).isEqualTo(validatorIds(
        "{\"ts\":\"" + TS + "\",\"level\":\"info\",\"msg\":\"mail from " + EMAIL
            + "\",\"db_password\":\"hunter2-but-longer\"}"))
        .isNotEmpty();
  }

  @Test
  void theActorIsWrittenAsItsKeyedHashAndPayloadsOfASecretAreOmitted() {
    Map<String, Object> src = line("action", "UPDATE", "audit", true, "controllerKind", "Secret",
        "actor", "jane", "requestObject", map("data", map("k", "djE=")), "responseObject", "[OMITTED:Secret]");
    IngestDocument d = processor(Map.of()).execute(document(src));
    Map<String, Object> s = d.getSourceAndMetadata();
    assertThat((String) s.get("actor")).matches("h:[0-9a-f]{12}");
    assertThat(SecretRedactor.isPseudonym((String) s.get("actor"))).isTrue();
    assertThat(s.get("requestObject")).isEqualTo(AuditPayload.omittedFor("Secret"));
    assertThat(s.get("responseObject")).isEqualTo("[OMITTED:Secret]");
    assertThat(findings(d)).contains("LV018", "LV019");
  }

  @Test
  void theDocumentsMetadataIsNeverRedacted() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("_index", "logs-" + EMAIL.replace('@', '-'));
    s.put("_id", EMAIL);
    s.putAll(line());
    IngestDocument d = processor(Map.of()).execute(new IngestDocument(s, new HashMap<>()));
    assertThat(d.getSourceAndMetadata()).containsEntry("_id", EMAIL);
    // Nor checked: an e-mail address in a value is LV014 on the application's line.
    assertThat(findings(d)).isEmpty();
  }

  // ------------------------------------------------------------ audit routing

  @Test
  void anAuditEventIsRoutedToTheAuditIndex() {
    LogconvProcessor p = processor(Map.of(LogconvProcessor.AUDIT_INDEX_OPTION, "audit-logs"));
    IngestDocument audit = p.execute(document(line("action", "DELETE", "audit", true)));
    assertThat(audit.getSourceAndMetadata()).containsEntry("_index", "audit-logs");
    IngestDocument notAudit = p.execute(document(line("action", "DELETE", "audit", false)));
    assertThat(notAudit.getSourceAndMetadata()).containsEntry("_index", "logs");
    IngestDocument text = p.execute(document(line("action", "DELETE", "audit", "true")));
    assertThat(text.getSourceAndMetadata()).containsEntry("_index", "logs");
    IngestDocument field = processor(Map.of(LogconvProcessor.FIELD_OPTION, "log",
        LogconvProcessor.AUDIT_INDEX_OPTION, "audit-logs"))
        .execute(document(map("log", "{\"ts\":\"" + TS + "\",\"level\":\"info\",\"msg\":\"x\","
            + "\"action\":\"ADD\",\"audit\":true}")));
    assertThat(field.getSourceAndMetadata()).containsEntry("_index", "audit-logs");
  }

  @Test
  void withoutAnAuditIndexAnAuditEventStaysWhereItWas() {
    IngestDocument d = processor(Map.of()).execute(document(line("action", "DELETE", "audit", true)));
    assertThat(d.getSourceAndMetadata()).containsEntry("_index", "logs");
  }

  // ------------------------------------------------------------ never fails

  @Test
  void unmodifiableMapsAndListsAreRedactedAsCopies() {
    Map<String, Object> src = line("details", Map.of("note", EMAIL, "email", EMAIL), "to", List.of("ok", EMAIL));
    IngestDocument d = processor(Map.of()).execute(document(src));
    assertThat(d.getFieldValue("details.note", String.class)).isEqualTo("[REDACTED:email]");
    // Under a PII key, the value is its keyed hash.
    assertThat(d.getFieldValue("details.email", String.class)).isEqualTo(redacted("email", EMAIL)).startsWith("h:");
    assertThat(d.getFieldValue("to", List.class)).containsExactly("ok", "[REDACTED:email]");
    assertThat(findings(d)).doesNotContain(LogconvProcessor.INTERNAL_ERROR);
  }

  @Test
  void anUnexpectedFailureIsAnInternalErrorFindingNotAnException() {
    Object broken = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("broken");
      }
    };
    Map<String, Object> src = line(Conventions.MSG, "mail from " + EMAIL, "odd", broken);
    IngestDocument doc = document(src);
    assertThatCode(() -> processor(Map.of()).execute(doc)).doesNotThrowAnyException();
    assertThat(findings(doc)).containsExactly(LogconvProcessor.INTERNAL_ERROR);
    assertThat(verdict(doc)).containsEntry("conforms", false);
    // The redaction still ran.
    assertThat(doc.getSourceAndMetadata()).containsEntry("msg", "mail from [REDACTED:email]");
  }

  @Test
  void aTargetFieldUnderAStringStillGetsTheVerdict() {
    IngestDocument doc = document(line("meta", "text"));
    processor(Map.of(LogconvProcessor.TARGET_FIELD_OPTION, "meta.check")).execute(doc);
    assertThat(verdict(doc, "meta.check")).containsEntry("conforms", false)
        .containsEntry("findings", List.of(LogconvProcessor.INTERNAL_ERROR));
  }

  @Test
  void eachThreadHasItsOwnValidator() throws InterruptedException {
    LogconvProcessor p = processor(Map.of());
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      boolean good = t % 2 == 0;
      Thread th = new Thread(() -> {
        try {
          for (int i = 0; i < 500; i++) {
            IngestDocument d = p.execute(document(good ? line() : map("msg", "x")));
            List<String> f = findings(d);
            if (good ? !f.isEmpty() : !f.equals(List.of("LV002"))) {
              throw new AssertionError(f);
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(failures).isEmpty();
  }
}
