package io.logconv.core;

import java.util.Arrays;

/**
 * The keys written so far by the maps being written, a map inside a map after its parent's, so
 * that a key that repeats in one map after sanitising is found without a set per map; and an
 * open-addressing table over them (each slot an index into {@link #keys} plus one, 0 for empty;
 * {@link #slotOf} is where each key sits in it). A map takes its keys out as it ends, newest first,
 * which leaves the table exactly as it was before the map began. Also caches what sanitising makes
 * of the map keys it changes, since keys repeat. One per {@link ValueWriter}.
 */
final class MapKeys {
  private static final int SANITIZED_CACHE = 64;
  private static final int MAX_CACHED_KEY = 64;

  private String[] keys = new String[16];
  private int[] slotOf = new int[16];
  private int[] table = new int[32];
  private int count;

  /** Map keys that sanitising changes, and what it makes of them, in a direct-mapped cache. */
  private final String[] rawKeys = new String[SANITIZED_CACHE];

  private final String[] sanitizedKeys = new String[SANITIZED_CACHE];

  /** Where the next map's keys start: pass it to {@link #add} and {@link #removeFrom}. */
  int mark() {
    return count;
  }

  /** {@link KeyPolicy#sanitize}, remembering the keys it changes. */
  String sanitized(String raw) {
    int h = raw.hashCode();
    int slot = (h ^ (h >>> 16)) & (SANITIZED_CACHE - 1);
    if (raw.equals(rawKeys[slot])) {
      return sanitizedKeys[slot];
    }
    String k = KeyPolicy.sanitize(raw);
    if (!k.equals(raw) && raw.length() <= MAX_CACHED_KEY) {
      rawKeys[slot] = raw;
      sanitizedKeys[slot] = k;
    }
    return k;
  }

  /**
   * Records {@code key} for the map whose keys start at {@code firstKey}; false if that map wrote it
   * already. Keys of enclosing maps (below {@code firstKey}) do not count.
   */
  boolean add(String key, int firstKey) {
    if (2 * (count + 1) > table.length) {
      grow();
    }
    int mask = table.length - 1;
    int h = key.hashCode();
    int slot = (h ^ (h >>> 16)) & mask;
    for (int e = table[slot]; e != 0; e = table[slot]) {
      if (e - 1 >= firstKey && key.equals(keys[e - 1])) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    int i = count++;
    keys[i] = key;
    slotOf[i] = slot;
    table[slot] = i + 1;
    return true;
  }

  /** Takes out the keys from {@code firstKey} on, newest first. */
  void removeFrom(int firstKey) {
    for (int i = count - 1; i >= firstKey; i--) {
      table[slotOf[i]] = 0;
      keys[i] = null;
    }
    count = firstKey;
  }

  /**
   * Doubles the table and the key arrays. The keys go back in the order they came, so that the
   * table is what inserting them one by one makes, and taking them out newest first stays exact.
   */
  private void grow() {
    int[] t = new int[2 * table.length];
    int mask = t.length - 1;
    keys = Arrays.copyOf(keys, t.length / 2);
    slotOf = Arrays.copyOf(slotOf, t.length / 2);
    for (int i = 0; i < count; i++) {
      int h = keys[i].hashCode();
      int slot = (h ^ (h >>> 16)) & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = i + 1;
      slotOf[i] = slot;
    }
    table = t;
  }
}
