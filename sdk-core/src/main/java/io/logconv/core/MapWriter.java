package io.logconv.core;

import io.logconv.core.redact.Redactor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Writes one map as a JSON object at one nesting depth: keys sanitised, of a key that repeats
 * after sanitising the first one wins, values through {@link ValueWriter}. One per depth, reused
 * from map to map, so that writing a map allocates nothing.
 */
final class MapWriter implements BiConsumer<Object, Object> {
  private final ValueWriter values;
  private final JsonBuffer buf;
  private final MapKeys mapKeys;
  private final Redactor redactor;
  private final int depth;
  private final int maxLineBytes;
  private int cap;
  private boolean dedupe;
  private int firstKey;
  private boolean first;

  /** True once the line is so long that the rest of the map is left out. */
  private boolean full;

  MapWriter(ValueWriter values, JsonBuffer buf, MapKeys mapKeys, Redactor redactor, int depth, int maxLineBytes) {
    this.values = values;
    this.buf = buf;
    this.mapKeys = mapKeys;
    this.redactor = redactor;
    this.depth = depth;
    this.maxLineBytes = maxLineBytes;
  }

  void write(Map<?, ?> map, int cap) {
    buf.append('{');
    this.cap = cap;
    this.dedupe = map.size() > 1;
    this.firstKey = mapKeys.mark();
    this.first = true;
    this.full = false;
    try {
      Class<?> type = map.getClass();
      if (type == HashMap.class || type == LinkedHashMap.class || type == TreeMap.class) {
        // Their forEach walks the entries in the iterator's order without creating an iterator.
        map.forEach(this);
      } else {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (full) {
            break;
          }
          entry(e, null, null);
        }
      }
    } finally {
      if (dedupe) {
        mapKeys.removeFrom(firstKey);
      }
    }
    buf.append('}');
  }

  @Override
  public void accept(Object key, Object value) {
    if (!full) {
      entry(null, key, value);
    }
  }

  /** Writes {@code e}'s key and value, or (without {@code e}) {@code key} and {@code value}. */
  private void entry(Map.Entry<?, ?> e, Object key, Object value) {
    String k;
    try {
      k = mapKeys.sanitized(String.valueOf(e == null ? key : e.getKey()));
    } catch (RuntimeException ex) {
      k = "_";
    }
    if (dedupe && !mapKeys.add(k, firstKey)) {
      return;
    }
    if (!first) {
      buf.append(',');
    }
    first = false;
    JsonEscaper.appendString(buf, k);
    buf.append(':');
    int mark = buf.size();
    try {
      values.writeValue(k, redactor.isSensitiveKey(k), e == null ? value : e.getValue(), cap, depth + 1);
    } catch (RuntimeException | StackOverflowError ex) {
      buf.truncate(mark);
      JsonEscaper.appendString(buf, "[unwritable value: " + ex.getClass().getName() + "]");
    }
    full = buf.size() > 4 * maxLineBytes;
  }
}
