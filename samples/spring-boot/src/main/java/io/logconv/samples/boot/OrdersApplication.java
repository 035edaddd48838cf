package io.logconv.samples.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small Spring Boot web service whose logs follow the conventions with nothing but the starter on
 * the class path: every line on stdout, the banner and Tomcat's included, is one redacted JSON
 * line. {@code GET /orders/42} logs with MDC and SLF4J 2 key/values; {@code GET /orders/0} fails.
 */
@SpringBootApplication
@RestController
public class OrdersApplication {
  private static final Logger log = LoggerFactory.getLogger(OrdersApplication.class);

  public static void main(String[] args) {
    SpringApplication.run(OrdersApplication.class, args);
  }

  @GetMapping("/orders/{id}")
  public String order(
      @PathVariable("id") long id,
      @RequestHeader(name = "X-Request-Id", defaultValue = "none") String requestId) {
    MDC.put("request_id", requestId);
    try {
      if (id == 0) {
        throw new IllegalArgumentException("no order 0");
      }
      log.atInfo().addKeyValue("order_id", id).addKeyValue("email", "jane@example.com").log("order {} shown", id);
      return "order " + id;
    } finally {
      MDC.remove("request_id");
    }
  }
}
