package io.logconv.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators for the property tests, shared with the adapters' tests: strings over chosen chars
 * (every char, control chars, surrogates paired and lone, huge values), numbers with their edge
 * cases, lists, and values with nulls mixed in.
 *
 * <p>A string costs QuickTheories two draws, its length and a seed; its chars come from a {@link
 * SplittableRandom} under that seed. A value of 20,000 chars is then as cheap to draw as a short
 * one, and shrinking its length keeps a prefix of the same chars.
 */
public final class Gens {
  private Gens() {}

  /** Appends one or two chars (a surrogate pair) drawn from {@code r}. */
  @FunctionalInterface
  public interface CharGen {
    void append(SplittableRandom r, StringBuilder to);
  }

  /** One of the chars of {@code alphabet}, each char alone (a pair in it can come out split). */
  public static CharGen of(String alphabet) {
    return (r, to) -> to.append(alphabet.charAt(r.nextInt(alphabet.length())));
  }

  /** A char from {@code first} to {@code last}, both included. */
  public static CharGen range(char first, char last) {
    return (r, to) -> to.append((char) r.nextInt(first, last + 1));
  }

  /** A char from one of {@code gens}, each picked as often. */
  public static CharGen anyOf(CharGen... gens) {
    CharGen[] all = gens.clone();
    return (r, to) -> all[r.nextInt(all.length)].append(r, to);
  }

  /** A valid surrogate pair: a supplementary code point. */
  public static final CharGen SURROGATE_PAIR =
      (r, to) -> to.appendCodePoint(r.nextInt(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT + 1));

  /** Chars that need care in JSON and in UTF-8: escapes, separators, BOM, noncharacters. */
  public static final CharGen AWKWARD = of("\"\\/\b\f\n\r\t\u007f\u0085\u00a0\u2028\u2029\ufeff\ufffd\ufffe\uffff{}");

  /**
   * Every char: the whole range from U+0000 to U+FFFF, lone surrogates included, with control
   * chars, surrogates (lone and paired), printable ASCII and {@link #AWKWARD} chars drawn far
   * more often than their share of the range.
   */
  public static final CharGen ANY =
      anyOf(
          range(Character.MIN_VALUE, Character.MAX_VALUE),
          range(Character.MIN_VALUE, Character.MAX_VALUE),
          range(Character.MIN_VALUE, Character.MAX_VALUE),
          range('\u0000', '\u001f'),
          range(Character.MIN_SURROGATE, Character.MAX_SURROGATE),
          SURROGATE_PAIR,
          range(' ', '~'),
          AWKWARD);

  /** Strings of {@code minLength} to {@code maxLength} chars from {@code chars}. */
  public static Gen<String> strings(CharGen chars, int minLength, int maxLength) {
    return Generate.range(minLength, maxLength)
        .zip(
            Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE),
            (length, seed) -> fill(chars, length, seed))
        .describedAs(Gens::quote);
  }

  private static String fill(CharGen chars, int length, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(length + 1);
    while (sb.length() < length) {
      chars.append(r, sb);
    }
    sb.setLength(length); // a pair at the end may come out cut: a lone high surrogate
    return sb.toString();
  }

  /** A string in quotes with every char outside printable ASCII as a {@code \\uXXXX} escape. */
  public static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= ' ' && c <= '~' && c != '"' && c != '\\') {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.append('"').toString();
  }

  /**
   * A value as a failure report shows it: strings quoted with escapes, maps, lists and arrays to a
   * few levels (so that a value that contains itself ends), a throwable with its causes, and a
   * marker for an object whose {@code toString} throws.
   */
  public static String describe(Object v) {
    StringBuilder sb = new StringBuilder();
    describe(v, sb, 0);
    return sb.toString();
  }

  private static void describe(Object v, StringBuilder sb, int depth) {
    if (depth > 5) {
      sb.append("...");
    } else if (v instanceof String s) {
      sb.append(quote(s));
    } else if (v instanceof char[] chars) {
      sb.append("char[]").append(quote(new String(chars)));
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(sep);
        describe(e.getKey(), sb, depth + 1);
        sb.append('=');
        describe(e.getValue(), sb, depth + 1);
        sep = ", ";
      }
      sb.append('}');
    } else if (v instanceof Iterable<?> it) {
      describeAll(it, sb, depth);
    } else if (v instanceof Object[] arr) {
      sb.append("array");
      describeAll(Arrays.asList(arr), sb, depth);
    } else if (v instanceof Throwable t) {
      sb.append(t.getClass().getName()).append('(');
      describe(t.getMessage(), sb, depth + 1);
      sb.append(", ").append(t.getStackTrace().length).append(" frames");
      if (t.getSuppressed().length > 0) {
        sb.append(", suppressed ");
        describeAll(Arrays.asList(t.getSuppressed()), sb, depth);
      }
      if (t.getCause() != null) {
        sb.append(", cause ");
        describe(t.getCause(), sb, depth + 1);
      }
      sb.append(')');
    } else {
      try {
        sb.append(v);
      } catch (RuntimeException e) {
        sb.append("<toString threw ").append(e).append('>');
      }
    }
  }

  private static void describeAll(Iterable<?> values, StringBuilder sb, int depth) {
    sb.append('[');
    String sep = "";
    for (Object e : values) {
      sb.append(sep);
      describe(e, sb, depth + 1);
      sep = ", ";
    }
    sb.append(']');
  }

  /** One of {@code values}. */
  @SafeVarargs
  public static <T> Gen<T> pick(T... values) {
    return Generate.pick(Arrays.asList(values.clone()));
  }

  /** One of {@code values}. */
  public static <T> Gen<T> pick(List<T> values) {
    return Generate.pick(List.copyOf(values));
  }

  /** A value of one of {@code gens}, each picked as often. */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> all = List.of(gens);
    Gen<Integer> index = Generate.range(0, all.size() - 1);
    return in -> all.get(index.generate(in)).generate(in);
  }

  /** A value of one of the generators, picked by weight. */
  @SafeVarargs
  public static <T> Gen<T> frequency(Pair<Integer, Gen<T>>... weighted) {
    return Generate.frequency(List.of(weighted));
  }

  /** {@code gen}'s value widened to {@code Object}. */
  public static Gen<Object> object(Gen<?> gen) {
    return in -> gen.generate(in);
  }

  /** {@code gen}'s value, or null in {@code percent} of the tries. */
  public static <T> Gen<T> orNull(Gen<T> gen, int percent) {
    return gen.mix(Generate.constant((T) null), percent);
  }

  /** Lists of {@code min} to {@code max} values of {@code gen}. */
  public static <T> Gen<List<T>> lists(Gen<T> gen, int min, int max) {
    Gen<Integer> size = Generate.range(min, max);
    return in -> {
      int n = size.generate(in);
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(gen.generate(in));
      }
      return out;
    };
  }

  /** Any long: edge cases, small values and the whole range. */
  public static Gen<Long> longs() {
    return oneOf(
        pick(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MIN_VALUE, 1L << 53),
        Generate.longRange(-1000, 1000),
        Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /**
   * Any double: edge cases (signed zeros, NaN, infinities, the smallest and largest, where
   * printing switches to exponents), ordinary values and every bit pattern.
   */
  public static Gen<Double> doubles() {
    return oneOf(
        pick(
            0.0, -0.0, 1.0, -1.0, 0.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
            1e-3, 1e-7, 1e7, 1e21, 9007199254740992.0),
        Generate.longRange(-1_000_000, 1_000_000).map(l -> l / 1000.0),
        Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).map(Double::longBitsToDouble));
  }
}
