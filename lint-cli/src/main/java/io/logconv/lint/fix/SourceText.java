package io.logconv.lint.fix;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import java.util.Arrays;
import java.util.Optional;

/**
 * A file's text with the offset of every line, to turn the parser's positions (1-based line and
 * column, a tab one column, lines ended by {@code \n}, {@code \r\n} or {@code \r}) into offsets and
 * back. Rewrites copy the untouched parts of an expression through {@link #slice(Node)}, so their
 * comments, spacing and spelling survive as written.
 *
 * <pre>{@code
 * SourceText text = new SourceText(source);
 * String arg = text.slice(call.getArgument(1)).orElseThrow(); // "user.getId() /* id *\/"
 * Replacement r = text.replace(literal, "\"app_pod_name\"").orElseThrow();
 * }</pre>
 */
public final class SourceText {
  private final String text;
  private final int[] lineStarts;

  /** Indexes the lines of {@code text}. */
  public SourceText(String text) {
    this.text = text;
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  /** The whole text. */
  public String text() {
    return text;
  }

  /**
   * The offset of 1-based {@code line} and {@code column}, or -1 when the position is not in the
   * text.
   */
  public int offset(int line, int column) {
    if (line < 1 || line > lineStarts.length || column < 1) {
      return -1;
    }
    int off = lineStarts[line - 1] + column - 1;
    int lineEnd = line < lineStarts.length ? lineStarts[line] : text.length();
    return off <= lineEnd ? off : -1;
  }

  /** The 1-based line and column of {@code offset}. */
  public Position position(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    int line = i >= 0 ? i : -i - 2;
    return new Position(line + 1, offset - lineStarts[line] + 1);
  }

  /** The source text of {@code node} exactly as written, if its range is known. */
  public Optional<String> slice(Node node) {
    return offsets(node).map(o -> text.substring(o[0], o[1]));
  }

  /** A replacement of {@code node}'s whole range with {@code replacement}. */
  public Optional<Replacement> replace(Node node, String replacement) {
    return offsets(node).map(o -> replacement(o[0], o[1], replacement));
  }

  /** A replacement of the text from offset {@code start} (inclusive) to {@code end} (exclusive). */
  public Replacement replacement(int start, int end, String replacement) {
    Position b = position(start);
    Position e = position(end);
    return new Replacement(b.line, b.column, e.line, e.column, replacement);
  }

  /** Offsets {@code [start, end)} of {@code node}, if its range is known and inside the text. */
  public Optional<int[]> offsets(Node node) {
    Optional<Range> r = node.getRange();
    if (r.isEmpty()) {
      return Optional.empty();
    }
    int start = offset(r.get().begin.line, r.get().begin.column);
    int last = offset(r.get().end.line, r.get().end.column);
    if (start < 0 || last < start || last >= text.length()) {
      return Optional.empty();
    }
    return Optional.of(new int[] {start, last + 1});
  }
}
