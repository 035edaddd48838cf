package io.logconv.spring.boot;

import io.logconv.core.redact.Redactor;
import io.logconv.logback.ConventionsEncoder;
import io.logconv.core.redact.RedactionSettings;
import org.slf4j.LoggerFactory;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

/**
 * Runs logconv's redaction over the members of Boot's own structured formats ({@code ecs}, {@code
 * logstash}, {@code gelf}), so that a team that keeps one of them still keeps secrets and personal
 * data out of its logs. Each string member is redacted as the conventions' writer would redact a
 * field of the same name, with the {@code logconv.redaction.*} properties. Registered in {@code
 * META-INF/spring.factories}; Boot applies it to its JSON formats only, never to the {@link
 * ConventionsFormatter}, which redacts as it writes.
 *
 * <p>The redactor's one-time warning (no hash key) is logged under {@code io.logconv} from another
 * thread, since it arises while a line is being written.
 */
public final class RedactingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {
  private final Redactor redactor;

  /** The customizer for the {@code logconv.redaction.*} properties of {@code environment}. */
  public RedactingJsonMembersCustomizer(Environment environment) {
    this(LogconvProperties.bind(environment).getRedaction());
  }

  RedactingJsonMembersCustomizer(LogconvProperties.Redaction r) {
    RedactionSettings s = new RedactionSettings();
    r.applyTo(s);
    this.redactor = s.build(RedactingJsonMembersCustomizer::warnLater);
  }

  /** Logs {@code message} from a thread of its own: logging from inside a line would be dropped. */
  private static void warnLater(String message) {
    Thread t =
        new Thread(
            () -> LoggerFactory.getLogger(ConventionsEncoder.WARNING_LOGGER).warn(message), "logconv-warning");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void customize(JsonWriter.Members<Object> members) {
    members.applyingValueProcessor(
        (JsonWriter.ValueProcessor<Object>)
            (path, value) -> value instanceof String s ? redact(path.name(), s) : value);
  }

  private String redact(String key, String value) {
    CharSequence out = redactor.redact(key, value, new StringBuilder());
    return out == value ? value : out.toString();
  }
}
