package com.example.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Breaks a convention that nobody checks when the goal is skipped. */
public class OrderService {
  private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

  public void place(String orderId) {
    LOG.info("placed order " + orderId);
  }
}
