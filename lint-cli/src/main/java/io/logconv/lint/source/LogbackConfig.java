package io.logconv.lint.source;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A parsed Logback configuration with the line of every element. The JDK's parser builds the DOM
 * tree from SAX events so that each element keeps its line (a plain DOM parse loses it): the line
 * on which its start tag begins, also when its attributes run over several lines. Parsing is
 * secure: DOCTYPE declarations are rejected, so no external entity, external DTD or entity
 * expansion is ever processed. (Log4j 1's {@code log4j.xml} declares a DOCTYPE by convention;
 * {@link #parseAllowingDoctype} accepts one but still loads no DTD and expands no external
 * entity.)
 *
 * <pre>{@code
 * LogbackConfig config = LogbackConfig.parse(xmlText);
 * for (Element appender : config.elements("appender")) {
 *   int line = config.lineOf(appender);
 * }
 * }</pre>
 */
public final class LogbackConfig {
  private static final String LINE = "logconv.line";

  private final Document document;

  private LogbackConfig(Document document) {
    this.document = document;
  }

  /** The parsed document. */
  public Document document() {
    return document;
  }

  /** Every element with the local name {@code name}, at any depth, in document order. */
  public List<Element> elements(String name) {
    NodeList list = document.getElementsByTagName(name);
    List<Element> out = new ArrayList<>(list.getLength());
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  /** The direct child elements of {@code parent} named {@code name}. */
  public static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The 1-based line on which {@code element}'s start tag begins. */
  public int lineOf(Element element) {
    Object line = element.getUserData(LINE);
    return line instanceof Integer i ? i : 1;
  }

  /**
   * Parses {@code xml}.
   *
   * @throws SAXParseFailure if the text is not well-formed XML or declares a DOCTYPE
   */
  public static LogbackConfig parse(String xml) throws SAXParseFailure {
    return parse(xml, false);
  }

  /**
   * Parses {@code xml} that may declare a DOCTYPE (as Log4j 1's {@code log4j.xml} does): the
   * declaration is read but no external DTD is loaded and no external entity is resolved (each
   * resolves to nothing); the JDK's secure-processing limits bound internal entity expansion.
   *
   * @throws SAXParseFailure if the text is not well-formed XML
   */
  public static LogbackConfig parseAllowingDoctype(String xml) throws SAXParseFailure {
    return parse(xml, true);
  }

  private static LogbackConfig parse(String xml, boolean allowDoctype) throws SAXParseFailure {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", !allowDoctype);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setXIncludeAware(false);
      DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
      dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Document doc = dbf.newDocumentBuilder().newDocument();
      SAXParser parser = factory.newSAXParser();
      parser.parse(new InputSource(new StringReader(xml)), new Builder(doc, xml));
      return new LogbackConfig(doc);
    } catch (org.xml.sax.SAXParseException e) {
      throw new SAXParseFailure(e.getMessage(), e.getLineNumber());
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new SAXParseFailure(String.valueOf(e.getMessage()), 1);
    }
  }

  /** The configuration is not well-formed XML (or declares a DOCTYPE), at {@link #line()}. */
  public static final class SAXParseFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    SAXParseFailure(String message, int line) {
      super(message);
      this.line = line;
    }

    /** The 1-based line of the problem, 1 when unknown. */
    public int line() {
      return Math.max(line, 1);
    }
  }

  /** Builds DOM elements from SAX events, storing each element's start line. */
  private static final class Builder extends DefaultHandler {
    private final Document doc;
    private final String text;
    private final int[] lineStarts;
    private final Deque<Node> open = new ArrayDeque<>();
    private Locator locator;

    Builder(Document doc, String text) {
      this.doc = doc;
      this.text = text;
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
      this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
      open.push(doc);
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) {
      // Only reached when a DOCTYPE is allowed: no DTD or external entity is ever read.
      return new InputSource(new StringReader(""));
    }

    /** The line on which the start tag that ends at the locator's position begins. */
    private int startLine(String qName) {
      if (locator == null) {
        return 1;
      }
      int line = locator.getLineNumber();
      if (line < 1 || line > lineStarts.length) {
        return Math.max(line, 1);
      }
      int end = Math.min(text.length(), lineStarts[line - 1] + Math.max(0, locator.getColumnNumber() - 1));
      int tagStart = text.lastIndexOf("<" + qName, end);
      if (tagStart < 0) {
        return line;
      }
      int startLine = line;
      while (startLine > 1 && lineStarts[startLine - 1] > tagStart) {
        startLine--;
      }
      return startLine;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      Element e = doc.createElement(qName);
      for (int i = 0; i < attributes.getLength(); i++) {
        e.setAttribute(attributes.getQName(i), attributes.getValue(i));
      }
      e.setUserData(LINE, startLine(qName), null);
      open.peek().appendChild(e);
      open.push(e);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      open.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      Node top = open.peek();
      if (top != doc) {
        top.appendChild(doc.createTextNode(new String(ch, start, length)));
      }
    }
  }
}
