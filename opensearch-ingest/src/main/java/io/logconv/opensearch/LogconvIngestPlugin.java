package io.logconv.opensearch;

import io.logconv.core.redact.SecretRedactor;
import java.util.Map;
import org.opensearch.ingest.Processor;
import org.opensearch.plugins.IngestPlugin;
import org.opensearch.plugins.Plugin;

/**
 * The OpenSearch plugin that registers the {@value LogconvProcessor#TYPE} ingest processor
 * ({@link LogconvProcessor}).
 *
 * <pre>{@code
 * PUT _ingest/pipeline/logs
 * {"processors": [{"logconv": {"field": "log", "audit_index": "audit-logs"}}]}
 * }</pre>
 */
public final class LogconvIngestPlugin extends Plugin implements IngestPlugin {
  /**
   * Called by OpenSearch's plugin loader at node start. Makes sdk-core's default redactor there,
   * so that its hash key is read from the environment once, with the permission that {@code
   * plugin-security.policy} grants, and not first on an indexing thread.
   */
  public LogconvIngestPlugin() {
    SecretRedactor.defaults();
  }

  @Override
  public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
    return Map.of(LogconvProcessor.TYPE, new LogconvProcessor.Factory());
  }
}
