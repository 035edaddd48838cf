package io.logconv.logback;

import io.logconv.core.Allocations;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import ch.qos.logback.core.status.Status;
import io.logconv.core.Lines;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The encoder's stack-trace shaping options ({@code addExcludeFrame}, {@code shortenClassNames},
 * {@code maxMessageChars}): the trace they write, a bad pattern reported and ignored, class names
 * shortened as Logback's own abbreviator shortens them, {@code stack_hash} unchanged, remote
 * events shaped alike, and no garbage per event.
 */
class StackShapingEncoderTest {
  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("orders.Controller");

  private static final StackTraceElement MAIN = new StackTraceElement("app.Main", "main", "Main.java", 3);

  private static StackTraceElement[] frames() {
    return new StackTraceElement[] {
      new StackTraceElement("com.example.web.OrderController", "create", "OrderController.java", 42),
      new StackTraceElement("jdk.internal.reflect.GeneratedMethodAccessor12", "invoke", null, -1),
      new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 568),
      new StackTraceElement("com.example.web.OrderController$$EnhancerBySpringCGLIB$$1a2b", "create", "<generated>", -1),
      new StackTraceElement("org.springframework.web.servlet.DispatcherServlet", "doDispatch", "DispatcherServlet.java", 1089),
      MAIN
    };
  }

  private static Throwable error() {
    IllegalStateException cause = new IllegalStateException("the order store is read-only");
    cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.store.OrderStore", "save", "OrderStore.java", 17), MAIN});
    RuntimeException top = new RuntimeException("request failed", cause);
    top.setStackTrace(frames());
    return top;
  }

  private ConventionsEncoder encoder(Consumer<ConventionsEncoder> options) {
    ConventionsEncoder e = new ConventionsEncoder();
    e.setContext(context);
    e.setStackHash(true);
    options.accept(e);
    e.start();
    return e;
  }

  private LoggingEvent event(Throwable t) {
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "failed", t, null);
    e.setTimeStamp(1678188749167L);
    e.setMDCPropertyMap(Map.of());
    return e;
  }

  private static List<JsonNode> lines(byte[] bytes) {
    List<JsonNode> out = new ArrayList<>();
    String all = new String(bytes, StandardCharsets.UTF_8);
    assertThat(all).endsWith("\n");
    for (String l : all.substring(0, all.length() - 1).split("\n", -1)) {
      out.add(Lines.conforming(l));
    }
    return out;
  }

  private static void shaped(ConventionsEncoder e) {
    e.addExcludeFrame("^jdk\\.internal\\.reflect\\.");
    e.addExcludeFrame("^java\\.lang\\.reflect\\.");
    e.addExcludeFrame("\\$\\$EnhancerBySpringCGLIB\\$\\$");
    e.setShortenClassNames(25);
    e.setMaxMessageChars(12);
  }

  @Test
  void theThreeOptionsShapeTheTraceAndLeaveTheHashAlone() {
    JsonNode plain = lines(encoder(e -> {}).encode(event(error()))).get(0);
    JsonNode line = lines(encoder(StackShapingEncoderTest::shaped).encode(event(error()))).get(0);
    assertThat(line.get("error").asString()).isEqualTo("java.lang.RuntimeException: request fail...[truncated 2 chars]");
    assertThat(line.get("stacktrace").asString())
        .isEqualTo(
            """
            j.lang.RuntimeException: request fail...[truncated 2 chars]
            \tat c.e.web.OrderController.create(OrderController.java:42)
            \t... 3 frames excluded
            \tat o.s.w.s.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
            \tat app.Main.main(Main.java:3)
            Caused by: j.l.IllegalStateException: the order st...[truncated 16 chars]
            \tat c.e.store.OrderStore.save(OrderStore.java:17)
            \t... 1 more
            """);
    assertThat(line.get("stack_hash").asString()).matches("[0-9a-f]{8}").isEqualTo(plain.get("stack_hash").asString());
  }

  @Test
  void aRemoteEventIsShapedAlike() {
    ConventionsEncoder enc = encoder(StackShapingEncoderTest::shaped);
    JsonNode local = lines(enc.encode(event(error()))).get(0);
    JsonNode remote = lines(enc.encode(LoggingEventVO.build(event(error())))).get(0);
    assertThat(remote.get("stacktrace").asString()).isEqualTo(local.get("stacktrace").asString());
    assertThat(remote.get("error").asString()).isEqualTo(local.get("error").asString());
    assertThat(remote.get("stack_hash").asString()).isEqualTo(local.get("stack_hash").asString());
  }

  @Test
  void aBadPatternIsReportedAndIgnoredAndTheOthersStillApply() {
    ConventionsEncoder enc =
        encoder(
            e -> {
              e.addExcludeFrame("^java\\.lang\\.reflect\\.");
              e.addExcludeFrame("(unclosed");
              e.addExcludeFrame("");
              e.addExcludeFrame("^jdk\\.internal\\.reflect\\.");
            });
    assertThat(enc.isStarted()).isTrue();
    List<JsonNode> first = lines(enc.encode(event(error())));
    assertThat(first).hasSize(3);
    assertThat(first.subList(0, 2))
        .allSatisfy(w -> assertThat(w.get("logger").asString()).isEqualTo(ConventionsEncoder.WARNING_LOGGER))
        .map(w -> w.get("msg").asString())
        .satisfiesExactly(
            m -> assertThat(m).startsWith("excludeFrame ignored: not a regular expression").contains("'(unclosed'"),
            m -> assertThat(m).startsWith("excludeFrame ignored: an empty pattern"));
    assertThat(first.get(2).get("stacktrace").asString())
        .contains("\tat com.example.web.OrderController.create(OrderController.java:42)\n\t... 2 frames excluded\n\tat com.example.web.OrderController$$");
    assertThat(lines(enc.encode(event(error())))).as("the warnings come once").hasSize(1);
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .filteredOn(s -> s.getMessage().startsWith("logconv: excludeFrame ignored"))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.getLevel()).isEqualTo(Status.WARN));
    assertThat(enc.format().excludedFramePatterns()).containsExactly("^java\\.lang\\.reflect\\.", "^jdk\\.internal\\.reflect\\.");
  }

  @Test
  void classNamesAreShortenedAsLogbacksAbbreviatorShortensThem() {
    String[] names = {
      "org.springframework.web.servlet.DispatcherServlet",
      "org.springframework.aop.framework.ReflectiveMethodInvocation",
      "com.example.web.OrderController$$EnhancerBySpringCGLIB$$1a2b",
      "java.lang.reflect.Method",
      "jdk.internal.reflect.DirectMethodHandleAccessor",
      "io.netty.util.concurrent.SingleThreadEventExecutor$4",
      "a.b.c.d.e.f.Gh",
      "x.Y",
      "NoPackage",
    };
    for (int target = 1; target <= 70; target++) {
      int t = target;
      ConventionsEncoder enc = encoder(e -> e.setShortenClassNames(t));
      TargetLengthBasedClassNameAbbreviator logback = new TargetLengthBasedClassNameAbbreviator(target);
      for (String name : names) {
        Exception x = new Exception("m");
        x.setStackTrace(new StackTraceElement[] {new StackTraceElement(name, "run", "F.java", 1)});
        String trace = lines(enc.encode(event(x))).get(0).get("stacktrace").asString();
        String written = trace.substring(trace.indexOf("\tat ") + 4, trace.lastIndexOf(".run("));
        // Logback also cuts the first package of a name exactly as long as the target; it fits here.
        String expected = name.length() == target ? name : logback.abbreviate(name);
        assertThat(written).as("%s at %d", name, target).isEqualTo(expected);
      }
    }
  }

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

  @Test
  void streamingAShapedTraceAllocatesNothingPerEventAfterWarmUp() {
    ConventionsEncoder enc = encoder(StackShapingEncoderTest::shaped);
    Throwable t = new Fixed("request failed", new Fixed("the order store is read-only", null, MAIN), frames());
    LoggingEvent e = event(t);
    OutputStream sink = OutputStream.nullOutputStream();
    Runnable r =
        () -> {
          try {
            enc.encode(e, sink);
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          }
        };
    long least = Allocations.steadyStateBytes(r);
    assertThat(least).as("bytes allocated by 10,000 events").isZero();
  }
}
