package io.logconv.lint.report;

import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.Severity;
import io.logconv.lint.fix.Replacement;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * SARIF 2.1.0 with one run, in the shape GitHub code scanning accepts: {@code tool.driver} with
 * every rule (id, name, short and full description, help with a bad and a good example, default
 * level), results with {@code ruleId}, {@code ruleIndex}, {@code level}, message and a physical
 * location and a 1-based start line, and, when the finding carries a fix, a {@code fixes} entry
 * (description, and replacements of regions of the file with their new text) that code scanning
 * shows as a suggestion. Locations are relative to the run's {@code originalUriBaseIds}: {@code
 * %SRCROOT%} is the base directory (an absolute {@code file:} URI ending in {@code /}), and a file
 * under it has a relative {@code uri} with {@code "uriBaseId": "%SRCROOT%"}; only a file outside
 * it gets an absolute {@code file:} URI. The summary goes into the run's {@code properties}.
 */
final class SarifReporter implements Reporter {
  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";

  private final Path base;

  /** Locations relative to {@code base} (findings' relative file names already are). */
  SarifReporter(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  @Override
  public ReportWriter start(Appendable out, Tool tool, List<RuleDescriptor> rules) {
    JsonGenerator g =
        JsonReporter.JSON.createGenerator(ObjectWriteContext.empty(), AppendableWriter.of(out));
    Map<String, Integer> index = new HashMap<>();
    g.writeStartObject();
    g.writeStringProperty("$schema", SCHEMA_URI);
    g.writeStringProperty("version", "2.1.0");
    g.writeName("runs");
    g.writeStartArray();
    g.writeStartObject();
    g.writeName("tool");
    g.writeStartObject();
    g.writeName("driver");
    g.writeStartObject();
    g.writeStringProperty("name", tool.name());
    g.writeStringProperty("version", tool.version());
    g.writeStringProperty("semanticVersion", semver(tool.version()));
    g.writeStringProperty("informationUri", tool.informationUri());
    g.writeName("rules");
    g.writeStartArray();
    for (int i = 0; i < rules.size(); i++) {
      RuleDescriptor r = rules.get(i);
      index.put(r.id(), i);
      g.writeRaw('\n');
      g.writeStartObject();
      g.writeStringProperty("id", r.id());
      g.writeStringProperty("name", r.name());
      text(g, "shortDescription", r.summary());
      text(g, "fullDescription", r.rationale());
      g.writeName("help");
      g.writeStartObject();
      g.writeStringProperty(
          "text", r.rationale() + "\nBad:  " + r.badExample() + "\nGood: " + r.goodExample());
      g.writeStringProperty(
          "markdown",
          r.rationale() + "\n\nBad:\n```\n" + r.badExample() + "\n```\nGood:\n```\n"
              + r.goodExample() + "\n```");
      g.writeEndObject();
      g.writeName("defaultConfiguration");
      g.writeStartObject();
      g.writeStringProperty("level", level(r.defaultSeverity()));
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject(); // driver
    g.writeEndObject(); // tool
    g.writeName("originalUriBaseIds");
    g.writeStartObject();
    g.writeName(SRCROOT);
    g.writeStartObject();
    String root = base.toUri().toASCIIString();
    g.writeStringProperty("uri", root.endsWith("/") ? root : root + "/");
    g.writeEndObject();
    g.writeEndObject();
    g.writeName("results");
    g.writeStartArray();
    return new ReportWriter() {
      @Override
      public void finding(Finding f) {
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringProperty("ruleId", f.ruleId());
        Integer i = index.get(f.ruleId());
        if (i != null) {
          g.writeNumberProperty("ruleIndex", i);
        }
        g.writeStringProperty("level", level(f.severity()));
        text(g, "message", f.message());
        g.writeName("locations");
        g.writeStartArray();
        g.writeStartObject();
        g.writeName("physicalLocation");
        g.writeStartObject();
        Location loc = location(f.file());
        artifactLocation(g, loc);
        g.writeName("region");
        g.writeStartObject();
        g.writeNumberProperty("startLine", Math.max(1, f.line()));
        if (f.column() > 0) {
          g.writeNumberProperty("startColumn", f.column());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        if (f.fix() != null) {
          fixes(g, f, loc);
        }
        g.writeEndObject();
      }

      @Override
      public void finish(Summary s) {
        g.writeEndArray(); // results
        g.writeRaw('\n');
        g.writeName("invocations");
        g.writeStartArray();
        g.writeStartObject();
        g.writeBooleanProperty("executionSuccessful", true);
        g.writeEndObject();
        g.writeEndArray();
        g.writeName("properties");
        g.writeStartObject();
        g.writeName("summary");
        JsonReporter.writeSummary(g, s);
        g.writeEndObject();
        g.writeEndObject(); // run
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush(); // not close(): the caller owns the output
      }
    };
  }

  /** An {@code artifactLocation}: the URI, relative to {@code %SRCROOT%} where it is. */
  private static void artifactLocation(JsonGenerator g, Location loc) {
    g.writeName("artifactLocation");
    g.writeStartObject();
    g.writeStringProperty("uri", loc.uri());
    if (loc.relative()) {
      g.writeStringProperty("uriBaseId", SRCROOT);
    }
    g.writeEndObject();
  }

  /** SARIF's {@code fixes}: one fix, its replacements in the finding's file. */
  private static void fixes(JsonGenerator g, Finding f, Location loc) {
    g.writeName("fixes");
    g.writeStartArray();
    g.writeStartObject();
    text(g, "description", f.fix().description());
    g.writeName("artifactChanges");
    g.writeStartArray();
    g.writeStartObject();
    artifactLocation(g, loc);
    g.writeName("replacements");
    g.writeStartArray();
    for (Replacement r : f.fix().replacements()) {
      g.writeStartObject();
      g.writeName("deletedRegion");
      g.writeStartObject();
      g.writeNumberProperty("startLine", r.startLine());
      g.writeNumberProperty("startColumn", r.startColumn());
      g.writeNumberProperty("endLine", r.endLine());
      g.writeNumberProperty("endColumn", r.endColumn());
      g.writeEndObject();
      text(g, "insertedContent", r.text());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void text(JsonGenerator g, String name, String text) {
    g.writeName(name);
    g.writeStartObject();
    g.writeStringProperty("text", text);
    g.writeEndObject();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      default -> "note";
    };
  }

  /** A finding's artifact URI, and whether it is relative to {@link #SRCROOT}. */
  record Location(String uri, boolean relative) {}

  /**
   * A relative URI with forward slashes for a file under the base directory (what code scanning
   * maps to repository files), an absolute {@code file:} URI for one outside it, {@code stdin}
   * for standard input.
   */
  Location location(String file) {
    if (file.equals("-")) {
      return new Location("stdin", false);
    }
    Path path;
    try {
      path = base.resolve(file).normalize();
    } catch (InvalidPathException e) {
      return new Location(file.replace(File.separatorChar, '/'), false);
    }
    if (path.startsWith(base) && !path.equals(base)) {
      String rel = base.relativize(path).toString().replace(File.separatorChar, '/');
      try {
        return new Location(new URI(null, null, rel, null).toASCIIString(), true);
      } catch (URISyntaxException e) {
        return new Location(rel, true);
      }
    }
    return new Location(path.toUri().toASCIIString(), false);
  }

  private static String semver(String version) {
    // SARIF's semanticVersion is SemVer 2.0: Maven's 0.1.0-SNAPSHOT already is one.
    return version.matches("\\d+\\.\\d+\\.\\d+([-+].*)?") ? version : "0.0.0-" + version.replaceAll("[^0-9A-Za-z-]", "-");
  }
}
