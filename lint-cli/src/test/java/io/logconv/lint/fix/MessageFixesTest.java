package io.logconv.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import io.logconv.lint.rules.MessageConcatenationRule;
import io.logconv.lint.source.LintTestHelper;
import org.junit.jupiter.api.Test;

class MessageFixesTest {
  private static final String BEFORE = """
      package com.example.orders;

      import org.slf4j.Logger;
      import org.slf4j.LoggerFactory;

      /** Orders. */
      class OrderService {
        private static final Logger log = LoggerFactory.getLogger(OrderService.class);
        private static final String PREFIX = "order ";

        void scale(String name, int replicas, long took,   java.io.File f) {
          // BUG: Diagnostic contains: string concatenation
          log.info("scaled " + name + " to " + replicas);   // trailing comment stays
          // BUG: Diagnostic contains: String.format()
          log.info(String.format("scaled %s to %d in %dms", name, replicas, took));
          // BUG: Diagnostic contains: formatted()
          log.debug("took %dms".formatted(took));
          // BUG: Diagnostic contains: string concatenation
          log.info(PREFIX + name + " sum " + (replicas + took));
          // BUG: Diagnostic contains: string concatenation
          log.info("a long message that is split, "
              + "over two lines, for " + name + " and more");
          try {
            f.createNewFile();
          } catch (java.io.IOException e) {
            // BUG: Diagnostic contains: string concatenation
            log.warn("create of " + f + " failed",
                e);
          }
        }
      }
      """;

  private static final String AFTER = """
      package com.example.orders;

      import org.slf4j.Logger;
      import org.slf4j.LoggerFactory;

      /** Orders. */
      class OrderService {
        private static final Logger log = LoggerFactory.getLogger(OrderService.class);
        private static final String PREFIX = "order ";

        void scale(String name, int replicas, long took,   java.io.File f) {
          // BUG: Diagnostic contains: string concatenation
          log.info("scaled {} to {}", name, replicas);   // trailing comment stays
          // BUG: Diagnostic contains: String.format()
          log.info("scaled {} to {} in {}ms", name, replicas, took);
          // BUG: Diagnostic contains: formatted()
          log.debug("took {}ms", took);
          // BUG: Diagnostic contains: string concatenation
          log.info(PREFIX + "{} sum {}", name, replicas + took);
          // BUG: Diagnostic contains: string concatenation
          log.info("a long message that is split, "
              + "over two lines, for {} and more", name);
          try {
            f.createNewFile();
          } catch (java.io.IOException e) {
            // BUG: Diagnostic contains: string concatenation
            log.warn("create of {} failed", f,
                e);
          }
        }
      }
      """;

  @Test
  void concatenationAndFormatsBecomePlaceholdersWithTheThrowableLast() {
    LintTestHelper.forRule(new MessageConcatenationRule()).addSource("OrderService.java", BEFORE).doTest();
    FixCheck check = FixCheck.of(new MessageConcatenationRule());
    assertThat(check.fix("OrderService.java", BEFORE)).isEqualTo(AFTER);
    assertThat(check.counts()).containsEntry("LC008", 6);
  }

  private static final String UNFIXABLE = """
      import org.slf4j.Logger;

      class A {
        Logger log;

        void f(String name, int a, int b, double pct, java.io.File dir) {
          // BUG: Diagnostic contains: String.format()
          log.info(String.format("at %5.2f%%", pct));
          // BUG: Diagnostic contains: String.format()
          log.info(String.format("line%n%s", name));
          // BUG: Diagnostic contains: String.format()
          log.info(String.format("%s %s", name));
          // BUG: Diagnostic contains: String.format()
          log.info(String.format("%1$s", name));
          // BUG: Diagnostic contains: string concatenation
          log.info("set {} to " + name);
          // BUG: Diagnostic contains: string concatenation
          log.info("path C:\\\\" + dir);
          // BUG: Diagnostic contains: string concatenation
          log.info(a + b + " total");
          // BUG: Diagnostic contains: string concatenation
          log.info("{} of " + name, a);
          try {
            dir.mkdir();
          } catch (RuntimeException e) {
            // BUG: Diagnostic contains: string concatenation
            log.warn("failed: " + e);
          }
        }
      }
      """;

  @Test
  void formatsAndTextItCannotTranslateExactlyAreLeftAlone() {
    LintTestHelper.forRule(new MessageConcatenationRule()).addSource("A.java", UNFIXABLE).doTest();
    FixCheck check = FixCheck.of(new MessageConcatenationRule());
    assertThat(check.findings("A.java", UNFIXABLE)).hasSize(9).allMatch(f -> f.fix() == null);
    assertThat(check.fix("A.java", UNFIXABLE)).isEqualTo(UNFIXABLE);
  }

  @Test
  void theFixReplacesOnlyTheMessageExpression() {
    String src = """
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String n) {
        \tlog.info("a " + n);
          }
        }
        """;
    Finding f = FixCheck.of(new MessageConcatenationRule()).findings("A.java", src).get(0);
    assertThat(f.fix().replacements()).containsExactly(new Replacement(5, 11, 5, 19, "\"a {}\", n"));
  }

  @Test
  void crlfFilesAreFixedAtTheRightPlaceAndKeepTheirLineEnds() {
    String before = """
        import org.slf4j.Logger;
        class A {
          Logger log;
          void f(String n) {
            log.info("a " + n);
          }
        }
        """.replace("\n", "\r\n");
    assertThat(FixCheck.of(new MessageConcatenationRule()).fix("A.java", before))
        .isEqualTo(before.replace("\"a \" + n", "\"a {}\", n"));
  }
}
