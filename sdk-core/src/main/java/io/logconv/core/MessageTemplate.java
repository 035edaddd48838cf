package io.logconv.core;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Substitutes SLF4J {@code {}} placeholders straight into a {@link StringBuilder}, with SLF4J's
 * rules: arguments fill placeholders in order, {@code \{}} is a literal {@code {}}, {@code \\{}} is
 * a literal backslash followed by a substitution, surplus placeholders stay as written, arrays are
 * written deeply ({@code [1, 2]}), and an argument whose {@code toString()} throws is written as
 * {@code [FAILED toString()]}. Numbers, booleans, chars and strings are appended without creating
 * Strings.
 *
 * <pre>{@code
 * StringBuilder sb = new StringBuilder();
 * MessageTemplate.format(sb, "reconciled {} in {} ms", new Object[] {"web-1", 87}, 2);
 * // sb: "reconciled web-1 in 87 ms"
 * }</pre>
 */
public final class MessageTemplate {
  /** Written in place of an argument whose {@code toString()} throws. */
  public static final String FAILED_TO_STRING = "[FAILED toString()]";

  private MessageTemplate() {}

  /**
   * The throwable SLF4J takes from the arguments: the last argument, if it is a {@link Throwable}.
   * Such an argument fills no placeholder.
   */
  public static Throwable throwableCandidate(Object[] args, int argCount) {
    if (args == null || argCount == 0) {
      return null;
    }
    return args[argCount - 1] instanceof Throwable t ? t : null;
  }

  /**
   * Appends {@code template} with {@code args[0, argCount)} substituted to {@code out}. A null
   * template is written as {@code null}, like SLF4J does.
   */
  public static void format(StringBuilder out, String template, Object[] args, int argCount) {
    if (template == null) {
      out.append("null");
      return;
    }
    if (args == null) {
      argCount = 0;
    }
    int i = 0;
    int n = template.length();
    int a = 0;
    while (a < argCount) {
      int j = template.indexOf("{}", i);
      if (j < 0) {
        break;
      }
      if (j > 0 && template.charAt(j - 1) == '\\') {
        if (j > 1 && template.charAt(j - 2) == '\\') {
          // "\\{}": a literal backslash, then the substitution.
          out.append(template, i, j - 1);
          appendArgument(out, args[a++], null);
          i = j + 2;
        } else {
          // "\{}": a literal "{}"; no argument used.
          out.append(template, i, j - 1).append('{');
          i = j + 1;
        }
      } else {
        out.append(template, i, j);
        appendArgument(out, args[a++], null);
        i = j + 2;
      }
    }
    out.append(template, i, n);
  }

  /** Appends one argument as SLF4J would render it. */
  static void appendArgument(StringBuilder out, Object arg, Map<Object[], Boolean> seen) {
    if (arg == null) {
      out.append("null");
    } else if (arg instanceof String str) {
      out.append(str);
    } else if (arg instanceof Integer || arg instanceof Long || arg instanceof Short
        || arg instanceof Byte) {
      out.append(((Number) arg).longValue());
    } else if (arg instanceof Double d) {
      out.append(d.doubleValue());
    } else if (arg instanceof Float f) {
      out.append(f.floatValue());
    } else if (arg instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (arg instanceof Character c) {
      out.append(c.charValue());
    } else if (arg.getClass().isArray()) {
      appendArray(out, arg, seen);
    } else {
      appendToString(out, arg);
    }
  }

  private static void appendToString(StringBuilder out, Object arg) {
    int mark = out.length();
    try {
      out.append(arg);
    } catch (RuntimeException | StackOverflowError e) {
      out.setLength(mark);
      out.append(FAILED_TO_STRING);
    }
  }

  private static void appendArray(StringBuilder out, Object arr, Map<Object[], Boolean> seen) {
    if (arr instanceof Object[] objects) {
      Map<Object[], Boolean> s = seen == null ? new IdentityHashMap<>() : seen;
      if (s.containsKey(objects)) {
        out.append("[...]");
        return;
      }
      s.put(objects, Boolean.TRUE);
      out.append('[');
      for (int k = 0; k < objects.length; k++) {
        if (k > 0) {
          out.append(", ");
        }
        appendArgument(out, objects[k], s);
      }
      out.append(']');
      s.remove(objects);
    } else if (arr instanceof int[] a) {
      out.append(Arrays.toString(a));
    } else if (arr instanceof long[] a) {
      out.append(Arrays.toString(a));
    } else if (arr instanceof byte[] a) {
      out.append(Arrays.toString(a));
    } else if (arr instanceof short[] a) {
      out.append(Arrays.toString(a));
    } else if (arr instanceof char[] a) {
      out.append(Arrays.toString(a));
    } else if (arr instanceof boolean[] a) {
      out.append(Arrays.toString(a));
    } else if (arr instanceof float[] a) {
      out.append(Arrays.toString(a));
    } else if (arr instanceof double[] a) {
      out.append(Arrays.toString(a));
    }
  }
}
