package io.logconv.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper, shared with the adapters' tests: compares the lines a test wrote with a golden file
 * under {@code src/test/resources/golden/} of the module the test runs in, byte for byte, and
 * rewrites that file instead when the system property {@value #UPDATE_PROPERTY} is {@code true}.
 *
 * <p>Either way every line must be one JSON object that parses strictly (no duplicate key) and
 * conforms to the strict schema ({@link Lines#conforming(String)}), so that a golden file can never
 * hold a broken line. The file is read from and written to the source tree (found from the {@code
 * basedir} property Surefire sets, else the working directory, which must be a module's), not the
 * copy on the classpath, so that a rewritten file is what the next run compares with.
 *
 * <pre>{@code
 * List<GoldenFile.Line> lines = new ArrayList<>();
 * lines.add(new GoldenFile.Line("plain message", writer.begin(...).message("m").end().toByteArray()));
 * GoldenFile.check("event-writer.jsonl", lines);
 * }</pre>
 */
public final class GoldenFile {
  /** Set to {@code true} ({@code -Dlogconv.golden.update=true}) to rewrite the golden files. */
  public static final String UPDATE_PROPERTY = "logconv.golden.update";

  /** One line as written, newline included, and the case that wrote it (for failure reports). */
  public static final class Line {
    private final String label;
    private final byte[] bytes;

    public Line(String label, byte[] bytes) {
      this.label = label;
      this.bytes = bytes.clone();
    }

    /** The case that wrote the line. */
    public String label() {
      return label;
    }

    /** The line's bytes, newline included. */
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public String toString() {
      return label + ": " + new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private GoldenFile() {}

  /** True if this run rewrites golden files instead of comparing with them. */
  public static boolean updating() {
    return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY));
  }

  /**
   * Splits {@code output} (one or more lines, each ending with a newline) into lines labelled
   * {@code label}, the first {@code label}, the later ones {@code label} and their number.
   */
  public static List<Line> split(String label, byte[] output) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < output.length; i++) {
      if (output[i] == '\n') {
        String l = out.isEmpty() ? label : label + " (line " + (out.size() + 1) + " of its output)";
        out.add(new Line(l, Arrays.copyOfRange(output, start, i + 1)));
        start = i + 1;
      }
    }
    if (start != output.length) {
      throw new AssertionError(
          label
              + ": output does not end with a newline: "
              + new String(output, StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The golden directory of the module under test, in its source tree. */
  public static Path directory() {
    String basedir = System.getProperty("basedir");
    Path module =
        Path.of(basedir == null || basedir.isEmpty() ? System.getProperty("user.dir") : basedir);
    // A module has a pom and test sources; the reactor root has a pom only, and must not get a
    // golden directory of its own when a test runs from there.
    if (!Files.isRegularFile(module.resolve("pom.xml"))
        || !Files.isDirectory(module.resolve("src/test/java"))) {
      throw new AssertionError(
          "not a module directory (no pom.xml and src/test/java): "
              + module.toAbsolutePath()
              + "; run the test from its module, as Surefire does");
    }
    return module.resolve("src/test/resources/golden");
  }

  /**
   * Checks that every line is one conformant JSON line, then compares them with the golden file
   * {@code name}, or rewrites it when {@link #updating()}. A mismatch fails with the index of the
   * first line that differs, its case, and the expected and actual line.
   */
  public static void check(String name, List<Line> lines) throws IOException {
    check(name, lines, true);
  }

  /**
   * As {@link #check(String, List)}, for lines that are JSON objects but not log lines (such as
   * reports about the lines): each must parse strictly, with no duplicate key.
   */
  public static void checkObjects(String name, List<Line> lines) throws IOException {
    check(name, lines, false);
  }

  private static void check(String name, List<Line> lines, boolean logLines) throws IOException {
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      byte[] b = line.bytes();
      String text = new String(b, StandardCharsets.UTF_8);
      if (b.length == 0 || b[b.length - 1] != '\n' || text.indexOf('\n') != text.length() - 1) {
        throw new AssertionError("line " + i + " (" + line.label() + ") is not one line: " + text);
      }
      try {
        if (logLines) {
          Lines.conforming(text);
        } else if (!Lines.MAPPER.readTree(text).isObject()) {
          throw new AssertionError("not a JSON object");
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "line "
                + i
                + " ("
                + line.label()
                + ") is not one "
                + (logLines ? "conformant JSON line: " : "JSON object: ")
                + text,
            e);
      }
    }
    Path file = directory().resolve(name);
    if (updating()) {
      Files.createDirectories(file.getParent());
      Files.write(file, concat(lines));
      return;
    }
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(
          "no golden file "
              + file
              + "; write it with -D"
              + UPDATE_PROPERTY
              + "=true and review it");
    }
    List<byte[]> expected = splitBytes(Files.readAllBytes(file));
    int n = Math.max(expected.size(), lines.size());
    for (int i = 0; i < n; i++) {
      byte[] want = i < expected.size() ? expected.get(i) : null;
      byte[] got = i < lines.size() ? lines.get(i).bytes() : null;
      if (want == null || got == null || !Arrays.equals(want, got)) {
        throw new AssertionError(
            String.format(
                "%s differs from what was written, first at line index %d (line %d of the file),"
                    + " case '%s'%n  expected: %s%n  actual:   %s%n(%d lines expected, %d written;"
                    + " if the change is intended, rerun with -D%s=true and review the diff)",
                name,
                i,
                i + 1,
                got == null ? "<none: fewer lines written>" : lines.get(i).label(),
                want == null ? "<none: the golden file ends here>" : show(want),
                got == null ? "<none: nothing more was written>" : show(got),
                expected.size(),
                lines.size(),
                UPDATE_PROPERTY));
      }
    }
  }

  private static String show(byte[] line) {
    String s = new String(line, StandardCharsets.UTF_8);
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s + " <no newline at end>";
  }

  private static byte[] concat(List<Line> lines) {
    int size = 0;
    for (Line l : lines) {
      size += l.bytes().length;
    }
    byte[] all = new byte[size];
    int at = 0;
    for (Line l : lines) {
      byte[] b = l.bytes();
      System.arraycopy(b, 0, all, at, b.length);
      at += b.length;
    }
    return all;
  }

  /** The lines of a file, each with its newline (the last one without, if the file lacks it). */
  private static List<byte[]> splitBytes(byte[] all) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        out.add(Arrays.copyOfRange(all, start, i + 1));
        start = i + 1;
      }
    }
    if (start < all.length) {
      out.add(Arrays.copyOfRange(all, start, all.length));
    }
    return out;
  }
}
