package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.schema.Level;
import java.lang.management.ManagementFactory;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A map value's keys are sanitised, and a key that two entries share after sanitising is written
 * once, the first entry's, in every map on its own (a nested map may repeat its parent's keys),
 * without a set per map.
 */
class MapKeysTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final EventWriter writer = LineFormat.builder().maxLineBytes(1 << 20).build().newWriter();

  private String line(Object value) {
    return Lines.text(writer.begin(1678188749167L, Level.INFO, "l").message("m").field("v", value).end());
  }

  /** What the line must hold: each map with its keys sanitised, the first of equal ones kept. */
  private static Object firstOfEachKey(Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return value;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.putIfAbsent(KeyPolicy.sanitize(String.valueOf(k)), firstOfEachKey(v)));
    return out;
  }

  private void assertFirstOfEachKey(Object value) {
    String line = line(value);
    Lines.parse(writer.buffer()); // strict: no key twice in any object
    assertThat(line).isEqualTo(line(firstOfEachKey(value)));
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void theFirstOfTwoKeysEqualAfterSanitisingWins() {
    assertThat(line(map("a b", 1, "a_b", 2, "c", 3)))
        .isEqualTo(
            "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"logger\":\"l\",\"msg\":\"m\",\"v\":{\"a_b\":1,\"c\":3}}\n");
    assertFirstOfEachKey(map("a b", 1, "a_b", 2, "a-b", 3, "a.b", 4, "c", 5));
    Map<Object, Object> odd = new LinkedHashMap<>();
    odd.put(null, 1);
    odd.put("null", 2);
    odd.put("", 3);
    odd.put("-", 4);
    odd.put("9lives", 5);
    odd.put("_9lives", 6);
    assertFirstOfEachKey(odd);
  }

  @Test
  void eachNestedMapKeepsItsOwnKeys() {
    Map<String, Object> inner = map("a b", 1, "a_b", 2, "x_y", 3);
    assertThat(line(map("x y", inner, "x_y", 4, "a b", 5)))
        .endsWith("\"v\":{\"x_y\":{\"a_b\":1,\"x_y\":3},\"a_b\":5}}\n");
    // Eight levels, each repeating the keys of the others, and more keys than the table first holds.
    Object deep = "leaf";
    for (int level = 0; level < 8; level++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("next", deep);
      for (int i = 0; i < 40; i++) {
        m.put("k " + i, level);
        m.put("k_" + i, -level);
      }
      deep = m;
    }
    assertFirstOfEachKey(deep);
  }

  @Test
  void largeMapsAndManyMapsInOneEvent() {
    Map<String, Object> large = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      large.put("key " + i, i);
      large.put("key_" + i, -i);
      large.put("key-" + i, map("a b", i, "a_b", -i));
    }
    assertFirstOfEachKey(large);
    Object[] several = new Object[50];
    for (int i = 0; i < several.length; i++) {
      several[i] = map("a b", i, "a_b", -i, "n", i);
    }
    assertFirstOfEachKey(several);
    assertFirstOfEachKey(map("list", java.util.List.of(map("a b", 1, "a_b", 2), map("a_b", 3, "a b", 4))));
  }

  @Test
  void aMapThatFailsHalfWayLeavesNoKeysBehind() {
    Map<String, Object> broken =
        new AbstractMap<>() {
          @Override
          public Set<Map.Entry<String, Object>> entrySet() {
            Set<Map.Entry<String, Object>> entries = map("a", 1, "b", 2, "c", 3).entrySet();
            return new java.util.AbstractSet<>() {
              @Override
              public Iterator<Map.Entry<String, Object>> iterator() {
                Iterator<Map.Entry<String, Object>> it = entries.iterator();
                return new Iterator<>() {
                  int given;

                  @Override
                  public boolean hasNext() {
                    return true;
                  }

                  @Override
                  public Map.Entry<String, Object> next() {
                    if (given++ == 2) {
                      throw new IllegalStateException("changed while read");
                    }
                    return it.next();
                  }
                };
              }

              @Override
              public int size() {
                return 3;
              }
            };
          }
        };
    assertThat(line(map("outer", broken, "after", map("a", 1, "b", 2))))
        .endsWith(
            "\"v\":{\"outer\":\"[unwritable value: java.lang.IllegalStateException]\",\"after\":{\"a\":1,\"b\":2}}}\n");
    assertThat(line(map("a", 1, "b", 2))).endsWith("\"v\":{\"a\":1,\"b\":2}}\n");
  }

  @Test
  void aMapValueAllocatesNothingAfterWarmUp() {
    assertThat(THREADS.isThreadAllocatedMemorySupported()).isTrue();
    THREADS.setThreadAllocatedMemoryEnabled(true);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("zone id", "eu-west-1a");
    nested.put("zone_id", "eu-west-1b");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("a b", "first");
    details.put("a_b", "second");
    details.put("namespace", "samburrai-tenant");
    details.put("replicas", 3L);
    details.put("placement", nested);
    details.put("ready", true);
    EventWriter w = LineFormat.builder().build().newWriter();
    long[] clock = {1678188749167L};
    Runnable r =
        () ->
            w.begin(clock[0]++, Level.INFO, "controllers.Component")
                .message("scaled")
                .field("details", details)
                .end();
    r.run();
    assertThat(Lines.parse(w.buffer()).get("details").toString())
        .isEqualTo(
            "{\"a_b\":\"first\",\"namespace\":\"samburrai-tenant\",\"replicas\":3,\"placement\":{\"zone_id\":\"eu-west-1a\"},\"ready\":true}");
    for (int i = 0; i < 50_000; i++) {
      r.run();
    }
    assertThat(AllocationTest.steadyStateBytes(r, 10_000)).as("bytes allocated by 10,000 lines").isZero();
  }
}
