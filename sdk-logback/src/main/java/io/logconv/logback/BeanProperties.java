package io.logconv.logback;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The properties of an application object, read the way Jackson 3's default bean serialization
 * (which logstash-logback-encoder uses) reads them, without Jackson: a record's components in
 * declaration order, then, for records and other classes alike, the public getters ({@code getX()},
 * {@code isX()} returning a boolean) and public non-transient fields, sorted by name; {@code
 * getClass()} and members annotated {@code @JsonIgnore} are left out. Names follow the JavaBeans
 * rule ({@code getOrderId} → {@code orderId}, {@code getURL} → {@code URL}).
 *
 * <p>{@link #jsonValue} turns a value into what the event writer writes as JSON the way Jackson
 * would: records and beans of classes outside the JDK become maps of their properties, primitive
 * arrays lists, {@code byte[]} base64 text, {@code Optional} its content. JDK types (dates, UUIDs,
 * paths) and objects without properties are left as they are, for the writer to write through
 * {@code toString()}. Only used for logstash-logback-encoder's structured arguments and markers,
 * never on the path of an ordinary event; what a class exposes is found once and cached.
 *
 * <pre>{@code
 * record Order(String id, int qty) {}
 * BeanProperties.of(new Order("o-1", 2));  // {id=o-1, qty=2}
 * }</pre>
 */
final class BeanProperties {
  /** Nesting deeper than this is left to the writer, which stops at 8 levels. */
  private static final int MAX_DEPTH = 8;

  private static final String JSON_IGNORE = "com.fasterxml.jackson.annotation.JsonIgnore";

  /** What each class exposes, found once per class (the cache lives on the class itself). */
  private static final ClassValue<Property[]> PROPERTIES_BY_CLASS =
      new ClassValue<>() {
        @Override
        protected Property[] computeValue(Class<?> type) {
          return introspect(type);
        }
      };

  private BeanProperties() {}

  /** One readable property: its name and the accessor or field that reads it. */
  private record Property(String name, Member member) {
    Object read(Object target) throws ReflectiveOperationException {
      return member instanceof Method m ? m.invoke(target) : ((Field) member).get(target);
    }
  }

  /**
   * The properties of {@code bean} in Jackson's order, each value through {@link #jsonValue}, or
   * null if its class exposes none. A property whose getter throws is written as a marker saying
   * so.
   */
  static Map<String, Object> of(Object bean) {
    return of(bean, 0);
  }

  private static Map<String, Object> of(Object bean, int depth) {
    Property[] props = PROPERTIES_BY_CLASS.get(bean.getClass());
    if (props.length == 0) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Property p : props) {
      Object v;
      try {
        v = jsonValue(p.read(bean), depth + 1);
      } catch (InvocationTargetException e) {
        v = "[unreadable: " + e.getCause().getClass().getName() + "]";
      } catch (ReflectiveOperationException | RuntimeException e) {
        v = "[unreadable: " + e.getClass().getName() + "]";
      }
      out.put(p.name, v);
    }
    return out;
  }

  /**
   * {@code value} as the writer should write it to come out as Jackson writes it; {@code value}
   * itself when nothing needs changing (strings, numbers, maps and lists of such).
   */
  static Object jsonValue(Object value) {
    return jsonValue(value, 0);
  }

  private static Object jsonValue(Object v, int depth) {
    if (v == null || v instanceof CharSequence || v instanceof Number || v instanceof Boolean
        || v instanceof Character || v instanceof Enum<?> || v instanceof char[]
        || depth >= MAX_DEPTH) {
      return v;
    }
    if (v instanceof Optional<?> o) {
      return jsonValue(o.orElse(null), depth);
    }
    if (v instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    if (v instanceof Map<?, ?> m) {
      return map(m, depth);
    }
    if (v instanceof Collection<?> c) {
      return list(c.toArray(), c, depth);
    }
    if (v instanceof Object[] a) {
      return list(a, a, depth);
    }
    if (v.getClass().isArray()) {
      return primitives(v);
    }
    if (v instanceof Iterable<?> || fromTheJdk(v.getClass())) {
      return v;
    }
    Map<String, Object> props = of(v, depth);
    return props == null ? v : props;
  }

  /** The map itself, or a copy in its order if a value changes. */
  private static Object map(Map<?, ?> m, int depth) {
    Map<Object, Object> copy = null;
    int seen = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object v = e.getValue();
      Object j = jsonValue(v, depth + 1);
      if (j != v && copy == null) {
        copy = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<?, ?> before : m.entrySet()) {
          if (k++ == seen) {
            break;
          }
          copy.put(before.getKey(), before.getValue());
        }
      }
      if (copy != null) {
        copy.put(e.getKey(), j);
      }
      seen++;
    }
    return copy == null ? m : copy;
  }

  /** {@code original} itself, or a list of {@code items} if an item changes. */
  private static Object list(Object[] items, Object original, int depth) {
    List<Object> copy = null;
    for (int k = 0; k < items.length; k++) {
      Object j = jsonValue(items[k], depth + 1);
      if (j != items[k] && copy == null) {
        copy = new ArrayList<>(items.length);
        for (int b = 0; b < k; b++) {
          copy.add(items[b]);
        }
      }
      if (copy != null) {
        copy.add(j);
      }
    }
    return copy == null ? original : copy;
  }

  private static List<Object> primitives(Object array) {
    int n = java.lang.reflect.Array.getLength(array);
    List<Object> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(java.lang.reflect.Array.get(array, k));
    }
    return out;
  }

  /**
   * True for classes of the JDK (the boot and platform class loaders): Jackson writes them with
   * serializers of their own, mostly as their text, not as beans.
   */
  private static boolean fromTheJdk(Class<?> type) {
    ClassLoader l = type.getClassLoader();
    return l == null || l == ClassLoader.getPlatformClassLoader();
  }

  private static Property[] introspect(Class<?> type) {
    if (fromTheJdk(type)) {
      return new Property[0];
    }
    Map<String, Property> components = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        Method accessor = c.getAccessor();
        if (!ignored(accessor) && accessible(accessor)) {
          components.put(c.getName(), new Property(c.getName(), accessor));
        }
      }
    }
    Map<String, Property> others = new TreeMap<>();
    for (Field f : type.getFields()) {
      int mod = f.getModifiers();
      if (!Modifier.isStatic(mod) && !Modifier.isTransient(mod) && !ignored(f) && accessible(f)) {
        others.put(f.getName(), new Property(f.getName(), f));
      }
    }
    for (Method m : type.getMethods()) {
      String name = getterName(m);
      if (name != null && !components.containsKey(name) && !ignored(m) && accessible(m)) {
        others.put(name, new Property(name, m)); // a getter wins over a field of its name
      }
    }
    List<Property> all = new ArrayList<>(components.values());
    for (Property p : others.values()) {
      if (!components.containsKey(p.name)) {
        all.add(p);
      }
    }
    return all.toArray(new Property[0]);
  }

  /** The property a public getter reads, or null if {@code m} is no getter. */
  private static String getterName(Method m) {
    if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0
        || m.getReturnType() == void.class || m.getDeclaringClass() == Object.class) {
      return null;
    }
    String n = m.getName();
    int from;
    if (n.startsWith("get")) {
      from = 3;
    } else if (n.startsWith("is")
        && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
      from = 2;
    } else {
      return null;
    }
    if (n.length() == from || !Character.isUpperCase(n.charAt(from))) {
      return null;
    }
    String rest = n.substring(from);
    if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
      return rest; // getURL -> URL, as java.beans.Introspector.decapitalize does
    }
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }

  private static boolean ignored(AccessibleObject member) {
    for (Annotation a : member.getAnnotations()) {
      if (a.annotationType().getName().equals(JSON_IGNORE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if the member can be read: a public member of a class that is not public (a nested
   * record, say) needs {@code setAccessible}, which Jackson uses too; a module that does not open
   * its package refuses it, and the member is left out.
   */
  private static boolean accessible(AccessibleObject member) {
    try {
      return member.trySetAccessible();
    } catch (SecurityException e) {
      return false;
    }
  }
}
