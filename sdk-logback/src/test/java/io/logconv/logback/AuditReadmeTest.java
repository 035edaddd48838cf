package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Lines;
import io.logconv.core.api.AuditEvent;
import io.logconv.schema.Action;
import io.logconv.schema.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's audit set-up ({@code logback-audit-readme.xml}, {@code audit-policy.yaml}) is this
 * test's, and the example lines in sdk-core's README, one per level, are what it writes for the
 * README's events (the time and the actor's hash, which depends on the hash key, aside).
 */
class AuditReadmeTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = AuditReadmeTest.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String normalized(String line) {
    return line.replaceAll("\"ts\":\"[^\"]+\"", "\"ts\":\"…\"")
        .replaceAll("\"actor\":\"h:[0-9a-f]{12}\"", "\"actor\":\"h:…\"");
  }

  /** The JSON lines of the README section headed {@code heading}, in order. */
  private static List<String> jsonLines(String readme, String heading) {
    int start = readme.indexOf(heading);
    assertThat(start).as(heading).isNotNegative();
    int end = readme.indexOf("\n## ", start + heading.length());
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\{\"ts\":.*\\}$").matcher(section);
    while (m.find()) {
      out.add(normalized(m.group()));
    }
    return out;
  }

  @Test
  void theReadmesConfigurationPolicyAndLinesAreWhatRuns() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme)
        .contains("## Audit events")
        .contains(resource("logback-audit-readme.xml"))
        .contains(resource("audit-policy.yaml"));

    LogbackHarness h = LogbackHarness.capture("logback-audit-readme.xml");
    // None: a controller's reads.
    AuditEvent.of(Action.VIEW)
        .actor("system:serviceaccount:kube-system:horizontal-pod-autoscaler")
        .resource("payments", "Deployment", "checkout")
        .apiGroup("apps")
        .log("deployment read");
    // Metadata: no rule matches.
    AuditEvent.of(Action.VIEW)
        .actor("jane.doe")
        .resource("shop", "Component", "storefront")
        .outcome(Outcome.ALLOWED)
        .statusCode(200)
        .request(() -> Map.of("fields", "spec"))
        .log("component read");
    // Request: anything else in payments.
    AuditEvent.of(Action.ADD)
        .actor("jane.doe")
        .resource("payments", "Component", "ledger-ui")
        .outcome(Outcome.ALLOWED)
        .statusCode(201)
        .request(() -> Map.of("image", "ledger-ui:1.4.2"))
        .response(() -> Map.of("uid", "5f1c"))
        .log("component created");
    // RequestResponse: a change to a payments deployment.
    AuditEvent.of(Action.UPDATE)
        .actor("jane.doe")
        .resource("payments", "Deployment", "checkout")
        .apiGroup("apps")
        .outcome(Outcome.ALLOWED)
        .statusCode(200)
        .request(() -> Map.of("replicas", 5))
        .response(() -> Map.of("replicas", 5))
        .log("deployment scaled");
    // A Secret: its payload is never written, at any level.
    AuditEvent.of(Action.UPDATE)
        .actor("jane.doe")
        .resource("payments", "Secret", "db-credentials")
        .outcome(Outcome.DENIED)
        .statusCode(403)
        .request(() -> Map.of("data", Map.of("password", "aHVudGVyMg==")))
        .log("secret update denied");
    List<String> written = new ArrayList<>();
    for (String line : h.lines()) {
      Lines.conforming(line);
      if (!line.contains("\"logger\":\"" + ConventionsEncoder.WARNING_LOGGER + "\"")) {
        written.add(normalized(line));
      }
    }
    String coreReadme = Files.readString(Path.of("..", "sdk-core", "README.md"));
    assertThat(written).containsExactlyElementsOf(jsonLines(coreReadme, "## Audit events"));
  }
}
