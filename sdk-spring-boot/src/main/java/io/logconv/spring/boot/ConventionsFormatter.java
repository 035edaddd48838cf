package io.logconv.spring.boot;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.status.Status;
import io.logconv.logback.ConventionsEncoder;
import io.logconv.logback.StaticField;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's structured console format for the log conventions: {@code
 * logging.structured.format.console=io.logconv.spring.boot.ConventionsFormatter}, the default when
 * the starter is on the class path. It is a thin adapter over a {@link ConventionsEncoder}
 * configured from the {@link LogconvProperties logconv.*} properties, so a line is exactly the
 * bytes the encoder writes from {@code logback.xml}, including the encoder's one-time warnings as
 * lines of their own. Micrometer Tracing's MDC ids {@code traceId} and {@code spanId} are written
 * as {@code trace_id} and {@code span_id}.
 *
 * <p>The encoder's problems are not reported to Logback's status manager here, because Boot prints
 * status warnings to stderr as plain text; they reach the operator as lines. A configuration the
 * encoder rejects (a malformed redaction mode, a short hash key) stops start-up with a message
 * naming it, as a bad Boot property does.
 */
public final class ConventionsFormatter implements StructuredLogFormatter<ILoggingEvent> {
  /** MDC keys written under the conventions' names: Micrometer Tracing's correlation ids. */
  static final String MDC_KEY_RENAMES = "traceId=trace_id,spanId=span_id";

  private final ConventionsEncoder encoder;

  /** The formatter for the {@code logconv.*} properties of {@code environment}; Boot calls it. */
  public ConventionsFormatter(Environment environment) {
    this(LogconvProperties.bind(environment));
  }

  /** The formatter for {@code properties}. */
  public ConventionsFormatter(LogconvProperties properties) {
    this.encoder = encoder(properties);
  }

  private static ConventionsEncoder encoder(LogconvProperties p) {
    ConventionsEncoder e = new ConventionsEncoder();
    // A context of its own: nothing prints its status list, and start-up errors are read from it.
    ContextBase context = new ContextBase();
    e.setContext(context);
    if (p.getService() != null) {
      e.addField(new StaticField("service", p.getService()));
    }
    if (p.getVersion() != null) {
      e.addField(new StaticField("version", p.getVersion()));
    }
    p.getFields().forEach((name, value) -> e.addField(new StaticField(name, value)));
    e.setIncludeCaller(p.isCaller());
    e.setIncludeMdc(p.isMdc());
    e.setIncludeKeyValues(p.isKeyValues());
    e.setMaxLineBytes(p.getMaxLineBytes());
    e.setMdcKeyRenames(MDC_KEY_RENAMES);
    p.getRedaction().applyTo(e.redactionSettings());
    LogconvProperties.StackTrace st = p.getStackTrace();
    e.setMaxFramesPerCause(st.getMaxFramesPerCause());
    e.setRootCauseFirst(st.isRootCauseFirst());
    e.setStackHash(st.isStackHash());
    if (st.getExcludeFrames() != null) {
      st.getExcludeFrames().forEach(e::addExcludeFrame);
    }
    e.setShortenClassNames(st.getShortenClassNames());
    e.setMaxMessageChars(st.getMaxMessageChars());
    LogconvProperties.Audit audit = p.getAudit();
    e.setAuditPolicy(audit.getPolicy());
    if (audit.getRules() != null) {
      audit.getRules().forEach(e::addAuditRule);
    }
    e.setAuditLevel(audit.getLevel());
    e.setAuditPayloadLimit(audit.getPayloadLimit());
    e.start();
    e.setProblemsToStatus(false); // from now on, problems are lines only
    if (!e.isStarted()) {
      throw new IllegalStateException(
          "logconv.* properties rejected: "
              + context.getStatusManager().getCopyOfStatusList().stream()
                  .filter(s -> s.getLevel() == Status.ERROR)
                  .map(Status::getMessage)
                  .collect(Collectors.joining("; ")));
    }
    return e;
  }

  @Override
  public String format(ILoggingEvent event) {
    return encoder.encodeToString(event);
  }

  @Override
  public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
    return StandardCharsets.UTF_8.equals(charset) ? encoder.encode(event) : format(event).getBytes(charset);
  }
}
