package com.example.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Audits a secret rotation with an outcome outside the contract's enum. */
public class SecretController {
  private static final Logger LOG = LoggerFactory.getLogger(SecretController.class);

  public void rotate(String name) {
    LOG.atInfo().addKeyValue("audit", true).addKeyValue("action", "UPDATE")
        .addKeyValue("outcome", "success").addKeyValue("name", name).log("secret rotated");
  }
}
