package io.logconv.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.encoder.EncoderBase;
import io.logconv.core.EventWriter;
import io.logconv.core.Lines;
import io.logconv.schema.Conventions;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;

/**
 * The encoder loads and works where logstash-logback-encoder is not on the class path (it is an
 * optional dependency). The test class path has it, so the encoder runs in a class loader made of
 * exactly what the encoder needs: this module's classes, sdk-core, schema, Logback and SLF4J, over
 * the platform loader.
 */
class LogstashAbsentTest {
  private static URL location(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  @SuppressWarnings("unchecked")
  void encoderWorksWithoutTheLibrary() throws Exception {
    URL[] path = {
      location(ConventionsEncoder.class),
      location(WithoutLogstashProbe.class),
      location(EventWriter.class),
      location(Conventions.class),
      location(LoggerContext.class),
      location(EncoderBase.class),
      location(Marker.class),
    };
    for (URL u : path) {
      assertThat(u.toString()).doesNotContain("logstash-logback-encoder");
    }
    try (URLClassLoader isolated = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
      Class<?> probe = Class.forName(WithoutLogstashProbe.class.getName(), true, isolated);
      assertThat(probe.getClassLoader()).isSameAs(isolated);
      String out = ((Supplier<String>) probe.getDeclaredConstructor().newInstance()).get();
      assertThat(out).endsWith("\n");
      String[] lines = out.substring(0, out.length() - 1).split("\n", -1);
      assertThat(lines).hasSize(3);
      assertThat(lines[0]).isEqualTo("logstash-logback-encoder absent");
      assertThat(lines[1]).isEqualTo("present=false");
      Lines.conforming(lines[2]);
      assertThat(lines[2])
          .isEqualTo(
              "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"logger\":\"orders.Reconciler\","
                  + "\"msg\":\"reconciled web-1 in 87 ms\",\"action\":\"UPDATE\",\"audit\":true,\"auditLevel\":\"Metadata\",\"request_id\":\"req-1\"}");
    }
  }

  /** The same probe on the test class path, where the library is present, writes the same line. */
  @Test
  void theSameLineWithTheLibraryPresent() {
    String[] lines = new WithoutLogstashProbe().get().split("\n", -1);
    assertThat(lines[0]).isEqualTo("logstash-logback-encoder visible");
    assertThat(lines[1]).isEqualTo("present=true");
    assertThat(lines[2]).contains("\"msg\":\"reconciled web-1 in 87 ms\",\"action\":\"UPDATE\",\"audit\":true");
  }
}
