package io.logconv.core.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML subset {@link AuditPolicy#parse} describes into a tree of scalars, lists and
 * mappings, each with its line; {@link PolicyFile} reads the tree into a policy. The reader is
 * line-based: comments are cut, each line's indentation is counted, and a block is the run of lines
 * at one indentation. What the subset leaves out is an error, never read as something else.
 */
final class PolicyYaml {
  /** A node of the tree, with the line it starts on. */
  sealed interface Node permits Scalar, Seq, MapNode {
    int line();
  }

  /** A scalar; {@code value} is null for YAML's null (nothing, {@code ~}, {@code null}). */
  record Scalar(int line, String value) implements Node {}

  record Seq(int line, List<Node> items) implements Node {}

  record MapNode(int line, Map<String, Entry> entries) implements Node {}

  /** A mapping's value and the line of its key. */
  record Entry(int line, Node value) {}

  /**
   * A line with content: its number, its indentation and its text without indentation or comment.
   */
  private record Line(int number, int indent, String text) {}

  private final String source;
  private final List<Line> lines = new ArrayList<>();
  private int pos;

  private PolicyYaml(String text, String source) {
    this.source = source;
    String[] raw = text.split("\r\n|\n|\r", -1);
    boolean content = false;
    for (int i = 0; i < raw.length; i++) {
      String s = i == 0 && raw[i].startsWith("\uFEFF") ? raw[i].substring(1) : raw[i];
      int number = i + 1;
      int indent = 0;
      while (indent < s.length() && s.charAt(indent) == ' ') {
        indent++;
      }
      String body = stripComment(s.substring(indent)).strip();
      if (body.isEmpty()) {
        continue;
      }
      if (s.charAt(indent) == '\t') {
        throw error(number, "a tab in the indentation; indent with spaces");
      }
      if (indent == 0 && (body.equals("---") || body.startsWith("--- ") || body.equals("..."))) {
        if (!content && body.equals("---")) {
          continue;
        }
        throw error(number, "one YAML document only: '" + body + "' starts or ends another");
      }
      if (indent == 0 && body.startsWith("%")) {
        throw error(number, "YAML directives ('%') are not supported");
      }
      content = true;
      lines.add(new Line(number, indent, body));
    }
  }

  /** The tree of the YAML document in {@code text}, or null if it has no content. */
  static Node read(String text, String source) {
    return new PolicyYaml(text, source).document();
  }

  private AuditPolicyException error(int line, String detail) {
    return AuditPolicyException.at(source, line, detail);
  }

  private Node document() {
    if (lines.isEmpty()) {
      return null;
    }
    Line first = lines.get(0);
    if (first.indent() != 0) {
      throw error(
          first.number(), "bad indentation: the document's first line must not be indented");
    }
    Node root = block();
    if (pos < lines.size()) {
      Line l = lines.get(pos);
      throw error(
          l.number(),
          root instanceof Seq
              ? "expected a list item ('- ') like the ones above"
              : "bad indentation: this line is not under any key");
    }
    return root;
  }

  /**
   * The block that starts at the current line: a list or a mapping at that line's indentation, or a
   * value alone on its line.
   */
  private Node block() {
    Line l = lines.get(pos);
    if (isItem(l.text())) {
      return seq(l.indent(), false);
    }
    if (keyColon(l.text()) < 0 && !l.text().startsWith("?")) {
      pos++;
      return inline(l.text(), l.number());
    }
    return map(l.indent());
  }

  private MapNode map(int indent) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    int start = lines.get(pos).number();
    while (pos < lines.size()) {
      Line l = lines.get(pos);
      if (l.indent() < indent) {
        break;
      }
      if (l.indent() > indent) {
        throw error(
            l.number(), "bad indentation: this line is indented more than the key above it");
      }
      if (isItem(l.text())) {
        throw error(l.number(), "a list item ('- ') where a key was expected");
      }
      if (l.text().equals("?") || l.text().startsWith("? ")) {
        throw error(l.number(), "complex keys ('?') are not supported");
      }
      int colon = keyColon(l.text());
      if (colon < 0) {
        throw error(l.number(), "expected 'key: value', found '" + l.text() + "'");
      }
      String key = key(l.text().substring(0, colon).strip(), l.number());
      Entry first = entries.get(key);
      if (first != null) {
        throw error(l.number(), "duplicate key '" + key + "' (first on line " + first.line() + ")");
      }
      String rest = l.text().substring(colon + 1).strip();
      pos++;
      Node value;
      Line next = pos < lines.size() ? lines.get(pos) : null;
      if (!rest.isEmpty()) {
        value = inline(rest, l.number());
      } else if (next != null && next.indent() > indent) {
        value = block();
      } else if (next != null && next.indent() == indent && isItem(next.text())) {
        value = seq(indent, true); // Kubernetes' style: the items level with their key
      } else {
        value = new Scalar(l.number(), null);
      }
      entries.put(key, new Entry(l.number(), value));
    }
    return new MapNode(start, entries);
  }

  /**
   * The list at {@code indent}. {@code levelWithKey}: its items are level with the key it is the
   * value of, so a line at {@code indent} that is not an item is that mapping's next key.
   */
  private Seq seq(int indent, boolean levelWithKey) {
    List<Node> items = new ArrayList<>();
    int start = lines.get(pos).number();
    while (pos < lines.size()) {
      Line l = lines.get(pos);
      if (l.indent() < indent) {
        break;
      }
      if (l.indent() > indent) {
        throw error(
            l.number(), "bad indentation: this line is indented more than the list item above it");
      }
      if (!isItem(l.text())) {
        if (levelWithKey) {
          break;
        }
        throw error(l.number(), "expected a list item ('- ') like the ones above");
      }
      int k = 1;
      while (k < l.text().length() && isSpace(l.text().charAt(k))) {
        k++;
      }
      String rest = l.text().substring(k);
      if (rest.isEmpty()) {
        pos++;
        Line next = pos < lines.size() ? lines.get(pos) : null;
        items.add(next != null && next.indent() > indent ? block() : new Scalar(l.number(), null));
      } else if (isItem(rest) || keyColon(rest) >= 0) {
        // A mapping or list that starts on the item's line: its column is that of its first key.
        lines.set(pos, new Line(l.number(), indent + k, rest));
        items.add(block());
      } else {
        items.add(inline(rest, l.number()));
        pos++;
      }
    }
    return new Seq(start, items);
  }

  /** A value on its key's or item's line: a flow list or a scalar. */
  private Node inline(String text, int line) {
    if (text.charAt(0) == '[') {
      return flow(text, line);
    }
    if (text.charAt(0) == '"' || text.charAt(0) == '\'') {
      int end = quotedEnd(text, 0, line);
      if (end + 1 < text.length()) {
        throw error(
            line,
            "unexpected text after a quoted string: '" + text.substring(end + 1).strip() + "'");
      }
      return new Scalar(line, unquote(text, 0, end, line));
    }
    return new Scalar(line, plain(text, line));
  }

  /** A one-line flow list: {@code [a, "b", 'c']}. */
  private Seq flow(String text, int line) {
    List<Node> items = new ArrayList<>();
    int n = text.length();
    int i = skipSpaces(text, 1);
    if (i < n && text.charAt(i) == ']') {
      i++;
    } else {
      while (true) {
        i = skipSpaces(text, i);
        if (i >= n) {
          throw error(line, "a flow list must end with ']' on its line");
        }
        char c = text.charAt(i);
        String value;
        if (c == '"' || c == '\'') {
          int end = quotedEnd(text, i, line);
          value = unquote(text, i, end, line);
          i = end + 1;
        } else if (c == '[' || c == '{') {
          throw error(line, "lists and mappings inside a flow list are not supported");
        } else if (c == ',' || c == ']') {
          throw error(line, "an empty item in a flow list");
        } else {
          int s = i;
          while (i < n && text.charAt(i) != ',' && text.charAt(i) != ']') {
            i++;
          }
          value = plain(text.substring(s, i).strip(), line);
        }
        items.add(new Scalar(line, value));
        i = skipSpaces(text, i);
        if (i >= n) {
          throw error(line, "a flow list must end with ']' on its line");
        }
        c = text.charAt(i++);
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw error(line, "expected ',' or ']' in a flow list, found '" + c + "'");
        }
        i = skipSpaces(text, i);
        if (i < n && text.charAt(i) == ']') { // a trailing comma
          i++;
          break;
        }
      }
    }
    if (skipSpaces(text, i) < n) {
      throw error(line, "unexpected text after ']': '" + text.substring(i).strip() + "'");
    }
    return new Seq(line, items);
  }

  /** A plain scalar's value (null for YAML's null), or an error for what this subset rejects. */
  private String plain(String p, int line) {
    switch (p.charAt(0)) {
      case '&' -> throw error(line, "anchors ('&') are not supported");
      case '*' ->
          throw error(
              line, "aliases ('*') are not supported; write \"*\" in quotes for any kind or actor");
      case '!' -> throw error(line, "tags ('!') are not supported");
      case '|', '>' ->
          throw error(
              line, "block scalars ('|', '>') are not supported; write the value on one line");
      case '{' -> throw error(line, "flow mappings ('{...}') are not supported");
      case '@', '`' ->
          throw error(line, "'" + p.charAt(0) + "' cannot start a plain value; quote it");
      default -> {}
    }
    if (p.equals("?") || p.startsWith("? ")) {
      throw error(line, "complex keys ('?') are not supported");
    }
    if (p.equals("-") || p.startsWith("- ")) {
      throw error(line, "a list item cannot start on its key's line; put it on the next line");
    }
    if (p.contains(": ") || p.endsWith(":")) {
      throw error(line, "a plain value cannot contain ': '; quote it: '" + p + "'");
    }
    return p.equals("~") || p.equals("null") || p.equals("Null") || p.equals("NULL") ? null : p;
  }

  /** A key's text: quoted or plain, not empty. */
  private String key(String raw, int line) {
    if (raw.isEmpty()) {
      throw error(line, "a key must not be empty");
    }
    if (raw.charAt(0) == '"' || raw.charAt(0) == '\'') {
      return unquote(raw, 0, quotedEnd(raw, 0, line), line);
    }
    String k = plain(raw, line);
    if (k == null) {
      throw error(line, "a key must not be null");
    }
    return k;
  }

  /** The index of the quote that closes the quoted string starting at {@code start}. */
  private int quotedEnd(String s, int start, int line) {
    char q = s.charAt(start);
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (q == '"' && c == '\\') {
        i++;
      } else if (c == q) {
        if (q == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          i++; // '' is a quote inside a single-quoted string
        } else {
          return i;
        }
      }
    }
    throw error(line, "a quoted string is not closed on its line");
  }

  private String unquote(String s, int start, int end, int line) {
    String body = s.substring(start + 1, end);
    if (s.charAt(start) == '\'') {
      return body.replace("''", "'");
    }
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = body.charAt(++i); // quotedEnd guarantees a character after the backslash
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '0' -> sb.append('\0');
        case 'u' -> {
          int code = 0;
          for (int d = 1; d <= 4; d++) {
            int digit = i + d < body.length() ? Character.digit(body.charAt(i + d), 16) : -1;
            if (digit < 0) {
              throw error(line, "'\\u' needs four hex digits");
            }
            code = code * 16 + digit;
          }
          sb.append((char) code);
          i += 4;
        }
        default -> throw error(line, "unknown escape '\\" + e + "' in a double-quoted string");
      }
    }
    return sb.toString();
  }

  /**
   * The index of the colon that ends the key of a {@code key: value} line, or -1 if {@code text} is
   * not one.
   */
  private static int keyColon(String text) {
    int n = text.length();
    char c0 = text.charAt(0);
    if (c0 == '"' || c0 == '\'') {
      int i = 1;
      while (i < n) {
        char c = text.charAt(i);
        if (c0 == '"' && c == '\\') {
          i += 2;
          continue;
        }
        if (c == c0) {
          if (c0 == '\'' && i + 1 < n && text.charAt(i + 1) == '\'') {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      int j = skipSpaces(text, i + 1);
      return j < n && text.charAt(j) == ':' && (j + 1 == n || isSpace(text.charAt(j + 1))) ? j : -1;
    }
    if (c0 == '[' || c0 == '{') {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) == ':' && (i + 1 == n || isSpace(text.charAt(i + 1)))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code s} up to its comment: a {@code #} at its start or after whitespace, outside a quoted
   * string. A quote opens a string only where a scalar can start.
   */
  private static String stripComment(String s) {
    char q = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (q == '\'') {
        if (c == '\'') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
            i++;
          } else {
            q = 0;
          }
        }
      } else if (q == '"') {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          q = 0;
        }
      } else if (c == '#' && (i == 0 || isSpace(s.charAt(i - 1)))) {
        return s.substring(0, i);
      } else if ((c == '"' || c == '\'') && scalarCanStart(s, i)) {
        q = c;
      }
    }
    return s;
  }

  private static boolean scalarCanStart(String s, int i) {
    int j = i - 1;
    while (j >= 0 && isSpace(s.charAt(j))) {
      j--;
    }
    if (j < 0) {
      return true;
    }
    char p = s.charAt(j);
    return p == '[' || p == ',' || ((p == ':' || p == '-') && j < i - 1);
  }

  private static boolean isItem(String text) {
    return text.equals("-")
        || (text.length() > 1 && text.charAt(0) == '-' && isSpace(text.charAt(1)));
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
