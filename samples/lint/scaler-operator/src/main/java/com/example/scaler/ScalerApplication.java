package com.example.scaler;

import com.example.scaler.client.KubeRestClient;
import com.example.scaler.config.OperatorConfig;
import com.example.scaler.reconcile.DeploymentReconciler;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class ScalerApplication {
  private static final Logger LOG = LoggerFactory.getLogger(ScalerApplication.class);

  private ScalerApplication() {}

  public static void main(String[] args) {
    System.out.println("scaler-operator starting");
    OperatorConfig config = OperatorConfig.fromEnvironment();
    KubeRestClient client = new KubeRestClient(config);
    DeploymentReconciler reconciler = new DeploymentReconciler(client, config);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.scheduleAtFixedRate(reconciler::reconcileAll, 0, config.resyncSeconds(), TimeUnit.SECONDS);
    LOG.atInfo()
        .addKeyValue("namespace", config.watchNamespace())
        .addKeyValue("resync_seconds", config.resyncSeconds())
        .log("operator started");
  }
}
