package io.logconv.lint.validate;

import io.logconv.lint.validate.ValidatorRules.Check;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Renders the table of checks in {@code lint-cli/README.md} from {@link ValidatorRules#CHECKS}, so
 * the README cannot drift from the code. The table sits between two markers; the prose around it
 * is the README's own. A test compares the committed README with this output; {@link #main}
 * rewrites it.
 *
 * <pre>{@code
 * String readme = CheckDocs.splice(Files.readString(path), CheckDocs.table(ValidatorRules.CHECKS));
 * }</pre>
 */
public final class CheckDocs {
  /** The line before the generated table. */
  public static final String BEGIN =
      "<!-- Generated from ValidatorRules.CHECKS by io.logconv.lint.validate.CheckDocs;"
          + " do not edit by hand. -->";
  /** The line after it. */
  public static final String END = "<!-- End of the generated table of checks. -->";

  private CheckDocs() {}

  /** The Markdown table of {@code checks}: id, name, severity and the check's few words. */
  public static String table(List<Check> checks) {
    StringBuilder sb = new StringBuilder("| id | name | severity | what |\n|---|---|---|---|\n");
    for (Check c : checks) {
      sb.append("| ").append(c.rule().id())
          .append(" | ").append(c.rule().name())
          .append(" | ").append(c.rule().defaultSeverity().name().toLowerCase(Locale.ROOT))
          .append(" | ").append(c.brief().replace("|", "\\|"))
          .append(" |\n");
    }
    return sb.toString();
  }

  /**
   * {@code readme} with what stands between {@link #BEGIN} and {@link #END} replaced by {@code
   * table}.
   *
   * @throws IllegalArgumentException if the markers are missing, repeated or out of order
   */
  public static String splice(String readme, String table) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin || readme.indexOf(BEGIN, begin + 1) >= 0
        || readme.indexOf(END, end + 1) >= 0) {
      throw new IllegalArgumentException(
          "the README needs the lines '" + BEGIN + "' and '" + END + "', once each and in this order");
    }
    // Blank lines keep the table its own block next to the comments, in every Markdown renderer.
    return readme.substring(0, begin + BEGIN.length()) + "\n\n" + table + "\n" + readme.substring(end);
  }

  /** Rewrites the table in {@code args[0]} (default {@code lint-cli/README.md}). */
  public static void main(String[] args) throws IOException {
    Path readme = Path.of(args.length > 0 ? args[0] : "lint-cli/README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    Files.writeString(readme, splice(text, table(ValidatorRules.CHECKS)), StandardCharsets.UTF_8);
  }
}
