package io.logconv.core;

import io.logconv.core.redact.Redactor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Substitutes SLF4J {@code {}} placeholders straight into a {@link StringBuilder}, with SLF4J's
 * rules: arguments fill placeholders in order, {@code \{}} is a literal {@code {}}, {@code \\{}} is
 * a literal backslash followed by a substitution, surplus placeholders stay as written, arrays are
 * written deeply ({@code [1, 2]}), and an argument whose {@code toString()} throws is written as
 * {@code [FAILED toString()]}. Numbers, booleans, chars and strings are appended without creating
 * Strings. Given a {@link Redactor}, an argument that the template names a secret ({@code
 * "password {}"}) is hidden whole as it is substituted ({@link Redactor#redactArgument}).
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
    format(out, template, args, argCount, Redactor.NONE);
  }

  /**
   * {@link #format(StringBuilder, String, Object[], int)}, where each argument that {@code
   * template} names a secret is replaced as {@code redactor} says.
   */
  public static void format(
      StringBuilder out, String template, Object[] args, int argCount, Redactor redactor) {
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
          appendArgument(out, template, j, args[a++], redactor);
          i = j + 2;
        } else {
          // "\{}": a literal "{}"; no argument used.
          out.append(template, i, j - 1).append('{');
          i = j + 1;
        }
      } else {
        out.append(template, i, j);
        appendArgument(out, template, j, args[a++], redactor);
        i = j + 2;
      }
    }
    out.append(template, i, n);
  }

  private static void appendArgument(
      StringBuilder out, String template, int placeholder, Object arg, Redactor redactor) {
    int start = out.length();
    appendArgument(out, arg, null);
    redactor.redactArgument(template, placeholder, out, start, out.length());
  }

  /**
   * Hides, in {@code formatted} (the message a backend formatted earlier from {@code template} and
   * {@code argCount} arguments, which may since have changed), each argument that the template
   * names a secret, as {@link #format(StringBuilder, String, Object[], int, Redactor)} would have.
   * An argument's extent is found by matching the template's literal text around it, taking the
   * widest extent the literals allow, so that an argument that itself holds the text following it
   * is still hidden whole. Does nothing if the template names no secret or does not match.
   */
  public static void redactArguments(
      StringBuilder formatted, String template, int argCount, Redactor redactor) {
    if (template == null || formatted == null || argCount <= 0
        || !namesAnySecret(template, redactor)) {
      return;
    }
    // The literal texts between the arguments, and the placeholder of each argument, as format()
    // walks the template; only this rare path allocates.
    List<String> literals = new ArrayList<>();
    List<Integer> placeholders = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    int n = template.length();
    while (placeholders.size() < argCount) {
      int j = template.indexOf("{}", i);
      if (j < 0) {
        break;
      }
      if (j > 0 && template.charAt(j - 1) == '\\' && !(j > 1 && template.charAt(j - 2) == '\\')) {
        literal.append(template, i, j - 1).append('{');
        i = j + 1;
        continue;
      }
      boolean backslash = j > 0 && template.charAt(j - 1) == '\\';
      literal.append(template, i, backslash ? j - 1 : j);
      literals.add(literal.toString());
      literal.setLength(0);
      placeholders.add(j);
      i = j + 2;
    }
    literal.append(template, i, n);
    literals.add(literal.toString());
    int args = placeholders.size();
    if (args == 0) {
      return;
    }
    // Each argument from where the literal before it ends at the earliest to where the literal
    // after it starts at the latest.
    int[] earliestStart = new int[args];
    int[] latestEnd = new int[args];
    String first = literals.get(0);
    String last = literals.get(args);
    int length = formatted.length();
    if (!startsWith(formatted, 0, first)
        || length - last.length() < first.length()
        || !startsWith(formatted, length - last.length(), last)) {
      return;
    }
    int p = first.length();
    for (int k = 0; k < args; k++) {
      earliestStart[k] = p;
      if (k + 1 < args) {
        int q = formatted.indexOf(literals.get(k + 1), p);
        if (q < 0) {
          return;
        }
        p = q + literals.get(k + 1).length();
      }
    }
    int r = length - last.length();
    for (int k = args - 1; k >= 0; k--) {
      latestEnd[k] = r;
      if (k > 0) {
        String before = literals.get(k);
        r = formatted.lastIndexOf(before, r - before.length());
        if (r < 0) {
          return;
        }
      }
    }
    int limit = length;
    for (int k = args - 1; k >= 0; k--) {
      int start = earliestStart[k];
      int end = Math.min(latestEnd[k], limit);
      if (start <= end && redactor.namesSecret(template, placeholders.get(k))) {
        redactor.redactArgument(template, placeholders.get(k), formatted, start, end);
        limit = start;
      }
    }
  }

  private static boolean startsWith(StringBuilder s, int at, String literal) {
    return at >= 0 && at + literal.length() <= s.length() && s.indexOf(literal, at) == at;
  }

  /** True if {@code redactor} says the template names a secret at any of its placeholders. */
  static boolean namesAnySecret(String template, Redactor redactor) {
    for (int j = template.indexOf("{}"); j >= 0; j = template.indexOf("{}", j + 2)) {
      if (redactor.namesSecret(template, j)) {
        return true;
      }
    }
    return false;
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
