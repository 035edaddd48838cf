package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The detector table in {@code sdk-core/README.md} must equal what {@link DetectorTable} renders.
 * Regenerate with {@code ./mvnw -pl sdk-core -am verify -Dtest=DetectorDocsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dlogconv.updateDetectorDocs=true}.
 */
class DetectorDocsTest {
  static final String BEGIN = "<!-- detector table: generated from DetectorTable by DetectorDocsTest -->";
  static final String END = "<!-- end of detector table -->";

  static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(BEGIN).append("\n");
    DetectorRule.Family family = null;
    int rules = 0;
    for (DetectorRule r : DetectorTable.RULES) {
      rules++;
      if (r.family() != family) {
        family = r.family();
        sb.append("\n**").append(capitalised(family.label())).append("**\n\n");
        sb.append("| rule | type | what matches | prefilter | kept (look-alikes) | replacement |\n");
        sb.append("|---|---|---|---|---|---|\n");
      }
      sb.append("| `")
          .append(r.id())
          .append("` | ")
          .append(r.detector() != null ? "`" + r.type() + "`" : r.type())
          .append(" | ")
          .append(r.matches())
          .append(" | ")
          .append(r.prefilter())
          .append(" | ")
          .append(r.kept())
          .append(" | ")
          .append(r.replacement())
          .append(" |\n");
    }
    sb.append("\n").append(rules).append(" rules.\n");
    sb.append(END);
    return sb.toString();
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  @Test
  void readmeTableMatchesTheDetectorTable() throws Exception {
    Path readme = moduleRoot().resolve("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as("README lacks the table's markers").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String current = text.substring(begin, end + END.length());
    String expected = markdown();
    if (Boolean.getBoolean("logconv.updateDetectorDocs")) {
      Files.writeString(readme, text.replace(current, expected), StandardCharsets.UTF_8);
      current = expected;
    }
    assertThat(current)
        .as("sdk-core/README.md's detector table is out of date; regenerate it (see DetectorDocsTest)")
        .isEqualTo(expected);
  }

  static Path moduleRoot() {
    Path p = Path.of("").toAbsolutePath();
    if (Files.exists(p.resolve("sdk-core/README.md"))) {
      return p.resolve("sdk-core");
    }
    return p;
  }
}
