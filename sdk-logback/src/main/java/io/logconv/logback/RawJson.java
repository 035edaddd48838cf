package io.logconv.logback;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON text of a logstash-logback-encoder raw field ({@code Markers.appendRaw}, {@code
 * StructuredArguments.raw}) into maps, lists, strings, numbers, booleans and nulls, so that the
 * writer writes it as the value it is, with its keys repaired and its strings redacted like every
 * other value. logstash-logback-encoder copies the text into the line unchecked; here text that is
 * not one well-formed JSON value (RFC 8259) is written as a string instead, so the line stays
 * valid whatever the application passed.
 *
 * <pre>{@code
 * RawJson.read("[1, 2.5, true]");  // a List of 1L, 2.5 (a BigDecimal) and Boolean.TRUE
 * RawJson.read("[1, 2");           // "[1, 2", the text itself
 * }</pre>
 */
final class RawJson {
  /** Deeper documents are written as text: the writer writes at most 8 levels anyway. */
  private static final int MAX_DEPTH = 32;

  private final String s;
  private int i;

  private RawJson(String s) {
    this.s = s;
  }

  /** The value {@code json} holds, or {@code json} itself if it is not one JSON value. */
  static Object read(String json) {
    if (json == null) {
      return null;
    }
    RawJson p = new RawJson(json);
    try {
      p.skipSpace();
      Object v = p.value(0);
      p.skipSpace();
      return p.i == json.length() ? v : json;
    } catch (Malformed e) {
      return json;
    }
  }

  /** Thrown where the text stops being JSON; carries no stack trace. */
  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed() {
      super(null, null, false, false);
    }
  }

  private Object value(int depth) throws Malformed {
    if (i >= s.length() || depth > MAX_DEPTH) {
      throw new Malformed();
    }
    return switch (s.charAt(i)) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> word("true", true);
      case 'f' -> word("false", false);
      case 'n' -> word("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object(int depth) throws Malformed {
    Map<String, Object> m = new LinkedHashMap<>();
    i++; // '{'
    skipSpace();
    if (peek() == '}') {
      i++;
      return m;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw new Malformed();
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      m.put(key, value(depth + 1));
      skipSpace();
      char c = next();
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        throw new Malformed();
      }
    }
  }

  private List<Object> array(int depth) throws Malformed {
    List<Object> l = new ArrayList<>();
    i++; // '['
    skipSpace();
    if (peek() == ']') {
      i++;
      return l;
    }
    while (true) {
      skipSpace();
      l.add(value(depth + 1));
      skipSpace();
      char c = next();
      if (c == ']') {
        return l;
      }
      if (c != ',') {
        throw new Malformed();
      }
    }
  }

  private String string() throws Malformed {
    i++; // '"'
    StringBuilder sb = null;
    int start = i;
    while (true) {
      if (i >= s.length()) {
        throw new Malformed();
      }
      char c = s.charAt(i);
      if (c == '"') {
        String text = sb == null ? s.substring(start, i) : sb.append(s, start, i).toString();
        i++;
        return text;
      }
      if (c < 0x20) {
        throw new Malformed();
      }
      if (c != '\\') {
        i++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(s, start, i);
      i++;
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw new Malformed();
          }
          int code = 0;
          for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(i++), 16);
            if (d < 0) {
              throw new Malformed();
            }
            code = code * 16 + d;
          }
          sb.append((char) code);
        }
        default -> throw new Malformed();
      }
      start = i;
    }
  }

  private Object number() throws Malformed {
    int start = i;
    boolean integral = true;
    if (peek() == '-') {
      i++;
    }
    if (peek() == '0') {
      i++;
    } else if (!digits()) {
      throw new Malformed();
    }
    if (peek() == '.') {
      i++;
      integral = false;
      if (!digits()) {
        throw new Malformed();
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      i++;
      integral = false;
      if (peek() == '+' || peek() == '-') {
        i++;
      }
      if (!digits()) {
        throw new Malformed();
      }
    }
    String text = s.substring(start, i);
    if (!integral) {
      return new BigDecimal(text);
    }
    BigInteger big = new BigInteger(text);
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  /** Consumes a run of digits; false if there was none. */
  private boolean digits() {
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i > start;
  }

  private Object word(String word, Object value) throws Malformed {
    if (!s.startsWith(word, i)) {
      throw new Malformed();
    }
    i += word.length();
    return value;
  }

  private void expect(char c) throws Malformed {
    if (next() != c) {
      throw new Malformed();
    }
  }

  private char next() throws Malformed {
    if (i >= s.length()) {
      throw new Malformed();
    }
    return s.charAt(i++);
  }

  /** The next char, or NUL at the end. */
  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private void skipSpace() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }
}
