package io.logconv.core;

import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Test helper, shared with the adapters' golden tests: events drawn from a seeded {@link Random},
 * so that the same seed gives the same events, byte for byte, on every JDK. Only what is the same
 * everywhere is drawn: {@link Random} (whose algorithm its Javadoc fixes), insertion-ordered maps,
 * keys from fixed lists or sorted sets, doubles whose shortest decimal form no JDK prints otherwise
 * (no arbitrary bit patterns: JDK 19 changed how some of those print), frames set by hand, no
 * clock, no thread names, no identity hash codes.
 *
 * <pre>{@code
 * Random r = new Random(GoldenEvents.SEED);
 * JsonBuffer line = GoldenEvents.write(r, writer, GoldenEvents.timestamp(r, i));
 * }</pre>
 */
public final class GoldenEvents {
  /** The seed of the golden corpora. */
  public static final long SEED = 20_230_307L;

  /** 2023-03-07T11:32:29.167Z, the ADR's example time. */
  public static final long TS = 1678188749167L;

  private GoldenEvents() {}

  private static final Level[] LEVELS = Level.values();

  private static final String[] LOGGERS = {
    "controllers.Component",
    "controllers.Component",
    "io.example.orders.OrderService",
    "io.example.orders.OrderService",
    "root",
    "",
    "weird\"logger\\name",
    "k8s.io/client-go/tools/cache",
    "é.中.\uD83D\uDE00",
  };

  private static final String[] WORDS = {
    "reconciled",
    "Component",
    "go-net-http-hello-prqx",
    "samburrai-tenant",
    "in",
    "ms",
    "updated",
    "deleted",
    "web-1",
    "replicas",
    "ready",
    "retrying",
    "failed",
    "ok",
    "pod",
    "deployment",
  };

  /** Values a service logs again and again, look-alikes of secrets that must stay. */
  private static final String[] PLAIN = {
    "samburrai-tenant",
    "go-net-http-hello-prqx",
    "Component",
    "req-7f3a9c",
    "3f2a1c4e-9b7d-4e2a-8c1f-0d9e8b7a6c5d",
    "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3",
    "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "4111111111111112",
    "1716204800007",
    "2023-03-07T11:32:29.167Z",
    "v2.31.1-alpha",
    "10.96.0.1:443",
    "fe80::1ff:fe23:4567:890a",
    "http://go-net-http-hello.samburrai-tenant.svc:8080/healthz",
    "system:serviceaccount:kube-system:default",
    "${DB_PASSWORD}",
    "****",
    "[REDACTED:password]",
    "h:0123456789ab",
    "password reset email sent",
    "Secret db-credentials created",
    "token_endpoint=https://idp.example/token",
    "true",
    "false",
    "VIEW",
    "MODIFY",
    "null",
    "",
  };

  /** Secrets and personal data of every kind the detectors know. */
  private static final String[] SECRETS = {
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "Bearer mF_9.B5f-4.1JqM",
    "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
    "postgres://app:s3cr3t@db.internal:5432/orders",
    "jdbc:mysql://db/x?user=app&password=hunter2",
    "AKIAQ3EGRX5PZ7LM2KTD",
    "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",
    "glpat-EXAMPLE_example-1234",
    "xoxb-0000000000-0000000000000-EXAMPLEexampleEXAMPLEx",
    "AIzaSyDOCUMENTED_EXAMPLE_KEY_0123456789",
    "sk_live_EXAMPLE00000000000000",
    "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqEXAMPLE\n-----END PRIVATE KEY-----",
    "password=hunter2",
    "client_secret: Zq8#rT2!vLp0",
    "\"api_key\":\"k-7f3a9c0b1d\"",
    "the secret is s3cr3t!",
    "4111 1111 1111 1111",
    "5500-0000-0000-0004",
    "123-45-6789",
    "+44 20 7946 0958",
    "(212) 555-0123",
    "GB82WEST12345698765432",
    "DE89 3704 0044 0532 0130 00",
    "jane.doe@example.com",
    "jane%40example.com",
    "user=jane.doe",
  };

  /** Chars that need care in JSON and UTF-8, lone surrogates included. */
  private static final String AWKWARD =
      "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u0085\u00a0\u2028\u2029\ufeff\ufffd\ufffe\uffff{}é中"
          + "\uD800\uDBFF\uDC00\uDFFF";

  private static final List<String> KEYS = keys();

  private static List<String> keys() {
    List<String> k = new ArrayList<>();
    for (String s :
        new String[] {
          "replicas",
          "durationMs",
          "tenant",
          "zone",
          "attempt",
          "endpoint",
          "note",
          "k",
          "payload",
          "request_id",
          "global_request_id",
          "namespace",
          "controllerKind",
          "name",
          "caller",
          "action",
          "audit",
          "trace_id",
          "span_id",
          "trace_flags",
          "msg",
          "ts",
          "level",
          "logger",
          "error",
          "stacktrace",
          "stack_hash",
          "logconv_dropped_keys",
          "password",
          "db_password",
          "token",
          "api_key",
          "authorization",
          "cookie",
          "client_secret",
          "user",
          "email",
          "user_id",
          "phone",
          "ssn",
          "token_endpoint",
          "secret_name",
          "key_id",
          "password_policy",
          "max_tokens",
          "k8s:ns",
          "1st",
          "a-b",
          "a.b",
          "a_b",
          "über",
          "",
          "with space",
          "app_audit",
          "app_pod_name",
          "app_action",
        }) {
      k.add(s);
    }
    k.addAll(new TreeSet<>(Conventions.RESERVED_KEYS));
    k.addAll(new TreeSet<>(Conventions.PIPELINE_KEYS));
    return List.copyOf(k);
  }

  /** Doubles that every JDK since 17 prints alike. */
  private static final double[] DOUBLES = {
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.1,
    0.5,
    1e-3,
    1e-7,
    1e7,
    1e21,
    1e-300,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    9007199254740992.0,
    123456.789,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
  };

  private static final float[] FLOATS = {
    1.5f, 0.1f, -2.25f, 1e10f, Float.MAX_VALUE, Float.MIN_VALUE, Float.NaN, Float.NEGATIVE_INFINITY,
  };

  private static final long[] LONGS = {
    0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, 1L << 53, 87L, 1716204800007L,
  };

  /** An object whose {@code toString} throws, as a broken application class may. */
  public static final class Hostile {
    @Override
    public String toString() {
      throw new IllegalStateException("toString failed");
    }
  }

  /** An object with a {@code toString} of its own. */
  public record Point(int x, String label) {}

  /** One of {@code values}. */
  public static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  /** A timestamp: mostly a few milliseconds after the last one, now and then far off or extreme. */
  public static long timestamp(Random r, int i) {
    return switch (r.nextInt(40)) {
      case 0 -> -62167219200000L - r.nextInt(1000); // before year 0: clamped
      case 1 -> 253402300799999L + r.nextInt(1000); // after 9999: clamped
      case 2 -> -1L - r.nextInt(100_000_000); // before 1970
      case 3 -> 951782400000L + r.nextInt(86_400_000); // 2000-02-29
      default -> TS + i * 37L + r.nextInt(1000);
    };
  }

  /** A level. */
  public static Level level(Random r) {
    return pick(r, LEVELS);
  }

  /** A logger name, most often one of a few. */
  public static String logger(Random r) {
    return r.nextInt(30) == 0 ? text(r) : pick(r, LOGGERS);
  }

  /** A string of {@code length} chars of {@code alphabet}. */
  public static String chars(Random r, String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** A string of {@code length} chars, any from U+0000 to U+FFFF, lone surrogates included. */
  public static String anyChars(Random r, int length) {
    StringBuilder sb = new StringBuilder(length);
    while (sb.length() < length) {
      switch (r.nextInt(6)) {
        case 0 -> sb.append((char) r.nextInt(0x10000));
        case 1 -> sb.append((char) r.nextInt(0x20));
        case 2 -> sb.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000 + 1));
        case 3 -> sb.append(AWKWARD.charAt(r.nextInt(AWKWARD.length())));
        default -> sb.append((char) (' ' + r.nextInt(95)));
      }
    }
    sb.setLength(length); // a pair at the end may come out cut: a lone high surrogate
    return sb.toString();
  }

  /** A text: plain, a secret, awkward chars, words around a secret, or now and then a long one. */
  public static String text(Random r) {
    return switch (r.nextInt(12)) {
      case 0, 1, 2 -> pick(r, PLAIN);
      case 3, 4 -> pick(r, SECRETS);
      case 5 -> anyChars(r, r.nextInt(40));
      case 6 -> chars(r, AWKWARD, r.nextInt(20));
      case 7 -> pick(r, WORDS) + " " + pick(r, SECRETS) + " " + pick(r, WORDS);
      case 8 ->
          r.nextInt(8) == 0
              ? pick(r, WORDS).repeat(100 + r.nextInt(400))
              : words(r, 1 + r.nextInt(8));
      default -> words(r, 1 + r.nextInt(6));
    };
  }

  private static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(pick(r, WORDS));
    }
    return sb.toString();
  }

  /**
   * A key: the contract's, reserved, pipeline, sensitive, unsafe, short ones that collide, null.
   */
  public static String key(Random r) {
    return switch (r.nextInt(10)) {
      case 0 -> chars(r, "abcde", 1 + r.nextInt(2));
      case 1 -> r.nextInt(4) == 0 ? null : anyChars(r, r.nextInt(8));
      default -> KEYS.get(r.nextInt(KEYS.size()));
    };
  }

  /** A scalar of any type the writer knows. */
  public static Object scalar(Random r) {
    return scalar(r, true);
  }

  /**
   * A scalar; without {@code arrays}, no primitive array: inside a collection that is written
   * through its {@code toString} (a message argument, a value under a string-typed key), an array
   * prints its identity hash code, which differs from run to run.
   */
  private static Object scalar(Random r, boolean arrays) {
    return switch (r.nextInt(20)) {
      case 0, 1, 2, 3, 4 -> text(r);
      case 5 -> LONGS[r.nextInt(LONGS.length)];
      case 6 -> (long) (r.nextInt(2_000_001) - 1_000_000);
      case 7 -> r.nextInt();
      case 8 -> r.nextBoolean() ? (Object) (short) r.nextInt() : (Object) (byte) r.nextInt();
      case 9 -> DOUBLES[r.nextInt(DOUBLES.length)];
      case 10 -> (r.nextInt(2_000_000_001) - 1_000_000_000) / 1000.0;
      case 11 -> FLOATS[r.nextInt(FLOATS.length)];
      case 12 -> BigInteger.valueOf(r.nextLong()).shiftLeft(70).add(BigInteger.ONE);
      case 13 -> BigDecimal.valueOf(r.nextLong(), r.nextInt(20) - 5);
      case 14 -> r.nextBoolean();
      case 15 -> r.nextBoolean() ? (Object) pick(r, Action.values()) : (Object) pick(r, LEVELS);
      case 16 -> arrays ? chars(r, "{}\\x \u00e9", r.nextInt(16)).toCharArray() : text(r);
      case 17 ->
          r.nextInt(3) == 0
              ? (Object) new Hostile()
              : (Object) new Point(r.nextInt(100), pick(r, WORDS));
      case 18 -> arrays ? new int[] {r.nextInt(10), r.nextInt(10)} : text(r);
      default -> null;
    };
  }

  /**
   * A scalar, or maps, lists and arrays of values nested up to {@code depth} levels; no array
   * inside a map or list (see {@link #scalar(Random, boolean)}).
   */
  public static Object value(Random r, int depth) {
    return value(r, depth, true);
  }

  private static Object value(Random r, int depth, boolean arrays) {
    if (depth == 0) {
      return scalar(r, arrays);
    }
    return switch (r.nextInt(24)) {
      case 0, 1 -> {
        Map<Object, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          m.put(r.nextInt(10) == 0 ? (Object) r.nextInt(3) : key(r), value(r, depth - 1, false));
        }
        yield m;
      }
      case 2, 3 -> {
        List<Object> l = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          l.add(value(r, depth - 1, false));
        }
        yield l;
      }
      case 4 -> {
        if (!arrays) {
          yield scalar(r, false);
        }
        Object[] a = new Object[r.nextInt(4)];
        for (int i = 0; i < a.length; i++) {
          a[i] = value(r, depth - 1, true);
        }
        yield a;
      }
      case 5 -> cycle();
      default -> scalar(r, arrays);
    };
  }

  /** A map and a list that contain each other. */
  public static Map<String, Object> cycle() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> l = new ArrayList<>();
    m.put("list", l);
    l.add(m);
    return m;
  }

  /** {@code n} frames of class {@code com.example.<prefix>}, lines from {@code firstLine} on. */
  public static StackTraceElement[] frames(String prefix, int n, int firstLine) {
    StackTraceElement[] st = new StackTraceElement[n];
    for (int f = 0; f < n; f++) {
      st[f] =
          new StackTraceElement("com.example." + prefix, "m" + f, prefix + ".java", firstLine + f);
    }
    return st;
  }

  private static final StackTraceElement[] TAIL = {
    new StackTraceElement("com.example.Handler", "handle", "Handler.java", 87),
    new StackTraceElement("java.lang.Thread", "run", "Thread.java", 833),
  };

  private static StackTraceElement[] framesWithTail(Random r, String prefix) {
    int n = r.nextInt(8) == 0 ? r.nextInt(200) : r.nextInt(12);
    StackTraceElement[] own = frames(prefix, n, 1 + r.nextInt(3) * 256);
    if (r.nextBoolean()) {
      return own;
    }
    StackTraceElement[] all = new StackTraceElement[n + TAIL.length];
    System.arraycopy(own, 0, all, 0, n);
    System.arraycopy(TAIL, 0, all, n, TAIL.length);
    return all;
  }

  /** A throwable: a chain of causes, frames set by hand, now and then suppressed or a cycle. */
  public static Throwable throwable(Random r) {
    int causes = r.nextInt(6) == 0 ? 1 + r.nextInt(20) : 1 + r.nextInt(4);
    Throwable t = null;
    for (int c = 0; c < causes; c++) {
      String message = r.nextInt(8) == 0 ? null : text(r);
      t =
          switch (r.nextInt(3)) {
            case 0 -> new IllegalStateException(message, t);
            case 1 ->
                new java.io.UncheckedIOException(message, new java.io.IOException(message, t));
            default -> new RuntimeException(message, t);
          };
      if (t.getCause() != null && t.getCause().getClass() == java.io.IOException.class) {
        t.getCause().setStackTrace(framesWithTail(r, "Io" + c));
      }
      t.setStackTrace(framesWithTail(r, "Layer" + c));
    }
    switch (r.nextInt(6)) {
      case 0 -> {
        Throwable s = new IllegalArgumentException(text(r));
        s.setStackTrace(framesWithTail(r, "Suppressed"));
        t.addSuppressed(s);
      }
      case 1 -> {
        Throwable a = new IllegalStateException("a");
        Throwable b = new IllegalStateException("b", a);
        a.initCause(b); // a loop: a -> b -> a
        a.setStackTrace(frames("A", 2, 1));
        b.setStackTrace(frames("B", 3, 1));
        t.addSuppressed(a);
      }
      default -> {}
    }
    return t;
  }

  /** A template of words, placeholders, escaped placeholders and words naming secrets. */
  public static String template(Random r) {
    StringBuilder sb = new StringBuilder();
    int parts = r.nextInt(7);
    for (int i = 0; i < parts; i++) {
      switch (r.nextInt(9)) {
        case 0, 1 -> sb.append("{}");
        case 2 -> sb.append("\\{}");
        case 3 -> sb.append("\\\\{}");
        case 4 ->
            sb.append(
                pick(
                    r, new String[] {"password ", "token: ", "api key = ", "secret '", "Secret "}));
        case 5 -> sb.append(pick(r, SECRETS));
        default -> sb.append(pick(r, WORDS));
      }
      sb.append(r.nextInt(3) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  /** Writes one drawn event with {@code w} at {@code ts}. */
  public static JsonBuffer write(Random r, EventWriter w, long ts) {
    w.begin(ts, level(r), logger(r));
    switch (r.nextInt(10)) {
      case 0, 1, 2, 3, 4, 5 -> {
        Object[] args = new Object[r.nextInt(5)];
        for (int i = 0; i < args.length; i++) {
          args[i] = value(r, 1);
        }
        w.message(
            r.nextInt(40) == 0 ? null : template(r),
            args,
            args.length - (args.length > 0 && r.nextInt(6) == 0 ? 1 : 0));
      }
      case 6, 7 -> w.message(text(r));
      case 8 -> {
        String template = template(r);
        StringBuilder formatted = new StringBuilder();
        Object[] args = {text(r), text(r)};
        MessageTemplate.format(formatted, template, args, 2);
        w.message(formatted.toString(), template, 2);
      }
      default -> w.messageBuilder().append(pick(r, WORDS)).append(' ').append(r.nextInt(1000));
    }
    int fields = r.nextInt(11);
    for (int i = 0; i < fields; i++) {
      String k = key(r);
      switch (r.nextInt(12)) {
        case 0 -> w.field(k, LONGS[r.nextInt(LONGS.length)]);
        case 1 -> w.field(k, DOUBLES[r.nextInt(DOUBLES.length)]);
        case 2 -> w.field(k, r.nextBoolean());
        default -> w.field(k, value(r, 3));
      }
    }
    if (r.nextInt(6) == 0) {
      w.action(pick(r, Action.values()));
    }
    if (r.nextInt(6) == 0) {
      w.audit(r.nextBoolean());
    }
    if (r.nextInt(12) == 0) {
      w.caller("com/example/Foo.java:" + r.nextInt(500));
    }
    if (r.nextInt(5) == 0) {
      w.throwable(throwable(r));
    }
    return w.end();
  }
}
