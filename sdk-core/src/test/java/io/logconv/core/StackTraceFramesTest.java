package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.schema.Level;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The exact text of frames as both forms write them, the text and the escaped one the writer puts
 * straight into the line: {@code ... n more} for frames shared with the enclosing trace, {@code
 * ... n frames omitted} past the limit, {@code Caused by:}, {@code Suppressed:} blocks indented per
 * level, cycles, native and unknown sources, and a trace cut to fit a line.
 */
class StackTraceFramesTest {
  private static final StackTraceElement MAIN1 = new StackTraceElement("app.Main", "run", "Main.java", 5);
  private static final StackTraceElement MAIN2 = new StackTraceElement("app.Main", "main", "Main.java", 3);
  private static final StackTraceElement NATIVE = new StackTraceElement("sun.Native", "call", null, -2);
  private static final StackTraceElement UNKNOWN = new StackTraceElement("x.Y", "z", null, -1);
  private static final StackTraceElement NO_LINE = new StackTraceElement("x.Gen$1", "lambda$run$0", "Gen.java", -1);

  private static StackTraceElement[] frames(String prefix, int n, StackTraceElement... tail) {
    StackTraceElement[] st = new StackTraceElement[n + tail.length];
    for (int i = 0; i < n; i++) {
      st[i] = new StackTraceElement("com.example." + prefix, "m" + i, prefix + ".java", 10 + i);
    }
    System.arraycopy(tail, 0, st, n, tail.length);
    return st;
  }

  /** Causes, suppressed throwables two levels deep with a cause of their own, and a cycle. */
  private static Throwable tangled() {
    Exception root = new java.io.IOException("disk full");
    root.setStackTrace(frames("Disk", 3, NATIVE, MAIN1, MAIN2));
    IllegalStateException mid = new IllegalStateException("save failed", root);
    mid.setStackTrace(frames("Store", 2, UNKNOWN, NO_LINE, MAIN1, MAIN2));
    RuntimeException top = new RuntimeException("request failed", mid);
    top.setStackTrace(frames("Api", 4, MAIN1, MAIN2));
    Exception sup = new Exception("close failed");
    sup.setStackTrace(frames("Closer", 3, MAIN1, MAIN2));
    Exception supCause = new Exception("socket");
    supCause.setStackTrace(frames("Sock", 2, MAIN1, MAIN2));
    sup.initCause(supCause);
    Exception supSup = new Exception("nested");
    supSup.setStackTrace(frames("Nest", 2, MAIN1, MAIN2));
    sup.addSuppressed(supSup);
    sup.addSuppressed(top);
    top.addSuppressed(sup);
    return top;
  }

  private static String render(Throwable t, int maxFrames) {
    StringBuilder sb = new StringBuilder();
    StackTraceRenderer.render(sb, t, maxFrames);
    return sb.toString();
  }

  private static String rootCauseFirst(Throwable t, int maxFrames) {
    StringBuilder sb = new StringBuilder();
    StackTraceRenderer.renderRootCauseFirst(sb, t, maxFrames);
    return sb.toString();
  }

  @Test
  void everyFrameOfATangledTrace() {
    Throwable t = tangled();
    assertThat(render(t, StackTraceRenderer.ALL_FRAMES))
        .isEqualTo(
            """
            java.lang.RuntimeException: request failed
            \tat com.example.Api.m0(Api.java:10)
            \tat com.example.Api.m1(Api.java:11)
            \tat com.example.Api.m2(Api.java:12)
            \tat com.example.Api.m3(Api.java:13)
            \tat app.Main.run(Main.java:5)
            \tat app.Main.main(Main.java:3)
            \tSuppressed: java.lang.Exception: close failed
            \t\tat com.example.Closer.m0(Closer.java:10)
            \t\tat com.example.Closer.m1(Closer.java:11)
            \t\tat com.example.Closer.m2(Closer.java:12)
            \t\t... 2 more
            \t\tSuppressed: java.lang.Exception: nested
            \t\t\tat com.example.Nest.m0(Nest.java:10)
            \t\t\tat com.example.Nest.m1(Nest.java:11)
            \t\t\t... 2 more
            \t\tSuppressed: [CIRCULAR REFERENCE: java.lang.RuntimeException: request failed]
            \tCaused by: java.lang.Exception: socket
            \t\tat com.example.Sock.m0(Sock.java:10)
            \t\tat com.example.Sock.m1(Sock.java:11)
            \t\t... 2 more
            Caused by: java.lang.IllegalStateException: save failed
            \tat com.example.Store.m0(Store.java:10)
            \tat com.example.Store.m1(Store.java:11)
            \tat x.Y.z(Unknown Source)
            \tat x.Gen$1.lambda$run$0(Gen.java)
            \t... 2 more
            Caused by: java.io.IOException: disk full
            \tat com.example.Disk.m0(Disk.java:10)
            \tat com.example.Disk.m1(Disk.java:11)
            \tat com.example.Disk.m2(Disk.java:12)
            \tat sun.Native.call(Native Method)
            \t... 2 more
            """);
    StringWriter jdk = new StringWriter();
    t.printStackTrace(new PrintWriter(jdk));
    assertThat(render(t, StackTraceRenderer.ALL_FRAMES))
        .isEqualTo(jdk.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void oneFramePerThrowableOfATangledTrace() {
    assertThat(render(tangled(), 1))
        .isEqualTo(
            """
            java.lang.RuntimeException: request failed
            \tat com.example.Api.m0(Api.java:10)
            \t... 5 frames omitted
            \tSuppressed: java.lang.Exception: close failed
            \t\tat com.example.Closer.m0(Closer.java:10)
            \t\t... 2 frames omitted
            \t\t... 2 more
            \t\tSuppressed: java.lang.Exception: nested
            \t\t\tat com.example.Nest.m0(Nest.java:10)
            \t\t\t... 1 frames omitted
            \t\t\t... 2 more
            \t\tSuppressed: [CIRCULAR REFERENCE: java.lang.RuntimeException: request failed]
            \tCaused by: java.lang.Exception: socket
            \t\tat com.example.Sock.m0(Sock.java:10)
            \t\t... 1 frames omitted
            \t\t... 2 more
            Caused by: java.lang.IllegalStateException: save failed
            \tat com.example.Store.m0(Store.java:10)
            \t... 3 frames omitted
            \t... 2 more
            Caused by: java.io.IOException: disk full
            \tat com.example.Disk.m0(Disk.java:10)
            \t... 3 frames omitted
            \t... 2 more
            """);
  }

  @Test
  void rootCauseFirstOfATangledTrace() {
    assertThat(rootCauseFirst(tangled(), StackTraceRenderer.ALL_FRAMES))
        .isEqualTo(
            """
            java.io.IOException: disk full
            \tat com.example.Disk.m0(Disk.java:10)
            \tat com.example.Disk.m1(Disk.java:11)
            \tat com.example.Disk.m2(Disk.java:12)
            \tat sun.Native.call(Native Method)
            \t... 2 more
            Wrapped by: java.lang.IllegalStateException: save failed
            \tat com.example.Store.m0(Store.java:10)
            \tat com.example.Store.m1(Store.java:11)
            \tat x.Y.z(Unknown Source)
            \tat x.Gen$1.lambda$run$0(Gen.java)
            \t... 2 more
            Wrapped by: java.lang.RuntimeException: request failed
            \tat com.example.Api.m0(Api.java:10)
            \tat com.example.Api.m1(Api.java:11)
            \tat com.example.Api.m2(Api.java:12)
            \tat com.example.Api.m3(Api.java:13)
            \tat app.Main.run(Main.java:5)
            \tat app.Main.main(Main.java:3)
            \tSuppressed: java.lang.Exception: close failed
            \t\tat com.example.Closer.m0(Closer.java:10)
            \t\tat com.example.Closer.m1(Closer.java:11)
            \t\tat com.example.Closer.m2(Closer.java:12)
            \t\t... 2 more
            \t\tSuppressed: java.lang.Exception: nested
            \t\t\tat com.example.Nest.m0(Nest.java:10)
            \t\t\tat com.example.Nest.m1(Nest.java:11)
            \t\t\t... 2 more
            \t\tSuppressed: [CIRCULAR REFERENCE: java.lang.RuntimeException: request failed]
            \tCaused by: java.lang.Exception: socket
            \t\tat com.example.Sock.m0(Sock.java:10)
            \t\tat com.example.Sock.m1(Sock.java:11)
            \t\t... 2 more
            """);
    assertThat(rootCauseFirst(tangled(), 1))
        .isEqualTo(
            """
            java.io.IOException: disk full
            \tat com.example.Disk.m0(Disk.java:10)
            \t... 3 frames omitted
            \t... 2 more
            Wrapped by: java.lang.IllegalStateException: save failed
            \tat com.example.Store.m0(Store.java:10)
            \t... 3 frames omitted
            \t... 2 more
            Wrapped by: java.lang.RuntimeException: request failed
            \tat com.example.Api.m0(Api.java:10)
            \t... 5 frames omitted
            \tSuppressed: java.lang.Exception: close failed
            \t\tat com.example.Closer.m0(Closer.java:10)
            \t\t... 2 frames omitted
            \t\t... 2 more
            \t\tSuppressed: java.lang.Exception: nested
            \t\t\tat com.example.Nest.m0(Nest.java:10)
            \t\t\t... 1 frames omitted
            \t\t\t... 2 more
            \t\tSuppressed: [CIRCULAR REFERENCE: java.lang.RuntimeException: request failed]
            \tCaused by: java.lang.Exception: socket
            \t\tat com.example.Sock.m0(Sock.java:10)
            \t\t... 1 frames omitted
            \t\t... 2 more
            """);
  }

  /** A chain of the shape the writer puts straight into the line: no suppressed, no cycle. */
  private static Throwable plainChain() {
    Exception root = new java.io.IOException("disk \"full\"\n\ttab");
    root.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.Disk", "write", "Disk.java", 12), NATIVE, MAIN1, MAIN2});
    Exception top = new IllegalStateException(null, root);
    top.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.Api", "call", "Api.java", 7), UNKNOWN, NO_LINE, MAIN1, MAIN2});
    return top;
  }

  @Test
  void theEscapedFormWritesTheSameFramesFirstTimeAndFromItsCache() {
    StackTraceRenderer.Renderer r = new StackTraceRenderer.Renderer(null);
    Throwable t = plainChain();
    for (int round = 0; round < 2; round++) {
      JsonBuffer one = new JsonBuffer(16);
      assertThat(r.renderJson(one, t, 1)).isTrue();
      assertThat(one.toString())
          .as("round %d", round)
          .isEqualTo(
              "java.lang.IllegalStateException\\n\\tat com.example.Api.call(Api.java:7)\\n\\t... 4 frames omitted\\n"
                  + "Caused by: java.io.IOException: disk \\\"full\\\"\\n\\ttab\\n\\tat com.example.Disk.write(Disk.java:12)\\n"
                  + "\\t... 1 frames omitted\\n\\t... 2 more\\n");
      JsonBuffer all = new JsonBuffer(16);
      assertThat(r.renderJson(all, t, StackTraceRenderer.ALL_FRAMES)).isTrue();
      assertThat(all.toString())
          .as("round %d", round)
          .isEqualTo(
              "java.lang.IllegalStateException\\n\\tat com.example.Api.call(Api.java:7)\\n\\tat x.Y.z(Unknown Source)\\n"
                  + "\\tat x.Gen$1.lambda$run$0(Gen.java)\\n\\tat app.Main.run(Main.java:5)\\n\\tat app.Main.main(Main.java:3)\\n"
                  + "Caused by: java.io.IOException: disk \\\"full\\\"\\n\\ttab\\n\\tat com.example.Disk.write(Disk.java:12)\\n"
                  + "\\tat sun.Native.call(Native Method)\\n\\t... 2 more\\n");
      StringBuilder text = new StringBuilder();
      r.render(text, t, StackTraceRenderer.ALL_FRAMES);
      assertThat(all.toString()).isEqualTo(JsonText.escaped(text));
    }
  }

  @Test
  void aChainPastTheLimitSaysCausesWereLeftOut() {
    Throwable deep = new Exception("deepest");
    deep.setStackTrace(new StackTraceElement[] {MAIN2});
    for (int i = 0; i < 300; i++) {
      deep = new RuntimeException("level " + i, deep);
      deep.setStackTrace(new StackTraceElement[] {MAIN2});
    }
    assertThat(render(deep, 1))
        .startsWith("java.lang.RuntimeException: level 299\n\tat app.Main.main(Main.java:3)\nCaused by: java.lang.RuntimeException: level 298\n\t... 1 more\n")
        .endsWith("Caused by: java.lang.RuntimeException: level 44\n\t... 1 more\n... causes beyond 256 omitted\n");
  }

  @Test
  void aTraceTooLongForTheLineKeepsItsFirstFrames() {
    Throwable big = new RuntimeException("big");
    StackTraceElement[] st = new StackTraceElement[400];
    for (int i = 0; i < st.length; i++) {
      st[i] = new StackTraceElement("com.example.layer.Service" + i, "call" + i, "Service" + i + ".java", i);
    }
    big.setStackTrace(st);
    EventWriter w = LineFormat.builder().maxLineBytes(1024).build().newWriter();
    StringBuilder frames = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      frames.append("\\n\\tat com.example.layer.Service").append(i).append(".call").append(i)
          .append("(Service").append(i).append(".java:").append(i).append(')');
    }
    assertThat(Lines.text(w.begin(0, Level.ERROR, "l").message("m").throwable(big).end()))
        .isEqualTo(
            "{\"ts\":\"1970-01-01T00:00:00.000Z\",\"level\":\"error\",\"logger\":\"l\",\"msg\":\"m\","
                + "\"error\":\"java.lang.RuntimeException: big\",\"stacktrace\":\"java.lang.RuntimeException: big"
                + frames
                + "\\n\\t... 392 frames omitted\\n\"}\n");
  }
}
