package io.logconv.demo;

import io.logconv.core.api.ConventionsEvent;
import io.logconv.schema.Action;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A controller-like service that reconciles a few resources and logs what a real one would,
 * mistakes included: a database URL with its password, a bearer token in a message, a key the
 * collector reserves, an exception with a cause. Run it and read stdout: every line is one
 * conformant JSON object and nothing secret is in it.
 *
 * <pre>{@code
 * java -jar demo/target/logconv-demo.jar | bin/logconv validate -
 * }</pre>
 */
public final class ComponentController {
  private static final Logger LOG = LoggerFactory.getLogger("controllers.Component");
  private static final Logger CLIENT = LoggerFactory.getLogger("clients.Registry");

  private ComponentController() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    for (int round = 0; round < rounds; round++) {
      reconcile("samburrai-tenant", "go-net-http-hello-prqx", round);
      reconcile("team-a-tenant", "frontend-7d9f", round);
    }
  }

  private static void reconcile(String namespace, String name, int round) {
    MDC.put("request_id", "req-" + Integer.toHexString((namespace + name + round).hashCode()));
    MDC.put("pod_name", "component-controller-5c9d7-xk2lp"); // a collector-reserved key: renamed
    try {
      ConventionsEvent.on(LOG.atInfo())
          .resource(namespace, "Component", name)
          .action(Action.VIEW)
          .log("reconciling component {}", name);
      LOG.atDebug().addKeyValue("generation", 7).log("not written at INFO");
      LOG.atInfo()
          .addKeyValue("db_url", "postgres://controller:s3cr3t-Passw0rd@db.internal:5432/components")
          .addKeyValue("replicas", 3)
          .log("connected to database");
      CLIENT.warn(
          "registry call with header Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJlLW5vdC1yZWFs failed, retrying");
      ConventionsEvent.on(LOG.atInfo())
          .resource(namespace, "Component", name)
          .audit(Action.UPDATE)
          .kv("durationMs", 87)
          .log("API Resource updated");
      try {
        pushImage(name);
      } catch (IllegalStateException e) {
        ConventionsEvent.on(LOG.atError())
            .resource(namespace, "Component", name)
            .action(Action.UPDATE)
            .cause(e)
            .log("could not push image for {}", name);
      }
    } finally {
      MDC.clear();
    }
  }

  private static void pushImage(String name) {
    try {
      throw new SocketTimeoutException("registry.example.com:443 timed out after 30000 ms");
    } catch (IOException e) {
      throw new IllegalStateException("push of " + name + " failed", e);
    }
  }
}
