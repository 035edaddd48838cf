package com.example.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Places orders. */
public class OrderService {
  private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

  public void place(String orderId) {
    LOG.atInfo().addKeyValue("order_id", orderId).log("order placed");
  }
}
