package io.logconv.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.logconv.core.audit.AuditPayload;
import io.logconv.schema.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit policy from {@code logconv.audit.*}: rules in the indexed form (a rule holds commas),
 * a default level, and a policy file; an invalid policy is reported as a line.
 */
class AuditPropertiesTest {
  private final Logger logger = new LoggerContext().getLogger("audit");

  private LoggingEvent audit(Action action, String kind) {
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "changed", null, null);
    e.setTimeStamp(1678188749167L);
    e.setMDCPropertyMap(Map.of());
    e.addKeyValuePair(new org.slf4j.event.KeyValuePair("action", action));
    e.addKeyValuePair(new org.slf4j.event.KeyValuePair("audit", true));
    e.addKeyValuePair(new org.slf4j.event.KeyValuePair("namespace", "payments"));
    e.addKeyValuePair(new org.slf4j.event.KeyValuePair("controllerKind", kind));
    e.addKeyValuePair(new org.slf4j.event.KeyValuePair("apiGroup", "apps"));
    e.addKeyValuePair(new org.slf4j.event.KeyValuePair("requestObject", AuditPayload.of(() -> "r")));
    e.addKeyValuePair(new org.slf4j.event.KeyValuePair("responseObject", AuditPayload.of(() -> "s")));
    return e;
  }

  @Test
  void rulesAndALevelFromProperties() {
    ConventionsFormatter f =
        new ConventionsFormatter(
            ConventionsFormatterTest.env(
                "logconv.audit.rules[0]", "level=None; actions=VIEW,DELETE",
                "logconv.audit.rules[1]", "level=RequestResponse; kinds=apps/Deployment,apps/StatefulSet",
                "logconv.audit.level", "Request"));
    assertThat(f.format(audit(Action.VIEW, "Deployment"))).isEmpty();
    assertThat(f.format(audit(Action.UPDATE, "StatefulSet")))
        .endsWith(",\"auditLevel\":\"RequestResponse\",\"requestObject\":\"r\",\"responseObject\":\"s\"}\n");
    assertThat(f.format(audit(Action.UPDATE, "Component")))
        .endsWith(",\"auditLevel\":\"Request\",\"requestObject\":\"r\"}\n");
  }

  @Test
  void aPolicyFileAndAnInvalidPolicy() {
    ConventionsFormatter file =
        new ConventionsFormatter(
            ConventionsFormatterTest.env("logconv.audit.policy", "classpath:audit-policy-spring.yaml"));
    assertThat(file.format(audit(Action.ADD, "Component"))).contains("\"auditLevel\":\"RequestResponse\"");
    String bad =
        new ConventionsFormatter(ConventionsFormatterTest.env("logconv.audit.level", "Everything"))
            .format(audit(Action.ADD, "Component"));
    String[] lines = bad.split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).contains("the audit policy is not valid").contains("auditLevel 'Everything'");
    assertThat(lines[1]).endsWith(",\"auditLevel\":\"Metadata\"}");
  }
}
