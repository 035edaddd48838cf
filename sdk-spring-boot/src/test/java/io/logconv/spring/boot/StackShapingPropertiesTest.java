package io.logconv.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack-trace shaping properties, {@code logconv.stack-trace.exclude-frames}, {@code
 * shorten-class-names} and {@code max-message-chars}, as a comma-separated list and in the
 * indexed form, with a bad pattern reported as a line and ignored.
 */
class StackShapingPropertiesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Logger logger = new LoggerContext().getLogger("io.example.Checkout");

  private static final StackTraceElement MAIN = new StackTraceElement("app.Main", "main", "Main.java", 3);

  private LoggingEvent event() {
    IllegalStateException cause = new IllegalStateException("the order store is read-only");
    cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.store.OrderStore", "save", "OrderStore.java", 17), MAIN});
    RuntimeException top = new RuntimeException("request failed", cause);
    top.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("com.example.web.OrderController", "create", "OrderController.java", 42),
          new StackTraceElement("jdk.internal.reflect.GeneratedMethodAccessor12", "invoke", null, -1),
          new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 568),
          new StackTraceElement("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", "ReflectiveMethodInvocation.java", 186),
          new StackTraceElement("org.springframework.web.servlet.DispatcherServlet", "doDispatch", "DispatcherServlet.java", 1089),
          MAIN
        });
    LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "failed", top, null);
    e.setTimeStamp(1678188749167L);
    e.setMDCPropertyMap(Map.of());
    return e;
  }

  private List<JsonNode> lines(String... properties) {
    String all = new ConventionsFormatter(ConventionsFormatterTest.env(properties)).format(event());
    assertThat(all).endsWith("\n");
    List<JsonNode> out = new ArrayList<>();
    for (String l : all.substring(0, all.length() - 1).split("\n", -1)) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  private static final String SHAPED =
      """
      j.lang.RuntimeException: request fail...[truncated 2 chars]
      \tat c.e.web.OrderController.create(OrderController.java:42)
      \t... 3 frames excluded
      \tat o.s.w.s.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
      \tat app.Main.main(Main.java:3)
      Caused by: j.l.IllegalStateException: the order st...[truncated 16 chars]
      \tat c.e.store.OrderStore.save(OrderStore.java:17)
      \t... 1 more
      """;

  @Test
  void aCommaSeparatedListOfPatterns() {
    List<JsonNode> lines =
        lines(
            "logconv.stack-trace.exclude-frames", "^jdk\\.internal\\.reflect\\.,^java\\.lang\\.reflect\\.,^org\\.springframework\\.aop\\.",
            "logconv.stack-trace.shorten-class-names", "25",
            "logconv.stack-trace.max-message-chars", "12",
            "logconv.stack-trace.stack-hash", "true");
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("stacktrace").asString()).isEqualTo(SHAPED);
    assertThat(lines.get(0).get("error").asString()).isEqualTo("java.lang.RuntimeException: request fail...[truncated 2 chars]");
    assertThat(lines.get(0).get("stack_hash").asString())
        .isEqualTo(lines("logconv.stack-trace.stack-hash", "true").get(0).get("stack_hash").asString());
  }

  @Test
  void theIndexedFormForPatternsWithCommasAndABadPatternIgnored() {
    List<JsonNode> lines =
        lines(
            "logconv.stack-trace.exclude-frames[0]", "^jdk\\.internal\\.reflect\\.",
            "logconv.stack-trace.exclude-frames[1]", "^java\\.lang\\.reflect\\.",
            "logconv.stack-trace.exclude-frames[2]", "^org\\.springframework\\.(aop|tx){1,2}\\.",
            "logconv.stack-trace.exclude-frames[3]", "[unclosed",
            "logconv.stack-trace.shorten-class-names", "25",
            "logconv.stack-trace.max-message-chars", "12");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("logger").asString()).isEqualTo("io.logconv");
    assertThat(lines.get(0).get("msg").asString()).startsWith("excludeFrame ignored: ").contains("'[unclosed'");
    assertThat(lines.get(1).get("stacktrace").asString()).isEqualTo(SHAPED);
  }

  @Test
  void offByDefault() {
    String trace = lines().get(0).get("stacktrace").asString();
    assertThat(trace)
        .startsWith("java.lang.RuntimeException: request failed\n\tat com.example.web.OrderController.create(")
        .contains("\tat java.lang.reflect.Method.invoke(Method.java:568)\n")
        .doesNotContain("excluded", "truncated");
  }
}
