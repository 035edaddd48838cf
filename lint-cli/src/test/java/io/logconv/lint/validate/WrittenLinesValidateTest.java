package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.EventWriter;
import io.logconv.core.LineFormat;
import io.logconv.core.StatusListener;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What the SDK writes passes {@code logconv validate}: every line the default writer writes for a
 * generated hostile event (reserved, pipeline, unsafe and duplicate keys, secrets planted in
 * messages and values, every char, huge values, nested maps and lists, bad actions and audit
 * values, throwables) has zero findings, secret checks and strict checks on.
 *
 * <p>Seeded generators over JUnit: each run takes a fresh seed, a failure names it, and {@code
 * -Dlogconv.seed=<seed>} replays the same events.
 */
class WrittenLinesValidateTest {
  static final String SEED_PROPERTY = "logconv.seed";

  private static final int TRIES = 10_000;

  private static final LineFormat FORMAT =
      LineFormat.builder().statusListener(StatusListener.IGNORE).build();

  private static final List<String> KEYS = keys();

  private static final List<Action> ACTIONS = List.of(Action.values());

  private static final List<Level> LEVELS = List.of(Level.values());

  /** Secrets and personal data the writer must redact wherever they stand in a text. */
  private static final List<String> PLANTED =
      List.of(
          "AKIAQ3EGRX5PZ7LM2KTD",
          "jane.doe@example.com",
          "Bearer mF_9.B5f-4.1JqM",
          "postgres://app:Hunter2Secret@db/x",
          "password=Hunter2Secret",
          "4111 1111 1111 1111",
          "123-45-6789",
          "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",
          "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl");

  private static List<String> keys() {
    List<String> k = new ArrayList<>(Conventions.RESERVED_KEYS);
    k.addAll(Conventions.PIPELINE_KEYS);
    k.addAll(Conventions.LEADING_FIELDS);
    k.addAll(Conventions.TRAILING_FIELDS);
    k.addAll(
        List.of(
            "trace_id", "span_id", "trace_flags", "request_id", "global_request_id", "", "k8s:ns",
            "http.status", "2xx", "@timestamp", "user", "email", "api_key", "token", "session_id",
            "app_pod_name", "retries", "nested"));
    return List.copyOf(k);
  }

  @Test
  void everyLineTheWriterWritesHasNoFinding() {
    String fixed = System.getProperty(SEED_PROPERTY);
    long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    SplittableRandom root = new SplittableRandom(seed);
    LineValidator validator =
        new LineValidator(SecretScanner.of(SecretRedactor.defaults()), null, Conventions.DEFAULT_MAX_LINE_BYTES);
    EventWriter writer = FORMAT.newWriter();
    for (int i = 1; i <= TRIES; i++) {
      SplittableRandom r = root.split();
      byte[] line = write(writer, r);
      List<String> findings = new ArrayList<>();
      // Without the newline, as the validator's reader hands it a line.
      validator.check(line, 0, line.length - 1, (rule, message) -> findings.add(rule.id() + " " + message));
      if (!findings.isEmpty()) {
        throw new AssertionError(
            "try "
                + i
                + " with seed "
                + seed
                + " (replay: -D"
                + SEED_PROPERTY
                + "="
                + seed
                + "): "
                + findings
                + "\nline: "
                + abbreviate(new String(line, StandardCharsets.UTF_8)));
      }
    }
  }

  @Test
  void aListUnderASecretKeyIsRedacted() {
    for (Object v : new Object[] {List.of("hunter2secret"), new Object[] {"hunter2secret"}}) {
      byte[] line =
          FORMAT.newWriter().begin(1678188749167L, Level.INFO, "l").message("m").field("password", v).end().toByteArray();
      assertThat(new String(line, StandardCharsets.UTF_8)).doesNotContain("hunter2secret");
    }
  }

  @Test
  void whatTheSdkKeepsUnderASecretKeyPassesTheValidator() {
    LineValidator validator =
        new LineValidator(SecretScanner.of(REDACTOR), null, Conventions.DEFAULT_MAX_LINE_BYTES);
    for (String kept : List.of("", "****", "${DB_PASSWORD}", "<secret>", "[hidden]", "null")) {
      byte[] line =
          FORMAT.newWriter().begin(1678188749167L, Level.INFO, "l").message("m").field("password", kept).end().toByteArray();
      List<String> findings = new ArrayList<>();
      validator.check(line, 0, line.length - 1, (rule, message) -> findings.add(rule.id()));
      assertThat(findings).as("password=%s", kept).isEmpty();
    }
  }

  @Test
  void aSeedWritesTheSameLinesAgain() {
    assertThat(lines(42L)).isEqualTo(lines(42L)).isNotEqualTo(lines(43L));
  }

  /** An array written through its toString names its identity hash, which differs per run. */
  private static final java.util.regex.Pattern IDENTITY_HASH =
      java.util.regex.Pattern.compile("(\\[+(?:[BCDFIJSZ]|L[\\w.$]+;))@[0-9a-f]+");

  private static List<String> lines(long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    EventWriter writer = FORMAT.newWriter();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String line = new String(write(writer, root.split()), StandardCharsets.UTF_8);
      out.add(IDENTITY_HASH.matcher(line).replaceAll("$1@"));
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() <= 4000 ? s : s.substring(0, 4000) + "...";
  }

  private static byte[] write(EventWriter w, SplittableRandom r) {
    w.begin(
        r.nextLong(-62167219200000L, 253402300800000L),
        LEVELS.get(r.nextInt(LEVELS.size())),
        // A logger's name comes from the code, not from data: no secrets planted in it.
        r.nextInt(20) == 0 ? null : anyChars(r, r.nextInt(41)));
    Object[] args = new Object[r.nextInt(4)];
    for (int a = 0; a < args.length; a++) {
      args[a] = r.nextBoolean() ? text(r) : scalar(r);
    }
    w.message(r.nextInt(50) == 0 ? null : text(r), args, args.length);
    int fields = r.nextInt(13);
    for (int f = 0; f < fields; f++) {
      String key = key(r);
      w.field(key, valueFor(key, r, 3));
    }
    if (r.nextInt(5) == 0) {
      w.throwable(throwable(r));
    }
    return w.end().toByteArray();
  }

  private static String key(SplittableRandom r) {
    return switch (r.nextInt(10)) {
      case 0, 1, 2, 3, 4 -> KEYS.get(r.nextInt(KEYS.size()));
      case 5, 6, 7 -> chars(r, "abcde", 1 + r.nextInt(3));
      case 8 -> anyChars(r, r.nextInt(9));
      default -> null;
    };
  }

  private static final SecretRedactor REDACTOR = SecretRedactor.defaults();

  /**
   * A value for {@code key}. Under a secret key also lists, arrays, maps and the values the SDK
   * keeps as already hidden (an empty string, {@code ****}, {@code ${DB_PASSWORD}}): numbers,
   * booleans, texts with secrets planted in them or not, and all of those.
   */
  private static Object valueFor(String key, SplittableRandom r, int depth) {
    if (key == null || !REDACTOR.isSensitiveKey(key)) {
      return value(r, depth);
    }
    return switch (r.nextInt(8)) {
      case 0 -> r.nextLong();
      case 1 -> r.nextBoolean();
      case 2 -> KEPT.get(r.nextInt(KEPT.size()));
      case 3 -> List.of("v" + text(r), r.nextInt());
      case 4 -> new Object[] {"v" + text(r)};
      case 5 -> value(r, depth);
      default -> "v" + text(r);
    };
  }

  private static final List<String> KEPT =
      List.of("", "****", "${DB_PASSWORD}", "$DB_PASSWORD", "<secret>", "[hidden]", "null", "xxxx");

  private static Object value(SplittableRandom r, int depth) {
    int pick = r.nextInt(depth == 0 ? 16 : 20);
    if (pick < 16) {
      return scalar(r);
    }
    int n = r.nextInt(5);
    if (pick < 18) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String key = key(r);
        m.put(key, valueFor(key, r, depth - 1));
      }
      return m;
    }
    List<Object> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(value(r, depth - 1));
    }
    return pick == 18 ? l : l.toArray();
  }

  private static Object scalar(SplittableRandom r) {
    return switch (r.nextInt(12)) {
      case 0, 1, 2, 3 -> text(r);
      case 4 -> r.nextLong();
      case 5 -> r.nextInt(2001) - 1000;
      case 6 -> Double.longBitsToDouble(r.nextLong());
      case 7 -> new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e21, 1e-7}[r.nextInt(6)];
      case 8 -> r.nextBoolean();
      case 9 -> ACTIONS.get(r.nextInt(ACTIONS.size()));
      case 10 -> List.of("true", "false", "VIEW", "MODIFY", "update", "4bf92f3577b34da6a3ce929d0e0e4736").get(r.nextInt(6));
      default -> null;
    };
  }

  /** Short texts of every char, a secret planted in one text of four, a huge one now and then. */
  private static String text(SplittableRandom r) {
    int kind = r.nextInt(20);
    if (kind == 0) {
      return anyChars(r, 3000 + r.nextInt(17_001));
    }
    String s = kind < 10 ? anyChars(r, r.nextInt(41)) : chars(r, "{}\\ xyz.:=@/-_", r.nextInt(17));
    if (r.nextInt(4) == 0) {
      int at = r.nextInt(s.length() + 1);
      s = s.substring(0, at) + " " + PLANTED.get(r.nextInt(PLANTED.size())) + " " + s.substring(at);
    }
    return s;
  }

  private static String chars(SplittableRandom r, String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** Every char from U+0000 to U+FFFF, control chars and surrogates (lone and paired) often. */
  private static String anyChars(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n + 1);
    while (sb.length() < n) {
      switch (r.nextInt(6)) {
        case 0, 1 -> sb.append((char) r.nextInt(0x10000));
        case 2 -> sb.append((char) r.nextInt(0x20));
        case 3 -> sb.append((char) r.nextInt(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1));
        case 4 -> sb.appendCodePoint(r.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
        default -> sb.append((char) r.nextInt(' ', '~' + 1));
      }
    }
    sb.setLength(n);
    return sb.toString();
  }

  private static Throwable throwable(SplittableRandom r) {
    Throwable t = null;
    int causes = 1 + r.nextInt(r.nextInt(4) == 0 ? 40 : 5);
    for (int c = 0; c < causes; c++) {
      t = new IllegalStateException(r.nextInt(10) == 0 ? null : text(r), t);
      int frames = r.nextInt(r.nextInt(4) == 0 ? 301 : 31);
      StackTraceElement[] st = new StackTraceElement[frames];
      for (int f = 0; f < frames; f++) {
        st[f] = new StackTraceElement("com.example.C" + f, "m" + f, "C" + f + ".java", f);
      }
      t.setStackTrace(st);
    }
    return t;
  }
}
