package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import ch.qos.logback.core.status.Status;
import io.logconv.core.Lines;
import io.logconv.core.redact.SecretRedactor;
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

  /** The lines of one encoder output, which must end with a newline. */
  private static List<String> lines(byte[] out) {
    String t = text(out);
    assertThat(t).endsWith("\n");
    return List.of(t.substring(0, t.length() - 1).split("\n", -1));
  }

  /** The order the class Javadoc states, and where a key given twice lands. */
  @Test
  void fieldsComeInTheDocumentedOrder() {
    ConventionsEncoder e = new ConventionsEncoder();
    e.setContext(context);
    StaticField service = new StaticField();
    service.setName("service");
    service.setValue("svc");
    e.addField(service);
    e.setIncludeCaller(true);
    e.start();
    LoggingEvent ev =
        new LoggingEvent(Logger.FQCN, logger, Level.INFO, "m {}", new IllegalStateException("x"), new Object[] {1});
    ev.setTimeStamp(1678188749167L);
    Map<String, String> mdc = new java.util.LinkedHashMap<>();
    mdc.put("mdc", "1");
    mdc.put("service", "from-mdc");
    mdc.put("dup", "mdc");
    ev.setMDCPropertyMap(mdc);
    ev.addKeyValuePair(new org.slf4j.event.KeyValuePair("kv", "2"));
    ev.addKeyValuePair(new org.slf4j.event.KeyValuePair("dup", "kv"));
    ev.addKeyValuePair(new org.slf4j.event.KeyValuePair("action", "UPDATE"));
    ev.addMarker(org.slf4j.MarkerFactory.getMarker(ConventionsEncoder.AUDIT_MARKER_NAME));
    ev.setCallerData(new StackTraceElement[] {new StackTraceElement("a.B", "m", "B.java", 3)});
    JsonNode n = Lines.conforming(text(e.encode(ev)));
    List<String> names = new java.util.ArrayList<>(n.propertyNames());
    assertThat(names.subList(0, 8))
        .containsExactly("ts", "level", "logger", "msg", "caller", "action", "audit", "auditLevel");
    // Static fields, MDC entries, key/values, each in its order; a later value of a key replaces
    // the earlier one and takes the later place (the MDC "service" the static field's, the
    // key/value "dup" the MDC entry's).
    assertThat(names.subList(8, 12)).containsExactly("mdc", "service", "kv", "dup");
    assertThat(n.get("service").asString()).isEqualTo("from-mdc");
    assertThat(n.get("dup").asString()).isEqualTo("kv");
    assertThat(names.subList(names.size() - 2, names.size())).containsExactly("error", "stacktrace");
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
    List<String> lines = lines(enc.encode(e));
    assertThat(lines).hasSize(2);
    assertThat(Lines.conforming(lines.get(0)).get("msg").asString()).isEqualTo("a <field> without a name was ignored");
    JsonNode n = Lines.conforming(lines.get(1));
    assertThat(n.get("service").asString()).isEqualTo("svc");
    assertThat(n.get("audit").asBoolean()).isTrue();
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .anyMatch(s -> s.getMessage().equals("logconv: a <field> without a name was ignored"));
  }

  private static void assumeNoHashKeyConfigured() {
    assumeTrue(
        System.getenv(SecretRedactor.HASH_KEY_ENV) == null
            && System.getProperty(SecretRedactor.HASH_KEY_PROPERTY) == null,
        "a hash key is configured in this environment");
  }

  @Test
  void missingHashKeyWarningIsOneConformantLineBeforeTheFirstHashedEvent() {
    assumeNoHashKeyConfigured();
    ConventionsEncoder enc = new ConventionsEncoder();
    enc.setContext(context);
    enc.addField(new StaticField("service", "svc"));
    enc.setPiiKeys("customer");
    enc.start();
    LoggingEvent e = event(logger, "order placed");
    e.addKeyValuePair(new KeyValuePair("customer", "jane"));

    List<String> first = lines(enc.encode(e));
    assertThat(first).hasSize(2);
    JsonNode warning = Lines.conforming(first.get(0));
    assertThat(warning.get("ts").asString()).isEqualTo("2023-03-07T11:32:29.167Z");
    assertThat(warning.get("level").asString()).isEqualTo("warn");
    assertThat(warning.get("logger").asString()).isEqualTo(ConventionsEncoder.WARNING_LOGGER);
    assertThat(warning.get("service").asString()).isEqualTo("svc");
    assertThat(warning.get("msg").asString())
        .startsWith("no hash key is configured")
        .contains(SecretRedactor.HASH_KEY_ENV);
    assertThat(Lines.conforming(first.get(1)).get("customer").asString()).startsWith("h:");

    assertThat(lines(enc.encode(e))).as("the warning comes once").hasSize(1);
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .filteredOn(s -> s.getMessage().contains("no hash key"))
        .singleElement()
        .satisfies(s -> assertThat(s.getMessage()).startsWith("logconv: no hash key").doesNotContain("logconv: logconv:"))
        .satisfies(s -> assertThat(s.getLevel()).isEqualTo(Status.WARN));
  }

  @Test
  void warningsStayOffTheStatusManagerWhenAsked() {
    assumeNoHashKeyConfigured();
    LoggerContext quiet = new LoggerContext();
    ConventionsEncoder enc = new ConventionsEncoder();
    enc.setContext(quiet);
    enc.setProblemsToStatus(false);
    enc.setPiiKeys("customer");
    enc.start();
    LoggingEvent e = event(logger, "order placed");
    e.addKeyValuePair(new KeyValuePair("customer", "jane"));
    e.addKeyValuePair(new KeyValuePair("pod_name", "web-0"));
    List<String> lines = lines(enc.encode(e));
    assertThat(lines).hasSize(3);
    assertThat(lines.subList(0, 2))
        .map(l -> Lines.conforming(l).get("logger").asString())
        .containsOnly(ConventionsEncoder.WARNING_LOGGER);
    assertThat(Lines.conforming(lines.get(2)).get("app_pod_name").asString()).isEqualTo("web-0");
    assertThat(quiet.getStatusManager().getCopyOfStatusList()).isEmpty();
  }

  @Test
  void reservedKeyRenameIsWarnedAboutOnceAsALine() {
    ConventionsEncoder enc = encoder();
    LoggingEvent e = event(logger, "m");
    e.addKeyValuePair(new KeyValuePair("pod_name", "web-0"));
    List<String> first = lines(enc.encode(e));
    assertThat(first).hasSize(2);
    JsonNode warning = Lines.conforming(first.get(0));
    assertThat(warning.get("level").asString()).isEqualTo("warn");
    assertThat(warning.get("msg").asString()).contains("pod_name").doesNotStartWith("logconv:");
    assertThat(lines(enc.encode(e))).hasSize(1);
  }

  @Test
  void mdcKeysAreRenamedAsConfigured() {
    ConventionsEncoder enc = new ConventionsEncoder();
    enc.setContext(context);
    enc.setMdcKeyRenames("traceId=trace_id, spanId=span_id,broken");
    enc.start();
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "m", null, null);
    e.setMDCPropertyMap(
        Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7", "tenant", "t1"));
    List<String> lines = lines(enc.encode(e));
    assertThat(Lines.conforming(lines.get(0)).get("msg").asString())
        .isEqualTo("mdcKeyRenames: 'broken' is not from=to and was ignored");
    JsonNode n = Lines.conforming(lines.get(1));
    assertThat(n.has("trace_id")).as(lines.get(1)).isTrue();
    assertThat(n.get("trace_id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(n.get("span_id").asString()).isEqualTo("00f067aa0ba902b7");
    assertThat(n.get("tenant").asString()).isEqualTo("t1");
    assertThat(n.has("traceId")).isFalse();
    assertThat(n.has("spanId")).isFalse();
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
  void networkAddressesAreKeptByDefaultAndHiddenWithTheOption() {
    LoggingEvent e = event(logger, "accepted {} from {}", "203.0.113.7:51234", "[2001:db8::1]:443");
    e.addKeyValuePair(new KeyValuePair("hwaddr", "00:1a:2b:3c:4d:5e"));
    e.addKeyValuePair(new KeyValuePair("bind", "127.0.0.1:8080"));
    JsonNode byDefault = Lines.conforming(text(encoder().encode(e)));
    assertThat(byDefault.get("msg").asString()).isEqualTo("accepted 203.0.113.7:51234 from [2001:db8::1]:443");
    assertThat(byDefault.get("hwaddr").asString()).isEqualTo("00:1a:2b:3c:4d:5e");

    ConventionsEncoder on = new ConventionsEncoder();
    on.setContext(context);
    on.setNetworkAddresses(true);
    on.start();
    JsonNode hidden = Lines.conforming(text(on.encode(e)));
    assertThat(hidden.get("msg").asString())
        .isEqualTo("accepted [REDACTED:ipv4]:51234 from [[REDACTED:ipv6]]:443");
    assertThat(hidden.get("hwaddr").asString()).isEqualTo("[REDACTED:mac_address]");
    assertThat(hidden.get("bind").asString()).isEqualTo("127.0.0.1:8080");

    ConventionsEncoder hashed = new ConventionsEncoder();
    hashed.setContext(context);
    hashed.setNetworkAddresses(true);
    hashed.setRedactionModes("ipv4=hash,mac_address=hash");
    hashed.setHashKey("test-only-hash-key-0123456789");
    hashed.start();
    JsonNode h = Lines.conforming(text(hashed.encode(e)));
    assertThat(h.get("msg").asString()).matches("accepted h:[0-9a-f]{12}:51234 from \\[\\[REDACTED:ipv6]]:443");
    assertThat(h.get("hwaddr").asString()).matches("h:[0-9a-f]{12}");
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
