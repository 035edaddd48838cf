package io.logconv.lint.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The appenders of a Log4j2 or Log4j 1 configuration, whatever its syntax (Log4j2 XML, properties,
 * YAML or JSON; Log4j 1 properties or XML), each with the line it is declared on and its layout.
 * {@link LogbackRule}s see it through {@link LogbackRule#check(Log4jConfig, ConfigContext)}.
 *
 * <pre>{@code
 * for (Log4jConfig.Appender a : config.appenders()) {
 *   if (a.isFile()) ctx.report(a.line(), "appender '" + a.name() + "' writes to a file");
 * }
 * }</pre>
 */
public final class Log4jConfig {
  /** Which Log4j the configuration is for. */
  public enum Dialect {
    /** Log4j 2 (XML, properties, YAML or JSON). */
    LOG4J2("Log4j2"),
    /** Log4j 1.x ({@code log4j.properties}, {@code log4j.xml}). */
    LOG4J1("Log4j 1");

    private final String label;

    Dialect(String label) {
      this.label = label;
    }

    /** The name users know it by: {@code Log4j2}, {@code Log4j 1}. */
    public String label() {
      return label;
    }
  }

  /**
   * An appender's layout.
   *
   * @param type the plugin name (Log4j2, e.g. {@code PatternLayout}) or class name (Log4j 1)
   * @param line the 1-based line it is declared on
   * @param template a JsonTemplateLayout's {@code eventTemplateUri}, or empty
   */
  public record Layout(String type, int line, String template) {}

  /**
   * One appender.
   *
   * @param name its {@code name}, or the id it is declared under when it has none
   * @param type the plugin name (Log4j2, e.g. {@code RollingFile}) or class name (Log4j 1)
   * @param line the 1-based line it is declared on
   * @param layout its layout, or null when none is declared
   * @param dialect the Log4j it is for
   */
  public record Appender(String name, String type, int line, Layout layout, Dialect dialect) {
    private static final Set<String> LOG4J2_FILES =
        Set.of("file", "rollingfile", "rollingrandomaccessfile", "randomaccessfile",
            "memorymappedfile");
    private static final Set<String> LOG4J1_FILES =
        Set.of("org.apache.log4j.FileAppender", "org.apache.log4j.RollingFileAppender",
            "org.apache.log4j.DailyRollingFileAppender",
            "org.apache.log4j.rolling.RollingFileAppender",
            "org.apache.log4j.varia.ExternallyRolledFileAppender");

    /** Whether it writes to a file (File, RollingFile, ... ; Log4j 1's file appenders). */
    public boolean isFile() {
      return dialect == Dialect.LOG4J2
          ? LOG4J2_FILES.contains(type.toLowerCase(Locale.ROOT))
          : LOG4J1_FILES.contains(type);
    }

    /** Whether it writes to the console (Log4j2 {@code Console}, Log4j 1 ConsoleAppender). */
    public boolean isConsole() {
      return dialect == Dialect.LOG4J2
          ? type.equalsIgnoreCase("Console")
          : type.equals("org.apache.log4j.ConsoleAppender");
    }

    /** The type without its package: {@code RollingFile}, {@code DailyRollingFileAppender}. */
    public String simpleType() {
      return type.substring(type.lastIndexOf('.') + 1);
    }
  }

  private final Dialect dialect;
  private final List<Appender> appenders;

  Log4jConfig(Dialect dialect, List<Appender> appenders) {
    this.dialect = dialect;
    this.appenders = List.copyOf(appenders);
  }

  /** Which Log4j the configuration is for. */
  public Dialect dialect() {
    return dialect;
  }

  /** Every appender, in the order declared (nested ones, as in a Routing appender, included). */
  public List<Appender> appenders() {
    return appenders;
  }

  // ---------------------------------------------------------------- XML

  /** The appenders of a Log4j2 XML configuration (concise or strict syntax). */
  static Log4jConfig fromLog4j2Xml(LogbackConfig xml) {
    List<Appender> out = new ArrayList<>();
    Element root = xml.document().getDocumentElement();
    for (Element section : childElements(root)) {
      if (section.getTagName().equalsIgnoreCase("Appenders")) {
        for (Element a : childElements(section)) {
          log4j2XmlAppender(xml, a, true, out);
        }
      }
    }
    return new Log4jConfig(Dialect.LOG4J2, out);
  }

  private static void log4j2XmlAppender(
      LogbackConfig xml, Element e, boolean declared, List<Appender> out) {
    String type = e.getTagName().equalsIgnoreCase("Appender") ? e.getAttribute("type") : e.getTagName();
    Appender a = new Appender(
        e.getAttribute("name").isEmpty() ? type : e.getAttribute("name"),
        type, xml.lineOf(e), log4j2XmlLayout(xml, e), Dialect.LOG4J2);
    // Nested appenders (Routing's routes, Failover) are found by their type.
    if (declared || a.isFile() || a.isConsole()) {
      out.add(a);
    }
    for (Element child : childElements(e)) {
      if (!isLayoutElement(child)) {
        log4j2XmlAppender(xml, child, false, out);
      }
    }
  }

  private static boolean isLayoutElement(Element e) {
    return e.getTagName().toLowerCase(Locale.ROOT).endsWith("layout");
  }

  private static Layout log4j2XmlLayout(LogbackConfig xml, Element appender) {
    for (Element child : childElements(appender)) {
      if (isLayoutElement(child)) {
        String type = child.getTagName().equalsIgnoreCase("Layout")
            ? child.getAttribute("type") : child.getTagName();
        return new Layout(type, xml.lineOf(child), child.getAttribute("eventTemplateUri"));
      }
    }
    return null;
  }

  /** The appenders of a Log4j 1 {@code log4j.xml}. */
  static Log4jConfig fromLog4j1Xml(LogbackConfig xml) {
    List<Appender> out = new ArrayList<>();
    for (Element a : xml.elements("appender")) {
      Layout layout = null;
      for (Element l : LogbackConfig.children(a, "layout")) {
        layout = new Layout(l.getAttribute("class").strip(), xml.lineOf(l), "");
      }
      out.add(new Appender(a.getAttribute("name"), a.getAttribute("class").strip(),
          xml.lineOf(a), layout, Dialect.LOG4J1));
    }
    return new Log4jConfig(Dialect.LOG4J1, out);
  }

  static List<Element> childElements(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- properties

  /** One {@code key = value} of a properties file, with the line its key is on. */
  record Property(String key, String value, int line) {}

  /**
   * The entries of a {@code .properties} text as {@link java.util.Properties} reads them (comments,
   * {@code =}, {@code :} or blank separators, backslash continuations), each with its line. Escapes
   * other than a continuation are kept as written: Log4j keys and types do not use them.
   */
  static List<Property> readProperties(String text) {
    List<Property> out = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      String line = stripLeading(lines[i]);
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
        continue;
      }
      StringBuilder logical = new StringBuilder();
      while (endsInContinuation(line) && i + 1 < lines.length) {
        logical.append(line, 0, line.length() - 1);
        line = stripLeading(lines[++i]);
      }
      logical.append(line);
      String s = logical.toString();
      int sep = 0;
      while (sep < s.length() && "=: \t\f".indexOf(s.charAt(sep)) < 0) {
        sep += s.charAt(sep) == '\\' ? 2 : 1;
      }
      sep = Math.min(sep, s.length());
      String key = s.substring(0, sep);
      int v = sep;
      while (v < s.length() && " \t\f".indexOf(s.charAt(v)) >= 0) {
        v++;
      }
      if (v < s.length() && (s.charAt(v) == '=' || s.charAt(v) == ':')) {
        v++;
      }
      out.add(new Property(key, s.substring(v).strip(), first + 1));
    }
    return out;
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && " \t\f".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return s.substring(i);
  }

  private static boolean endsInContinuation(String s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  /** Whether the properties use Log4j2's {@code appender.<id>.type} (or {@code appenders}) syntax. */
  static boolean isLog4j2Properties(List<Property> props) {
    return props.stream().anyMatch(p -> p.key().equals("appenders")
        || (p.key().startsWith("appender.") && p.key().endsWith(".type")
            && p.key().chars().filter(c -> c == '.').count() == 2));
  }

  /** Whether the properties use Log4j 1's {@code log4j.appender.<name>} or root logger keys. */
  static boolean isLog4j1Properties(List<Property> props) {
    return props.stream().anyMatch(p -> p.key().startsWith("log4j.appender.")
        || p.key().equals("log4j.rootLogger") || p.key().equals("log4j.rootCategory"));
  }

  /** The appenders of a Log4j2 properties configuration: one per {@code appender.<id>.type}. */
  static Log4jConfig fromLog4j2Properties(List<Property> props) {
    Map<String, Property> byKey = new LinkedHashMap<>();
    for (Property p : props) {
      byKey.put(p.key(), p);
    }
    List<Appender> out = new ArrayList<>();
    for (Property p : props) {
      String k = p.key();
      if (!k.startsWith("appender.") || !k.endsWith(".type")
          || k.chars().filter(c -> c == '.').count() != 2) {
        continue;
      }
      String prefix = k.substring(0, k.length() - "type".length());
      String id = prefix.substring("appender.".length(), prefix.length() - 1);
      Property name = byKey.get(prefix + "name");
      Property layoutType = byKey.get(prefix + "layout.type");
      Property template = byKey.get(prefix + "layout.eventTemplateUri");
      Layout layout = layoutType == null ? null : new Layout(layoutType.value(), layoutType.line(),
          template == null ? "" : template.value());
      out.add(new Appender(name == null ? id : name.value(), p.value(), p.line(), layout,
          Dialect.LOG4J2));
    }
    return new Log4jConfig(Dialect.LOG4J2, out);
  }

  /** The appenders of a Log4j 1 {@code log4j.properties}: one per {@code log4j.appender.<name>}. */
  static Log4jConfig fromLog4j1Properties(List<Property> props) {
    String prefix = "log4j.appender.";
    Map<String, Property> byKey = new LinkedHashMap<>();
    for (Property p : props) {
      byKey.put(p.key(), p);
    }
    List<Appender> out = new ArrayList<>();
    for (Property p : props) {
      String k = p.key();
      if (!k.startsWith(prefix) || k.indexOf('.', prefix.length()) >= 0
          || k.length() == prefix.length()) {
        continue;
      }
      Property layout = byKey.get(k + ".layout");
      out.add(new Appender(k.substring(prefix.length()), p.value(), p.line(),
          layout == null ? null : new Layout(layout.value(), layout.line(), ""), Dialect.LOG4J1));
    }
    return new Log4jConfig(Dialect.LOG4J1, out);
  }

  // ---------------------------------------------------------------- YAML and JSON

  /** The appenders of a Log4j2 YAML or JSON configuration read into a {@link TreeNode}. */
  static Log4jConfig fromLog4j2Tree(TreeNode configuration) {
    List<Appender> out = new ArrayList<>();
    TreeNode appenders = configuration.field("appenders");
    if (appenders != null && appenders.fields() != null) {
      appenders.fields().forEach((key, value) -> {
        for (TreeNode a : value.elements()) {
          if (a.fields() == null) {
            continue;
          }
          String type = key.equalsIgnoreCase("appender") ? a.text("type") : key;
          String name = a.text("name");
          Layout layout = null;
          for (Map.Entry<String, TreeNode> f : a.fields().entrySet()) {
            if (layout == null && f.getKey().toLowerCase(Locale.ROOT).endsWith("layout")) {
              String layoutType = f.getKey().equalsIgnoreCase("layout")
                  ? f.getValue().text("type") : f.getKey();
              layout = new Layout(layoutType, f.getValue().line(),
                  f.getValue().text("eventTemplateUri"));
            }
          }
          out.add(new Appender(name.isEmpty() ? type : name, type, a.line(), layout,
              Dialect.LOG4J2));
        }
      });
    }
    return new Log4jConfig(Dialect.LOG4J2, out);
  }
}
