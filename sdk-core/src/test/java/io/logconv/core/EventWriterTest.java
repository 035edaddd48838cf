package io.logconv.core;

import io.logconv.core.redact.Redactor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventWriterTest {
  private static final long TS = 1678188749167L; // 2023-03-07T11:32:29.167Z

  private final List<String> problems = new ArrayList<>();
  private final LineFormat format =
      LineFormat.builder().statusListener((kind, message, cause) -> problems.add(message)).build();
  private final EventWriter w = format.newWriter();

  private EventWriter begin() {
    return w.begin(TS, Level.INFO, "controllers.Component");
  }

  // --- golden lines: the ADR's two examples -----------------------------------------------------

  @Test
  void firstAdrExample() {
    JsonBuffer line =
        w.begin(TS, Level.INFO, "controllers.Component")
            .message("updating devfile component name kubernetes-deploy ...")
            .field("namespace", "samburrai-tenant")
            .field("name", "go-net-http-hello-prqx")
            .field("controllerKind", "Component")
            .end();
    Lines.conforming(line);
    assertThat(Lines.text(line))
        .isEqualTo(
            "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"logger\":\"controllers.Component\","
                + "\"msg\":\"updating devfile component name kubernetes-deploy ...\","
                + "\"namespace\":\"samburrai-tenant\",\"controllerKind\":\"Component\","
                + "\"name\":\"go-net-http-hello-prqx\"}\n");
  }

  @Test
  void secondAdrExampleWithAuditAsTheBooleanItsSchemaRequires() {
    JsonBuffer line =
        w.begin(1678188749020L, Level.INFO, "controllers.Component")
            .message("API Resource updated")
            .field("namespace", "samburrai-tenant")
            .field("audit", "true") // as the ADR's example writes it
            .field("name", "go-net-http-hello-prqx")
            .field("controllerKind", "Component")
            .field("action", "UPDATE")
            .end();
    Lines.conforming(line);
    assertThat(Lines.text(line))
        .isEqualTo(
            "{\"ts\":\"2023-03-07T11:32:29.020Z\",\"level\":\"info\",\"logger\":\"controllers.Component\","
                + "\"msg\":\"API Resource updated\",\"action\":\"UPDATE\",\"audit\":true,"
                + "\"namespace\":\"samburrai-tenant\",\"controllerKind\":\"Component\","
                + "\"name\":\"go-net-http-hello-prqx\",\"auditLevel\":\"Metadata\"}\n");
  }

  // --- order and duplicates ---------------------------------------------------------------------

  @Test
  void fieldOrderIsTheContractsWhateverTheCallOrder() {
    JsonNode n =
        Lines.conforming(
            begin()
                .throwable(new IllegalStateException("boom"))
                .field("retries", 3L)
                .field("name", "web")
                .caller("com/example/Foo.java:87")
                .field("zone", "a")
                .audit(true)
                .field("controllerKind", "Deployment")
                .action(Action.DELETE)
                .field("namespace", "ns")
                .message("deleted")
                .end());
    assertThat(Lines.keys(n))
        .containsExactly(
            "ts", "level", "logger", "msg", "caller", "action", "audit", "namespace",
            "controllerKind", "name", "auditLevel", "retries", "zone", "error", "stacktrace");
  }

  @Test
  void laterKeyWinsAndNoKeyIsWrittenTwice() {
    JsonNode n =
        Lines.conforming(
            begin()
                .message("m")
                .field("attempt", 1L)
                .field("namespace", "first")
                .field("attempt", "two")
                .field("namespace", "second")
                .end());
    assertThat(n.get("attempt").asString()).isEqualTo("two");
    assertThat(n.get("namespace").asString()).isEqualTo("second");
  }

  @Test
  void keysThatBecomeEqualAfterRepairAreNotDuplicated() {
    JsonNode n =
        Lines.conforming(begin().message("m").field("a-b", 1L).field("a_b", 2L).field("a.b", 3L).end());
    assertThat(n.get("a_b").asLong()).isEqualTo(3);
    assertThat(Lines.keys(n)).containsOnlyOnce("a_b");
  }

  @Test
  void staticFieldsComeFirstAmongOtherKeysAndAnEventsOwnFieldWins() {
    LineFormat f =
        LineFormat.builder().staticField("service", "svc").staticField("version", "1.2.3").build();
    EventWriter sw = f.newWriter();
    JsonNode n =
        Lines.conforming(
            sw.begin(TS, Level.WARN, "l").message("m").field("k", "v").field("version", "2").end());
    assertThat(Lines.keys(n)).containsExactly("ts", "level", "logger", "msg", "service", "k", "version");
    assertThat(n.get("version").asString()).isEqualTo("2");
    assertThat(n.get("level").asString()).isEqualTo("warn");
  }

  // --- keys -------------------------------------------------------------------------------------

  @Test
  void everyReservedKeyIsRenamedAndReportedOnce() {
    for (String k : Conventions.RESERVED_KEYS) {
      JsonNode n = Lines.conforming(begin().message("m").field(k, "x").end());
      assertThat(n.has(k)).isFalse();
      assertThat(n.get("app_" + k).asString()).isEqualTo("x");
    }
    int reported = problems.size();
    Lines.conforming(begin().message("m").field("pod_name", "again").end());
    assertThat(problems).hasSize(reported);
    assertThat(problems).anyMatch(p -> p.contains("pod_name") && p.contains("app_pod_name"));
  }

  @Test
  void pipelineKeysAndWriterOwnedKeysAreRenamed() {
    JsonNode n =
        Lines.conforming(
            begin()
                .message("real")
                .field("log", "x")
                .field("@timestamp", "y")
                .field("msg", "fake")
                .field("level", "fake")
                .field("ts", "fake")
                .end());
    assertThat(n.get("msg").asString()).isEqualTo("real");
    assertThat(n.get("level").asString()).isEqualTo("info");
    assertThat(n.get("app_log").asString()).isEqualTo("x");
    assertThat(n.get("app__timestamp").asString()).isEqualTo("y");
    assertThat(n.get("app_msg").asString()).isEqualTo("fake");
    assertThat(n.get("app_ts").asString()).isEqualTo("fake");
  }

  @Test
  void unsafeEmptyAndNullKeysAreRewritten() {
    JsonNode n =
        Lines.conforming(
            begin()
                .message("m")
                .field("k8s:ns", 1L)
                .field("1st", 2L)
                .field("", 3L)
                .field((String) null, 4L)
                .field("über", 5L)
                .end());
    assertThat(n.get("k8s_ns").asLong()).isEqualTo(1);
    assertThat(n.get("_1st").asLong()).isEqualTo(2);
    assertThat(n.get("_").asLong()).isEqualTo(4); // the later of "" and null wins
    assertThat(n.get("_ber").asLong()).isEqualTo(5);
  }

  @Test
  void strictModeThrowsOnReservedKeysAndBadValues() {
    EventWriter strict = LineFormat.builder().strict(true).build().newWriter();
    assertThatThrownBy(() -> strict.begin(TS, Level.INFO, "l").field("pod_name", "x"))
        .isInstanceOf(ContractViolationException.class)
        .hasMessageContaining("pod_name");
    assertThatThrownBy(() -> strict.begin(TS, Level.INFO, "l").field("action", "MODIFY"))
        .isInstanceOf(ContractViolationException.class)
        .hasMessageContaining("action");
    assertThatThrownBy(() -> strict.begin(TS, Level.INFO, "l").audit(true).end())
        .isInstanceOf(ContractViolationException.class)
        .hasMessageContaining("audit");
    JsonNode ok = Lines.conforming(strict.begin(TS, Level.INFO, "l").message("fine").end());
    assertThat(ok.get("msg").asString()).isEqualTo("fine");
  }

  // --- values that break the contract -----------------------------------------------------------

  @Test
  void actionOutsideTheEnumMovesToAppAction() {
    JsonNode n = Lines.conforming(begin().message("m").field("action", "MODIFY").end());
    assertThat(n.has("action")).isFalse();
    assertThat(n.get("app_action").asString()).isEqualTo("MODIFY");
    JsonNode lower = Lines.conforming(begin().message("m").field("action", "update").end());
    assertThat(lower.get("app_action").asString()).isEqualTo("update");
    JsonNode good = Lines.conforming(begin().message("m").field("action", Action.VIEW).end());
    assertThat(good.get("action").asString()).isEqualTo("VIEW");
  }

  @Test
  void auditStringsBecomeBooleansAndOtherValuesMove() {
    JsonNode t =
        Lines.conforming(begin().message("m").action(Action.ADD).field("audit", "true").end());
    assertThat(t.get("audit").isBoolean()).isTrue();
    assertThat(t.get("audit").asBoolean()).isTrue();
    JsonNode f = Lines.conforming(begin().message("m").field("audit", "false").end());
    assertThat(f.get("audit").isBoolean()).isTrue();
    assertThat(f.get("audit").asBoolean()).isFalse();
    JsonNode other = Lines.conforming(begin().message("m").field("audit", "yes").end());
    assertThat(other.has("audit")).isFalse();
    assertThat(other.get("app_audit").asString()).isEqualTo("yes");
  }

  @Test
  void auditEventWithoutActionMovesToAppAudit() {
    JsonNode n = Lines.conforming(begin().message("m").audit(true).end());
    assertThat(n.has("audit")).isFalse();
    assertThat(n.get("app_audit").asBoolean()).isTrue();
    assertThat(problems).anyMatch(p -> p.contains("must carry an action"));
  }

  @Test
  void malformedTraceIdsMove() {
    JsonNode n =
        Lines.conforming(
            begin()
                .message("m")
                .field("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
                .field("span_id", "not-hex")
                .end());
    assertThat(n.get("trace_id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(n.get("app_span_id").asString()).isEqualTo("not-hex");
  }

  @Test
  void resourceFieldsAreAlwaysStrings() {
    JsonNode n =
        Lines.conforming(begin().message("m").field("name", 42L).field("namespace", 7).end());
    assertThat(n.get("name").asString()).isEqualTo("42");
    assertThat(n.get("namespace").asString()).isEqualTo("7");
  }

  // --- value types --------------------------------------------------------------------------------

  @Test
  void valuesAreWrittenByType() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("a", 1);
    nested.put("b-c", List.of("x", 2.5, true));
    JsonNode n =
        Lines.conforming(
            begin()
                .message("m")
                .field("s", "str")
                .field("i", 42)
                .field("l", 1L << 40)
                .field("d", 1.5)
                .field("nan", Double.NaN)
                .field("inf", Double.NEGATIVE_INFINITY)
                .field("b", true)
                .field("nul", (Object) null)
                .field("map", nested)
                .field("arr", new Object[] {"p", 1})
                .field("level_enum", Level.WARN)
                .end());
    assertThat(n.get("s").asString()).isEqualTo("str");
    assertThat(n.get("i").asInt()).isEqualTo(42);
    assertThat(n.get("l").asLong()).isEqualTo(1L << 40);
    assertThat(n.get("d").asDouble()).isEqualTo(1.5);
    assertThat(n.get("nan").asString()).isEqualTo("NaN");
    assertThat(n.get("inf").asString()).isEqualTo("-Infinity");
    assertThat(n.get("b").asBoolean()).isTrue();
    assertThat(n.get("nul").isNull()).isTrue();
    assertThat(n.get("map").get("b_c").get(1).asDouble()).isEqualTo(2.5);
    assertThat(n.get("arr").get(0).asString()).isEqualTo("p");
    assertThat(n.get("level_enum").asString()).isEqualTo("WARN");
  }

  @Test
  void cyclicMapsStopAtADepthLimit() {
    Map<String, Object> m = new HashMap<>();
    m.put("self", m);
    JsonNode n = Lines.conforming(begin().message("m").field("cyc", m).end());
    assertThat(n.toString()).contains("[too deep]");
  }

  @Test
  void valueWhoseToStringThrowsIsAMarkerAndTheNextLineIsClean() {
    Object bad =
        new Object() {
          @Override
          public String toString() {
            throw new UnsupportedOperationException("nope");
          }
        };
    JsonNode n =
        Lines.conforming(begin().message("arg {}", new Object[] {bad}, 1).field("v", bad).end());
    assertThat(n.get("msg").asString()).isEqualTo("arg " + MessageTemplate.FAILED_TO_STRING);
    assertThat(n.get("v").asString()).isEqualTo(MessageTemplate.FAILED_TO_STRING);
    JsonNode next = Lines.conforming(begin().message("next").end());
    assertThat(Lines.keys(next)).containsExactly("ts", "level", "logger", "msg");
  }

  @Test
  void mapWhoseIterationThrowsIsAMarker() {
    Map<String, Object> broken =
        new HashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          public java.util.Set<Map.Entry<String, Object>> entrySet() {
            throw new IllegalStateException("concurrent change");
          }
        };
    JsonNode n = Lines.conforming(begin().message("m").field("m", broken).field("after", 1L).end());
    assertThat(n.get("m").asString()).contains("IllegalStateException");
    assertThat(n.get("after").asLong()).isEqualTo(1);
  }

  // --- throwables ---------------------------------------------------------------------------------

  @Test
  void throwableGivesErrorAndStacktraceWithCausesAndSuppressed() {
    IOException root = new IOException("disk full");
    IllegalStateException top = new IllegalStateException("save failed", root);
    top.addSuppressed(new UncheckedIOException("close failed", new IOException("x")));
    JsonNode n = Lines.conforming(begin().message("m").throwable(top).end());
    assertThat(n.get("error").asString()).isEqualTo("java.lang.IllegalStateException: save failed");
    String st = n.get("stacktrace").asString();
    assertThat(st)
        .startsWith("java.lang.IllegalStateException: save failed\n\tat ")
        .contains("\tSuppressed: java.io.UncheckedIOException: close failed")
        .contains("Caused by: java.io.IOException: disk full")
        .contains("EventWriterTest.throwableGivesErrorAndStacktraceWithCausesAndSuppressed(EventWriterTest.java:");
  }

  @Test
  void cyclicCausesTerminate() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    JsonNode n = Lines.conforming(begin().message("m").throwable(a).end());
    assertThat(n.get("stacktrace").asString()).contains("[CIRCULAR REFERENCE: java.lang.Exception: a]");
  }

  @Test
  void throwableWithoutMessageAndWithThrowingMessage() {
    JsonNode plain = Lines.conforming(begin().message("m").throwable(new RuntimeException()).end());
    assertThat(plain.get("error").asString()).isEqualTo("java.lang.RuntimeException");
    RuntimeException evil =
        new RuntimeException() {
          private static final long serialVersionUID = 1L;

          @Override
          public String getMessage() {
            throw new IllegalStateException();
          }
        };
    JsonNode n = Lines.conforming(begin().message("m").throwable(evil).end());
    assertThat(n.get("error").asString()).contains("[FAILED getMessage()]");
  }

  // --- line size ----------------------------------------------------------------------------------

  private static Throwable deepThrowable(int causes, int frames) {
    Throwable t = null;
    for (int c = 0; c < causes; c++) {
      Throwable next = new RuntimeException("cause " + c, t);
      StackTraceElement[] st = new StackTraceElement[frames];
      for (int f = 0; f < frames; f++) {
        st[f] = new StackTraceElement("com.example.layer" + c + ".Service" + f, "call" + f, "Service" + f + ".java", f + 1);
      }
      next.setStackTrace(st);
      t = next;
    }
    return t;
  }

  @Test
  void hugeStackTraceIsTrimmedFirstAndKeepsTheRootCause() {
    Throwable t = deepThrowable(6, 400);
    JsonBuffer line = begin().message("short message").field("k", "v").throwable(t).end();
    assertThat(line.size()).isLessThanOrEqualTo(Conventions.DEFAULT_MAX_LINE_BYTES);
    JsonNode n = Lines.conforming(line);
    assertThat(n.get("msg").asString()).isEqualTo("short message");
    String st = n.get("stacktrace").asString();
    assertThat(st).contains("Caused by: java.lang.RuntimeException: cause 0");
    assertThat(st).contains("frames omitted");
    assertThat(st).contains("com.example.layer0.Service0.call0(Service0.java:1)");
  }

  @Test
  void hugeValuesAreCutWithAMarkerSayingHowManyBytes() {
    String big = "é".repeat(50_000); // 100,000 bytes
    JsonBuffer line = begin().message("m").field("payload", big).field("after", 1L).end();
    assertThat(line.size()).isLessThanOrEqualTo(16384);
    JsonNode n = Lines.conforming(line);
    String cut = n.get("payload").asString();
    assertThat(cut).matches("(?s)é+\\.\\.\\.\\[truncated \\d+ bytes\\]");
    int kept = cut.indexOf("...") * 2;
    assertThat(cut).contains("[truncated " + (100_000 - kept) + " bytes]");
    assertThat(n.get("after").asLong()).isEqualTo(1);
  }

  @Test
  void hugeMessageIsCut() {
    JsonBuffer line = begin().message("x".repeat(1_000_000)).end();
    assertThat(line.size()).isLessThanOrEqualTo(16384);
    assertThat(Lines.conforming(line).get("msg").asString()).contains("...[truncated ");
  }

  @Test
  void tooManyFieldsAreDroppedAndCounted() {
    EventWriter ew = begin().message("m");
    for (int i = 0; i < 600; i++) {
      ew.field("field_" + i, "v".repeat(100));
    }
    JsonBuffer line = ew.end();
    assertThat(line.size()).isLessThanOrEqualTo(16384);
    JsonNode n = Lines.conforming(line);
    assertThat(n.get("logconv_dropped_keys").asInt()).isPositive();
  }

  @Test
  void smallerLimitIsHonoured() {
    EventWriter small = LineFormat.builder().maxLineBytes(2048).build().newWriter();
    JsonBuffer line =
        small
            .begin(TS, Level.ERROR, "l".repeat(5000))
            .message("m".repeat(5000))
            .field("a", "b".repeat(5000))
            .throwable(deepThrowable(3, 50))
            .end();
    assertThat(line.size()).isLessThanOrEqualTo(2048);
    Lines.conforming(line);
  }

  @Test
  void bufferDoesNotStayAtItsLargestSize() {
    begin().message("m").field("payload", "x".repeat(2_000_000)).end();
    begin().message("m").end();
    assertThat(w.buffer().capacity()).isLessThanOrEqualTo(4 * 16384);
  }

  // --- redaction hook, failures -----------------------------------------------------------------

  @Test
  void redactorSeesMessageValuesErrorAndStacktrace() {
    Redactor hideHunter2 =
        new Redactor() {
          @Override
          public boolean isSensitiveKey(String key) {
            return "pin".equals(key);
          }

          @Override
          public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
            if ("pin".equals(key)) {
              scratch.setLength(0);
              return scratch.append("[REDACTED:pin]");
            }
            String s = value.toString();
            if (!s.contains("hunter2")) {
              return value;
            }
            scratch.setLength(0);
            return scratch.append(s.replace("hunter2", "[REDACTED:password]"));
          }
        };
    EventWriter rw = LineFormat.builder().redactor(hideHunter2).build().newWriter();
    JsonBuffer line =
        rw.begin(TS, Level.ERROR, "l")
            .message("login with {}", new Object[] {"hunter2"}, 1)
            .field("url", "https://u:hunter2@host/")
            .field("pin", 1234L)
            .field("nested", Map.of("p", "hunter2"))
            .throwable(new IllegalStateException("bad password hunter2"))
            .end();
    String text = Lines.text(line);
    assertThat(text).doesNotContain("hunter2").doesNotContain("1234");
    JsonNode n = Lines.conforming(line);
    assertThat(n.get("msg").asString()).isEqualTo("login with [REDACTED:password]");
    assertThat(n.get("pin").asString()).isEqualTo("[REDACTED:pin]");
  }

  @Test
  void redactorThatThrowsStillYieldsAValidLine() {
    Redactor broken =
        new Redactor() {
          @Override
          public boolean isSensitiveKey(String key) {
            return false;
          }

          @Override
          public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
            throw new IllegalStateException("broken redactor");
          }
        };
    List<String> seen = new ArrayList<>();
    EventWriter bw =
        LineFormat.builder().redactor(broken).statusListener((k, m, c) -> seen.add(k)).build().newWriter();
    JsonNode n = Lines.conforming(bw.begin(TS, Level.INFO, "l").message("m").end());
    assertThat(n.get("msg").asString()).contains("could not encode");
    assertThat(seen).anyMatch(k -> k.startsWith("encode-failure"));
  }

  @Test
  void endWithoutBeginWritesALineSayingSo() {
    JsonNode n = Lines.conforming(format.newWriter().end());
    assertThat(n.get("msg").asString()).contains("without begin");
  }

  @Test
  void lineIsUtf8WithTheNewlineLast() {
    JsonBuffer line = begin().message("naïve \uD83D\uDE00 \uD800 line\nbreak").end();
    String s = new String(line.toByteArray(), StandardCharsets.UTF_8);
    assertThat(s).endsWith("}\n").contains("naïve \uD83D\uDE00 \uFFFD line\\nbreak");
  }

  @Test
  void stackHashAndRootCauseFirstWhenConfigured() {
    EventWriter hw =
        LineFormat.builder().stackHash(true).rootCauseFirst(true).build().newWriter();
    JsonNode n =
        Lines.conforming(
            hw.begin(TS, Level.ERROR, "l")
                .message("m")
                .field("stack_hash", "mine")
                .throwable(new IllegalStateException("outer", new IOException("inner")))
                .end());
    assertThat(n.get("stack_hash").asString()).matches("[0-9a-f]{8}");
    assertThat(n.get("app_stack_hash").asString()).isEqualTo("mine");
    assertThat(n.get("stacktrace").asString()).startsWith("java.io.IOException: inner");
    assertThat(Lines.keys(n)).containsSubsequence("stack_hash", "error", "stacktrace");
  }

  @Test
  void contextFieldProvidersAddFieldsOnTheLoggingThreadOnly() {
    ContextFieldProvider tenant = wr -> wr.field("tenant", "team-a");
    ContextFieldProvider broken =
        wr -> {
          throw new IllegalStateException("provider failed");
        };
    EventWriter cw =
        LineFormat.builder()
            .contextFieldProvider(tenant)
            .contextFieldProvider(broken)
            .statusListener((k, m, c) -> problems.add(m))
            .build()
            .newWriter();
    JsonNode n = Lines.conforming(cw.begin(TS, Level.INFO, "l").message("m").field("k", 1L).end());
    assertThat(Lines.keys(n)).containsExactly("ts", "level", "logger", "msg", "tenant", "k");
    assertThat(problems).anyMatch(p -> p.contains("failed; its fields were left out"));
    JsonNode deferred = Lines.conforming(cw.begin(TS, Level.INFO, "l", false).message("m").end());
    assertThat(deferred.has("tenant")).isFalse();
    EventWriter off =
        LineFormat.builder().contextFields(false).contextFieldProvider(tenant).build().newWriter();
    assertThat(Lines.conforming(off.begin(TS, Level.INFO, "l").message("m").end()).has("tenant")).isFalse();
  }

  @Test
  void keyForValueSaysWhereAValueGoesWithoutWritingIt() {
    assertThat(EventWriter.keyForValue("action", "UPDATE")).isEqualTo("action");
    assertThat(EventWriter.keyForValue("action", Action.ADD)).isEqualTo("action");
    assertThat(EventWriter.keyForValue("action", "PATCH")).isEqualTo("app_action");
    assertThat(EventWriter.keyForValue("audit", "true")).isEqualTo("audit");
    assertThat(EventWriter.keyForValue("audit", 1)).isEqualTo("app_audit");
    assertThat(EventWriter.keyForValue("span_id", "00f067aa0ba902b7")).isEqualTo("span_id");
    assertThat(EventWriter.keyForValue("trace_flags", "1")).isEqualTo("app_trace_flags");
    assertThat(EventWriter.keyForValue("replicas", "anything")).isEqualTo("replicas");
    assertThat(EventWriter.isStringField("controllerKind")).isTrue();
    assertThat(EventWriter.isStringField("replicas")).isFalse();
  }
}
