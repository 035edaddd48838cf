package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Level;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stack-trace shaping ({@link LineFormat.Builder#excludeFrames}, {@link
 * LineFormat.Builder#shortenClassNames}, {@link LineFormat.Builder#maxMessageChars}): the exact
 * text of each option and of their combinations, through both forms of the trace (escaped straight
 * into the line, and the text path for suppressed throwables and root cause first), with causes,
 * {@code ... n more}, frame limits, lines that conform and fit, {@code stack_hash} unchanged, and
 * nothing allocated per event after warm-up.
 */
class StackShapingTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** The patterns a Spring application typically leaves out. */
  private static final String[] SPRING_NOISE = {
    "^jdk\\.internal\\.reflect\\.",
    "^java\\.lang\\.reflect\\.",
    "^org\\.springframework\\.aop\\.",
    "\\$\\$EnhancerBySpringCGLIB\\$\\$",
  };

  private static final StackTraceElement MAIN1 = new StackTraceElement("app.Main", "run", "Main.java", 5);
  private static final StackTraceElement MAIN2 = new StackTraceElement("app.Main", "main", "Main.java", 3);
  private static final StackTraceElement INVOKE =
      new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 568);
  private static final StackTraceElement ACCESSOR =
      new StackTraceElement("jdk.internal.reflect.GeneratedMethodAccessor12", "invoke", null, -1);
  private static final StackTraceElement DIRECT_ACCESSOR =
      new StackTraceElement(
          "jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", "DirectMethodHandleAccessor.java", 103);
  private static final StackTraceElement AOP =
      new StackTraceElement(
          "org.springframework.aop.framework.ReflectiveMethodInvocation",
          "proceed",
          "ReflectiveMethodInvocation.java",
          186);
  private static final StackTraceElement CGLIB =
      new StackTraceElement("com.example.web.OrderController$$EnhancerBySpringCGLIB$$1a2b", "create", "<generated>", -1);
  private static final StackTraceElement DISPATCH =
      new StackTraceElement(
          "org.springframework.web.servlet.DispatcherServlet", "doDispatch", "DispatcherServlet.java", 1089);

  private static StackTraceElement[] topFrames() {
    return new StackTraceElement[] {
      new StackTraceElement("com.example.web.OrderController", "create", "OrderController.java", 42),
      ACCESSOR, INVOKE, AOP, CGLIB, DISPATCH, MAIN1, MAIN2
    };
  }

  private static StackTraceElement[] causeFrames() {
    return new StackTraceElement[] {
      INVOKE, new StackTraceElement("com.example.store.OrderStore", "save", "OrderStore.java", 17), AOP, MAIN1, MAIN2
    };
  }

  /** A request failing through reflection and proxies, caused by a store failing likewise. */
  private static Throwable chain() {
    IllegalStateException cause = new IllegalStateException("save failed");
    cause.setStackTrace(causeFrames());
    RuntimeException top = new RuntimeException("request failed", cause);
    top.setStackTrace(topFrames());
    return top;
  }

  /** {@link #chain()} with a suppressed throwable, which the text path writes. */
  private static Throwable chainWithSuppressed() {
    Throwable top = chain();
    Exception sup = new Exception("close failed");
    sup.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("com.example.Closer", "close", "Closer.java", 9), INVOKE, DIRECT_ACCESSOR, MAIN1, MAIN2
        });
    top.addSuppressed(sup);
    return top;
  }

  private static LineFormat.Builder format() {
    return LineFormat.builder().statusListener(StatusListener.IGNORE);
  }

  private static JsonNode line(LineFormat format, String message, Throwable t) {
    return Lines.conforming(format.newWriter().begin(0, Level.ERROR, "orders").message(message).throwable(t).end());
  }

  private static String stacktrace(LineFormat.Builder format, Throwable t) {
    return line(format.build(), "failed", t).get("stacktrace").asString();
  }

  private static final String EXCLUDED =
      """
      java.lang.RuntimeException: request failed
      \tat com.example.web.OrderController.create(OrderController.java:42)
      \t... 4 frames excluded
      \tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
      \tat app.Main.run(Main.java:5)
      \tat app.Main.main(Main.java:3)
      Caused by: java.lang.IllegalStateException: save failed
      \tat java.lang.reflect.Method.invoke(Method.java:568)
      \tat com.example.store.OrderStore.save(OrderStore.java:17)
      \t... 1 frames excluded
      \t... 2 more
      """;

  @Test
  void excludedFramesCollapseToOneLinePerRunAndTheFirstFrameStays() {
    assertThat(stacktrace(format().excludeFrames(SPRING_NOISE), chain())).isEqualTo(EXCLUDED);
    // One call with all patterns, or one per pattern: the same.
    LineFormat.Builder onePerCall = format();
    for (String p : SPRING_NOISE) {
      onePerCall.excludeFrames(p);
    }
    assertThat(stacktrace(onePerCall, chain())).isEqualTo(EXCLUDED);
    assertThat(onePerCall.build().excludedFramePatterns()).containsExactly(SPRING_NOISE);
  }

  @Test
  void patternsAreFoundAnywhereInClassDotMethod() {
    // find(), not matches(): an unanchored pattern matches inside the name; the method counts.
    assertThat(stacktrace(format().excludeFrames("reflect"), chain()))
        .contains("\tat com.example.web.OrderController.create(OrderController.java:42)\n\t... 2 frames excluded\n");
    assertThat(stacktrace(format().excludeFrames("\\.invoke$"), chain()))
        .contains("\t... 2 frames excluded\n\tat org.springframework.aop.");
    assertThat(stacktrace(format().excludeFrames("^reflect"), chain())).doesNotContain("excluded");
  }

  @Test
  void excludedFramesDoNotCountAgainstTheFrameLimit() {
    assertThat(stacktrace(format().excludeFrames(SPRING_NOISE).maxFramesPerCause(2), chain()))
        .isEqualTo(
            """
            java.lang.RuntimeException: request failed
            \tat com.example.web.OrderController.create(OrderController.java:42)
            \t... 4 frames excluded
            \tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
            \t... 2 frames omitted
            Caused by: java.lang.IllegalStateException: save failed
            \tat java.lang.reflect.Method.invoke(Method.java:568)
            \tat com.example.store.OrderStore.save(OrderStore.java:17)
            \t... 1 frames excluded
            \t... 2 more
            """);
    // Past the limit, everything after the last frame written is omitted, excluded frames included.
    assertThat(stacktrace(format().excludeFrames(SPRING_NOISE).maxFramesPerCause(1), chain()))
        .isEqualTo(
            """
            java.lang.RuntimeException: request failed
            \tat com.example.web.OrderController.create(OrderController.java:42)
            \t... 7 frames omitted
            Caused by: java.lang.IllegalStateException: save failed
            \tat java.lang.reflect.Method.invoke(Method.java:568)
            \t... 2 frames omitted
            \t... 2 more
            """);
    assertThat(stacktrace(format().excludeFrames(SPRING_NOISE).maxFramesPerCause(0), chain()))
        .isEqualTo(
            """
            java.lang.RuntimeException: request failed
            \t... 8 frames omitted
            Caused by: java.lang.IllegalStateException: save failed
            \t... 3 frames omitted
            \t... 2 more
            """);
  }

  @Test
  void suppressedAndRootCauseFirstAreShapedAlike() {
    String suppressed =
        """
        \tSuppressed: java.lang.Exception: close failed
        \t\tat com.example.Closer.close(Closer.java:9)
        \t\t... 2 frames excluded
        \t\t... 2 more
        """;
    assertThat(stacktrace(format().excludeFrames(SPRING_NOISE), chainWithSuppressed()))
        .isEqualTo(EXCLUDED.replace("\tat app.Main.main(Main.java:3)\nCaused", "\tat app.Main.main(Main.java:3)\n" + suppressed + "Caused"));
    assertThat(stacktrace(format().excludeFrames(SPRING_NOISE).rootCauseFirst(true), chainWithSuppressed()))
        .isEqualTo(
            """
            java.lang.IllegalStateException: save failed
            \tat java.lang.reflect.Method.invoke(Method.java:568)
            \tat com.example.store.OrderStore.save(OrderStore.java:17)
            \t... 1 frames excluded
            \t... 2 more
            Wrapped by: java.lang.RuntimeException: request failed
            \tat com.example.web.OrderController.create(OrderController.java:42)
            \t... 4 frames excluded
            \tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
            \tat app.Main.run(Main.java:5)
            \tat app.Main.main(Main.java:3)
            """
                + suppressed);
  }

  private static final String SHORTENED =
      """
      j.l.RuntimeException: request failed
      \tat c.e.w.OrderController.create(OrderController.java:42)
      \tat j.i.r.GeneratedMethodAccessor12.invoke(Unknown Source)
      \tat j.l.reflect.Method.invoke(Method.java:568)
      \tat o.s.a.f.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:186)
      \tat c.e.w.OrderController$$EnhancerBySpringCGLIB$$1a2b.create(<generated>)
      \tat o.s.w.s.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
      \tat app.Main.run(Main.java:5)
      \tat app.Main.main(Main.java:3)
      Caused by: j.l.IllegalStateException: save failed
      \tat j.l.reflect.Method.invoke(Method.java:568)
      \tat c.e.store.OrderStore.save(OrderStore.java:17)
      \tat o.s.a.f.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:186)
      \t... 2 more
      """;

  @Test
  void classNamesAreShortenedInFramesAndHeadersButNotInError() {
    JsonNode line = line(format().shortenClassNames(20).build(), "failed", chain());
    assertThat(line.get("stacktrace").asString()).isEqualTo(SHORTENED);
    assertThat(line.get("error").asString()).isEqualTo("java.lang.RuntimeException: request failed");
    // The text path writes the same names; suppressed headers and the circular reference too.
    Exception a = new IllegalArgumentException("a");
    a.setStackTrace(new StackTraceElement[] {DISPATCH});
    java.io.IOException io = new java.io.IOException("io", a);
    io.setStackTrace(new StackTraceElement[] {DISPATCH});
    Exception b = new java.io.UncheckedIOException("b", io);
    b.setStackTrace(new StackTraceElement[] {DISPATCH});
    a.initCause(b);
    assertThat(stacktrace(format().shortenClassNames(20), b))
        .isEqualTo(
            """
            j.i.UncheckedIOException: b
            \tat o.s.w.s.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
            Caused by: java.io.IOException: io
            \t... 1 more
            Caused by: j.l.IllegalArgumentException: a
            \t... 1 more
            Caused by: [CIRCULAR REFERENCE: j.i.UncheckedIOException: b]
            """);
    assertThat(stacktrace(format().shortenClassNames(20), chainWithSuppressed()))
        .contains("\tSuppressed: java.lang.Exception: close failed\n\t\tat com.example.Closer.close(Closer.java:9)\n");
  }

  @Test
  void shortenedNamesFollowLogbacksAbbreviator() {
    String name = "org.springframework.web.servlet.DispatcherServlet";
    Map<Integer, String> expected = new LinkedHashMap<>();
    expected.put(1, "o.s.w.s.DispatcherServlet");
    expected.put(25, "o.s.w.s.DispatcherServlet");
    expected.put(30, "o.s.w.s.DispatcherServlet");
    expected.put(33, "o.s.web.servlet.DispatcherServlet");
    expected.put(40, "o.s.web.servlet.DispatcherServlet");
    expected.put(41, "o.s.web.servlet.DispatcherServlet");
    expected.put(47, "o.springframework.web.servlet.DispatcherServlet");
    expected.put(48, "o.springframework.web.servlet.DispatcherServlet");
    expected.put(49, name); // fits: kept (Logback would cut the first segment here)
    expected.put(80, name);
    expected.forEach(
        (target, shortened) -> assertThat(shortened(name, target)).as("target %d", target).isEqualTo(shortened));
    assertThat(shortened("DispatcherServlet", 3)).isEqualTo("DispatcherServlet");
    assertThat(shortened("a.bbbb.C", 7)).isEqualTo("a.b.C");
    assertThat(shortened("org..Odd", 3)).isEqualTo("o..Odd");
    assertThat(shortened("\uD835\uDC9Cbc.def.Ghi", 4)).isEqualTo("\uD835\uDC9C.d.Ghi");
  }

  /** {@code name} as a frame's class shortened to {@code target} writes it, through both sinks. */
  private static String shortened(String name, int target) {
    StackFrames.TextFrames text = new StackFrames.TextFrames();
    text.classNameLength = target;
    StringBuilder sb = new StringBuilder();
    text.into(sb).className(name);
    JsonFrames json = new JsonFrames();
    json.classNameLength = target;
    JsonBuffer buf = new JsonBuffer(16);
    json.into(buf).className(name);
    assertThat(buf.toString()).isEqualTo(JsonText.escaped(sb));
    return sb.toString();
  }

  @Test
  void longMessagesAreCutInErrorAndInEveryHeader() {
    JsonNode line = line(format().maxMessageChars(10).build(), "failed", chainWithSuppressed());
    assertThat(line.get("error").asString()).isEqualTo("java.lang.RuntimeException: request fa...[truncated 4 chars]");
    assertThat(line.get("stacktrace").asString())
        .startsWith("java.lang.RuntimeException: request fa...[truncated 4 chars]\n\tat com.example.web.")
        .contains("\tSuppressed: java.lang.Exception: close fail...[truncated 2 chars]\n")
        .contains("Caused by: java.lang.IllegalStateException: save faile...[truncated 1 chars]\n");
    // A message that fits is whole, through the direct path as through the text path.
    assertThat(stacktrace(format().maxMessageChars(14), chain()))
        .startsWith("java.lang.RuntimeException: request failed\n")
        .contains("Caused by: java.lang.IllegalStateException: save failed\n");
    assertThat(line(format().maxMessageChars(14).rootCauseFirst(true).build(), "failed", chain()).get("stacktrace").asString())
        .startsWith("java.lang.IllegalStateException: save failed\n")
        .contains("Wrapped by: java.lang.RuntimeException: request failed\n");
  }

  @Test
  void aMessageIsRedactedBeforeItIsCut() {
    IllegalStateException e = new IllegalStateException("login for jane@example.com failed");
    e.setStackTrace(new StackTraceElement[] {MAIN2});
    JsonNode line = line(format().redactor(SecretRedactor.defaults()).maxMessageChars(20).build(), "failed", e);
    // Cut first, "login for jane@examp" would have left half the address in the line.
    assertThat(line.get("error").asString())
        .isEqualTo("java.lang.IllegalStateException: login for [REDACTED:...[truncated 13 chars]");
    assertThat(line.get("stacktrace").asString())
        .startsWith("java.lang.IllegalStateException: login for [REDACTED:...[truncated 13 chars]\n");
    assertThat(line.toString()).doesNotContain("jane", "examp");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    IllegalStateException e = new IllegalStateException("ab\uD83D\uDE00cd");
    e.setStackTrace(new StackTraceElement[] {MAIN2});
    JsonNode line = line(format().maxMessageChars(3).build(), "failed", e);
    assertThat(line.get("error").asString()).isEqualTo("java.lang.IllegalStateException: ab...[truncated 4 chars]");
    assertThat(line(format().maxMessageChars(4).build(), "failed", e).get("error").asString())
        .isEqualTo("java.lang.IllegalStateException: ab\uD83D\uDE00...[truncated 2 chars]");
  }

  @Test
  void allThreeTogether() {
    LineFormat.Builder all = format().excludeFrames(SPRING_NOISE).shortenClassNames(20).maxMessageChars(10).maxFramesPerCause(2);
    assertThat(stacktrace(all, chainWithSuppressed()))
        .isEqualTo(
            """
            j.l.RuntimeException: request fa...[truncated 4 chars]
            \tat c.e.w.OrderController.create(OrderController.java:42)
            \t... 4 frames excluded
            \tat o.s.w.s.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
            \t... 2 frames omitted
            \tSuppressed: java.lang.Exception: close fail...[truncated 2 chars]
            \t\tat com.example.Closer.close(Closer.java:9)
            \t\t... 2 frames excluded
            \t\t... 2 more
            Caused by: j.l.IllegalStateException: save faile...[truncated 1 chars]
            \tat j.l.reflect.Method.invoke(Method.java:568)
            \tat c.e.store.OrderStore.save(OrderStore.java:17)
            \t... 1 frames excluded
            \t... 2 more
            """);
  }

  /** The configurations the tests below run under: each option alone, and all of them. */
  private static Map<String, UnaryOperator<LineFormat.Builder>> shapings() {
    Map<String, UnaryOperator<LineFormat.Builder>> m = new LinkedHashMap<>();
    m.put("excludeFrames", b -> b.excludeFrames(SPRING_NOISE));
    m.put("shortenClassNames", b -> b.shortenClassNames(20));
    m.put("maxMessageChars", b -> b.maxMessageChars(10));
    m.put("all", b -> b.excludeFrames(SPRING_NOISE).shortenClassNames(20).maxMessageChars(10));
    m.put("all, root cause first", b -> b.excludeFrames(SPRING_NOISE).shortenClassNames(20).maxMessageChars(10).rootCauseFirst(true));
    return m;
  }

  @Test
  void theDirectPathWritesExactlyTheTextPathsTraceForEveryShaping() {
    for (Map.Entry<String, UnaryOperator<LineFormat.Builder>> e : shapings().entrySet()) {
      LineFormat f = e.getValue().apply(format()).build();
      StackTraceRenderer.Renderer r = new StackTraceRenderer.Renderer(f.redactor(), f.scan(), f.stackShaping());
      for (int max : new int[] {0, 1, 2, 3, StackTraceRenderer.ALL_FRAMES}) {
        for (int round = 0; round < 2; round++) { // the second round reads the caches
          StringBuilder text = new StringBuilder();
          r.render(text, chain(), max);
          JsonBuffer json = new JsonBuffer(16);
          assertThat(r.renderJson(json, chain(), max)).isTrue();
          assertThat(json.toString())
              .as("%s, max %d, round %d", e.getKey(), max, round)
              .isEqualTo(JsonText.escaped(text));
        }
      }
    }
  }

  @Test
  void stackHashIsTheSameWhateverTheShaping() {
    for (Throwable t : List.of(chain(), chainWithSuppressed())) {
      String unshaped = line(format().stackHash(true).build(), "failed", t).get("stack_hash").asString();
      StringBuilder direct = new StringBuilder();
      StackTraceRenderer.appendStackHash(direct, t);
      assertThat(unshaped).matches("[0-9a-f]{8}").isEqualTo(direct.toString());
      for (Map.Entry<String, UnaryOperator<LineFormat.Builder>> e : shapings().entrySet()) {
        JsonNode shaped = line(e.getValue().apply(format().stackHash(true)).build(), "failed", t);
        assertThat(shaped.get("stack_hash").asString()).as(e.getKey()).isEqualTo(unshaped);
      }
    }
  }

  @Test
  void aShapedTraceStillFitsTheLine() {
    // 400 frames, every other one reflective: the runs of one are excluded, the rest must be cut.
    StackTraceElement[] st = new StackTraceElement[400];
    for (int i = 0; i < st.length; i++) {
      st[i] =
          i % 2 == 1
              ? INVOKE
              : new StackTraceElement("org.example.layer.deep.Service" + i, "call" + i, "Service" + i + ".java", i);
    }
    RuntimeException big = new RuntimeException("x".repeat(5000), chain());
    big.setStackTrace(st);
    for (Map.Entry<String, UnaryOperator<LineFormat.Builder>> e : shapings().entrySet()) {
      for (int maxLine : new int[] {1024, 4096, 16384}) {
        LineFormat f = e.getValue().apply(format().maxLineBytes(maxLine).stackHash(true)).build();
        JsonBuffer buf = f.newWriter().begin(0, Level.ERROR, "orders").message("failed").throwable(big).end();
        assertThat(buf.size()).as("%s at %d", e.getKey(), maxLine).isLessThanOrEqualTo(maxLine);
        Lines.conforming(buf);
      }
    }
    JsonNode excluded =
        line(format().excludeFrames(SPRING_NOISE).maxLineBytes(16384).build(), "failed", big);
    assertThat(excluded.get("stacktrace").asString())
        .contains("\tat org.example.layer.deep.Service0.call0(Service0.java:0)\n\t... 1 frames excluded\n\tat org.example.layer.deep.Service2.");
  }

  @Test
  void badPatternsAreRejectedAtConfigurationAndNoneOfTheCallIsKept() {
    LineFormat.Builder b = format().excludeFrames("^ok\\.");
    assertThatThrownBy(() -> b.excludeFrames("^fine\\.", "[unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[unclosed");
    assertThatThrownBy(() -> b.excludeFrames("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.build().excludedFramePatterns()).containsExactly("^ok\\.");
  }

  @Test
  void offByDefaultAndForZeroOrLess() {
    LineFormat defaults = format().build();
    assertThat(defaults.stackShaping()).isSameAs(StackShaping.NONE);
    assertThat(format().shortenClassNames(-1).maxMessageChars(0).build().stackShaping()).isSameAs(StackShaping.NONE);
    assertThat(stacktrace(format().shortenClassNames(0).maxMessageChars(-5), chain()))
        .isEqualTo(stacktrace(format(), chain()));
  }

  // --- allocation ----------------------------------------------------------------------------

  /** A throwable whose frames are the same array each time (the JDK's getStackTrace copies). */
  private static final class Fixed extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient StackTraceElement[] frames;

    Fixed(String message, Throwable cause, StackTraceElement... frames) {
      super(message, cause, false, false);
      this.frames = frames;
    }

    @Override
    public StackTraceElement[] getStackTrace() {
      return frames;
    }
  }

  private static Throwable fixedChain(String message) {
    return new Fixed(message, new Fixed("save failed", null, causeFrames()), topFrames());
  }

  @Test
  void eachShapingAllocatesNothingPerEventAfterWarmUp() {
    THREADS.setThreadAllocatedMemoryEnabled(true);
    Throwable t = fixedChain("request failed for order 42 after 3 attempts");
    for (Map.Entry<String, UnaryOperator<LineFormat.Builder>> e : shapings().entrySet()) {
      if (e.getKey().contains("root cause first")) {
        continue; // the text path builds its cause chain, shaped or not
      }
      EventWriter w = e.getValue().apply(LineFormat.builder().stackHash(true)).build().newWriter();
      long[] clock = {1678188749167L};
      Runnable r = () -> w.begin(clock[0]++, Level.ERROR, "controllers.Component").message("failed").throwable(t).end();
      r.run();
      Lines.conforming(w.buffer());
      for (int i = 0; i < 50_000; i++) {
        r.run();
      }
      assertThat(AllocationTest.steadyStateBytes(r, 10_000)).as("%s: bytes allocated by 10,000 lines", e.getKey()).isZero();
    }
  }

  @Test
  void framesEvictedFromTheVerdictCacheAreMatchedAgainWithoutAllocating() {
    THREADS.setThreadAllocatedMemoryEnabled(true);
    // 2,000 distinct frames, more than the verdict cache holds, half of them excluded.
    List<Throwable> ts = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      StackTraceElement[] st = new StackTraceElement[100];
      for (int i = 0; i < st.length; i++) {
        String cls = (i % 2 == 0 ? "com.example.svc" : "java.lang.reflect.gen") + n + ".C" + i;
        st[i] = new StackTraceElement(cls, "m" + i, "C.java", i);
      }
      ts.add(new Fixed("failed " + n, null, st));
    }
    EventWriter w = LineFormat.builder().excludeFrames(SPRING_NOISE).build().newWriter();
    int[] next = {0};
    Runnable r =
        () -> {
          w.begin(0, Level.ERROR, "l").message("m").throwable(ts.get(next[0]++ % ts.size())).end();
        };
    r.run();
    assertThat(Lines.conforming(w.buffer()).get("stacktrace").asString()).contains("\t... 1 frames excluded\n");
    for (int i = 0; i < 20_000; i++) {
      r.run();
    }
    assertThat(AllocationTest.steadyStateBytes(r, 2_000)).as("bytes allocated by 2,000 lines").isZero();
  }
}
