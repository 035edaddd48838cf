package com.example.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One finding silenced on purpose, one accepted in the baseline. */
public class OrderService {
  private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

  @SuppressWarnings("logconv:LC008")
  public void place(String orderId) {
    LOG.info("placed order " + orderId);
  }

  public void cancel(String orderId) {
    System.out.println("cancelled " + orderId);
  }
}
