package com.example.orders;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Orders, with one finding of each kind logconv:fix rewrites. */
public class OrderService {
  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  public void scale(String name, int replicas) {
    // scaling is logged once per request
    log.info("scaled " + name + " to " + replicas);
    log.atInfo().addKeyValue("pod_name", name).log("reconciled");
    log.atInfo().addKeyValue("audit", "true").addKeyValue("action", "MODIFY").log("order changed");
    try {
      save(name);
    } catch (IOException e) {
      log.error("save of {} failed: {}", name, e.getMessage());
    }
    System.out.println(name);
  }

  private void save(String name) throws IOException {}
}
