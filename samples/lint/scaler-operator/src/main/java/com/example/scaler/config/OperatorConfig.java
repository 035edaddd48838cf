package com.example.scaler.config;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings read from the pod's environment. */
public final class OperatorConfig {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorConfig.class);

  private final String apiServer;
  private final String apiToken;
  private final String watchNamespace;
  private final int resyncSeconds;

  private OperatorConfig(String apiServer, String apiToken, String watchNamespace, int resync) {
    this.apiServer = apiServer;
    this.apiToken = apiToken;
    this.watchNamespace = watchNamespace;
    this.resyncSeconds = resync;
  }

  public static OperatorConfig fromEnvironment() {
    Map<String, String> env = System.getenv();
    OperatorConfig config = new OperatorConfig(
        env.getOrDefault("KUBERNETES_API", "https://kubernetes.default.svc"),
        env.getOrDefault("SCALER_TOKEN", ""),
        env.getOrDefault("WATCH_NAMESPACE", "default"),
        Integer.parseInt(env.getOrDefault("RESYNC_SECONDS", "30")));
    LOG.info(String.format("configured for %s in %s", config.apiServer, config.watchNamespace));
    LOG.debug("api server {} token {}", config.apiServer, config.apiToken);
    return config;
  }

  public String apiServer() {
    return apiServer;
  }

  public String getApiToken() {
    return apiToken;
  }

  public String watchNamespace() {
    return watchNamespace;
  }

  public int resyncSeconds() {
    return resyncSeconds;
  }
}
