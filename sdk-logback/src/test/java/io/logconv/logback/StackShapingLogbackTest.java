package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.logconv.core.Lines;
import io.logconv.core.StackTraceRenderer;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Stack-trace shaping configured in a real {@code logback.xml} ({@code logback-stack-shaping.xml}):
 * repeated {@code <excludeFrame>} elements, one of them no regular expression, {@code
 * <shortenClassNames>} and {@code <maxMessageChars>}, on an exception thrown through the JDK's own
 * reflection.
 */
class StackShapingLogbackTest {
  /** Called through reflection, so that its exception carries the JDK's reflective frames. */
  public static void target(boolean readOnly) {
    if (readOnly) {
      throw new IllegalStateException("order 42 could not be saved because the store is read-only");
    }
  }

  @Test
  void theOptionsOfLogbackXmlShapeTheTraceOfARealReflectiveCall() throws ReflectiveOperationException {
    LogbackHarness h = LogbackHarness.capture("logback-stack-shaping.xml");
    ConventionsEncoder encoder =
        (ConventionsEncoder)
            ((OutputStreamAppender<ILoggingEvent>) h.context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT"))
                .getEncoder();
    assertThat(encoder.format().excludedFramePatterns())
        .as("Joran hands each element over as written, the bad one left out")
        .containsExactly(
            "^jdk\\.internal\\.reflect\\.",
            "^sun\\.reflect\\.",
            "^java\\.lang\\.reflect\\.",
            "\\$\\$FastClassByCGLIB\\$\\$",
            "\\$\\$EnhancerBySpringCGLIB\\$\\$",
            "^org\\.springframework\\.aop\\.");
    InvocationTargetException thrown = null;
    try {
      StackShapingLogbackTest.class.getMethod("target", boolean.class).invoke(null, true);
    } catch (InvocationTargetException e) {
      thrown = e;
    }
    assertThat(thrown).isNotNull();
    LoggerFactory.getLogger("orders.Store").error("save failed", thrown);
    List<String> status = h.statusMessages();
    List<String> lines = h.lines();

    assertThat(lines).hasSize(2);
    JsonNode warning = Lines.conforming(lines.get(0));
    assertThat(warning.get("logger").asString()).isEqualTo(ConventionsEncoder.WARNING_LOGGER);
    assertThat(warning.get("msg").asString()).startsWith("excludeFrame ignored: ").contains("'[unclosed'");
    assertThat(status).anySatisfy(s -> assertThat(s).startsWith("logconv: excludeFrame ignored: "));

    JsonNode line = Lines.conforming(lines.get(1));
    assertThat(line.get("error").asString()).isEqualTo("java.lang.reflect.InvocationTargetException");
    String trace = line.get("stacktrace").asString();
    assertThat(trace)
        .startsWith("j.l.r.InvocationTargetException\n")
        .contains("\n\tat i.l.l.StackShapingLogbackTest.theOptionsOfLogbackXmlShapeTheTraceOfARealReflectiveCall(StackShapingLogbackTest.java:")
        .contains("\nCaused by: j.lang.IllegalStateException: order 42 could not b...[truncated 38 chars]\n\tat i.l.l.StackShapingLogbackTest.target(StackShapingLogbackTest.java:")
        .containsPattern("\n\t\\.\\.\\. \\d+ frames excluded\n")
        .doesNotContain("\tat java.lang.reflect.Method.invoke");
    StringBuilder hash = new StringBuilder();
    StackTraceRenderer.appendStackHash(hash, thrown);
    assertThat(line.get("stack_hash").asString()).isEqualTo(hash.toString());
  }
}
