package io.logconv.cli;

import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.source.SourceLinter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logconv rules}: lists the source lint rules (id, default severity, name, summary), or with
 * {@code --verbose} also each rule's rationale and examples.
 *
 * <pre>{@code
 * new CommandLine(new RulesCommand()).execute("--verbose");
 * }</pre>
 */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List the source lint rules.")
public final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "Also print rationale and examples.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (RuleDescriptor r : SourceLinter.allRules()) {
      out.printf("%s  %-7s  %-24s  %s%n", r.id(),
          r.defaultSeverity().name().toLowerCase(Locale.ROOT), r.name(), r.summary());
      if (verbose) {
        out.println();
        out.println(indent(r.rationale()));
        out.println("    Bad:");
        out.println(indent(indent(r.badExample().strip())));
        out.println("    Good:");
        out.println(indent(indent(r.goodExample().strip())));
        out.println();
      }
    }
    out.flush();
    return 0;
  }

  private static String indent(String text) {
    return text.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
