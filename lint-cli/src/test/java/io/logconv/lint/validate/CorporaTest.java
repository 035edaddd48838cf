package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real third-party logs (this module's test resources under {@code corpora/}; its MANIFEST.md says
 * where each comes from): each file is read without a crash, as the format it is, and every line is
 * reported (none of them follows the contract).
 */
class CorporaTest {
  /** The files beside the corpora that are not corpora. */
  private static final Set<String> NOT_CORPORA = Set.of("MANIFEST.md", "LICENSE-2.0.txt");

  static Path corpora() throws URISyntaxException {
    URL manifest = CorporaTest.class.getResource("/corpora/MANIFEST.md");
    assertThat(manifest).as("corpora/MANIFEST.md on the test class path").isNotNull();
    return Path.of(manifest.toURI()).getParent();
  }

  /** The format each file of the corpora is in, by folder (and a few files by name). */
  static InputFormat expected(String rel) {
    if (rel.startsWith("fluent-bit-kubernetes/log/")) {
      return InputFormat.DOCKER; // Docker json-file input of Fluent Bit's kubernetes filter
    }
    if (rel.startsWith("fluent-bit-kubernetes/out/")) {
      return InputFormat.JSON_LINES; // [epoch, {record}] per line
    }
    if (rel.equals("fluent-bit-cri/multiline.json")) {
      return InputFormat.JSON_DOCUMENT;
    }
    if (rel.equals("fluent-bit-cri/multiline-cri-extracted.log")
        || rel.equals("openshift-clo-logsamples/raw_container.log")) {
      return InputFormat.CRI;
    }
    if (rel.equals("openshift-clo-logsamples/raw_auditd.log")) {
      return InputFormat.JSON_LINES; // text lines, each a finding
    }
    if (rel.startsWith("openshift-clo-logsamples/")) {
      return InputFormat.JSON_DOCUMENT; // pretty-printed ViaQ, OTLP and audit events
    }
    if (rel.startsWith("falco-k8s-audit/") || rel.startsWith("humanlog-synthetic/")) {
      return InputFormat.JSON_LINES;
    }
    throw new AssertionError("no expected format for " + rel + ": add it to CorporaTest");
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFile() throws IOException, URISyntaxException {
    Path root = corpora();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !(p.getParent().equals(root) && NOT_CORPORA.contains(p.getFileName().toString())))
              .sorted()
              .toList();
    }
    assertThat(files).as("the 202 files MANIFEST.md lists, by folder").hasSize(202);
    Validator validator = new Validator(Validator.Options.defaults().withThreads(2));
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    root.relativize(f).toString(), () -> check(validator, root.relativize(f).toString().replace('\\', '/'), f)));
  }

  private static void check(Validator validator, String rel, Path f) throws IOException {
    List<Finding> findings = new ArrayList<>();
    long[] lines = new long[2];
    InputFormat format;
    try (InputStream in = Files.newInputStream(f)) {
      format =
          validator.validate(
              rel,
              in,
              new Validator.Listener() {
                @Override
                public void finding(Finding finding, String logger) {
                  findings.add(finding);
                }

                @Override
                public void line(boolean conforming) {
                  lines[0]++;
                  if (conforming) {
                    lines[1]++;
                  }
                }
              });
    }
    assertThat(format).as(rel).isEqualTo(expected(rel));
    assertThat(lines[0]).as(rel + " lines").isPositive();
    assertThat(lines[1]).as(rel + " conforming lines").isZero();
    Set<Integer> reported = new HashSet<>();
    findings.forEach(x -> reported.add(x.line()));
    assertThat((long) reported.size()).as(rel + ": every line reported").isEqualTo(lines[0]);
    assertThat(findings).allSatisfy(x -> assertThat(x.message()).doesNotContain("internal error"));
  }
}
