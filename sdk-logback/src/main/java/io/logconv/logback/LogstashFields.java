package io.logconv.logback;

import io.logconv.core.EventWriter;
import io.logconv.core.MessageTemplate;
import io.logconv.core.redact.Redactor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Marker;

/**
 * Turns logstash-logback-encoder's structured arguments ({@code StructuredArguments.kv}, {@code v},
 * {@code entries}, {@code fields}, {@code array}, {@code raw}, {@code defer}) and markers ({@code
 * Markers.append}, {@code appendEntries}, {@code appendFields}, {@code appendArray}, {@code
 * appendRaw}, {@code aggregate}, {@code defer}, and markers joined with {@code and}) into fields of
 * the line, so that a service moving from {@code LogstashEncoder} to {@link ConventionsEncoder}
 * keeps them. Every field goes through {@link EventWriter#field(String, Object)}: keys repaired,
 * values redacted, like any other field.
 *
 * <pre>{@code
 * log.info("reconciled {}", kv("namespace", ns));            // msg "reconciled namespace=ns1", namespace: "ns1"
 * log.info(Markers.append("order_id", 42), "order placed");  // order_id: 42
 * }</pre>
 *
 * <p>logstash-logback-encoder is not a dependency: its classes are looked up by name once, with
 * this class's loader, and everything here is off when they are absent ({@link #PRESENT}). Where
 * they are present, an event without structured arguments or logstash markers costs one class test
 * per argument and marker and allocates nothing. The values are read from the arguments' and
 * markers' own fields, since the library hands them out only to a Jackson generator; a class this
 * code cannot read (an application's own {@code StructuredArgument}, or a later release that
 * renamed a field) is reported once and its fields are left out, its text staying in {@code msg}.
 *
 * <p>Values are written as the writer writes any value (maps as objects, collections and arrays as
 * arrays), with Jackson's shape where the writer would differ ({@link BeanProperties#jsonValue}):
 * records and beans become objects of their properties. Raw JSON is read and written as the value
 * it holds ({@link RawJson}). In {@code msg}, an argument renders as its {@code toString()}, as
 * logstash-logback-encoder renders it, except that the value of one whose key a key rule covers
 * ({@code kv("password", …)}) is hidden as the field's value is.
 */
final class LogstashFields {
  private static final String ARGUMENT = "net.logstash.logback.argument.";
  private static final String MARKER = "net.logstash.logback.marker.";

  /** The default {@code kv} pattern and {@code v}'s, as logstash-logback-encoder defines them. */
  private static final String KEY_VALUE_PATTERN = "{0}={1}";

  private static final String VALUE_ONLY_PATTERN = "{1}";

  /** Markers nested deeper than this (a reference cycle) are not followed. */
  private static final int MAX_NESTING = 16;

  // The library's classes, each null when absent.
  private static final Class<?> STRUCTURED_ARGUMENT = find(ARGUMENT + "StructuredArgument");
  private static final Class<?> DEFERRED_ARGUMENT = find(ARGUMENT + "DeferredStructuredArgument");
  private static final Class<?> LOGSTASH_MARKER = find(MARKER + "LogstashMarker");
  private static final Class<?> SINGLE_FIELD = find(MARKER + "SingleFieldAppendingMarker");
  private static final Class<?> OBJECT_FIELD = find(MARKER + "ObjectAppendingMarker");
  private static final Class<?> RAW_FIELD = find(MARKER + "RawJsonAppendingMarker");
  private static final Class<?> MAP_ENTRIES = find(MARKER + "MapEntriesAppendingMarker");
  private static final Class<?> OBJECT_FIELDS = find(MARKER + "ObjectFieldsAppendingMarker");
  private static final Class<?> EMPTY = find(MARKER + "EmptyLogstashMarker");
  private static final Class<?> DEFERRED_MARKER = find(MARKER + "DeferredLogstashMarker");

  // What each holds, each null when it cannot be read.
  private static final VarHandle FIELD_NAME = field(SINGLE_FIELD, "fieldName", String.class);
  private static final VarHandle PATTERN = field(SINGLE_FIELD, "messageFormatPattern", String.class);
  private static final VarHandle OBJECT_VALUE = field(OBJECT_FIELD, "fieldValue", Object.class);
  private static final VarHandle RAW_VALUE = field(RAW_FIELD, "rawJson", String.class);
  private static final VarHandle MAP = field(MAP_ENTRIES, "map", Map.class);
  private static final VarHandle OBJECT = field(OBJECT_FIELDS, "object", Object.class);
  private static final MethodHandle DEFERRED_ARGUMENT_VALUE =
      supplier(DEFERRED_ARGUMENT, STRUCTURED_ARGUMENT);
  private static final MethodHandle DEFERRED_MARKER_VALUE = supplier(DEFERRED_MARKER, LOGSTASH_MARKER);

  /**
   * The references of SLF4J's own markers ({@code BasicMarker.referenceList}), read by index so
   * that looking for logstash markers among the references of a plain marker creates no iterator;
   * null if it cannot be read (SLF4J on the module path), and then the marker's iterator is used.
   */
  private static final Class<?> BASIC_MARKER = find("org.slf4j.helpers.BasicMarker");

  private static final VarHandle BASIC_REFERENCES = field(BASIC_MARKER, "referenceList", List.class);

  /** True if logstash-logback-encoder is on the class path. */
  static final boolean PRESENT =
      STRUCTURED_ARGUMENT != null && LOGSTASH_MARKER != null && SINGLE_FIELD != null;

  private static Class<?> find(String name) {
    try {
      return Class.forName(name, false, LogstashFields.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static VarHandle field(Class<?> owner, String name, Class<?> type) {
    if (owner == null) {
      return null;
    }
    try {
      return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
          .findVarHandle(owner, name, type);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** The private {@code getSuppliedValue()} of a deferred argument or marker. */
  private static MethodHandle supplier(Class<?> owner, Class<?> type) {
    if (owner == null || type == null) {
      return null;
    }
    try {
      return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
          .findVirtual(owner, "getSuppliedValue", MethodType.methodType(type))
          .asType(MethodType.methodType(Object.class, Object.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The names of the library's members this class reads that could not be found (for tests: empty
   * with the release this was written against).
   */
  static List<String> unresolved() {
    Object[][] members = {
      {"StructuredArgument", STRUCTURED_ARGUMENT}, {"DeferredStructuredArgument", DEFERRED_ARGUMENT},
      {"LogstashMarker", LOGSTASH_MARKER}, {"SingleFieldAppendingMarker", SINGLE_FIELD},
      {"ObjectAppendingMarker", OBJECT_FIELD}, {"RawJsonAppendingMarker", RAW_FIELD},
      {"MapEntriesAppendingMarker", MAP_ENTRIES}, {"ObjectFieldsAppendingMarker", OBJECT_FIELDS},
      {"EmptyLogstashMarker", EMPTY}, {"DeferredLogstashMarker", DEFERRED_MARKER},
      {"SingleFieldAppendingMarker.fieldName", FIELD_NAME},
      {"SingleFieldAppendingMarker.messageFormatPattern", PATTERN},
      {"ObjectAppendingMarker.fieldValue", OBJECT_VALUE}, {"RawJsonAppendingMarker.rawJson", RAW_VALUE},
      {"MapEntriesAppendingMarker.map", MAP}, {"ObjectFieldsAppendingMarker.object", OBJECT},
      {"DeferredStructuredArgument.getSuppliedValue()", DEFERRED_ARGUMENT_VALUE},
      {"DeferredLogstashMarker.getSuppliedValue()", DEFERRED_MARKER_VALUE},
    };
    return Arrays.stream(members).filter(m -> m[1] == null).map(m -> (String) m[0]).toList();
  }

  private final Consumer<String> warnings;

  /** The kinds of problem already reported, so that each is reported once. */
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  /** @param warnings where a problem met for the first time is reported */
  LogstashFields(Consumer<String> warnings) {
    this.warnings = warnings;
  }

  /**
   * Adds the fields of the logstash markers among {@code markers} (and their references), then of
   * the structured arguments among {@code args[0, argCount)}, used by a placeholder or not: the
   * order in which {@code LogstashEncoder} writes them.
   */
  void write(Object[] args, int argCount, List<Marker> markers, EventWriter w) {
    if (markers != null) {
      for (int i = 0, n = markers.size(); i < n; i++) {
        Marker m = markers.get(i);
        if (m != null && (LOGSTASH_MARKER.isInstance(m) || m.hasReferences())) {
          writeMarker(m, w, 0);
        }
      }
    }
    for (int i = 0; i < argCount; i++) {
      Object a = args[i];
      if (STRUCTURED_ARGUMENT.isInstance(a)) {
        writeOwnFields(a, w, 0); // an argument's references are not its fields, as in the library
      }
    }
  }

  /**
   * {@code args} itself, or a copy in which each {@code kv}/{@code v}/{@code array}/{@code raw}
   * argument whose key a key rule of {@code redactor} covers is replaced by its rendering with the
   * value hidden, so that {@code msg} does not show what the field hides: {@code v("password",
   * "hunter2")} renders as {@code [REDACTED:password]}, {@code kv("password", "hunter2")} as
   * {@code password=[REDACTED:password]}.
   */
  Object[] messageArguments(Object[] args, int argCount, Redactor redactor) {
    if (redactor == Redactor.NONE || FIELD_NAME == null) {
      return args;
    }
    Object[] out = args;
    for (int i = 0; i < argCount; i++) {
      Object a = args[i];
      if (SINGLE_FIELD.isInstance(a)) {
        String key = (String) FIELD_NAME.get(a);
        if (key != null && redactor.isSensitiveKey(key)) {
          if (out == args) {
            out = args.clone();
          }
          out[i] = hiddenRendering(a, key, redactor);
        }
      }
    }
    return out;
  }

  private static String hiddenRendering(Object argument, String key, Redactor redactor) {
    Object value = null;
    if (OBJECT_FIELD != null && OBJECT_VALUE != null && OBJECT_FIELD.isInstance(argument)) {
      value = OBJECT_VALUE.get(argument);
    } else if (RAW_FIELD != null && RAW_VALUE != null && RAW_FIELD.isInstance(argument)) {
      value = RAW_VALUE.get(argument);
    }
    String text = valueText(value);
    StringBuilder scratch = new StringBuilder(text.length() + 32);
    String hidden =
        (value instanceof CharSequence
                ? redactor.redact(key, text, scratch)
                : redactor.redactRendered(key, text, scratch))
            .toString();
    String pattern = PATTERN == null ? KEY_VALUE_PATTERN : (String) PATTERN.get(argument);
    if (VALUE_ONLY_PATTERN.equals(pattern)) {
      return hidden;
    }
    if (pattern == null || KEY_VALUE_PATTERN.equals(pattern)) {
      return key + "=" + hidden;
    }
    try {
      return new MessageFormat(pattern).format(new Object[] {key, hidden});
    } catch (IllegalArgumentException e) {
      return key + "=" + hidden;
    }
  }

  /** A value as {@code StructuredArguments.toString} renders it in a message. */
  private static String valueText(Object v) {
    if (v == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder();
    try {
      if (v instanceof Object[] a) {
        sb.append(Arrays.deepToString(a));
      } else {
        MessageTemplate.format(sb, "{}", new Object[] {v}, 1);
      }
    } catch (RuntimeException | StackOverflowError e) {
      return MessageTemplate.FAILED_TO_STRING;
    }
    return sb.toString();
  }

  private void writeMarker(Marker m, EventWriter w, int depth) {
    if (depth > MAX_NESTING) {
      return;
    }
    if (DEFERRED_MARKER != null && DEFERRED_MARKER.isInstance(m)) {
      if (supplied(DEFERRED_MARKER_VALUE, m) instanceof Marker s) {
        writeMarker(s, w, depth + 1); // the supplied marker and its references
      }
    } else if (LOGSTASH_MARKER.isInstance(m)) {
      writeOwnFields(m, w, depth);
    }
    if (!m.hasReferences()) {
      return;
    }
    if (BASIC_REFERENCES != null && m.getClass() == BASIC_MARKER) {
      List<?> refs = (List<?>) BASIC_REFERENCES.get(m); // a CopyOnWriteArrayList
      try {
        for (int i = 0; i < refs.size(); i++) {
          if (refs.get(i) instanceof Marker r) {
            writeMarker(r, w, depth + 1);
          }
        }
      } catch (IndexOutOfBoundsException removedMeanwhile) {
        // another thread took a reference away while this one read them: the rest is left out
      }
    } else {
      for (Iterator<Marker> it = m.iterator(); it.hasNext(); ) {
        Marker r = it.next();
        if (r != null) {
          writeMarker(r, w, depth + 1);
        }
      }
    }
  }

  /** Writes the fields {@code o} (a structured argument or a logstash marker) holds itself. */
  private void writeOwnFields(Object o, EventWriter w, int depth) {
    Class<?> type = o.getClass();
    try {
      if (SINGLE_FIELD.isInstance(o)) {
        String key = FIELD_NAME == null ? null : (String) FIELD_NAME.get(o);
        if (key != null && OBJECT_FIELD != null && OBJECT_VALUE != null && OBJECT_FIELD.isInstance(o)) {
          w.field(key, BeanProperties.jsonValue(OBJECT_VALUE.get(o)));
        } else if (key != null && RAW_FIELD != null && RAW_VALUE != null && RAW_FIELD.isInstance(o)) {
          w.field(key, RawJson.read((String) RAW_VALUE.get(o)));
        } else {
          unreadable(type);
        }
      } else if (MAP_ENTRIES != null && MAP_ENTRIES.isInstance(o)) {
        if (MAP == null) {
          unreadable(type);
        } else {
          writeEntries((Map<?, ?>) MAP.get(o), w);
        }
      } else if (OBJECT_FIELDS != null && OBJECT_FIELDS.isInstance(o)) {
        if (OBJECT == null) {
          unreadable(type);
        } else {
          writeProperties(OBJECT.get(o), w);
        }
      } else if (DEFERRED_ARGUMENT != null && DEFERRED_ARGUMENT.isInstance(o)) {
        Object s = supplied(DEFERRED_ARGUMENT_VALUE, o);
        if (s != null && depth < MAX_NESTING) {
          writeOwnFields(s, w, depth + 1);
        }
      } else if (EMPTY == null || !EMPTY.isInstance(o)) {
        unreadable(type);
      }
    } catch (RuntimeException | StackOverflowError e) {
      report(
          "failed:" + type.getName(),
          "the fields of a logstash-logback-encoder " + type.getName()
              + " could not be read and were left out (" + e.getClass().getName() + ")");
    }
  }

  private static void writeEntries(Map<?, ?> map, EventWriter w) {
    if (map != null) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        w.field(String.valueOf(e.getKey()), BeanProperties.jsonValue(e.getValue()));
      }
    }
  }

  /**
   * {@code fields(object)}: the object's properties, as Jackson's bean serialization finds them. A
   * map, whose entries Jackson does not unwrap (the library writes nothing for it), is written as
   * its entries, since that is what the call asks for.
   */
  private static void writeProperties(Object object, EventWriter w) {
    if (object instanceof Map<?, ?> m) {
      writeEntries(m, w);
    } else if (object != null) {
      Map<String, Object> props = BeanProperties.of(object);
      if (props != null) {
        props.forEach(w::field);
      }
    }
  }

  /** What a deferred argument's or marker's supplier returns (once; the library caches it). */
  private Object supplied(MethodHandle handle, Object deferred) {
    if (handle == null) {
      unreadable(deferred.getClass());
      return null;
    }
    try {
      return handle.invokeExact(deferred);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private void unreadable(Class<?> type) {
    report(
        "unreadable:" + type.getName(),
        "the fields of a logstash-logback-encoder " + type.getName()
            + " cannot be read without Jackson and were left out; its text stays in msg");
  }

  private void report(String kind, String message) {
    if (reported.size() < 64 && reported.add(kind)) {
      warnings.accept(message);
    }
  }
}
