package io.logconv.spring.boot.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the tests start in a JVM of its own: a web service that logs with MDC, SLF4J 2
 * key/values, planted secrets and an exception, as services do.
 */
@SpringBootApplication
@RestController
public class DemoApplication {
  /** A password planted in the logs, which must never come out. */
  public static final String PASSWORD = "Pl4nted-S3cret-pw";

  /** A JWT planted in the logs, which must never come out. */
  public static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwbGFudGVkIiwiYWRtaW4iOnRydWV9"
          + ".c2lnbmF0dXJlLW9mLXRoZS1wbGFudGVkLXRva2Vu";

  private static final Logger log = LoggerFactory.getLogger(DemoApplication.class);

  public static void main(String[] args) {
    SpringApplication.run(DemoApplication.class, args);
  }

  @GetMapping("/hello")
  public String hello(@RequestParam(name = "name", defaultValue = "world") String name) {
    MDC.put("request_id", "req-1"); // traceId and spanId: Micrometer Tracing puts them
    try {
      log.atInfo()
          .addKeyValue("greeted", name)
          .addKeyValue("email", name + "@example.com")
          .addKeyValue("virtual", isVirtual(Thread.currentThread()))
          .log("said hello to {}", name);
      return "hello " + name;
    } finally {
      MDC.remove("request_id");
    }
  }

  @GetMapping("/login")
  public String login() {
    log.info("login with password=" + PASSWORD + " and token " + JWT);
    log.info("login with password={} and token {}", PASSWORD, JWT);
    // The way services most often log a secret: named by the message, no "=" or ":".
    log.info("user logged in with password {} bearer {}", PASSWORD, JWT);
    log.info("user logged in with password " + PASSWORD + " bearer " + JWT);
    log.atInfo().addKeyValue("password", PASSWORD).addKeyValue("token", JWT).log("login attempt");
    return "ok";
  }

  @GetMapping("/fail")
  public String fail() {
    throw new IllegalStateException("planted failure in a controller");
  }

  /** Logs the planted secrets at start-up, for the runs without a web server. */
  @Bean
  CommandLineRunner plantSecrets() {
    return args -> log.info("starting with password={} and token {}", PASSWORD, JWT);
  }

  /**
   * Writes the server's port to the file named by {@code demo.port-file} once the application is
   * ready, for the test to read (the same on Boot 3 and 4, whose web server events moved).
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> portFile() {
    return event -> {
      String file = System.getProperty("demo.port-file");
      String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
      if (file != null && port != null) {
        try {
          Files.writeString(Path.of(file), port, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /** {@code Thread.isVirtual()} on Java 21+, false before; this code is compiled for Java 17. */
  static boolean isVirtual(Thread t) {
    try {
      return (Boolean) Thread.class.getMethod("isVirtual").invoke(t);
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
