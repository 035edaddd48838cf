package com.example.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Places orders, breaking the conventions twice. */
public class OrderService {
  private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

  public void place(String orderId, String pod) {
    LOG.atInfo().addKeyValue("pod_name", pod).log("order placed");
    LOG.info("placed order " + orderId);
  }
}
