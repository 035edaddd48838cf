package io.logconv.lint.report;

import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.Severity;
import java.io.Flushable;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code file:line: <rule-id> <severity>: <message>} per finding (with {@code :column} when known;
 * the severity is {@code error}, {@code warning} or {@code note}), then a summary block. Colour (ANSI) only when asked, which the command does only for a terminal.
 */
final class TextReporter implements Reporter {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String GREEN = "\u001b[32m";

  private final boolean colour;

  TextReporter(boolean colour) {
    this.colour = colour;
  }

  @Override
  public ReportWriter start(Appendable out, Tool tool, List<RuleDescriptor> rules) {
    Map<String, RuleDescriptor> byId = new HashMap<>();
    for (RuleDescriptor r : rules) {
      byId.put(r.id(), r);
    }
    return new ReportWriter() {
      @Override
      public void finding(Finding f) throws IOException {
        String where = f.file() + ":" + f.line() + (f.column() > 0 ? ":" + f.column() : "") + ":";
        out.append(paint(BOLD, where)).append(' ');
        out.append(paint(colourOf(f.severity()), f.ruleId())).append(' ');
        // every severity is labelled, so an error reads as one and greps as one
        out.append(f.severity().name().toLowerCase(Locale.ROOT)).append(": ");
        out.append(f.message()).append('\n');
      }

      @Override
      public void finish(Summary s) throws IOException {
        out.append('\n');
        out.append(paint(BOLD, "Summary")).append('\n');
        boolean sources = Summary.FILE.equals(s.unit());
        if (sources) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %d %s checked, %d without findings (%s), %d %s%n",
                  s.files(),
                  s.files() == 1 ? "file" : "files",
                  s.conformingLines(),
                  paint(s.findings() == 0 ? GREEN : YELLOW, percent(s.conformingPercent())),
                  s.findings(),
                  s.findings() == 1 ? "finding" : "findings"));
          if (s.skippedBuildOutput() > 0 || s.excluded() > 0) {
            out.append(
                String.format(
                    Locale.ROOT,
                    "  not linted: %d %s in build output, %d excluded by pattern%n",
                    s.skippedBuildOutput(),
                    s.skippedBuildOutput() == 1 ? "file" : "files",
                    s.excluded()));
          }
        } else if (s.linesRead() == 0) {
          // Not "100% conforming": a gate must not read an empty input as a pass.
          out.append(
              String.format(
                  Locale.ROOT,
                  "  no log lines read (%d %s), %d %s%n",
                  s.files(),
                  s.files() == 1 ? "file" : "files",
                  s.findings(),
                  s.findings() == 1 ? "finding" : "findings"));
        } else {
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %d %s read in %d %s, %d conforming (%s), %d %s%n",
                  s.linesRead(),
                  s.linesRead() == 1 ? "line" : "lines",
                  s.files(),
                  s.files() == 1 ? "file" : "files",
                  s.conformingLines(),
                  paint(s.findings() == 0 ? GREEN : YELLOW, percent(s.conformingPercent())),
                  s.findings(),
                  s.findings() == 1 ? "finding" : "findings"));
        }
        if (s.crlfLines() > 0) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %d %s ended in CR LF (accepted; the CR is not part of the line)%n",
                  s.crlfLines(),
                  s.crlfLines() == 1 ? "line" : "lines"));
        }
        if (s.uncheckedLines() > 0) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %d %s too long to hold in memory: reported, content not checked%n",
                  s.uncheckedLines(),
                  s.uncheckedLines() == 1 ? "line" : "lines"));
        }
        if (s.findingsShown() < s.findings()) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %d findings shown (--max-findings); all are counted below%n",
                  s.findingsShown()));
        }
        if (!s.findingsByRule().isEmpty()) {
          out.append("  findings per rule:\n");
          for (Map.Entry<String, Long> e : s.findingsByRule().entrySet()) {
            RuleDescriptor r = byId.get(e.getKey());
            out.append(
                String.format(
                    Locale.ROOT,
                    "    %-6s %-28s %8d%n",
                    e.getKey(),
                    r == null ? "" : r.name(),
                    e.getValue()));
          }
        }
        if (!s.topLoggers().isEmpty()) {
          out.append(sources ? "  top files by findings:\n" : "  top loggers by findings:\n");
          for (Summary.Top t : s.topLoggers()) {
            out.append(String.format(Locale.ROOT, "    %-45s %8d%n", t.logger(), t.findings()));
          }
        }
        if (out instanceof Flushable f) {
          f.flush();
        }
      }
    };
  }

  static String percent(double p) {
    // Never round a non-conforming run up to 100%.
    double floor = Math.floor(p * 10) / 10;
    return String.format(Locale.ROOT, "%.1f%%", floor);
  }

  private String paint(String code, String s) {
    return colour ? code + s + RESET : s;
  }

  private static String colourOf(Severity s) {
    return switch (s) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      default -> CYAN;
    };
  }
}
