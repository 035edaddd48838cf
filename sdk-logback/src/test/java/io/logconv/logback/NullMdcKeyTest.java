package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.logconv.core.Lines;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An MDC map holding a null key does not cost the event, with or without key renames. */
class NullMdcKeyTest {
  @Test
  void aNullMdcKeyIsRepairedLikeAnyBadKeyWhenRenamesAreConfigured() {
    LoggerContext context = new LoggerContext();
    Logger logger = context.getLogger("l");
    ConventionsEncoder encoder = new ConventionsEncoder();
    encoder.setContext(context);
    encoder.setMdcKeyRenames("traceId=trace_ref");
    encoder.start();
    Map<String, String> mdc = new HashMap<>();
    mdc.put(null, "orphan");
    mdc.put("traceId", "abc");
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "kept", null, null);
    e.setMDCPropertyMap(mdc);
    String out = new String(encoder.encode(e), StandardCharsets.UTF_8);
    JsonNode n = Lines.conforming(out.lines().reduce((a, b) -> b).orElseThrow());
    assertThat(n.get("msg").asString()).isEqualTo("kept");
    assertThat(n.get("trace_ref").asString()).isEqualTo("abc");
    assertThat(n.toString()).contains("orphan");
  }
}
