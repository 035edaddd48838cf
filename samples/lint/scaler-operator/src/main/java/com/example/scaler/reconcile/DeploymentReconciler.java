package com.example.scaler.reconcile;

import com.example.scaler.client.KubeRestClient;
import com.example.scaler.config.OperatorConfig;
import io.logconv.schema.Action;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings each ScalingPolicy's target Deployment to the replica count the policy asks for. */
public class DeploymentReconciler {
  private static final Logger log = LoggerFactory.getLogger(DeploymentReconciler.class);
  private static final String KIND = "Deployment";

  private final KubeRestClient client;
  private final OperatorConfig config;

  public DeploymentReconciler(KubeRestClient client, OperatorConfig config) {
    this.client = client;
    this.config = config;
  }

  public void reconcileAll() {
    for (ScalingPolicy policy : policies()) {
      reconcile(policy);
    }
  }

  void reconcile(ScalingPolicy policy) {
    String ns = policy.namespace();
    String name = policy.target();
    try {
      String deployment = client.getDeployment(ns, name);
      int current = ReplicaParser.replicas(deployment);
      if (current == policy.replicas()) {
        log.atDebug()
            .addKeyValue("namespace", ns)
            .addKeyValue("controllerKind", KIND)
            .addKeyValue("name", name)
            .addKeyValue("action", Action.VIEW)
            .log("already at {} replicas", current);
        return;
      }
      boolean done = client.scale(ns, name, policy.replicas());
      log.atInfo()
          .addKeyValue("namespace", ns)
          .addKeyValue("controllerKind", KIND)
          .addKeyValue("name", name)
          .addKeyValue("action", "SCALE")
          .addKeyValue("pod_name", policy.podName())
          .log("scaled from {} to {} replicas", current);
      if (done) {
        log.atInfo()
            .addKeyValue("audit", "true")
            .addKeyValue("action", Action.UPDATE.name())
            .addKeyValue("namespace", ns)
            .addKeyValue("name", name)
            .log("replicas changed");
        log.atInfo()
            .addKeyValue("audit", true)
            .addKeyValue("namespace", ns)
            .addKeyValue("name", name)
            .addKeyValue("user_id", policy.requestedBy())
            .log("scaling recorded");
      }
    } catch (IOException e) {
      log.error("reconcile of {}/{} failed", e, ns, name);
    }
  }

  private List<ScalingPolicy> policies() {
    return List.of(new ScalingPolicy(config.watchNamespace(), "web", 3, "web-0", "ops"));
  }

  /** A ScalingPolicy custom resource, reduced to what the reconciler reads. */
  record ScalingPolicy(String namespace, String target, int replicas, String podName,
      String requestedBy) {}
}
