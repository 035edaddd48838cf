package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import io.logconv.core.Lines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

/** The encoder on hand-made events, including the defects known in other JSON encoders. */
class ConventionsEncoderTest {
  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("controllers.Component");

  private ConventionsEncoder encoder() {
    ConventionsEncoder e = new ConventionsEncoder();
    e.setContext(context);
    e.start();
    return e;
  }

  private LoggingEvent event(Logger l, String msg, Object... args) {
    LoggingEvent e = new LoggingEvent(Logger.FQCN, l, Level.INFO, msg, null, args);
    e.setTimeStamp(1678188749167L);
    e.setMDCPropertyMap(Map.of());
    return e;
  }

  private static String text(byte[] line) {
    return new String(line, StandardCharsets.UTF_8);
  }

  @Test
  void quoteInLoggerNameStaysValidJson() {
    Logger odd = context.getLogger("weird\"logger\\name");
    JsonNode n = Lines.conforming(text(encoder().encode(event(odd, "m"))));
    assertThat(n.get("logger").asString()).isEqualTo("weird\"logger\\name");
  }

  @Test
  void loneSurrogateDoesNotSwallowTheNextChar() {
    JsonNode n = Lines.conforming(text(encoder().encode(event(logger, "a\uD800b {}", "c\uDC00d"))));
    assertThat(n.get("msg").asString()).isEqualTo("a\uFFFDb c\uFFFDd");
  }

  @Test
  void keyValueWhoseToStringThrowsDoesNotMakeEncodeThrow() {
    LoggingEvent e = event(logger, "m");
    e.addKeyValuePair(
        new KeyValuePair(
            "bad",
            new Object() {
              @Override
              public String toString() {
                throw new IllegalStateException("toString failed");
              }
            }));
    e.addKeyValuePair(new KeyValuePair("good", 1));
    JsonNode n = Lines.conforming(text(encoder().encode(e)));
    assertThat(n.get("bad").asString()).isEqualTo("[FAILED toString()]");
    assertThat(n.get("good").asInt()).isEqualTo(1);
  }

  @Test
  void failedEncodeDoesNotCorruptTheNextLine() {
    ConventionsEncoder enc = encoder();
    LoggingEvent broken =
        new LoggingEvent(Logger.FQCN, logger, Level.WARN, "m", null, null) {
          @Override
          public List<KeyValuePair> getKeyValuePairs() {
            throw new IllegalStateException("broken event");
          }
        };
    broken.setMDCPropertyMap(Map.of("a", "1"));
    JsonNode failed = Lines.conforming(text(enc.encode(broken)));
    assertThat(failed.get("msg").asString()).contains("could not encode").contains("IllegalStateException");
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .anyMatch(s -> s.getMessage().contains("could not be encoded"));
    String next = text(enc.encode(event(logger, "next {}", 1)));
    assertThat(next)
        .isEqualTo(
            "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"logger\":\"controllers.Component\",\"msg\":\"next 1\"}\n");
  }

  @Test
  void perThreadBufferDoesNotStayAtItsLargestSize() {
    ConventionsEncoder enc = encoder();
    enc.encode(event(logger, "{}", "x".repeat(5_000_000)));
    int capacity = enc.encodeToBuffer(event(logger, "small")).capacity();
    assertThat(capacity).isLessThanOrEqualTo(4 * 16384);
  }

  @Test
  void lineLimitHonoursTheConfiguredMaximum() {
    ConventionsEncoder enc = new ConventionsEncoder();
    enc.setContext(context);
    enc.setMaxLineBytes(4096);
    enc.start();
    byte[] line = enc.encode(event(logger, "{}", "y".repeat(100_000)));
    assertThat(line.length).isLessThanOrEqualTo(4096);
    Lines.conforming(text(line));
  }

  @Test
  void badConfigurationIsReportedAndDoesNotStart() {
    ConventionsEncoder enc = new ConventionsEncoder();
    enc.setContext(context);
    enc.setMaxLineBytes(10);
    enc.start();
    assertThat(enc.isStarted()).isFalse();
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .anyMatch(s -> s.getMessage().contains("maxLineBytes"));
  }

  @Test
  void eventsFromAnotherJvmKeepTheirThrowableClass() {
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "remote", new java.io.IOException("lost"), null);
    e.setMDCPropertyMap(Map.of());
    LoggingEventVO vo = LoggingEventVO.build(e);
    JsonNode n = Lines.conforming(text(encoder().encode(vo)));
    assertThat(n.get("error").asString()).isEqualTo("java.io.IOException: lost");
    assertThat(n.get("stacktrace").asString()).startsWith("java.io.IOException: lost\n\tat ");
  }

  @Test
  void staticFieldsRedactionSwitchAndAuditMarkerName() {
    ConventionsEncoder enc = new ConventionsEncoder();
    enc.setContext(context);
    enc.addField(new StaticField("service", "svc"));
    enc.addField(new StaticField("", "ignored"));
    enc.setAuditMarker("SECURITY");
    enc.start();
    LoggingEvent e = event(logger, "m");
    e.addMarker(org.slf4j.MarkerFactory.getMarker("SECURITY"));
    e.addKeyValuePair(new KeyValuePair("action", "VIEW"));
    JsonNode n = Lines.conforming(text(enc.encode(e)));
    assertThat(n.get("service").asString()).isEqualTo("svc");
    assertThat(n.get("audit").asBoolean()).isTrue();
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .anyMatch(s -> s.getMessage().contains("without a name"));
  }

  @Test
  void redactionIsOnByDefaultAndItsOptionsAreExposed() {
    LoggingEvent e = event(logger, "charged card {} for {}", "4111 1111 1111 1111", "jane@example.com");
    e.addKeyValuePair(new KeyValuePair("db_password", "hunter2"));
    e.addKeyValuePair(new KeyValuePair("pin", "1234"));
    String byDefault = text(encoder().encode(e));
    assertThat(byDefault)
        .doesNotContain("4111 1111 1111 1111", "jane@example.com", "hunter2")
        .contains("[REDACTED:card]", "[REDACTED:email]", "\"db_password\":\"[REDACTED:password]\"");
    Lines.conforming(byDefault);

    ConventionsEncoder tuned = new ConventionsEncoder();
    tuned.setContext(context);
    tuned.setRedactionModes("card=mask");
    tuned.setDisabledDetectors("email");
    tuned.setSecretKeys("pin");
    tuned.setHashKey("test-only-hash-key-0123456789");
    tuned.start();
    String line = text(tuned.encode(e));
    assertThat(line).contains("1111").doesNotContain("4111 1111 1111 1111").contains("jane@example.com");
    assertThat(Lines.conforming(line).get("pin").asString()).doesNotContain("1234");

    ConventionsEncoder off = new ConventionsEncoder();
    off.setContext(context);
    off.setRedaction(false);
    off.start();
    assertThat(text(off.encode(e))).contains("hunter2");
  }

  @Test
  void badRedactionModeIsReportedAndDoesNotStart() {
    ConventionsEncoder enc = new ConventionsEncoder();
    enc.setContext(context);
    enc.setRedactionModes("card=scramble");
    enc.start();
    assertThat(enc.isStarted()).isFalse();
    // Still never throws, and still redacts, if Logback asks it to encode anyway.
    String line = text(enc.encode(event(logger, "key {}", "jane@example.com")));
    assertThat(Lines.conforming(line).get("msg").asString()).isEqualTo("key [REDACTED:email]");
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .anyMatch(st -> st.getMessage().contains("redact, hash or mask"));
  }
}
