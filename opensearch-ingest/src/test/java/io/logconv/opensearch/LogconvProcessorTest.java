package io.logconv.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.ingest.IngestDocument;

class LogconvProcessorTest {
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

  @SuppressWarnings("unchecked")
  static Map<String, Object> verdict(IngestDocument d) {
    return (Map<String, Object>) d.getSourceAndMetadata().get(LogconvProcessor.DEFAULT_TARGET_FIELD);
  }

  @Test
  void aConformingMergedDocumentConformsAndItsPipelineKeysAreLeftOut() {
    Map<String, Object> src = new LinkedHashMap<>();
    src.put("ts", "2026-12-03T19:00:00.000Z");
    src.put("level", "info");
    src.put("msg", "started");
    src.put("stream", "stdout");
    src.put("time", "2026-12-03T19:00:00.000000001Z");
    src.put("kubernetes", new LinkedHashMap<>(Map.of("pod_name", "p-1")));
    IngestDocument d = processor(Map.of()).execute(document(src));
    assertThat(verdict(d)).containsEntry("conforms", true).containsEntry("findings", List.of());
  }

  @Test
  void aMissingLevelIsAFinding() {
    Map<String, Object> src = new LinkedHashMap<>();
    src.put("ts", "2026-12-03T19:00:00.000Z");
    src.put("msg", "started");
    IngestDocument d = processor(Map.of()).execute(document(src));
    assertThat(verdict(d)).containsEntry("conforms", false).containsEntry("findings", List.of("LV002"));
  }
}
