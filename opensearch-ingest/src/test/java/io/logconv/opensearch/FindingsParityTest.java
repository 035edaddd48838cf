package io.logconv.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.EventWriter;
import io.logconv.core.JsonBuffer;
import io.logconv.core.LineFormat;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.validate.LineValidator;
import io.logconv.lint.validate.SecretScanner;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensearch.ingest.IngestDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The processor's findings are {@code logconv validate}'s rule ids for the application's line:
 * real lines from {@code src/test/resources/unit/} (see its MANIFEST.md) and lines sdk-core's
 * EventWriter writes, sent as Fluent Bit sends them, in {@code log} and merged.
 */
class FindingsParityTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static String resource(String name) {
    try (InputStream in = FindingsParityTest.class.getResourceAsStream("/unit/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(String name) {
    return resource(name).lines().filter(l -> !l.isBlank()).toList();
  }

  private static List<String> validatorIds(String line) {
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

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    return JSON.readValue(json, LinkedHashMap.class);
  }

  private static IngestDocument document(Map<String, Object> source) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("_index", "logs");
    s.putAll(source);
    return new IngestDocument(s, new HashMap<>());
  }

  @SuppressWarnings("unchecked")
  private static List<String> findings(IngestDocument d) {
    return (List<String>) ((Map<String, Object>) d.getSourceAndMetadata().get("logconv")).get("findings");
  }

  private static final LogconvProcessor IN_LOG =
      new LogconvProcessor.Factory().create(Map.of(), null, null, new HashMap<>(Map.of("field", "log")));
  private static final LogconvProcessor MERGED =
      new LogconvProcessor.Factory().create(Map.of(), null, null, new HashMap<>());

  /** Application lines: real ones (not all JSON, none conforming) and the SDK's (conforming). */
  static Stream<String> applicationLines() {
    List<String> all = new ArrayList<>();
    for (String docker : List.of("options_merge-log-enabled_json.log",
        "options_merge-log-enabled_invalid-json.log", "options_merge-log-enabled_text.log")) {
      for (String record : lines(docker)) {
        all.add(JSON.readTree(record).path("log").asString().stripTrailing());
      }
    }
    all.addAll(lines("sample-logback-json.head5.log"));
    all.addAll(lines("exec_pod.json"));
    all.addAll(sdkLines());
    return all.stream();
  }

  static List<String> sdkLines() {
    EventWriter w = LineFormat.defaults().newWriter();
    List<String> out = new ArrayList<>();
    out.add(text(w.begin(1764788400000L, Level.INFO, "app.Main").message("started").end()));
    out.add(text(w.begin(1764788400001L, Level.WARN, "controllers.Component")
        .message("API Resource {}", new Object[] {"updated"}, 1)
        .field("namespace", "samburrai-tenant")
        .field("controllerKind", "Component")
        .field("name", "go-net-http-hello-prqx")
        .action(Action.UPDATE)
        .audit(true)
        .end()));
    out.add(text(w.begin(1764788400002L, Level.ERROR, "app.Db")
        .message("query failed")
        .field("retries", 3)
        .field("ok", false)
        .throwable(new IllegalStateException("boom"))
        .end()));
    return out;
  }

  private static String text(JsonBuffer b) {
    return new String(b.array(), 0, b.size(), StandardCharsets.UTF_8).stripTrailing();
  }

  @ParameterizedTest
  @MethodSource("applicationLines")
  void inTheLogFieldTheFindingsAreTheValidators(String line) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("log", line + "\n");
    record.put("stream", "stdout");
    record.put("time", "2019-04-01T17:58:33.598656444Z");
    IngestDocument d = IN_LOG.execute(document(record));
    assertThat(findings(d)).isEqualTo(validatorIds(line));
  }

  /** The application lines that are JSON objects: Merge_Log merges only these. */
  static Stream<String> jsonApplicationLines() {
    return applicationLines().filter(l -> l.startsWith("{") && !validatorIds(l).contains("LV001"));
  }

  @Test
  void theLinesIncludeJsonAndOtherText() {
    assertThat(jsonApplicationLines().count()).isGreaterThan(5).isLessThan(applicationLines().count());
  }

  @ParameterizedTest
  @MethodSource("jsonApplicationLines")
  void mergedTheFindingsOfAJsonLineAreTheValidators(String line) {
    Map<String, Object> record = parse(line);
    // Merged, a key the application wrote under a pipeline key's name (Falco's "timestamp") is
    // the pipeline's: it is left out, so the line to compare with is the line without it.
    Map<String, Object> own = new LinkedHashMap<>(record);
    own.keySet().removeAll(LogconvProcessor.DEFAULT_PIPELINE_KEYS);
    String ownLine = JSON.writeValueAsString(own);
    List<String> expected = validatorIds(ownLine);
    if (own.size() == record.size()) {
      assertThat(expected).isEqualTo(validatorIds(line));
    } else {
      List<String> withPipelineKeys = new ArrayList<>(validatorIds(line));
      withPipelineKeys.removeAll(List.of("LV003", "LV004"));
      assertThat(expected).isEqualTo(withPipelineKeys);
    }
    record.put("stream", "stdout");
    record.put("time", "2019-04-01T17:58:33.598656444Z");
    record.put("kubernetes", new LinkedHashMap<>(Map.of("pod_name", "p", "namespace_name", "n")));
    IngestDocument d = MERGED.execute(document(record));
    assertThat(findings(d)).isEqualTo(expected);
  }

  @Test
  void theSdksLinesConformBothWays() {
    for (String line : sdkLines()) {
      assertThat(validatorIds(line)).as(line).isEmpty();
      IngestDocument merged = MERGED.execute(document(parse(line)));
      assertThat(findings(merged)).as(line).isEmpty();
      IngestDocument inLog = IN_LOG.execute(document(new LinkedHashMap<>(Map.of("log", line + "\n"))));
      assertThat(findings(inLog)).as(line).isEmpty();
    }
  }

  @Test
  void fluentBitsOwnMergedRecordsGiveTheFindingsOfTheirLogLine() {
    for (String name : List.of("options_merge-log-enabled_json.out", "options_keep-log-enabled_json.out")) {
      JsonNode out = JSON.readTree(resource(name));
      String logLine = out.get(1).path("log").asString().stripTrailing();
      @SuppressWarnings("unchecked")
      Map<String, Object> record = JSON.treeToValue(out.get(1), LinkedHashMap.class);
      IngestDocument d = MERGED.execute(document(record));
      assertThat(findings(d)).as(name).isEqualTo(validatorIds(logLine)).isNotEmpty();
    }
  }
}
