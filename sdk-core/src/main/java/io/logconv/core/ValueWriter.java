package io.logconv.core;

import io.logconv.core.EventFields.FieldKey;
import io.logconv.core.redact.Chars;
import io.logconv.core.redact.Prefilter;
import io.logconv.core.redact.Redactor;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes values into the line: strings through the redactor's trigger test (fused with the escape
 * loop) and the redactor, numbers, booleans, enums, maps, collections and arrays, each string cut
 * to a cap when the line must shrink; and keeps the bytes of an entry whose value repeats. One per
 * {@link EventWriter}, sharing its buffer.
 */
final class ValueWriter {
  static final int MAX_DEPTH = 8;
  private static final int MAX_CACHED_VALUE_CHARS = 64;
  private static final int MAX_CACHED_ENTRY_BYTES = 160;

  /** Each {@link Action} as a quoted JSON string, and as the whole {@code action} entry. */
  private static final Map<Action, byte[]> ACTION_JSON = new EnumMap<>(Action.class);

  private static final Map<Action, byte[]> ACTION_FIELD = new EnumMap<>(Action.class);

  static {
    for (Action a : Action.values()) {
      ACTION_JSON.put(a, ascii("\"" + a.name() + "\""));
      ACTION_FIELD.put(a, ascii(",\"" + Conventions.ACTION + "\":\"" + a.name() + "\""));
    }
  }

  private final JsonBuffer buf;
  private final Redactor redactor;
  private final StatusListener status;
  private final int maxLineBytes;

  /**
   * The redactor's trigger test, run as strings are copied; null when there is no test to run:
   * every string goes to the redactor ({@link Prefilter#EVERY_TEXT}) or none does ({@link
   * #noRedaction}).
   */
  private final JsonEscaper scan;

  /** True if the redactor hides nothing, so strings are copied without a trigger test. */
  private final boolean noRedaction;

  /** The keys of the maps being written, and the state of the map at each depth. */
  private final MapKeys mapKeys = new MapKeys();

  private final MapWriter[] mapWriters = new MapWriter[MAX_DEPTH];

  private StringBuilder scratch = new StringBuilder(256);
  private StringBuilder text = new StringBuilder(256);
  private final StringBuilder number = new StringBuilder(32);
  private final StringBuilder marker = new StringBuilder(48);

  /** The chars of the string being written, for the redactor's prefilter and the escape loop. */
  private char[] chars = new char[256];

  ValueWriter(LineFormat format, JsonBuffer buf) {
    this.buf = buf;
    this.redactor = format.redactor();
    this.status = format.status();
    this.maxLineBytes = format.maxLineBytes();
    this.noRedaction = LineFormat.prefilterOf(redactor) == Prefilter.NOTHING_TO_HIDE;
    this.scan = noRedaction ? null : format.scan();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Drops scratch space grown past {@code retainChars} by an unusually large event. */
  void trim(int retainChars) {
    if (scratch.capacity() > retainChars) {
      scratch = new StringBuilder(256);
    }
    if (text.capacity() > retainChars) {
      text = new StringBuilder(256);
    }
    if (chars.length > retainChars) {
      chars = new char[256];
    }
  }

  /**
   * Writes the message as the value of {@code msg}: whole through the trigger test, or redacted and
   * capped. Once redacted, {@code msg} holds the redacted text and {@code redacted} is true on the
   * next attempt at the line, so the redactor runs once per event.
   *
   * @return whether {@code msg} now holds redacted text
   */
  boolean writeMessage(StringBuilder msg, boolean redacted, int cap) {
    if (!redacted) {
      if (writeUnlessFlagged(msg, cap)) {
        return false;
      }
      CharSequence m = redactor.redact(null, msg, scratch);
      if (m != msg) {
        msg.setLength(0);
        msg.append(m);
      }
    }
    writeCapped(msg, cap, false);
    return true;
  }

  /** Writes field {@code i} of {@code f} as {@code ,"key":value}, in at most about {@code cap} bytes a string. */
  void writeEntry(EventFields f, int i, int cap) {
    FieldKey fk = f.fields[i];
    String k = fk.key;
    Object v = f.values[i];
    byte kind = f.kinds[i];
    int start = buf.size();
    try {
      if (fk.pseudonym) {
        writePseudonymEntry(f, i, cap);
        return;
      }
      if (kind == EventFields.OBJECT && !fk.sensitive) {
        // The common cases first, each written with one copy: a string (often the one written
        // before under this key), an action, a boolean.
        if (v instanceof String str) {
          writeStringEntry(fk, str, cap);
          return;
        }
        if (v instanceof Action a && fk.rule == Field.ACTION) {
          buf.appendRaw(ACTION_FIELD.get(a));
          return;
        }
        if (v instanceof Boolean b && !fk.stringField) {
          buf.appendRaw(fk.prefix).appendBoolean(b);
          return;
        }
      }
      buf.appendRaw(fk.prefix);
      switch (kind) {
        case EventFields.LONG -> {
          if (fk.sensitive || fk.stringField) {
            number.setLength(0);
            number.append(f.longs[i]);
            writeString(k, fk.sensitive, number, cap);
          } else {
            buf.appendLong(f.longs[i]);
          }
        }
        case EventFields.DOUBLE -> writeDouble(k, fk.sensitive, fk.stringField, f.doubles[i], cap);
        default -> {
          if (fk.stringField) {
            writeAsString(k, fk.sensitive, v, cap);
          } else {
            writeValue(k, fk.sensitive, v, cap, 0);
          }
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      buf.truncate(start);
      buf.appendRaw(fk.prefix);
      JsonEscaper.appendString(buf, "[unwritable value: " + e.getClass().getName() + "]");
      status.onProblem(
          "value-failure:" + e.getClass().getName(), "a log value could not be written", e);
    }
  }

  /**
   * Writes {@code ,"actor":"h:…"}: the redactor's keyed hash of the value's text. The entry of the
   * last actor is kept, since one actor acts many times in a row and the hash is the costly part.
   */
  private void writePseudonymEntry(EventFields f, int i, int cap) {
    FieldKey fk = f.fields[i];
    Object v = f.values[i];
    String s = f.kinds[i] == EventFields.OBJECT && v instanceof String str ? str : null;
    byte[] cached = fk.entryBytes;
    if (s != null && cached != null && fk.entryLength > 0 && sameValue(s, fk.value)) {
      buf.appendRaw(cached, 0, fk.entryLength);
      return;
    }
    CharSequence clear;
    if (s != null) {
      clear = s;
    } else {
      text.setLength(0);
      switch (f.kinds[i]) {
        case EventFields.LONG -> text.append(f.longs[i]);
        case EventFields.DOUBLE -> text.append(f.doubles[i]);
        default -> MessageTemplate.appendArgument(text, v, null);
      }
      clear = text;
    }
    int mark = buf.size();
    buf.appendRaw(fk.prefix);
    writeCapped(redactor.pseudonym(clear, scratch), cap, false);
    int written = buf.size() - mark;
    if (s != null && cached != null && written <= cached.length) {
      System.arraycopy(buf.array(), mark, cached, 0, written);
      fk.entryLength = written;
      fk.value = s;
    }
  }

  private void writeAsString(String key, boolean sensitive, Object v, int cap) {
    if (v instanceof CharSequence cs) {
      writeString(key, sensitive, cs, cap);
      return;
    }
    text.setLength(0);
    MessageTemplate.appendArgument(text, v, null);
    if (sensitive) {
      // A list's "[hunter2]" is no placeholder: the value is replaced whole.
      writeCapped(redactor.redactRendered(key, text, scratch), cap, false);
    } else {
      writeString(key, false, text, cap);
    }
  }

  private void writeDouble(String key, boolean sensitive, boolean stringField, double d, int cap) {
    number.setLength(0);
    number.append(d);
    if (sensitive || stringField || Double.isNaN(d) || Double.isInfinite(d)) {
      writeString(key, sensitive, number, cap);
    } else {
      buf.appendAscii(number, 0, number.length());
    }
  }

  /** Writes {@code v} as a JSON value, a string cut to {@code cap}, at nesting {@code depth}. */
  void writeValue(String key, boolean sensitive, Object v, int cap, int depth) {
    if (v == null) {
      buf.appendNull();
      return;
    }
    if (v instanceof CharSequence cs) {
      writeString(key, sensitive, cs, cap);
      return;
    }
    if (sensitive) {
      writeAsString(key, true, v, cap);
      return;
    }
    if (v instanceof Boolean b) {
      buf.appendBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      buf.appendLong(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      writeDouble(key, false, EventWriter.isStringField(key), ((Number) v).doubleValue(), cap);
    } else if (v instanceof BigInteger || v instanceof BigDecimal) {
      String s = v.toString();
      buf.appendAscii(s, 0, s.length());
    } else if (v instanceof Action a) {
      buf.appendRaw(ACTION_JSON.get(a)); // the contract's own constants, already JSON
    } else if (v instanceof Enum<?> en) {
      writeString(key, false, en.name(), cap);
    } else if (v instanceof char[] cs) {
      text.setLength(0);
      text.append(cs);
      writeString(key, false, text, cap);
    } else if (depth >= MAX_DEPTH) {
      JsonEscaper.appendString(buf, "[too deep]");
    } else if (v instanceof Map<?, ?> m) {
      writeMap(m, cap, depth);
    } else if (v instanceof Iterable<?> it) {
      buf.append('[');
      boolean first = true;
      for (Object e : it) {
        if (!first) {
          buf.append(',');
        }
        first = false;
        writeValue(key, false, e, cap, depth + 1);
        if (buf.size() > 4 * maxLineBytes) {
          break;
        }
      }
      buf.append(']');
    } else if (v instanceof Object[] arr) {
      buf.append('[');
      for (int j = 0; j < arr.length && buf.size() <= 4 * maxLineBytes; j++) {
        if (j > 0) {
          buf.append(',');
        }
        writeValue(key, false, arr[j], cap, depth + 1);
      }
      buf.append(']');
    } else {
      writeAsString(key, false, v, cap);
    }
  }

  private void writeMap(Map<?, ?> map, int cap, int depth) {
    MapWriter w = mapWriters[depth];
    if (w == null) {
      w = new MapWriter(this, buf, mapKeys, redactor, depth, maxLineBytes);
      mapWriters[depth] = w;
    }
    w.write(map, cap);
  }

  /**
   * Writes {@code ,"key":"value"} for a string value under a key no key rule covers. Services
   * repeat values under a key (a namespace, a kind, a tenant, a request id on every line of a
   * request), so the bytes of the entry a short value was written in are kept once it comes back,
   * and written again while it keeps coming: the comparison costs a fraction of the escape loop and
   * of the redactor's prefilter. Only a value written whole and unredacted is kept, so the bytes are
   * what the loop would write again.
   */
  private void writeStringEntry(FieldKey fk, String s, int cap) {
    byte[] cached = fk.entryBytes;
    int len = s.length();
    boolean cacheable = cached != null && len <= MAX_CACHED_VALUE_CHARS && (long) len * 6 <= cap;
    boolean seen = cacheable && sameValue(s, fk.value);
    if (seen && fk.entryLength > 0) {
      buf.appendRaw(cached, 0, fk.entryLength);
      return;
    }
    int mark = buf.size();
    buf.appendRaw(fk.prefix);
    if (!writeUnlessFlagged(s, cap)) {
      writeCapped(redactor.redact(fk.key, s, scratch), cap, false);
      return;
    }
    int written = buf.size() - mark;
    if (!cacheable || written > MAX_CACHED_ENTRY_BYTES) {
      return;
    }
    if (!seen) {
      // The first time: the value only. Its bytes are kept when it comes back, so that values
      // that change with every event cost no copy.
      fk.value = s;
      fk.entryLength = 0;
      return;
    }
    if (written > cached.length) {
      cached = new byte[Math.min(MAX_CACHED_ENTRY_BYTES, Math.max(written, 2 * cached.length))];
      fk.entryBytes = cached;
    }
    System.arraycopy(buf.array(), mark, cached, 0, written);
    fk.entryLength = written;
  }

  /**
   * {@code s.equals(last)}, with the last chars compared first: values that change (ids, names
   * with a suffix) mostly differ at their end, which {@code equals} reaches last.
   */
  @SuppressWarnings("ReferenceEquality") // the same instance, before comparing chars
  private static boolean sameValue(String s, String last) {
    if (s == last) {
      return true;
    }
    int len = s.length();
    return last != null
        && len == last.length()
        && (len == 0 || s.charAt(len - 1) == last.charAt(len - 1))
        && s.equals(last);
  }

  /**
   * Writes a string value under {@code key}. A string no key rule covers goes through the
   * redactor's prefilter on a copy of its chars; when that finds nothing, the copy is escaped
   * straight into the line, and only otherwise does {@link Redactor#redact} run.
   */
  private void writeString(String key, boolean sensitive, CharSequence s, int cap) {
    if (sensitive || !writeUnlessFlagged(s, cap)) {
      writeCapped(redactor.redact(key, s, scratch), cap, false);
    }
  }

  /**
   * Writes {@code s} whole, quoted and escaped, with the redactor's prefilter run in the same pass,
   * and returns true; or writes nothing and returns false if the prefilter flags it, or there is
   * none, or {@code s} may not fit in {@code cap} bytes.
   */
  private boolean writeUnlessFlagged(CharSequence s, int cap) {
    int len = s.length();
    if ((scan == null && !noRedaction) || (long) len * 6 > cap) {
      return false;
    }
    chars = Chars.ensure(chars, len + 1); // room for the scan's end mark
    Chars.copy(s, len, chars);
    if (noRedaction) {
      JsonEscaper.appendString(buf, chars, 0, len);
      return true;
    }
    return scan.appendString(buf, s, chars, len);
  }

  /**
   * Writes {@code s} quoted and escaped in at most about {@code cap} bytes; a longer string is cut
   * with a marker saying how many bytes were dropped, at its end or (for stack traces, to keep the
   * root cause) in its middle.
   */
  void writeCapped(CharSequence s, int cap, boolean keepTail) {
    int len = s.length();
    if (len <= cap) {
      // Escaped through a copy of the chars (a loop over an array, several times faster than
      // charAt); a string whose escaped form turns out longer than cap is taken back and cut.
      int mark = buf.size();
      chars = Chars.ensure(chars, len + 1);
      Chars.copy(s, len, chars);
      JsonEscaper.appendString(buf, chars, 0, len);
      if (buf.size() - mark - 2 <= cap) {
        return;
      }
      buf.truncate(mark);
    }
    buf.append('"');
    if (keepTail) {
      int headEnd = JsonEscaper.fittingEnd(buf, s, 0, len, cap * 2 / 3);
      int tailStart = fittingStart(s, headEnd, len, cap / 3);
      JsonEscaper.appendEscaped(buf, s, 0, headEnd);
      int dropped = JsonEscaper.escapedLength(buf, s, headEnd, tailStart);
      marker.setLength(0);
      marker.append("\n...[truncated ").append(dropped).append(" bytes]...\n");
      JsonEscaper.appendEscaped(buf, marker, 0, marker.length());
      JsonEscaper.appendEscaped(buf, s, tailStart, len);
    } else {
      int end = JsonEscaper.fittingEnd(buf, s, 0, len, Math.max(0, cap - 32));
      JsonEscaper.appendEscaped(buf, s, 0, end);
      int dropped = JsonEscaper.escapedLength(buf, s, end, len);
      marker.setLength(0);
      marker.append("...[truncated ").append(dropped).append(" bytes]");
      buf.appendAscii(marker, 0, marker.length());
    }
    buf.append('"');
  }

  /** Index from which chars up to {@code end} fit in {@code maxBytes} escaped bytes. */
  private int fittingStart(CharSequence s, int start, int end, int maxBytes) {
    int i = end;
    int used = 0;
    while (i > start) {
      int step = 1;
      if (i - 2 >= start
          && Character.isLowSurrogate(s.charAt(i - 1))
          && Character.isHighSurrogate(s.charAt(i - 2))) {
        step = 2;
      }
      int w = JsonEscaper.escapedLength(buf, s, i - step, i);
      if (used + w > maxBytes) {
        break;
      }
      used += w;
      i -= step;
    }
    return i;
  }
}
