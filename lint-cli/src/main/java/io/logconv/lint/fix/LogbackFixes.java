package io.logconv.lint.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code LC014} rewrite of a {@code logback.xml}: a console appender's pattern encoder (no
 * {@code class}, or logback's {@code PatternLayoutEncoder}) becomes the conventions encoder. Only
 * that element's text changes: its {@code class} and its children (the pattern, charset and such,
 * which the conventions encoder has no use for); comments inside it are kept, and the rest of the
 * file is untouched.
 *
 * <pre>{@code
 * <encoder><pattern>%d %msg%n</pattern></encoder>
 * // -> <encoder class="io.logconv.logback.ConventionsEncoder"/>
 * }</pre>
 */
public final class LogbackFixes {
  /** logback's pattern encoder, the one a pattern is given to. */
  public static final String PATTERN_ENCODER = "ch.qos.logback.classic.encoder.PatternLayoutEncoder";

  private LogbackFixes() {}

  /**
   * The fix of the {@code index}-th {@code <encoder>} element of the file (in document order),
   * replacing it with an encoder of class {@code encoderClass}.
   */
  public static Optional<Fix> conventionsEncoder(String xml, int index, String encoderClass) {
    List<Element> encoders = new ArrayList<>();
    for (Element e : elements(xml)) {
      if (e.name().equals("encoder")) {
        encoders.add(e);
      }
    }
    if (index < 0 || index >= encoders.size()) {
      return Optional.empty();
    }
    Element e = encoders.get(index);
    StringBuilder out = new StringBuilder("<encoder class=\"").append(encoderClass).append('"');
    String kept = e.contentStart() < 0 ? "" : comments(xml.substring(e.contentStart(), e.contentEnd()), lineBreak(xml));
    if (kept == null) {
      return Optional.empty();
    }
    out.append(kept.isEmpty() ? "/>" : ">" + kept + "</encoder>");
    SourceText text = new SourceText(xml);
    return Optional.of(new Fix("Use " + encoderClass,
        List.of(text.replacement(e.start(), e.end(), out.toString()))));
  }

  /**
   * The comments of an element's content, each on its own line as before (or after a space when
   * it shared a line), then the indentation of the closing tag; empty without comments, null if a
   * comment does not end.
   */
  private static String comments(String content, String lineBreak) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int i = content.indexOf("<!--"); i >= 0; i = content.indexOf("<!--", from)) {
      int end = content.indexOf("-->", i + 4);
      if (end < 0) {
        return null;
      }
      out.append(separator(content.substring(from, i), lineBreak)).append(content, i, end + 3);
      from = end + 3;
    }
    if (out.length() == 0) {
      return "";
    }
    String rest = content.substring(from);
    int nl = rest.lastIndexOf('\n');
    return out.append(nl >= 0 ? lineBreak + rest.substring(nl + 1).replaceAll("\\S", "") : "").toString();
  }

  private static String separator(String between, String lineBreak) {
    int nl = between.lastIndexOf('\n');
    return nl < 0 ? " " : lineBreak + between.substring(nl + 1).replaceAll("\\S", "");
  }

  private static String lineBreak(String xml) {
    return xml.contains("\r\n") ? "\r\n" : "\n";
  }

  /**
   * An element's text: {@code [start, end)} is the whole element, {@code [contentStart,
   * contentEnd)} what is between its tags ({@code -1} for an empty-element tag).
   */
  record Element(String name, int start, int end, int contentStart, int contentEnd) {}

  /** The elements of a well-formed document, in document order (by start tag). */
  static List<Element> elements(String xml) {
    List<Element> out = new ArrayList<>();
    List<int[]> open = new ArrayList<>(); // {index in out, content start}
    int i = 0;
    int n = xml.length();
    while (i < n) {
      int lt = xml.indexOf('<', i);
      if (lt < 0) {
        break;
      }
      if (xml.startsWith("<!--", lt)) {
        i = skipTo(xml, lt + 4, "-->");
      } else if (xml.startsWith("<![CDATA[", lt)) {
        i = skipTo(xml, lt + 9, "]]>");
      } else if (xml.startsWith("<?", lt)) {
        i = skipTo(xml, lt + 2, "?>");
      } else if (xml.startsWith("<!", lt)) {
        i = skipTo(xml, lt + 2, ">");
      } else if (xml.startsWith("</", lt)) {
        int gt = xml.indexOf('>', lt);
        if (gt < 0 || open.isEmpty()) {
          break;
        }
        int[] top = open.remove(open.size() - 1);
        Element e = out.get(top[0]);
        out.set(top[0], new Element(e.name(), e.start(), gt + 1, top[1], lt));
        i = gt + 1;
      } else {
        int gt = tagEnd(xml, lt + 1);
        if (gt < 0) {
          break;
        }
        int nameEnd = lt + 1;
        while (nameEnd < gt && !Character.isWhitespace(xml.charAt(nameEnd))
            && xml.charAt(nameEnd) != '/' && xml.charAt(nameEnd) != '>') {
          nameEnd++;
        }
        String name = xml.substring(lt + 1, nameEnd);
        boolean empty = xml.charAt(gt - 1) == '/';
        out.add(new Element(name, lt, gt + 1, -1, -1));
        if (!empty) {
          open.add(new int[] {out.size() - 1, gt + 1});
        }
        i = gt + 1;
      }
    }
    return out;
  }

  private static int skipTo(String xml, int from, String end) {
    int at = xml.indexOf(end, from);
    return at < 0 ? xml.length() : at + end.length();
  }

  /** The index of the {@code >} closing a start tag, skipping quoted attribute values. */
  private static int tagEnd(String xml, int from) {
    char quote = 0;
    for (int i = from; i < xml.length(); i++) {
      char c = xml.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return -1;
  }
}
