package io.logconv.lint.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML or JSON document read into objects, arrays and scalars that keep their line: an object
 * held by a property has the line of the property's name (where a reader looks for it), an array
 * element its own line. Field lookup ignores case, as Log4j2 does.
 *
 * <pre>{@code
 * TreeNode root = TreeNode.read(text, true);
 * TreeNode appenders = root.field("configuration").field("appenders");
 * }</pre>
 */
final class TreeNode {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final int MAX_DEPTH = 200;

  private final int line;
  private final Map<String, TreeNode> fields;
  private final List<TreeNode> items;
  private final String scalar;

  private TreeNode(int line, Map<String, TreeNode> fields, List<TreeNode> items, String scalar) {
    this.line = line;
    this.fields = fields;
    this.items = items;
    this.scalar = scalar;
  }

  /** Thrown when the text is not YAML (or JSON), at {@link #line()}. */
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
   * Reads the first document of {@code text}, YAML when {@code yaml}, else JSON.
   *
   * @return the root, or null for an empty document
   * @throws Malformed if the text does not parse
   */
  static TreeNode read(String text, boolean yaml) throws Malformed {
    TokenStreamFactory factory = yaml ? YAML : JSON;
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      return value(p, line(p), 0);
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      String message = e.getOriginalMessage();
      return fail(message == null ? "does not parse" : message, loc == null ? 1 : loc.getLineNr());
    } catch (RuntimeException e) {
      // snakeyaml-engine reports some limits (aliases, nesting) unchecked
      return fail(String.valueOf(e.getMessage()), 1);
    }
  }

  private static TreeNode fail(String message, int line) throws Malformed {
    throw new Malformed(message, line);
  }

  private static int line(JsonParser p) {
    return Math.max(1, p.currentTokenLocation().getLineNr());
  }

  private static TreeNode value(JsonParser p, int line, int depth) throws Malformed {
    if (depth > MAX_DEPTH) {
      throw new Malformed("nested more than " + MAX_DEPTH + " levels deep", line(p));
    }
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, TreeNode> fields = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        int nameLine = line(p);
        p.nextToken();
        fields.put(name, value(p, nameLine, depth + 1));
      }
      return new TreeNode(line, fields, null, null);
    }
    if (t == JsonToken.START_ARRAY) {
      List<TreeNode> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() == null) {
          throw new Malformed("unterminated array", line(p));
        }
        items.add(value(p, line(p), depth + 1));
      }
      return new TreeNode(line, null, items, null);
    }
    return new TreeNode(line, null, null, t == JsonToken.VALUE_NULL ? "" : p.getString());
  }

  /** The 1-based line. */
  int line() {
    return line;
  }

  /** The fields of an object, in document order; null when this is not an object. */
  Map<String, TreeNode> fields() {
    return fields;
  }

  /** The field named {@code name}, ignoring case; null if absent or this is not an object. */
  TreeNode field(String name) {
    if (fields == null) {
      return null;
    }
    for (Map.Entry<String, TreeNode> e : fields.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The scalar text of field {@code name}, or empty. */
  String text(String name) {
    TreeNode f = field(name);
    return f == null || f.scalar == null ? "" : f.scalar.strip();
  }

  /** The elements of an array, or this node alone. */
  List<TreeNode> elements() {
    return items == null ? List.of(this) : items;
  }
}
