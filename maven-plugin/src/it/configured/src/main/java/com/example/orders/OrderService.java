package com.example.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A concatenated message (re-graded to error) and a print (rule switched off). */
public class OrderService {
  private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

  public void place(String orderId) {
    LOG.info("placed order " + orderId);
    System.out.println("placed");
  }
}
