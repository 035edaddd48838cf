package io.logconv.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ComponentControllerTest {
  @Test
  void everyLineConformsAndNoSecretLeaks() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ComponentController.main(new String[] {"1"});
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    List<String> lines = out.lines().toList();
    // Ten events, and before the first that needed one, each one-time warning of the encoder.
    assertThat(lines.stream().filter(l -> !l.contains("\"logger\":\"io.logconv\""))).hasSize(10);
    assertThat(lines.stream().filter(l -> l.contains("\"logger\":\"io.logconv\""))).isNotEmpty();
    for (String line : lines) {
      JsonNode n = Lines.conforming(line);
      assertThat(n.has("pod_name")).isFalse();
      assertThat(n.get("service").asString()).isEqualTo("component-controller");
    }
    assertThat(out)
        .as("no secret leaves the process")
        .doesNotContain("s3cr3t-Passw0rd", "eyJhbGciOiJIUzI1NiJ9", "c2lnbmF0dXJlLW5vdC1yZWFs");
    assertThat(out).contains("\"audit\":true").contains("\"app_pod_name\"").contains("Caused by: java.net.SocketTimeoutException");
  }
}
