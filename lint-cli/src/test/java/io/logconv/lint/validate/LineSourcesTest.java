package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.RuleDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSourcesTest {
  record Rec(long line, String text, String problem, long oversized) {}

  static List<Rec> read(InputStream raw, InputFormat expected) throws IOException {
    FormatDetector.Opened o = FormatDetector.open(raw, null);
    assertThat(o.format()).isEqualTo(expected);
    List<Rec> out = new ArrayList<>();
    LineSource.forFormat(o.format(), 1 << 20)
        .read(
            o.stream(),
            new RecordSink() {
              @Override
              public void line(long lineNo, byte[] buf, int off, int len) {
                out.add(new Rec(lineNo, new String(buf, off, len, StandardCharsets.UTF_8), null, -1));
              }

              @Override
              public void oversized(long lineNo, long bytes) {
                out.add(new Rec(lineNo, null, null, bytes));
              }

              @Override
              public void problem(long lineNo, RuleDescriptor rule, String message) {
                out.add(new Rec(lineNo, null, rule.id() + " " + message, -1));
              }
            });
    return out;
  }

  static List<Rec> sample(String name, InputFormat expected) throws IOException {
    try (InputStream in = Files.newInputStream(TestPaths.sample(name))) {
      return read(in, expected);
    }
  }

  static List<Rec> of(String text, InputFormat expected) throws IOException {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), expected);
  }

  @Test
  void jsonLines() throws IOException {
    List<Rec> r = sample("controller-events.jsonl", InputFormat.JSON_LINES);
    assertThat(r).hasSize(10);
    assertThat(r).extracting(Rec::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(r.get(0).text()).startsWith("{\"ts\":\"2025-06-15T14:23:01.042Z\"");
  }

  @Test
  void gzipByMagicBytesNotName() throws IOException {
    List<Rec> plain = sample("controller-events.jsonl", InputFormat.JSON_LINES);
    assertThat(sample("controller-events.jsonl.gz", InputFormat.JSON_LINES)).isEqualTo(plain);
    byte[] gz = Files.readAllBytes(TestPaths.sample("controller-events.jsonl.gz"));
    assertThat(read(new ByteArrayInputStream(gz), InputFormat.JSON_LINES)).isEqualTo(plain);
  }

  @Test
  void criJoinsPartialsAsBytesAcrossASplitUtf8Character() throws IOException {
    List<Rec> r = sample("containerd-cri.log", InputFormat.CRI);
    // line 2 (P), line 4 (P), line 5 (F) form one record; stderr line 3 interleaves.
    Rec joined = r.stream().filter(x -> x.line() == 2).findFirst().orElseThrow();
    assertThat(joined.text()).contains("Catalogue chargé: déploiement réussi ✓ für alle Namespaces");
    assertThat(joined.text()).doesNotContain("\uFFFD");
    assertThat(r).extracting(Rec::line).containsExactly(1L, 3L, 2L, 6L, 7L);
  }

  @Test
  void crioOffsets() throws IOException {
    List<Rec> r = sample("crio.log", InputFormat.CRI);
    assertThat(r).hasSize(3);
    assertThat(r.get(2).text()).startsWith("Picked up JAVA_TOOL_OPTIONS");
  }

  @Test
  void criEdgeCases() throws IOException {
    List<Rec> r =
        of(
            """
            2024-07-02T12:40:06.615800890+00:00 stdout F hello
            garbage line
            2024-07-02T12:40:07Z stdout P never finished""",
            InputFormat.CRI);
    assertThat(r.get(0)).isEqualTo(new Rec(1, "hello", null, -1));
    assertThat(r.get(1).problem()).startsWith("LV017 not a CRI record");
    assertThat(r.get(2).problem()).contains("never completed");
    assertThat(r.get(3)).isEqualTo(new Rec(3, "never finished", null, -1));
  }

  @Test
  void dockerRejoinsA16KibSplit() throws IOException {
    List<Rec> r = sample("docker-json.log", InputFormat.DOCKER);
    assertThat(r).extracting(Rec::line).containsExactly(1L, 2L, 4L, 5L);
    Rec big = r.get(1);
    assertThat(big.text()).startsWith("{\"ts\":\"2025-06-15T14:27:00.000Z\"").endsWith("}");
    assertThat(big.text().length()).isGreaterThan(16384);
    assertThat(r.get(2).text()).isEqualTo("Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75");
  }

  @Test
  void kubectlTimestampsPrefix() throws IOException {
    List<Rec> r = sample("kubectl-timestamps.log", InputFormat.KUBECTL);
    assertThat(r).hasSize(4);
    assertThat(r).allSatisfy(x -> assertThat(x.text()).startsWith("{"));
  }

  @Test
  void lokiQueryRangeWithLineNumbersOfTheDocument() throws IOException {
    List<Rec> r = sample("loki-query-range.json", InputFormat.LOKI);
    assertThat(r).hasSize(5);
    List<String> file = Files.readAllLines(TestPaths.sample("loki-query-range.json"));
    for (Rec x : r) {
      // The reported line is where the log line's JSON string is in the response.
      assertThat(file.get((int) x.line() - 1)).contains("\\\"msg\\\"");
    }
    assertThat(r.get(0).text()).startsWith("{\"ts\":");
  }

  @Test
  void lokiCompactOnOneLine() throws IOException {
    List<Rec> r =
        of(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{\"stream\":{},"
                + "\"values\":[[\"1\",\"a\"],[\"2\",\"b\",{\"trace\":\"x\"}]]}]}}",
            InputFormat.LOKI);
    assertThat(r).extracting(Rec::text).containsExactly("a", "b");
  }

  @Test
  void prettyPrintedJsonDocument() throws IOException {
    List<Rec> r = of("{\n  \"kind\": \"Event\",\n  \"level\": \"Metadata\"\n}\n", InputFormat.JSON_DOCUMENT);
    assertThat(r.get(0).problem()).contains("spans lines 1-4");
    assertThat(r.get(1)).isEqualTo(new Rec(1, "{\"kind\":\"Event\",\"level\":\"Metadata\"}", null, -1));
  }

  @Test
  void truncatedFirstLineStaysJsonLines() throws IOException {
    assertThat(of("{\"ts\":\"x\n{\"ts\":1}\n", InputFormat.JSON_LINES)).hasSize(2);
  }

  @Test
  void oversizedLinesAreMeasuredNotKept() throws IOException {
    String big = "x".repeat(3 << 20);
    FormatDetector.Opened o = FormatDetector.open(new ByteArrayInputStream((big + "\nnext\n").getBytes(StandardCharsets.US_ASCII)), null);
    List<Rec> out = new ArrayList<>();
    LineSource.forFormat(o.format(), 1 << 20)
        .read(
            o.stream(),
            new RecordSink() {
              @Override
              public void line(long lineNo, byte[] buf, int off, int len) {
                out.add(new Rec(lineNo, new String(buf, off, len, StandardCharsets.UTF_8), null, -1));
              }

              @Override
              public void oversized(long lineNo, long bytes) {
                out.add(new Rec(lineNo, null, null, bytes));
              }

              @Override
              public void problem(long lineNo, RuleDescriptor rule, String message) {}
            });
    assertThat(out).containsExactly(new Rec(1, null, null, 3 << 20), new Rec(2, "next", null, -1));
  }
}
