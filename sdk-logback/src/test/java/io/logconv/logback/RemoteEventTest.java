package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import io.logconv.core.Lines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An event received from another JVM (Logback's serializable {@link LoggingEventVO}, as a socket
 * or a queue delivers it) is written with its whole throwable: causes and suppressed throwables.
 */
class RemoteEventTest {
  @Test
  void aRemoteThrowableKeepsItsCausesAndSuppressed() {
    LoggerContext context = new LoggerContext();
    Logger logger = context.getLogger("remote.Service");
    IOException root = new IOException("disk gone");
    IllegalStateException top = new IllegalStateException("write failed", root);
    top.addSuppressed(new IllegalArgumentException("cleanup failed"));
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "save", top, null);
    e.setMDCPropertyMap(Map.of());
    ConventionsEncoder encoder = new ConventionsEncoder();
    encoder.setContext(context);
    encoder.start();
    String line = new String(encoder.encode(LoggingEventVO.build(e)), StandardCharsets.UTF_8);
    JsonNode n = Lines.conforming(line.strip());
    assertThat(n.get("msg").asString()).isEqualTo("save");
    assertThat(n.get("error").asString()).isEqualTo("java.lang.IllegalStateException: write failed");
    assertThat(n.get("stacktrace").asString())
        .contains("Caused by: java.io.IOException: disk gone")
        .contains("Suppressed: java.lang.IllegalArgumentException: cleanup failed");
  }
}
