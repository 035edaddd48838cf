package io.logconv.lint.source;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Tells which logging configuration a file is (Logback, Log4j2 in any of its syntaxes, Log4j 1)
 * from its name and content, and reads it. A file that is none of them is {@link Unsupported},
 * with the reason; only a file that is not well-formed in its own syntax is {@link Malformed}.
 */
final class ConfigReader {
  private static final Set<String> LOGBACK_FILES = Set.of("logback.xml", "logback-spring.xml");
  private static final Pattern LOG4J2_FILES =
      Pattern.compile("log4j2(?:[-.][\\w.-]*)?\\.xml|log4j2(?:-[\\w.-]+)?\\.(?:properties|ya?ml|jsn|json)");
  private static final Set<String> LOG4J1_FILES = Set.of("log4j.properties", "log4j.xml");

  private ConfigReader() {}

  /** What a configuration file turned out to be. */
  sealed interface Parsed permits Logback, Log4j, Unsupported {}

  /** A Logback configuration. */
  record Logback(LogbackConfig config) implements Parsed {}

  /** A Log4j2 or Log4j 1 configuration. */
  record Log4j(Log4jConfig config) implements Parsed {}

  /** Not a logging configuration the linter understands, and why. */
  record Unsupported(String reason) implements Parsed {}

  /** The file is not well-formed in its syntax (XML, YAML, JSON). */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    Malformed(String message, int line) {
      super(message);
      this.line = Math.max(1, line);
    }

    int line() {
      return line;
    }
  }

  /**
   * Whether directory discovery picks up a file of this name: {@code logback.xml}, {@code
   * logback-spring.xml}, {@code log4j2.xml} and {@code log4j2*.xml}, {@code log4j2.properties},
   * {@code log4j2.yaml}/{@code .yml}/{@code .json}/{@code .jsn} (also as {@code log4j2-test.*}
   * and the like), {@code log4j.properties}, {@code log4j.xml}.
   */
  static boolean isConfigFileName(String name) {
    return LOGBACK_FILES.contains(name) || LOG4J1_FILES.contains(name)
        || LOG4J2_FILES.matcher(name).matches();
  }

  /** Reads {@code text}, named {@code fileName}, as whichever configuration it is. */
  static Parsed read(String fileName, String text) throws Malformed {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (LOGBACK_FILES.contains(fileName)) {
      return new Logback(xml(text, false));
    }
    if (name.endsWith(".xml")) {
      return fromXml(fileName, xml(text, true));
    }
    if (name.endsWith(".properties")) {
      List<Log4jConfig.Property> props = Log4jConfig.readProperties(text);
      boolean log4j1 = Log4jConfig.isLog4j1Properties(props);
      if (log4j1 && (fileName.equals("log4j.properties") || !Log4jConfig.isLog4j2Properties(props))) {
        return new Log4j(Log4jConfig.fromLog4j1Properties(props));
      }
      if (Log4jConfig.isLog4j2Properties(props)) {
        return new Log4j(Log4jConfig.fromLog4j2Properties(props));
      }
      return new Unsupported("no Log4j2 appender.<id>.type or Log4j 1 log4j.appender.<name> entries");
    }
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    if (yaml || name.endsWith(".json") || name.endsWith(".jsn")) {
      TreeNode root;
      try {
        root = TreeNode.read(text, yaml);
      } catch (TreeNode.Malformed e) {
        throw new Malformed((yaml ? "YAML" : "JSON") + " does not parse: " + e.getMessage(), e.line());
      }
      TreeNode configuration = root == null ? null : root.field("configuration");
      if (configuration == null || configuration.fields() == null) {
        return new Unsupported("no top-level Configuration object, as Log4j2 expects");
      }
      return new Log4j(Log4jConfig.fromLog4j2Tree(configuration));
    }
    return new Unsupported("expected logback.xml, log4j2.xml, log4j2.properties, log4j2.yaml,"
        + " log4j2.json, log4j.properties or log4j.xml");
  }

  private static Parsed fromXml(String fileName, LogbackConfig xml) {
    Element root = xml.document().getDocumentElement();
    String tag = root == null ? "" : root.getTagName();
    if (tag.equals("log4j:configuration") || (fileName.equals("log4j.xml") && tag.equals("configuration"))) {
      return new Log4j(Log4jConfig.fromLog4j1Xml(xml));
    }
    if (tag.equalsIgnoreCase("configuration")) {
      boolean log4j2Sections = Log4jConfig.childElements(root).stream()
          .anyMatch(e -> e.getTagName().equalsIgnoreCase("Appenders")
              || e.getTagName().equalsIgnoreCase("Loggers"));
      if (log4j2Sections || LOG4J2_FILES.matcher(fileName).matches()) {
        return new Log4j(Log4jConfig.fromLog4j2Xml(xml));
      }
      if (tag.equals("configuration") && !xml.elements("appender").isEmpty()) {
        return new Logback(xml);
      }
    }
    return new Unsupported("root element <" + tag + "> is neither Logback's <configuration>"
        + " nor Log4j2's <Configuration> nor Log4j 1's <log4j:configuration>");
  }

  private static LogbackConfig xml(String text, boolean allowDoctype) throws Malformed {
    try {
      return allowDoctype ? LogbackConfig.parseAllowingDoctype(text) : LogbackConfig.parse(text);
    } catch (LogbackConfig.SAXParseFailure e) {
      throw new Malformed("configuration does not parse: " + e.getMessage(), e.line());
    }
  }
}
