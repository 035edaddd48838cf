package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.schema.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code logconv_dropped_keys} counts the keys a line left out because it was too long or had too
 * many fields, never a value that a later value of its key replaced.
 */
class DroppedKeysTest {
  private static final String DROPPED = "logconv_dropped_keys";

  private static EventWriter begin(EventWriter w) {
    return w.begin(1678188749167L, Level.INFO, "controllers.Component").message("m");
  }

  /** The keys of the line after {@code msg} that the event gave, in order. */
  private static List<String> eventKeys(JsonNode n) {
    List<String> keys = new ArrayList<>(Lines.keys(n));
    keys.removeAll(List.of("ts", "level", "logger", "msg", DROPPED));
    return keys;
  }

  @Test
  void aKeyGivenTwiceIsNotADroppedKey() {
    EventWriter w = LineFormat.builder().build().newWriter();
    JsonNode n = Lines.conforming(begin(w).field("k", "1").field("other", 2L).field("k", "2").end());
    assertThat(n.has(DROPPED)).isFalse();
    assertThat(eventKeys(n)).containsExactly("other", "k");
  }

  @Test
  void keysGivenTwiceDoNotCountTowardsTheFieldLimit() {
    EventWriter w = LineFormat.builder().build().newWriter();
    begin(w);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 300; i++) {
        w.field("k" + i, "round" + round);
      }
    }
    JsonNode n = Lines.conforming(w.end());
    // 300 keys, each once, each with its later value: nothing was left out.
    assertThat(n.has(DROPPED)).isFalse();
    List<String> keys = eventKeys(n);
    assertThat(keys).hasSize(300);
    for (int i = 0; i < 300; i++) {
      assertThat(keys.get(i)).isEqualTo("k" + i);
      assertThat(n.get("k" + i).asString()).isEqualTo("round1");
    }
  }

  @Test
  void pastTheFieldLimitTheKeysLeftOutAreCounted() {
    EventWriter w = LineFormat.builder().build().newWriter();
    begin(w);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 300; i++) {
        w.field("k" + i, "round" + round);
      }
    }
    for (int i = 0; i < 300; i++) {
      w.field("new" + i, "v");
    }
    JsonNode n = Lines.conforming(w.end());
    // 600 keys: the line carries 512 of them and says how many it left out.
    assertThat(eventKeys(n)).hasSize(512);
    assertThat(n.get(DROPPED).asInt()).isEqualTo(600 - 512);
    assertThat(n.get("k299").asString()).isEqualTo("round1");
  }

  @Test
  void aLineTooLongCountsOnlyTheKeysItLeftOut() {
    EventWriter w = LineFormat.builder().maxLineBytes(2048).build().newWriter();
    begin(w);
    for (int i = 0; i < 40; i++) {
      w.field("key" + i, "x".repeat(100));
    }
    for (int i = 0; i < 40; i += 2) {
      w.field("key" + i, "y".repeat(100)); // replaces its earlier value
    }
    JsonBuffer line = w.end();
    assertThat(line.size()).isLessThanOrEqualTo(2048);
    JsonNode n = Lines.conforming(line);
    List<String> kept = eventKeys(n);
    assertThat(kept).isNotEmpty().hasSizeLessThan(40);
    assertThat(n.get(DROPPED).asInt()).isEqualTo(40 - kept.size());
  }
}
