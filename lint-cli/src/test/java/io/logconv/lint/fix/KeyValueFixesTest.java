package io.logconv.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.rules.ActionValueRule;
import io.logconv.lint.rules.AuditTypeRule;
import io.logconv.lint.rules.ReservedKeyRule;
import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class KeyValueFixesTest {
  @Test
  void aReservedKeyGetsTheKeyTheSdkWritesItUnder() {
    String before = """
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          Logger log;
          void f(String pod) {
            // BUG: Diagnostic contains: collector-reserved key 'pod_name'
            log.atInfo().addKeyValue("pod_name", pod).log("reconciled");
            // BUG: Diagnostic contains: collector-reserved key 'namespace_name'
            MDC.put("namespace_name", pod);
          }
        }
        """;
    LintTestHelper.forRule(new ReservedKeyRule()).addSource("A.java", before).doTest();
    assertThat(FixCheck.of(new ReservedKeyRule()).fix("A.java", before)).isEqualTo(before
        .replace("\"pod_name\"", "\"app_pod_name\"")
        .replace("\"namespace_name\"", "\"app_namespace_name\""));
  }

  @Test
  void theStringTrueGivenToAuditBecomesTheBooleanButNotForMdc() {
    String before = """
        import org.slf4j.Logger;
        import org.slf4j.MDC;
        class A {
          Logger log;
          void f() {
            // BUG: Diagnostic contains: audit given the string "true"
            log.atInfo().addKeyValue("audit", "true").addKeyValue("action", "DELETE").log("deleted");
            // BUG: Diagnostic contains: audit given the string "true"
            MDC.put("audit", "true");
          }
        }
        """;
    LintTestHelper.forRule(new AuditTypeRule()).addSource("A.java", before).doTest();
    String after = FixCheck.of(new AuditTypeRule()).fix("A.java", before);
    assertThat(after).isEqualTo(before.replace("addKeyValue(\"audit\", \"true\")", "addKeyValue(\"audit\", true)"));
  }

  private static final String ACTIONS = """
      package com.example.deploy;

      import java.util.List;
      import org.slf4j.Logger;
      import org.slf4j.MDC;

      class Deployer {
        Logger log;

        void scale() {
          // BUG: Diagnostic contains: action 'MODIFY' is not
          log.atInfo().addKeyValue("action", "MODIFY").log("deployment scaled");
          // BUG: Diagnostic contains: action 'remove' is not
          MDC.put("action", "remove");
          // BUG: Diagnostic contains: action 'LOGIN' is not
          log.atInfo().addKeyValue("action", "LOGIN").log("logged in");
          List.of();
        }
      }
      """;

  @Test
  void actionStringsBecomeActionConstantsWithOneImportWhenTheSchemaIsOnTheClasspath() {
    LintTestHelper.forRule(new ActionValueRule()).addSource("Deployer.java", ACTIONS).doTest();
    String after = FixCheck.withSchema(new ActionValueRule()).fix("Deployer.java", ACTIONS);
    assertThat(after).isEqualTo(ACTIONS
        .replace("import java.util.List;\n", "import io.logconv.schema.Action;\nimport java.util.List;\n")
        .replace("\"MODIFY\")", "Action.UPDATE)")
        .replace("\"remove\")", "Action.DELETE.name())"));
  }

  @Test
  void withoutTheSchemaOnTheClasspathActionsAreNotFixed() {
    assertThat(FixCheck.of(new ActionValueRule()).fix("Deployer.java", ACTIONS)).isEqualTo(ACTIONS);
  }

  @Test
  void anotherActionTypeInTheFileMeansTheQualifiedName() {
    String before = """
        import org.slf4j.Logger;
        class A {
          enum Action { GO }
          Logger log;
          void f() {
            log.atInfo().addKeyValue("action", "edit").log("edited");
          }
        }
        """;
    assertThat(FixCheck.withSchema(new ActionValueRule()).fix("A.java", before))
        .isEqualTo(before.replace("\"edit\"", "io.logconv.schema.Action.UPDATE"));
  }

  @Test
  void aValidActionStringIsANoteWithTheConstantWhenTheSchemaIsImported() {
    String before = """
        import io.logconv.schema.Action;
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f() {
            // BUG: Diagnostic contains: action 'DELETE' written as a string
            log.atInfo().addKeyValue("action", "DELETE").log("deleted");
            log.atInfo().addKeyValue("action", Action.ADD).log("added");
          }
        }
        """;
    LintTestHelper.forRule(new ActionValueRule()).addSource("A.java", before).doTest();
    assertThat(FixCheck.of(new ActionValueRule()).fix("A.java", before))
        .isEqualTo(before.replace("\"DELETE\")", "Action.DELETE)"));
  }
}
