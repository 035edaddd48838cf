package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.schema.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Problems are reported once per kind; two different broken rules on one field are two kinds, so
 * the first does not hide the second.
 */
class ProblemKindsTest {
  @Test
  void auditWithoutActionIsReportedEvenAfterAnAuditThatIsNotABoolean() {
    List<String> problems = new ArrayList<>();
    EventWriter w =
        LineFormat.builder()
            .statusListener((kind, message, cause) -> problems.add(kind + ": " + message))
            .build()
            .newWriter();
    w.begin(1678188749167L, Level.INFO, "l").message("m").field("audit", "yes").end();
    w.begin(1678188749167L, Level.INFO, "l").message("m").field("audit", true).end();
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("audit is not a JSON boolean"))
        .anySatisfy(p -> assertThat(p).contains("an audit event must carry an action"));
  }
}
