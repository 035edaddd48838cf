package io.logconv.lint.source;

import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.fix.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link LogbackRule} uses to report: a line in the configuration file and a message.
 *
 * <pre>{@code
 * ctx.report(config.lineOf(appender), "file appender 'FILE' writes inside the container");
 * }</pre>
 */
public final class ConfigContext {
  private final String file;
  private final String text;
  private final List<Hit> hits = new ArrayList<>();
  private RuleDescriptor current;

  ConfigContext(String file, String text) {
    this.file = file;
    this.text = text;
  }

  /** The file's text, which fixes are computed against. */
  public String text() {
    return text;
  }

  /** The file's name as it appears in findings. */
  public String file() {
    return file;
  }

  /** Reports a finding of the current rule at {@code line} (1-based). */
  public void report(int line, String message) {
    report(line, message, null);
  }

  /** Reports a finding of the current rule at {@code line} with {@code fix} (null: none). */
  public void report(int line, String message, Fix fix) {
    hits.add(new Hit(current.id(), current.defaultSeverity(), Math.max(line, 1), 0, message, fix));
  }

  void enter(LogbackRule rule) {
    current = rule.descriptor();
  }

  List<Hit> hits() {
    return hits;
  }
}
