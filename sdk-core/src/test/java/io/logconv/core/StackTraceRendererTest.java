package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StackTraceRendererTest {
  private static StackTraceElement[] frames(String prefix, int n, StackTraceElement... tail) {
    StackTraceElement[] st = new StackTraceElement[n + tail.length];
    for (int i = 0; i < n; i++) {
      st[i] = new StackTraceElement("com.example." + prefix, "m" + i, prefix + ".java", 10 + i);
    }
    System.arraycopy(tail, 0, st, n, tail.length);
    return st;
  }

  private static final StackTraceElement MAIN1 = new StackTraceElement("app.Main", "run", "Main.java", 5);
  private static final StackTraceElement MAIN2 = new StackTraceElement("app.Main", "main", "Main.java", 3);
  private static final StackTraceElement NATIVE = new StackTraceElement("sun.Native", "call", null, -2);
  private static final StackTraceElement UNKNOWN = new StackTraceElement("x.Y", "z", null, -1);

  private static String jdk(Throwable t) {
    StringWriter sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    return sw.toString().replace(System.lineSeparator(), "\n");
  }

  private static String ours(Throwable t, int maxFrames) {
    StringBuilder sb = new StringBuilder();
    StackTraceRenderer.render(sb, t, maxFrames);
    return sb.toString();
  }

  private static Throwable sample() {
    Exception root = new java.io.IOException("disk full");
    root.setStackTrace(frames("Disk", 3, NATIVE, MAIN1, MAIN2));
    IllegalStateException mid = new IllegalStateException("save failed", root);
    mid.setStackTrace(frames("Store", 2, UNKNOWN, MAIN1, MAIN2));
    RuntimeException top = new RuntimeException("request failed", mid);
    top.setStackTrace(frames("Api", 4, MAIN1, MAIN2));
    Exception sup = new Exception("close failed");
    sup.setStackTrace(frames("Closer", 1, MAIN1, MAIN2));
    Exception supCause = new Exception("socket");
    supCause.setStackTrace(frames("Sock", 1));
    sup.initCause(supCause);
    top.addSuppressed(sup);
    return top;
  }

  /** A chain of the common shape: causes sharing frames, native and unknown frames, odd text. */
  private static Throwable chainWithoutSuppressed() {
    Exception root = new java.io.IOException("disk \"full\"\n\tnext line, caf\u00e9 \uD83D\uDE00 password=hunter2");
    root.setStackTrace(frames("Disk", 3, NATIVE, MAIN1, MAIN2));
    IllegalStateException mid = new IllegalStateException(null, root);
    mid.setStackTrace(frames("Store", 2, UNKNOWN, MAIN1, MAIN2));
    RuntimeException top = new RuntimeException("request for jane@example.com failed", mid);
    top.setStackTrace(frames("Api", 4, MAIN1, MAIN2));
    return top;
  }

  private static String escaped(CharSequence text) {
    return JsonText.escaped(text);
  }

  @Test
  void theDirectJsonPathWritesExactlyTheEscapedTextForEveryFrameLimit() {
    io.logconv.core.redact.Redactor redactor = io.logconv.core.redact.SecretRedactor.defaults();
    StackTraceRenderer.Renderer r = new StackTraceRenderer.Renderer(redactor);
    // As the writer makes it: messages through the one-pass escape and trigger test.
    StackTraceRenderer.Renderer fused =
        new StackTraceRenderer.Renderer(redactor, new JsonEscaper(redactor.prefilter()));
    Throwable t = chainWithoutSuppressed();
    for (int max : new int[] {0, 1, 2, 3, StackTraceRenderer.ALL_FRAMES}) {
      StringBuilder expected = new StringBuilder();
      r.render(expected, t, max);
      JsonBuffer viaFused = new JsonBuffer(16);
      assertThat(fused.renderJson(viaFused, t, max)).isTrue();
      assertThat(viaFused.toString()).isEqualTo(escaped(expected));
      for (int round = 0; round < 2; round++) { // the second round reads the name cache
        StringBuilder text = new StringBuilder();
        r.render(text, t, max);
        JsonBuffer json = new JsonBuffer(16);
        assertThat(r.renderJson(json, t, max)).isTrue();
        assertThat(json.toString()).as("max %d", max).isEqualTo(escaped(text));
      }
    }
    JsonBuffer summary = new JsonBuffer(16);
    fused.appendSummaryJson(summary, t);
    StringBuilder summaryText = new StringBuilder();
    r.appendSummary(summaryText, t);
    assertThat(summary.toString()).isEqualTo("\"" + escaped(summaryText) + "\"");
    StringBuilder text = new StringBuilder();
    r.render(text, t, StackTraceRenderer.ALL_FRAMES);
    assertThat(text.toString())
        .contains("password=[REDACTED:password]", "[REDACTED:email]", "Caused by: ", "... 2 more")
        .doesNotContain("hunter2", "jane@example.com");
  }

  @Test
  void theDirectJsonPathLeavesSuppressedThrowablesAndCyclesToTheTextPath() {
    StackTraceRenderer.Renderer r = new StackTraceRenderer.Renderer(null);
    JsonBuffer json = new JsonBuffer(16);
    assertThat(r.renderJson(json, sample(), StackTraceRenderer.ALL_FRAMES)).isFalse();
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertThat(r.renderJson(json, a, StackTraceRenderer.ALL_FRAMES)).isFalse();
    assertThat(json.size()).isZero();
    // Afterwards, a plain chain still renders (nothing left over from the refused ones).
    assertThat(r.renderJson(json, chainWithoutSuppressed(), 1)).isTrue();
    assertThat(json.toString()).startsWith("java.lang.RuntimeException: request for ");
  }

  @Test
  void matchesPrintStackTraceWithCausesSuppressedAndCommonFrames() {
    Throwable t = sample();
    assertThat(ours(t, StackTraceRenderer.ALL_FRAMES)).isEqualTo(jdk(t));
  }

  @Test
  void matchesPrintStackTraceForCycles() {
    Exception a = new Exception("a");
    a.setStackTrace(frames("A", 1));
    Exception b = new Exception("b", a);
    b.setStackTrace(frames("B", 1));
    a.initCause(b);
    assertThat(ours(b, StackTraceRenderer.ALL_FRAMES)).isEqualTo(jdk(b));
  }

  @Test
  void limitsFramesPerThrowableAndSaysHowManyWereLeftOut() {
    String s = ours(sample(), 1);
    assertThat(s)
        .contains("java.lang.RuntimeException: request failed\n\tat com.example.Api.m0(Api.java:10)\n\t... 5 frames omitted\n")
        .contains("Caused by: java.io.IOException: disk full\n\tat com.example.Disk.m0(Disk.java:10)\n\t... 3 frames omitted\n\t... 2 more\n");
  }

  @Test
  void summaryIsClassAndMessage() {
    StringBuilder sb = new StringBuilder();
    StackTraceRenderer.appendSummary(sb, new IllegalArgumentException("bad"));
    assertThat(sb).hasToString("java.lang.IllegalArgumentException: bad");
  }

  @Test
  void rootCauseFirstPutsTheCauseOnTop() {
    StringBuilder sb = new StringBuilder();
    StackTraceRenderer.renderRootCauseFirst(sb, sample(), StackTraceRenderer.ALL_FRAMES);
    String s = sb.toString();
    assertThat(s).startsWith("java.io.IOException: disk full\n\tat com.example.Disk.m0(Disk.java:10)\n");
    assertThat(s.indexOf("Wrapped by: java.lang.IllegalStateException: save failed"))
        .isLessThan(s.indexOf("Wrapped by: java.lang.RuntimeException: request failed"));
    assertThat(s).contains("\tSuppressed: java.lang.Exception: close failed");
    assertThat(s).doesNotContain("Caused by: java.io.IOException");
  }

  @Test
  void stackHashIgnoresMessagesAndLineNumbersButNotShape() {
    Exception a = new IllegalStateException("user 1 failed");
    a.setStackTrace(frames("Svc", 3));
    Exception b = new IllegalStateException("user 2 failed");
    StackTraceElement[] moved = frames("Svc", 3);
    moved[0] = new StackTraceElement("com.example.Svc", "m0", "Svc.java", 999);
    b.setStackTrace(moved);
    Exception c = new IllegalArgumentException("user 1 failed");
    c.setStackTrace(frames("Svc", 3));
    assertThat(hash(a)).matches("[0-9a-f]{8}").isEqualTo(hash(b)).isNotEqualTo(hash(c));
  }

  private static String hash(Throwable t) {
    StringBuilder sb = new StringBuilder();
    StackTraceRenderer.appendStackHash(sb, t);
    return sb.toString();
  }
}
