package com.example.scaler.audit;

import static net.logstash.logback.argument.StructuredArguments.kv;

import java.io.IOException;
import java.util.logging.FileHandler;
import java.util.logging.Logger;

/** A legacy audit trail kept with java.util.logging, next to the SLF4J logs. */
public final class AuditTrail {
  private static final Logger AUDIT = Logger.getLogger("audit");
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditTrail.class);

  private AuditTrail() {}

  public static void init() throws IOException {
    AUDIT.addHandler(new FileHandler("/var/log/scaler/audit.log", true));
  }

  public static void record(String who, String namespace, String name) {
    AUDIT.info("scaled " + namespace + "/" + name + " for " + who);
    LOG.info("audit {}", kv("email", who), kv("audit", true), kv("action", "UPDATE"));
  }
}
