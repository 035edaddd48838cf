package io.logconv.lint.source;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.Severity;
import io.logconv.lint.fix.Fix;
import io.logconv.lint.fix.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link JavaRule} sees of the file being checked: its parsed tree, the {@link
 * LoggingModel} that knows which calls are logging calls, and {@link #report} to record a finding at
 * a node. One context per file; rules must not keep it.
 *
 * <pre>{@code
 * ctx.logging().keyValue(call).ifPresent(kv -> ctx.report(kv.key(), "reserved key"));
 * }</pre>
 */
public final class JavaContext {
  private final String file;
  private final CompilationUnit unit;
  private final LoggingModel logging;
  private final SourceText source;
  private final boolean schemaOnClasspath;
  private final List<Hit> hits = new ArrayList<>();
  private RuleDescriptor current;
  private int suppressed;

  JavaContext(String file, CompilationUnit unit, String text, boolean schemaOnClasspath) {
    this(file, unit, text, schemaOnClasspath, new ProjectIndex.Recorder(ProjectIndex.EMPTY));
  }

  JavaContext(String file, CompilationUnit unit, String text, boolean schemaOnClasspath,
      ProjectIndex.Recorder index) {
    this.file = file;
    this.unit = unit;
    this.logging = new LoggingModel(unit, index);
    this.source = new SourceText(text);
    this.schemaOnClasspath = schemaOnClasspath;
  }

  /** The file's text, which fixes are computed against. */
  public SourceText source() {
    return source;
  }

  /**
   * True if {@code io.logconv.schema} is known to be on the project's classpath (the linter was
   * told so, or the file imports a logconv class), so a fix may refer to its types.
   */
  public boolean schemaOnClasspath() {
    return schemaOnClasspath || unit.getImports().stream()
        .anyMatch(i -> i.getNameAsString().startsWith("io.logconv."));
  }

  /** The file's name as it appears in findings. */
  public String file() {
    return file;
  }

  /** The parsed file. */
  public CompilationUnit unit() {
    return unit;
  }

  /** Logging calls, key/value sites and constants of this file. */
  public LoggingModel logging() {
    return logging;
  }

  /** Reports a finding of the current rule at {@code node}, with the rule's default severity. */
  public void report(Node node, String message) {
    report(node, current.defaultSeverity(), message);
  }

  /** Reports a finding of the current rule at {@code node} with an explicit severity. */
  public void report(Node node, Severity severity, String message) {
    report(node, severity, message, null);
  }

  /** Reports a finding of the current rule at {@code node} with the rule's default severity and a fix. */
  public void report(Node node, String message, Fix fix) {
    report(node, current.defaultSeverity(), message, fix);
  }

  /** Reports a finding at {@code node} with {@code fix} (null: none). */
  public void report(Node node, Severity severity, String message, Fix fix) {
    if (Suppressions.isSuppressed(node, current)) {
      suppressed++;
      return;
    }
    Position p = node.getBegin().orElse(new Position(1, 0));
    hits.add(new Hit(current.id(), severity, p.line, p.column, message, fix));
  }

  void enter(JavaRule<?> rule) {
    current = rule.descriptor();
  }

  List<Hit> hits() {
    return hits;
  }

  int suppressed() {
    return suppressed;
  }
}
