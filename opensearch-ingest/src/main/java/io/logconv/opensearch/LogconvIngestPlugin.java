package io.logconv.opensearch;

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
  /** Called by OpenSearch's plugin loader. */
  public LogconvIngestPlugin() {}

  @Override
  public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
    return Map.of(LogconvProcessor.TYPE, new LogconvProcessor.Factory());
  }
}
