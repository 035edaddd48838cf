package io.logconv.lint.report;

import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.fix.Fix;
import io.logconv.lint.fix.Replacement;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One JSON document: {@code {"tool":{…},"rules":[…],"findings":[…],"summary":{…}}}, findings one
 * per line so that the document also greps well; a finding with a fix carries it as {@code fix}. Severities are lowercase ({@code error},
 * {@code warning}, {@code note}).
 */
final class JsonReporter implements Reporter {
  static final JsonFactory JSON = JsonFactory.builder().build();

  @Override
  public ReportWriter start(Appendable out, Tool tool, List<RuleDescriptor> rules) {
    JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), AppendableWriter.of(out));
    g.writeStartObject();
    g.writeName("tool");
    g.writeStartObject();
    g.writeStringProperty("name", tool.name());
    g.writeStringProperty("version", tool.version());
    g.writeStringProperty("informationUri", tool.informationUri());
    g.writeEndObject();
    g.writeName("rules");
    g.writeStartArray();
    for (RuleDescriptor r : rules) {
      g.writeRaw('\n');
      g.writeStartObject();
      g.writeStringProperty("id", r.id());
      g.writeStringProperty("name", r.name());
      g.writeStringProperty("severity", r.defaultSeverity().name().toLowerCase(Locale.ROOT));
      g.writeStringProperty("summary", r.summary());
      g.writeStringProperty("rationale", r.rationale());
      g.writeStringProperty("badExample", r.badExample());
      g.writeStringProperty("goodExample", r.goodExample());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName("findings");
    g.writeStartArray();
    return new ReportWriter() {
      @Override
      public void finding(Finding f) {
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringProperty("ruleId", f.ruleId());
        g.writeStringProperty("severity", f.severity().name().toLowerCase(Locale.ROOT));
        g.writeStringProperty("file", f.file());
        g.writeNumberProperty("line", f.line());
        if (f.column() > 0) {
          g.writeNumberProperty("column", f.column());
        }
        g.writeStringProperty("message", f.message());
        if (f.fix() != null) {
          writeFix(g, f.fix());
        }
        g.writeEndObject();
      }

      @Override
      public void finish(Summary s) throws IOException {
        g.writeEndArray();
        g.writeRaw('\n');
        g.writeName("summary");
        writeSummary(g, s);
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush(); // not close(): the caller owns the output
      }
    };
  }

  /**
   * {@code "fix":{"description":…,"replacements":[{"startLine":…,"startColumn":…,"endLine":…,
   * "endColumn":…,"text":…}]}}: 1-based lines and columns, the end exclusive.
   */
  private static void writeFix(JsonGenerator g, Fix fix) {
    g.writeName("fix");
    g.writeStartObject();
    g.writeStringProperty("description", fix.description());
    g.writeName("replacements");
    g.writeStartArray();
    for (Replacement r : fix.replacements()) {
      g.writeStartObject();
      g.writeNumberProperty("startLine", r.startLine());
      g.writeNumberProperty("startColumn", r.startColumn());
      g.writeNumberProperty("endLine", r.endLine());
      g.writeNumberProperty("endColumn", r.endColumn());
      g.writeStringProperty("text", r.text());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * The summary object. A log-file run counts lines ({@code linesRead}, {@code conformingLines},
   * {@code topLoggers}); a source-lint run counts files, and says so: {@code files}, {@code
   * filesWithFindings}, {@code filesWithoutFindings}, {@code skippedBuildOutput}, {@code excluded},
   * {@code topFiles}.
   */
  static void writeSummary(JsonGenerator g, Summary s) {
    boolean sources = Summary.FILE.equals(s.unit());
    g.writeStartObject();
    g.writeStringProperty("unit", s.unit());
    g.writeNumberProperty("files", s.files());
    if (sources) {
      g.writeNumberProperty("filesWithFindings", s.linesRead() - s.conformingLines());
      g.writeNumberProperty("filesWithoutFindings", s.conformingLines());
      g.writeNumberProperty("skippedBuildOutput", s.skippedBuildOutput());
      g.writeNumberProperty("excluded", s.excluded());
    } else {
      g.writeNumberProperty("linesRead", s.linesRead());
      g.writeNumberProperty("conformingLines", s.conformingLines());
    }
    g.writeNumberProperty("conformingPercent", Math.floor(s.conformingPercent() * 100) / 100);
    g.writeNumberProperty("findings", s.findings());
    g.writeNumberProperty("findingsShown", s.findingsShown());
    if (!sources) {
      g.writeNumberProperty("crlfLines", s.crlfLines());
      g.writeNumberProperty("uncheckedLines", s.uncheckedLines());
    }
    g.writeName("findingsByRule");
    g.writeStartObject();
    for (Map.Entry<String, Long> e : s.findingsByRule().entrySet()) {
      g.writeNumberProperty(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeName(sources ? "topFiles" : "topLoggers");
    g.writeStartArray();
    for (Summary.Top t : s.topLoggers()) {
      g.writeStartObject();
      g.writeStringProperty(sources ? "file" : "logger", t.logger());
      g.writeNumberProperty("findings", t.findings());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
