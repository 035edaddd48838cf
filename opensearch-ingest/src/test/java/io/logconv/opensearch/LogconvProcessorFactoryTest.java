package io.logconv.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.OpenSearchParseException;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.Processor;

/** The processor's options as a pipeline gives them, and the messages for bad ones. */
class LogconvProcessorFactoryTest {
  private static final Map<String, Processor.Factory> REGISTRY =
      new LogconvIngestPlugin().getProcessors(null);

  /** As OpenSearch reads a pipeline's processor: the factory, then the check for unused options. */
  private static Processor read(Map<String, Object> options) throws Exception {
    return ConfigurationUtils.readProcessor(REGISTRY, null, LogconvProcessor.TYPE, new HashMap<>(options));
  }

  @Test
  void thePluginRegistersTheProcessorType() {
    assertThat(REGISTRY).containsOnlyKeys("logconv");
    assertThat(REGISTRY.get("logconv")).isInstanceOf(LogconvProcessor.Factory.class);
  }

  @Test
  void theDefaults() throws Exception {
    LogconvProcessor p = (LogconvProcessor) read(Map.of());
    assertThat(p.getType()).isEqualTo("logconv");
    assertThat(p.field()).isNull();
    assertThat(p.pipelineKeys()).isEqualTo(LogconvProcessor.DEFAULT_PIPELINE_KEYS);
    assertThat(p.redacts()).isTrue();
    assertThat(p.targetField()).isEqualTo("logconv");
    assertThat(p.auditIndex()).isNull();
  }

  @Test
  void everyOptionIsRead() throws Exception {
    Map<String, Object> o = new HashMap<>();
    o.put("field", "message");
    o.put("pipeline_keys", List.of("stream", "time"));
    o.put("redact", false);
    o.put("target_field", "check");
    o.put("audit_index", "audit-logs");
    o.put("tag", "lc");
    LogconvProcessor p = (LogconvProcessor) read(o);
    assertThat(p.field()).isEqualTo("message");
    assertThat(p.pipelineKeys()).containsExactly("stream", "time");
    assertThat(p.redacts()).isFalse();
    assertThat(p.targetField()).isEqualTo("check");
    assertThat(p.auditIndex()).isEqualTo("audit-logs");
    assertThat(p.getTag()).isEqualTo("lc");
  }

  @Test
  void anUnknownOptionIsRejected() {
    assertThatThrownBy(() -> read(Map.of("feild", "log")))
        .isInstanceOf(OpenSearchParseException.class)
        .hasMessageContaining("logconv")
        .hasMessageContaining("feild");
  }

  @Test
  void optionsOfTheWrongTypeAreRejectedByName() {
    assertThatThrownBy(() -> read(Map.of("field", 3)))
        .isInstanceOf(OpenSearchParseException.class).hasMessageContaining("[field]");
    assertThatThrownBy(() -> read(Map.of("pipeline_keys", "stream")))
        .isInstanceOf(OpenSearchParseException.class).hasMessageContaining("[pipeline_keys]");
    assertThatThrownBy(() -> read(Map.of("pipeline_keys", List.of("stream", 3))))
        .isInstanceOf(OpenSearchParseException.class).hasMessageContaining("[pipeline_keys]")
        .hasMessageContaining("[3]");
    assertThatThrownBy(() -> read(Map.of("redact", List.of())))
        .isInstanceOf(OpenSearchParseException.class).hasMessageContaining("[redact]");
    assertThatThrownBy(() -> read(Map.of("target_field", Map.of())))
        .isInstanceOf(OpenSearchParseException.class).hasMessageContaining("[target_field]");
    assertThatThrownBy(() -> read(Map.of("audit_index", 1)))
        .isInstanceOf(OpenSearchParseException.class).hasMessageContaining("[audit_index]");
  }

  @Test
  void emptyNamesAreRejectedByName() {
    assertThatThrownBy(() -> read(Map.of("field", "")))
        .isInstanceOf(OpenSearchParseException.class).hasMessageContaining("[field]");
    assertThatThrownBy(() -> read(Map.of("target_field", " ")))
        .isInstanceOf(OpenSearchParseException.class).hasMessageContaining("[target_field]");
    assertThatThrownBy(() -> read(Map.of("audit_index", "")))
        .isInstanceOf(OpenSearchParseException.class)
        .hasMessageContaining("[audit_index]")
        .hasMessageContaining("not empty");
  }

  @Test
  void anAuditIndexMustBeAnIndexName() {
    for (String bad : List.of("Audit", "_audit", "-audit", "a b", "a*", "a,b", "a:b", "..")) {
      assertThatThrownBy(() -> read(Map.of("audit_index", bad)))
          .as(bad)
          .isInstanceOf(OpenSearchParseException.class)
          .hasMessageContaining("[audit_index]");
    }
  }
}
