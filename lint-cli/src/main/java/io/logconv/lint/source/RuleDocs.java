package io.logconv.lint.source;

import io.logconv.lint.RuleDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@code docs/rules.md} from the rules' metadata, so the page cannot drift from the code.
 * A test compares the committed page with this output; {@link #main} rewrites it.
 *
 * <pre>{@code
 * String page = RuleDocs.markdown(SourceLinter.allRules());
 * }</pre>
 */
public final class RuleDocs {
  private RuleDocs() {}

  /** The Markdown page for {@code rules}. */
  public static String markdown(List<RuleDescriptor> rules) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Source lint rules\n\n")
        .append("<!-- Generated from the rules' @RuleInfo by io.logconv.lint.source.RuleDocs;")
        .append(" do not edit by hand. -->\n\n")
        .append("`logconv lint` checks Java sources and logging configurations (Logback, Log4j2,")
        .append(" Log4j 1) against the log conventions. Test sources (`src/test/`, `src/it/`,")
        .append(" `src/testFixtures/`, `src/jmh/`) are linted with the test profile, in which")
        .append(" LC011, LC013 and LC014 are off. Silence one finding with")
        .append(" `@SuppressWarnings(\"logconv:<id>\")` (or `\"logconv:<name>\"`) on any enclosing")
        .append(" declaration, all of them with `@SuppressWarnings(\"logconv\")`, or accept the")
        .append(" current ones with a baseline (`logconv lint --write-baseline`). Rules marked")
        .append(" *fix* propose a fix with their findings: `logconv lint --fix` or")
        .append(" `mvn logconv:fix` applies it, and SARIF reports carry it.\n\n")
        .append("**Which calls are checked.** Calls of SLF4J (classic and fluent), Log4j2 and")
        .append(" java.util.logging loggers, wherever the logger comes from: a field, variable or")
        .append(" parameter of the file, a Lombok annotation, a logger field inherited from a")
        .append(" superclass in another file of the tree (or, when the superclass is not in the")
        .append(" tree, a field named like a logger: `LOG`, `logger`, `AUDIT_LOG`), in lambdas,")
        .append(" anonymous and local classes too. Logging wrappers of the tree are found from their")
        .append(" bodies: a method that hands a `String` parameter named like a message and every")
        .append(" parameter after it to a logger call (Strimzi's")
        .append(" `ReconciliationLogger.debugCr(reconciliation, format, args...)`); its calls are")
        .append(" checked with the leading context arguments skipped. A wrapper from a library is")
        .append(" configured: `--logger-wrapper TYPE:METHODS:SKIP`")
        .append(" (`io.strimzi.operator.common.ReconciliationLogger:*:1`, `*` for every method")
        .append(" named after a level) or the Maven plugin's `<loggerWrappers>`. Types come from")
        .append(" the file's declarations and imports, the other files of the tree (a class that")
        .append(" extends `RuntimeException` two files away is a throwable; a getter every")
        .append(" declaration of which returns a `long` holds no secret) and the JDK. A file is")
        .append(" linted once, then again only if what the rest of the tree tells changes one of")
        .append(" its answers; the cache keeps those answers, so an unchanged file whose parent")
        .append(" changed is checked again.\n\n")
        .append("| id | name | severity | fix | summary |\n|---|---|---|---|---|\n");
    for (RuleDescriptor r : rules) {
      sb.append("| [").append(r.id()).append("](#").append(r.id().toLowerCase(Locale.ROOT))
          .append(") | `").append(r.name()).append("` | ").append(severity(r)).append(" | ")
          .append(r.hasFix() ? "fix" : "").append(" | ")
          .append(r.summary().replace("|", "\\|")).append(" |\n");
    }
    for (RuleDescriptor r : rules) {
      sb.append("\n## ").append(r.id()).append("\n\n")
          .append("`").append(r.name()).append("` · ").append(severity(r)).append("\n\n")
          .append(r.summary()).append(".\n\n")
          .append(r.rationale()).append("\n\n")
          .append("Bad:\n\n").append(fence(r.badExample()))
          .append("\nGood:\n\n").append(fence(r.goodExample()));
      if (r.hasFix()) {
        sb.append("\nFix: ").append(r.fix()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String severity(RuleDescriptor r) {
    return r.defaultSeverity().name().toLowerCase(Locale.ROOT);
  }

  private static String fence(String code) {
    boolean xml = code.stripLeading().startsWith("<");
    String body = code.endsWith("\n") ? code : code + "\n";
    return "```" + (xml ? "xml" : "java") + "\n" + body + "```\n";
  }

  /** Writes the page to {@code args[0]} (default {@code docs/rules.md}). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/rules.md");
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    Files.writeString(out, markdown(SourceLinter.allRules()), StandardCharsets.UTF_8);
  }
}
