package io.logconv.core;

import io.logconv.core.redact.Prefilter;
import io.logconv.core.redact.RedactionMode;
import io.logconv.core.redact.Redactor;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden lines of the {@link EventWriter}: a fixed corpus of events, written through writers of
 * several configurations, must come out byte for byte as the golden files under {@code
 * src/test/resources/golden/} hold them, one line per event:
 *
 * <ul>
 *   <li>{@code event-writer.jsonl}: the hand-made corpus, case by case (each line's {@code logger}
 *       names its case, unless the case is about the logger): messages and templates, every
 *       convention field, values that break the contract, reserved, pipeline and unsafe keys,
 *       duplicates, secrets and personal data under keys and inside text, values of every type,
 *       awkward chars, lines over {@code maxLineBytes}, throwables of every shape, and custom
 *       redactors, context providers and static fields;
 *   <li>{@code event-writer-generated.jsonl}: events drawn by {@link GoldenEvents} from a fixed
 *       seed;
 *   <li>{@code event-writer-problems.jsonl}: what the writers reported to their {@link
 *       StatusListener} while writing the corpus, one JSON object per report, with the case that
 *       caused it.
 * </ul>
 *
 * <p>Every line is also checked to be one strict JSON object conforming to the strict schema.
 * Nothing depends on the machine, the JDK (17 or later) or the test's own line numbers: times are
 * fixed, personal data is hashed with a fixed key, frames are set with {@code setStackTrace}, maps
 * keep insertion order, and doubles are those every JDK prints alike.
 *
 * <p>On a mismatch the test fails with the index of the first line that differs, its case, and the
 * expected and the actual line. When a change of output is intended, rewrite the files with {@code
 * ./mvnw -B -ntp -o -q -pl sdk-core -am verify -Dtest=GoldenLinesTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dlogconv.golden.update=true} (the files are written into
 * the source tree, {@code sdk-core/src/test/resources/golden/}) and review their diff.
 */
class GoldenLinesTest {
  private static final long TS = GoldenEvents.TS;
  private static final String HASH_KEY = "golden-test-hash-key-0123456789abcdef";

  private final List<GoldenFile.Line> lines = new ArrayList<>();
  private final List<GoldenFile.Line> problems = new ArrayList<>();
  private String current = "";
  private long clock = TS;

  // --- configurations ---------------------------------------------------------------------------

  private static SecretRedactor.Builder redactor() {
    return SecretRedactor.builder()
        .hashKeyFromEnvironment(false)
        .hashKey(HASH_KEY)
        .warnings(m -> {});
  }

  private LineFormat.Builder format() {
    return LineFormat.builder()
        .redactor(redactor().build())
        .contextFields(false)
        .statusListener(this::problem);
  }

  private EventWriter std;
  private EventWriter plain;
  private EventWriter small;
  private EventWriter frames3;
  private EventWriter rootFirst;
  private EventWriter lineSep;
  private EventWriter none;
  private EventWriter tuned;
  private EventWriter custom;
  private EventWriter broken;
  private EventWriter providers;
  private EventWriter statics;

  private void writers() {
    std =
        format()
            .staticField("service", "golden")
            .staticField("version", "1.2.3")
            .build()
            .newWriter();
    plain = format().build().newWriter();
    small = format().maxLineBytes(LineFormat.MIN_LINE_BYTES).build().newWriter();
    frames3 = format().maxFramesPerCause(3).build().newWriter();
    rootFirst = format().rootCauseFirst(true).stackHash(true).build().newWriter();
    lineSep = format().escapeLineSeparators(true).build().newWriter();
    none = format().redactor(Redactor.NONE).build().newWriter();
    tuned =
        format()
            .redactor(
                redactor()
                    .mode("card", RedactionMode.MASK)
                    .mode("email", RedactionMode.HASH)
                    .mode("token", RedactionMode.HASH)
                    .mode("password", RedactionMode.MASK)
                    .disable("phone", "iban")
                    .secretKey("pin")
                    .piiKey("customer_number", "customer")
                    .regex("acme_key", "acme_", "acme_[A-Za-z0-9]{32}\\b")
                    .build())
            .build()
            .newWriter();
    custom = format().redactor(new HideHunter2()).build().newWriter();
    broken = format().redactor(new Throwing()).build().newWriter();
    providers =
        format()
            .contextFields(true)
            .contextFieldProvider(new TenantProvider())
            .contextFieldProvider(new FailingProvider())
            .build()
            .newWriter();
    statics =
        format()
            .staticField("service", "golden")
            .staticField("host", "node-1")
            .staticField("empty", null)
            .staticField("db_password", "hunter2")
            .staticField("version", "1.2.3")
            .build()
            .newWriter();
  }

  /** Adds a tenant, and a reserved key the writer renames. */
  private static final class TenantProvider implements ContextFieldProvider {
    @Override
    public void addFields(EventWriter w) {
      w.field("tenant", "team-a").field("pod_name", "web-0");
    }
  }

  /** A provider that fails (a named class: a lambda's class name differs from run to run). */
  private static final class FailingProvider implements ContextFieldProvider {
    @Override
    public void addFields(EventWriter w) {
      throw new IllegalStateException("provider failed");
    }
  }

  /**
   * Hides "hunter2" anywhere and every value under {@code pin}; no prefilter, so sees every text.
   */
  private static final class HideHunter2 implements Redactor {
    @Override
    public boolean isSensitiveKey(String key) {
      return "pin".equals(key);
    }

    @Override
    public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
      if ("pin".equals(key)) {
        scratch.setLength(0);
        return scratch.append("[REDACTED:pin]");
      }
      String s = value.toString();
      if (!s.contains("hunter2")) {
        return value;
      }
      scratch.setLength(0);
      return scratch.append(s.replace("hunter2", "[REDACTED:password]"));
    }

    @Override
    public Prefilter prefilter() {
      return Prefilter.EVERY_TEXT;
    }
  }

  /** A redactor that fails on every text. */
  private static final class Throwing implements Redactor {
    @Override
    public boolean isSensitiveKey(String key) {
      return false;
    }

    @Override
    public CharSequence redact(String key, CharSequence value, StringBuilder scratch) {
      throw new IllegalStateException("broken redactor");
    }
  }

  // --- recording --------------------------------------------------------------------------------

  private void problem(String kind, String message, Throwable cause) {
    ObjectNode n = Lines.MAPPER.createObjectNode();
    n.put("case", current);
    n.put("kind", printable(kind));
    n.put("message", printable(message));
    n.put("cause", cause == null ? null : cause.getClass().getName());
    byte[] line =
        (Lines.MAPPER.writeValueAsString(n) + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    problems.add(new GoldenFile.Line(current, line));
  }

  /** Printable ASCII as is, every other char as {@code \\uXXXX}: keys may hold lone surrogates. */
  private static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= ' ' && c <= '~') {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /**
   * Writes one line with {@code write} (through {@code w}), recorded under {@code name}; a line
   * over {@code w}'s {@code maxLineBytes} fails the test at once.
   */
  private void line(String name, EventWriter w, Supplier<JsonBuffer> write) {
    current = name;
    byte[] bytes = write.get().toByteArray();
    if (bytes.length > w.format().maxLineBytes()) {
      throw new AssertionError(
          name + ": " + bytes.length + " bytes, over maxLineBytes " + w.format().maxLineBytes());
    }
    lines.add(new GoldenFile.Line(name, bytes));
  }

  /** An event at the next time, level info, logger {@code golden.<name>}. */
  private void event(String name, EventWriter w, UnaryOperator<EventWriter> body) {
    event(name, w, Level.INFO, body);
  }

  private void event(String name, EventWriter w, Level level, UnaryOperator<EventWriter> body) {
    long ts = clock++;
    line(name, w, () -> body.apply(w.begin(ts, level, "golden." + name)).end());
  }

  // --- values that misbehave --------------------------------------------------------------------

  /** {@code toString} that recurses until the stack overflows. */
  private static final class Recursing {
    @Override
    public String toString() {
      return "r" + new Recursing();
    }
  }

  /** A char sequence whose every method throws. */
  private static final class BadChars implements CharSequence {
    @Override
    public int length() {
      throw new IllegalStateException("length failed");
    }

    @Override
    public char charAt(int index) {
      throw new IllegalStateException("charAt failed");
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      throw new IllegalStateException("subSequence failed");
    }

    @Override
    public String toString() {
      throw new IllegalStateException("toString failed");
    }
  }

  /** A map whose iteration throws. */
  private static final class BrokenMap extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    BrokenMap() {
      put("a", 1);
      put("b", 2);
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      throw new IllegalStateException("concurrent change");
    }
  }

  /** An iterable whose iterator fails after one element. */
  private static final class BrokenIterable implements Iterable<Object> {
    @Override
    public Iterator<Object> iterator() {
      return new Iterator<>() {
        private boolean first = true;

        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public Object next() {
          if (first) {
            first = false;
            return "one";
          }
          throw new IllegalStateException("iterator failed");
        }
      };
    }
  }

  // --- throwables that misbehave ----------------------------------------------------------------

  private static final StackTraceElement MAIN1 =
      new StackTraceElement("app.Main", "run", "Main.java", 5);
  private static final StackTraceElement MAIN2 =
      new StackTraceElement("app.Main", "main", "Main.java", 3);
  private static final StackTraceElement NATIVE =
      new StackTraceElement("sun.Native", "call", null, -2);
  private static final StackTraceElement UNKNOWN = new StackTraceElement("x.Y", "z", null, -1);
  private static final StackTraceElement NO_LINE =
      new StackTraceElement("x.Y", "noLine", "Y.java", -1);
  private static final StackTraceElement WEIRD =
      new StackTraceElement("com.example.Weird\"Name", "m\u00e9thod\t", "Weird\\.java", 1);
  private static final StackTraceElement LAMBDA =
      new StackTraceElement("com.example.Svc$$Lambda$14/0x0000000800c03000", "apply", null, -1);

  private static StackTraceElement[] frames(String prefix, int n, StackTraceElement... tail) {
    StackTraceElement[] own = GoldenEvents.frames(prefix, n, 10);
    StackTraceElement[] st = new StackTraceElement[n + tail.length];
    System.arraycopy(own, 0, st, 0, n);
    System.arraycopy(tail, 0, st, n, tail.length);
    return st;
  }

  private static <T extends Throwable> T with(T t, StackTraceElement... frames) {
    t.setStackTrace(frames);
    return t;
  }

  private static final class MessageThrows extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      throw new IllegalStateException("getMessage failed");
    }
  }

  private static final class MessageOverflows extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      throw new StackOverflowError();
    }
  }

  private static final class ToStringThrows extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToStringThrows(String message) {
      super(message);
    }

    @Override
    @SuppressWarnings("OverrideThrowableToString") // the point: the writer must not call it
    public String toString() {
      throw new IllegalStateException("toString failed");
    }
  }

  private static final class Localized extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Localized(String message) {
      super(message);
    }

    @Override
    public String getLocalizedMessage() {
      return "localized: " + getMessage();
    }
  }

  private static final class FramesThrow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FramesThrow(String message) {
      super(message);
    }

    @Override
    public StackTraceElement[] getStackTrace() {
      throw new IllegalStateException("getStackTrace failed");
    }
  }

  private static final class CauseThrows extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CauseThrows(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable getCause() {
      throw new IllegalStateException("getCause failed");
    }
  }

  private static final class NullFrames extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NullFrames(String message) {
      super(message);
    }

    @Override
    public StackTraceElement[] getStackTrace() {
      return null;
    }
  }

  /** Stands for a throwable of a class this JVM does not have. */
  private static final class Foreign extends RuntimeException implements ForeignThrowable {
    private static final long serialVersionUID = 1L;
    private final String className;

    Foreign(String className, String message, Throwable cause) {
      super(message, cause);
      this.className = className;
    }

    @Override
    public String originalClassName() {
      return className;
    }
  }

  /**
   * A throwable as StackTraceRendererTest builds it: causes, shared frames, suppressed with a
   * cause.
   */
  private static Throwable sample() {
    Exception root = with(new IOException("disk full"), frames("Disk", 3, NATIVE, MAIN1, MAIN2));
    IllegalStateException mid =
        with(
            new IllegalStateException("save failed", root),
            frames("Store", 2, UNKNOWN, MAIN1, MAIN2));
    RuntimeException top =
        with(new RuntimeException("request failed", mid), frames("Api", 4, MAIN1, MAIN2));
    Exception sup = with(new Exception("close failed"), frames("Closer", 1, MAIN1, MAIN2));
    sup.initCause(with(new Exception("socket"), frames("Sock", 1)));
    top.addSuppressed(sup);
    return top;
  }

  /** {@code causes} nested causes with {@code frames} frames each. */
  private static Throwable deep(int causes, int frames) {
    Throwable t = null;
    for (int c = 0; c < causes; c++) {
      StackTraceElement[] st = new StackTraceElement[frames];
      for (int f = 0; f < frames; f++) {
        st[f] =
            new StackTraceElement(
                "com.example.layer" + c + ".Service" + f,
                "call" + f,
                "Service" + f + ".java",
                f + 1);
      }
      t = with(new RuntimeException("cause " + c, t), st);
    }
    return t;
  }

  /** A loop of causes: a -> b -> a. */
  private static Throwable causeCycle() {
    Exception a = with(new Exception("a"), frames("A", 1));
    Exception b = with(new Exception("b", a), frames("B", 1));
    a.initCause(b);
    return b;
  }

  // --- the corpus -------------------------------------------------------------------------------

  @Test
  void theCorpusIsWrittenAsTheGoldenFileHoldsIt() throws IOException {
    writers();
    adrExamples();
    messages();
    templates();
    conventionFields();
    keys();
    duplicates();
    sensitiveKeys();
    secretsInText();
    valueTypes();
    awkwardChars();
    lineFitting();
    throwables();
    caches();
    configurations();
    GoldenFile.check("event-writer.jsonl", lines);
    GoldenFile.checkObjects("event-writer-problems.jsonl", problems);
  }

  @Test
  void theGeneratedEventsAreWrittenAsTheGoldenFileHoldsThem() throws IOException {
    writers();
    Random r = new Random(GoldenEvents.SEED);
    for (int i = 0; i < 400; i++) {
      // Most through the standard writer; every third through one whose lines are cut to 1 KB.
      EventWriter w = i % 3 == 2 ? small : std;
      long ts = GoldenEvents.timestamp(r, i);
      line(
          "generated " + i + (w == small ? " (1 KB lines)" : ""),
          w,
          () -> GoldenEvents.write(r, w, ts));
    }
    GoldenFile.check("event-writer-generated.jsonl", lines);
  }

  private void adrExamples() {
    line(
        "adr.first",
        plain,
        () ->
            plain
                .begin(TS, Level.INFO, "controllers.Component")
                .message("updating devfile component name kubernetes-deploy ...")
                .field("namespace", "samburrai-tenant")
                .field("name", "go-net-http-hello-prqx")
                .field("controllerKind", "Component")
                .end());
    line(
        "adr.second",
        plain,
        () ->
            plain
                .begin(1678188749020L, Level.INFO, "controllers.Component")
                .message("API Resource updated")
                .field("namespace", "samburrai-tenant")
                .field("audit", "true")
                .field("name", "go-net-http-hello-prqx")
                .field("controllerKind", "Component")
                .field("action", "UPDATE")
                .end());
    line(
        "adr.javadoc",
        std,
        () ->
            std.begin(TS, Level.INFO, "controllers.Component")
                .message("API Resource {}", new Object[] {"updated"}, 1)
                .field("namespace", "samburrai-tenant")
                .field("controllerKind", "Component")
                .field("name", "go-net-http-hello-prqx")
                .action(Action.UPDATE)
                .audit(true)
                .end());
  }

  private void messages() {
    for (Level l : Level.values()) {
      event("message.level." + l.label(), std, l, w -> w.message("at level " + l.label()));
    }
    line(
        "message.null-level",
        std,
        () -> std.begin(clock++, null, "golden.message.null-level").message("m").end());
    line("message.null-logger", std, () -> std.begin(clock++, Level.WARN, null).message("m").end());
    line("message.empty-logger", std, () -> std.begin(clock++, Level.WARN, "").message("m").end());
    line(
        "message.odd-logger",
        std,
        () ->
            std.begin(clock++, Level.INFO, "weird\"logger\\name\n\u0000é中\uD83D\uDE00\uD800")
                .message("m")
                .end());
    event("message.none", std, w -> w);
    event("message.empty", std, w -> w.message(""));
    event("message.null", std, w -> w.message((CharSequence) null));
    event("message.null-template", std, w -> w.message(null, new Object[] {"a"}, 1));
    event("message.null-args", std, w -> w.message("a {} b", (Object[]) null, 0));
    event(
        "message.builder",
        std,
        w -> {
          w.messageBuilder().append("built ").append(42).append(' ').append(1.5);
          return w;
        });
    event(
        "message.char-buffer", std, w -> w.message(java.nio.CharBuffer.wrap("from a char buffer")));
    event("message.char-sequence-throws", std, w -> w.message(new BadChars()));
    event("message.set-twice", std, w -> w.message("first").message("second"));
    event(
        "message.json-inside",
        std,
        w -> w.message("payload={\"id\":17,\"value\":\"x\",\"ok\":false}"));
    event("message.multi-line", std, w -> w.message("line one\nline two\r\n\tindented"));
    line(
        "message.begun-twice",
        std,
        () -> {
          std.begin(clock++, Level.ERROR, "golden.discarded")
              .message("discarded")
              .field("lost", 1L);
          return std.begin(clock++, Level.INFO, "golden.message.begun-twice").message("kept").end();
        });
    line(
        "message.field-before-begin",
        std,
        () -> {
          std.field("ignored", "before begin");
          return std.begin(clock++, Level.INFO, "golden.message.field-before-begin")
              .message("m")
              .end();
        });
  }

  private void templates() {
    Object[] cyclic = new Object[2];
    cyclic[0] = "a";
    cyclic[1] = cyclic;
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", List.of("x", 2));
    Object[][] cases = {
      {"reconciled {} in {} ms", new Object[] {"web-1", 87}},
      {"{} and {}", new Object[] {"a"}},
      {"only {}", new Object[] {"a", "b"}},
      {"no placeholders", new Object[] {"a"}},
      {"set \\{} to {}", new Object[] {"x"}},
      {"path C:\\\\{}", new Object[] {"dir"}},
      {"{}{}{}", new Object[] {1, 2L, 3.5}},
      {"{} {} {}", new Object[] {new int[] {1, 2}, new Object[] {"x", new long[] {3}}, cyclic}},
      {"null {} and {}", new Object[] {null, "x"}},
      {
        "map {} list {} set {}",
        new Object[] {map, List.of(1, "b"), new TreeSet<>(List.of("z", "y"))}
      },
      {"chars {} bool {} enum {}", new Object[] {new char[] {'c', 'h'}, true, Action.DELETE}},
      {
        "big {} {}",
        new Object[] {new BigInteger("123456789012345678901234567890"), new BigDecimal("1E+3")}
      },
      {"doubles {} {} {} {}", new Object[] {Double.NaN, -0.0, 1e21, 1.5f}},
      {
        "record {} uuid {}",
        new Object[] {new GoldenEvents.Point(3, "p"), new UUID(0x123456789abcdefL, 42L)}
      },
      {"hostile {}", new Object[] {new GoldenEvents.Hostile()}},
      {"recursing {}", new Object[] {new Recursing()}},
      {"quotes \"{}\" and \\ {}", new Object[] {"\"q\"", "\\"}},
      {"{", new Object[] {"a"}},
      {"}{", new Object[] {"a"}},
      {"\\\\\\{}", new Object[] {"a"}},
    };
    for (int i = 0; i < cases.length; i++) {
      String template = (String) cases[i][0];
      Object[] args = (Object[]) cases[i][1];
      event("template." + i, std, w -> w.message(template, args, args.length));
    }
    // A trailing throwable the caller keeps out of the arguments.
    Object[] withThrowable = {"web-1", with(new IllegalStateException("x"), frames("T", 1))};
    event(
        "template.throwable-not-an-argument",
        std,
        w -> w.message("failed {} {}", withThrowable, 1));
    // Arguments that a secret word in the template introduces are hidden whole.
    String[] secretTemplates = {
      "password {}",
      "token: {}",
      "login with secret '{}'",
      "api key {}",
      "API-Key='{}'",
      "the password is {}",
      "db password was \"{}\"",
      "signing key = {}",
      "password=[{}]",
      "client Secret {}",
      "session id {} expired",
      "user {} logged in with password {}",
      "password {} for user {} on {}",
      "Secret {} created",
      "password policy {} applied",
      "secret name {}",
      "token endpoint {}",
      "password \\{} {}",
      "password \\\\{}",
    };
    for (String t : secretTemplates) {
      event("template.secret." + t, std, w -> w.message(t, new Object[] {"a b", "c d", "e"}, 3));
    }
    for (Object placeholder : new Object[] {"${DB_PASSWORD}", "****", null, "", "<secret>"}) {
      event(
          "template.secret-placeholder." + placeholder,
          std,
          w -> w.message("password {}", new Object[] {placeholder}, 1));
    }
    String jwt =
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    event(
        "template.spring-boot-line",
        std,
        w ->
            w.message(
                "user logged in with password {} bearer {}",
                new Object[] {"hunter2-S3cret!", jwt},
                2));
    // The message as a backend formatted it, with its template.
    String[][] deferred = {
      {"user {} with password {} bearer {}", "3", "user c with password a b bearer t"},
      {"password {} for {}", "2", "password x for y for z"},
      {"token {}{} ok", "2", "token abcdef ok"},
      {"a {} password {}", "1", "a b password {}"},
      {"password {}", "1", "password ****"},
      {"password {} here", "1", "something else"},
      {"reconciled {}", "1", "reconciled x"},
      {"charged {} to {}", "2", "charged 4111 1111 1111 1111 to jane@example.com"},
      {null, "0", "no template"},
    };
    for (String[] d : deferred) {
      event("template.deferred." + d[0], std, w -> w.message(d[2], d[0], Integer.parseInt(d[1])));
    }
    // More templates than the writer keeps, colliding in its slots, some built anew each time.
    for (int i = 0; i < 20; i++) {
      String t = i % 2 == 0 ? "step " + i + " password {}" : "step " + i + " value {}";
      String template = i % 3 == 0 ? new String(t.toCharArray()) : t;
      event("template.many." + i, std, w -> w.message(template, new Object[] {"a b"}, 1));
    }
  }

  private void conventionFields() {
    event(
        "fields.all-in-reverse-order",
        std,
        w ->
            w.throwable(with(new IllegalStateException("boom"), frames("Order", 2)))
                .field("retries", 3L)
                .field("name", "web")
                .caller("com/example/Foo.java:87")
                .field("zone", "a")
                .audit(true)
                .field("controllerKind", "Deployment")
                .action(Action.DELETE)
                .field("namespace", "ns")
                .field("request_id", "req-1")
                .field("global_request_id", "greq-1")
                .field("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
                .field("span_id", "00f067aa0ba902b7")
                .field("trace_flags", "01")
                .message("deleted"));
    for (Action a : Action.values()) {
      event("fields.action." + a, std, w -> w.message("m").action(a).audit(true));
    }
    Object[] actions = {
      "UPDATE",
      "update",
      "MODIFY",
      "",
      null,
      1L,
      Action.VIEW,
      Level.INFO,
      java.nio.CharBuffer.wrap("ADD"),
      "VIEW "
    };
    for (Object a : actions) {
      event("fields.action-value." + a, std, w -> w.message("m").field("action", a));
    }
    Object[] audits = {
      true, false, "true", "false", "yes", "TRUE", 1L, null, "", java.nio.CharBuffer.wrap("true")
    };
    for (Object a : audits) {
      event(
          "fields.audit-value." + a, std, w -> w.message("m").action(Action.ADD).field("audit", a));
    }
    event("fields.audit-without-action", std, w -> w.message("m").audit(true));
    event("fields.audit-false-without-action", std, w -> w.message("m").audit(false));
    event("fields.audit-string-without-action", std, w -> w.message("m").field("audit", "true"));
    event(
        "fields.audit-without-action-app-audit-before",
        std,
        w -> w.message("m").field("app_audit", "given").audit(true));
    event(
        "fields.audit-without-action-app-audit-after",
        std,
        w -> w.message("m").audit(true).field("app_audit", "given"));
    event(
        "fields.audit-bad-and-app-audit",
        std,
        w -> w.message("m").field("audit", "yes").field("app_audit", "given"));
    event(
        "fields.audit-twice",
        std,
        w -> w.message("m").action(Action.VIEW).audit(true).audit(false));
    String[][] ids = {
      {"trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"},
      {"trace_id", "4BF92F3577B34DA6A3CE929D0E0E4736"},
      {"trace_id", "4bf92f3577b34da6a3ce929d0e0e473"},
      {"trace_id", "not-hex"},
      {"span_id", "00f067aa0ba902b7"},
      {"span_id", "00f067aa0ba902b"},
      {"span_id", "00f067aa0ba902bz"},
      {"trace_flags", "01"},
      {"trace_flags", "1"},
      {"trace_flags", "0x"},
    };
    for (String[] id : ids) {
      event("fields.ids." + id[0] + "." + id[1], std, w -> w.message("m").field(id[0], id[1]));
    }
    event(
        "fields.ids-not-strings",
        std,
        w ->
            w.message("m")
                .field("trace_id", 42L)
                .field("span_id", (Object) null)
                .field("trace_flags", 1.0));
    event(
        "fields.string-fields-given-other-types",
        std,
        w ->
            w.message("m")
                .field("name", 42L)
                .field("namespace", 7)
                .field("controllerKind", true)
                .field("caller", 1.5)
                .field("request_id", Double.NaN)
                .field("global_request_id", List.of(1, 2)));
    event(
        "fields.string-fields-given-values",
        std,
        w ->
            w.message("m")
                .field("name", Map.of("k", "v"))
                .field("namespace", (Object) null)
                .field("controllerKind", Action.ADD)
                .field("request_id", new char[] {'r', '1'})
                .field("global_request_id", new GoldenEvents.Hostile()));
    event("fields.caller-null", std, w -> w.message("m").caller(null));
  }

  private void keys() {
    event(
        "keys.reserved",
        std,
        w -> {
          w.message("m");
          for (String k : new TreeSet<>(Conventions.RESERVED_KEYS)) {
            w.field(k, "x");
          }
          return w;
        });
    event(
        "keys.pipeline",
        std,
        w -> {
          w.message("m");
          for (String k : new TreeSet<>(Conventions.PIPELINE_KEYS)) {
            w.field(k, "y");
          }
          return w;
        });
    event(
        "keys.owned",
        std,
        w ->
            w.message("real")
                .field("msg", "fake")
                .field("level", "fake")
                .field("ts", "fake")
                .field("logger", "fake")
                .field("error", "fake")
                .field("stacktrace", "fake")
                .field("stack_hash", "fake")
                .field("logconv_dropped_keys", 3L));
    event(
        "keys.unsafe",
        std,
        w ->
            w.message("m")
                .field("k8s:ns", 1L)
                .field("1st", 2L)
                .field("", 3L)
                .field((String) null, 4L)
                .field("über", 5L)
                .field("with space", 6L)
                .field("a\nb", 7L)
                .field("\uD800", 8L)
                .field("\"quoted\"", 9L)
                .field("x".repeat(70) + "-", 10L)
                .field("9", 11L)
                .field("_ok", 12L)
                .field("CamelCase", 13L));
    event(
        "keys.reserved-after-repair",
        std,
        w -> w.message("m").field("pod-name", "a").field("pod.name", "b").field("Host", "c"));
    event(
        "keys.app-prefixed-given",
        std,
        w -> w.message("m").field("app_pod_name", "given").field("app_msg", "given"));
  }

  private void duplicates() {
    event(
        "duplicates.later-wins",
        std,
        w ->
            w.message("m")
                .field("attempt", 1L)
                .field("namespace", "first")
                .field("attempt", "two")
                .field("namespace", "second")
                .field("attempt", 3.5));
    event(
        "duplicates.after-repair",
        std,
        w -> w.message("m").field("a-b", 1L).field("a_b", 2L).field("a.b", 3L));
    event(
        "duplicates.empty-and-null",
        std,
        w -> w.message("m").field("", 1L).field((String) null, 2L));
    event(
        "duplicates.reserved-and-renamed",
        std,
        w -> w.message("m").field("pod_name", "a").field("app_pod_name", "b"));
    event(
        "duplicates.renamed-and-reserved",
        std,
        w -> w.message("m").field("app_pod_name", "b").field("pod_name", "a"));
    event(
        "duplicates.static-overridden",
        std,
        w -> w.message("m").field("k", "v").field("version", "2"));
    event(
        "duplicates.static-overridden-twice",
        std,
        w -> w.message("m").field("service", "a").field("service", "b"));
    event(
        "duplicates.action-good-then-bad",
        std,
        w -> w.message("m").action(Action.ADD).field("action", "MODIFY"));
    event(
        "duplicates.action-bad-then-good",
        std,
        w -> w.message("m").field("action", "MODIFY").action(Action.ADD));
    event(
        "duplicates.action-bad-twice",
        std,
        w -> w.message("m").field("action", "A").field("action", "B").field("app_action", "C"));
    event(
        "duplicates.caller-twice",
        std,
        w -> w.message("m").caller("a/B.java:1").caller("a/B.java:2"));
    event(
        "duplicates.typed-and-primitive",
        std,
        w ->
            w.message("m")
                .field("n", 1L)
                .field("n", 2.5)
                .field("n", true)
                .field("n", (Object) "s"));
    event(
        "duplicates.many-times",
        std,
        w -> {
          w.message("m");
          for (int i = 0; i < 40; i++) {
            w.field("k" + (i % 4), (long) i);
          }
          return w;
        });
    event(
        "duplicates.in-nested-map",
        std,
        w -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("a-b", 1);
          m.put("a_b", 2);
          m.put("a.b", 3);
          m.put("", 4);
          m.put(null, 5);
          return w.message("m").field("nested", m);
        });
  }

  private void sensitiveKeys() {
    String[] secretKeys = {
      "password",
      "db_password",
      "dbPassword",
      "DB-PASSWORD",
      "spring.datasource.password",
      "passwd",
      "pwd",
      "passphrase",
      "secret",
      "client_secret",
      "clientSecret",
      "token",
      "access_token",
      "api_key",
      "apikey",
      "X-Api-Key",
      "authorization",
      "cookie",
      "set_cookie",
      "private_key",
      "credentials",
      "credential",
      "access_key",
      "aws_secret_access_key",
      "session_id",
      "secret_key",
      "signing_key",
      "encryption_key",
    };
    event(
        "sensitive.secret-keys",
        std,
        w -> {
          w.message("m");
          for (String k : secretKeys) {
            w.field(k, "hunter2-S3cret!");
          }
          return w;
        });
    String[] piiKeys = {
      "user",
      "username",
      "user_id",
      "userId",
      "email",
      "email_address",
      "phone",
      "phone_number",
      "first_name",
      "lastName",
      "full_name",
      "given_name",
      "family_name",
      "date_of_birth",
      "birthdate",
      "dob",
      "ssn",
    };
    event(
        "sensitive.pii-keys",
        std,
        w -> {
          w.message("m");
          for (String k : piiKeys) {
            w.field(k, "jane.doe");
          }
          return w;
        });
    event(
        "sensitive.look-alike-keys",
        std,
        w ->
            w.message("m")
                .field("token_endpoint", "https://idp.example/token")
                .field("secret_name", "db-credentials")
                .field("key_id", "7")
                .field("password_policy", "strict")
                .field("token_type", "Bearer")
                .field("max_tokens", 4096L));
    Object[] values = {
      "hunter2",
      1234L,
      12.5,
      true,
      null,
      "",
      "null",
      "${DB_PASSWORD}",
      "$DB_PASSWORD",
      "<secret>",
      "{{ .Values.password }}",
      "****",
      "•••",
      "[hidden]",
      "xxxx",
      "[REDACTED:password]",
      "h:0123456789ab",
      "changeme",
      "placeholder",
      List.of("hunter2"),
      new Object[] {"a", 1},
      mapOf("inner", "hunter2"),
      new char[] {'p', 'w'},
      Action.VIEW,
      new GoldenEvents.Hostile(),
      "x".repeat(20_000),
    };
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      event(
          "sensitive.values." + i,
          std,
          w -> w.message("m").field("password", v).field("api_token", v).field("user_email", v));
    }
    event(
        "sensitive.primitives",
        std,
        w ->
            w.message("m")
                .field("pin_password", 1234L)
                .field("token", 0.5)
                .field("secret", true)
                .field("user_id", 42L)
                .field("ssn", 1.5));
    event(
        "sensitive.pii-values",
        std,
        w ->
            w.message("m")
                .field("user", "jane.doe")
                .field("user_id", 12345L)
                .field("email", "jane.doe@example.com")
                .field("phone", "+44 20 7946 0958")
                .field("username", "")
                .field("user", "h:0123456789ab"));
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("host", "db.internal");
    nested.put("password", "hunter2");
    nested.put("user", "jane.doe");
    nested.put("tokens", List.of("a", "b"));
    nested.put("token", List.of("a", "b"));
    nested.put("credentials", mapOf("key", "v"));
    nested.put("deeper", mapOf("api_key", "k-7f3a9c0b1d"));
    event(
        "sensitive.nested",
        std,
        w -> w.message("m").field("config", nested).field("list", List.of(nested)));
    event("sensitive.static-field", statics, w -> w.message("m"));
  }

  private static Map<String, Object> mapOf(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  private static final String[] SECRET_TEXTS = {
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "Authorization: Bearer mF_9.B5f-4.1JqM",
    "Bearer authentication failed",
    "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
    "Basic auth disabled for this realm",
    "postgres://app:s3cr3t@db.internal:5432/orders",
    "redis://:pw@cache:6379",
    "ssh://git@github.com/org/repo",
    "jdbc:mysql://db/x?user=app&password=hunter2",
    "Server=db;User Id=app;Password=hunter2;",
    "--client-secret=Zq8#rT2!vLp0 -Djavax.net.ssl.keyStorePassword=changeit2",
    "aws_secret_access_key = q8Ztr2VxN4/mKw7LpB0sRyf3HcJd9GeTu5XaQ1Wn",
    "AKIAQ3EGRX5PZ7LM2KTD",
    "AKIAIOSFODNN7EXAMPLE",
    "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",
    "github_pat_11EXAMPLE0_abcdefghijklmnopqrstuvwxyz0123456789",
    "ghp_placeholder",
    "glpat-EXAMPLE_example-1234",
    "xoxb-0000000000-0000000000000-EXAMPLEexampleEXAMPLEx",
    "AIzaSyDOCUMENTED_EXAMPLE_KEY_0123456789",
    "sk_live_EXAMPLE00000000000000",
    "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",
    "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqEXAMPLE\n-----END PRIVATE KEY-----",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEcut off",
    "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUEXAMPLE\n-----END CERTIFICATE-----",
    "password=hunter2 user=jane.doe",
    "{\"password\":\"hunter2\",\"ok\":true}",
    "{\\\"token\\\":\\\"abc123xyz\\\"}",
    "login failed, password hunter2x",
    "the secret is s3cr3t!",
    "password reset email sent",
    "token expired at 10:00",
    "card 4111 1111 1111 1111 and 4111111111111112",
    "amex 3782-822463-10005, epoch 1716204800007",
    "ssn 123-45-6789, not 000-12-3456",
    "call +44 20 7946 0958 or (212) 555-0123, not 10.0.12.34",
    "iban GB82WEST12345698765432 or DE89 3704 0044 0532 0130 00, not GB83WEST12345698765432",
    "mail jane.doe@example.com or jane%40example.com, not Object@1b6d3586 or lodash@4.17.21",
    "acme_0123456789abcdef0123456789abcdef",
  };

  private void secretsInText() {
    for (int i = 0; i < SECRET_TEXTS.length; i++) {
      String s = SECRET_TEXTS[i];
      event(
          "secrets." + i,
          std,
          w ->
              w.message("request rejected: " + s + " (retrying in 87 ms)")
                  .field("note", s)
                  .field("nested", mapOf("value", s))
                  .field("list", List.of("x", s))
                  .throwable(
                      with(new IllegalStateException("cannot use " + s), frames("Secret", 1))));
    }
    for (int i = 0; i < SECRET_TEXTS.length; i++) {
      String s = SECRET_TEXTS[i];
      event(
          "secrets.tuned." + i,
          tuned,
          w -> w.message(s).field("note", s).field("pin", "1234").field("customer", "c-42"));
    }
  }

  private void valueTypes() {
    event(
        "values.scalars",
        std,
        w ->
            w.message("m")
                .field("s", "str")
                .field("i", 42)
                .field("l", 1L << 40)
                .field("short", (short) -7)
                .field("byte", (byte) 127)
                .field("d", 1.5)
                .field("b", true)
                .field("nul", (Object) null)
                .field("level_enum", Level.WARN)
                .field("action_enum", Action.DELETE)
                .field("chars", new char[] {'a', '"', '\n'})
                .field("uuid", new UUID(0x123456789abcdefL, 42L))
                .field("record", new GoldenEvents.Point(1, "p"))
                .field("hostile", new GoldenEvents.Hostile())
                .field("recursing", new Recursing())
                .field("after", 1L));
    event(
        "values.primitives",
        std,
        w ->
            w.message("m")
                .field("long_min", Long.MIN_VALUE)
                .field("long_max", Long.MAX_VALUE)
                .field("zero", 0L)
                .field("nan", Double.NaN)
                .field("inf", Double.POSITIVE_INFINITY)
                .field("ninf", Double.NEGATIVE_INFINITY)
                .field("neg_zero", -0.0)
                .field("min", Double.MIN_VALUE)
                .field("max", Double.MAX_VALUE)
                .field("min_normal", Double.MIN_NORMAL)
                .field("tenth", 0.1)
                .field("milli", 1e-3)
                .field("small", 1e-7)
                .field("big", 1e7)
                .field("huge", 1e21)
                .field("two53", 9007199254740992.0)
                .field("t", true)
                .field("f", false));
    event(
        "values.boxed-numbers",
        std,
        w ->
            w.message("m")
                .field("int_min", (Object) Integer.MIN_VALUE)
                .field("long", (Object) Long.MAX_VALUE)
                .field("double_nan", (Object) Double.NaN)
                .field("double_inf", (Object) Double.NEGATIVE_INFINITY)
                .field("float", (Object) 1.5f)
                .field("float_tenth", (Object) 0.1f)
                .field("float_nan", (Object) Float.NaN)
                .field("float_max", (Object) Float.MAX_VALUE)
                .field("bigint", new BigInteger("-123456789012345678901234567890123456789"))
                .field("bigdec", new BigDecimal("3.14159265358979323846264338327950288"))
                .field("bigdec_exp", new BigDecimal("1E+3"))
                .field("bigdec_neg_exp", new BigDecimal("1.5E-10"))
                .field("bigdec_scale", BigDecimal.valueOf(1000, 2)));
    Map<Object, Object> nested = new LinkedHashMap<>();
    nested.put("a", 1);
    nested.put("b-c", List.of("x", 2.5, true));
    nested.put(1, "int key");
    nested.put(null, "null key");
    nested.put("", "empty key");
    nested.put("pod_name", "reserved inside");
    nested.put("map", mapOf("deep", mapOf("deeper", new Object[] {null, 1, "s"})));
    nested.put("empty_map", new LinkedHashMap<>());
    nested.put("empty_list", List.of());
    nested.put("set", new LinkedHashSet<>(List.of("z", "a")));
    nested.put("ints", new int[] {1, 2, 3});
    nested.put("longs", new long[] {4L});
    nested.put(
        "nested_arrays", new Object[] {new Object[] {1, new Object[] {2}}, new String[] {"x"}});
    nested.put("hostile", new GoldenEvents.Hostile());
    nested.put("broken_map", new BrokenMap());
    nested.put("nan", Double.NaN);
    event(
        "values.nested",
        std,
        w ->
            w.message("m")
                .field("map", nested)
                .field("arr", new Object[] {"p", 1, null})
                .field("list", new ArrayList<>(List.of(1, "two"))));
    event("values.cycle", std, w -> w.message("m").field("cyc", GoldenEvents.cycle()));
    Map<String, Object> self = new LinkedHashMap<>();
    self.put("self", self);
    List<Object> selfList = new ArrayList<>();
    selfList.add(selfList);
    Object[] selfArray = new Object[1];
    selfArray[0] = selfArray;
    event(
        "values.self-containing",
        std,
        w -> w.message("m").field("map", self).field("list", selfList).field("array", selfArray));
    Object deep = "bottom";
    for (int i = 0; i < 12; i++) {
      deep = mapOf("d" + i, i % 2 == 0 ? deep : List.of(deep));
    }
    Object deepValue = deep;
    event("values.deep", std, w -> w.message("m").field("deep", deepValue));
    event(
        "values.broken-map",
        std,
        w -> w.message("m").field("m", new BrokenMap()).field("after", 1L));
    event(
        "values.broken-iterable",
        std,
        w -> w.message("m").field("it", new BrokenIterable()).field("after", 1L));
    List<Object> huge = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      huge.add("item-" + i);
    }
    event("values.huge-list", std, w -> w.message("m").field("huge", huge).field("after", 1L));
    event(
        "values.huge-array",
        small,
        w -> w.message("m").field("huge", huge.toArray()).field("after", 1L));
    Map<String, Object> hugeMap = new LinkedHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      hugeMap.put("k" + i, "v".repeat(20));
    }
    event("values.huge-map", std, w -> w.message("m").field("huge", hugeMap).field("after", 1L));
  }

  private void awkwardChars() {
    StringBuilder control = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      control.append(c);
    }
    control.append('\u007f').append('\u0085').append('\u00a0');
    String awkward = "\"\\/\b\f\n\r\t\u2028\u2029\ufeff\ufffd\ufffe\uffff{}";
    String unicode = "naïve café 中文 \uD83D\uDE00 \uD83D\uDC4D\uD83C\uDFFD \u0301e";
    String lone = "a\uD800b\uDC00c\uDBFF\uDFFFd\uDFFF\uD800e\uD83D";
    for (EventWriter w : new EventWriter[] {std, lineSep, none}) {
      String which = w == std ? "std" : w == lineSep ? "escape-line-separators" : "no-redaction";
      event(
          "chars." + which,
          w,
          ev ->
              ev.message(control + "|" + awkward + "|" + unicode + "|" + lone)
                  .field("control", control.toString())
                  .field("awkward", awkward)
                  .field("unicode", unicode)
                  .field("lone", lone)
                  .field("key\u2028sep", 1L)
                  .field("nested", mapOf(lone, awkward))
                  .throwable(with(new IllegalStateException(awkward + lone), WEIRD)));
    }
    event("chars.lone-high-at-end", std, w -> w.message("ends with \uD83D").field("v", "\uDBFF"));
    event(
        "chars.template-with-lone",
        std,
        w -> w.message("a\uD800b {}", new Object[] {"c\uDC00d"}, 1));
    event(
        "chars.emoji-template",
        std,
        w -> w.message("\uD83D\uDE00{}\uD83D\uDE00", new Object[] {"\uD83D\uDC4D"}, 1));
  }

  private void lineFitting() {
    event(
        "fit.long-ascii-value",
        std,
        w -> w.message("m").field("payload", "x".repeat(20_000)).field("after", 1L));
    event(
        "fit.long-two-byte-value",
        std,
        w -> w.message("m").field("payload", "é".repeat(50_000)).field("after", 1L));
    event(
        "fit.long-escaped-value",
        std,
        w -> w.message("m").field("payload", "\"".repeat(10_000)).field("after", 1L));
    event(
        "fit.long-control-value",
        std,
        w -> w.message("m").field("payload", "\u0001".repeat(5_000)).field("after", 1L));
    event(
        "fit.long-emoji-value",
        std,
        w -> w.message("m").field("payload", "\uD83D\uDE00".repeat(5_000)).field("after", 1L));
    event(
        "fit.long-mixed-value",
        std,
        w -> w.message("m").field("payload", "aé中\uD83D\uDE00\"\n".repeat(3_000)));
    event("fit.long-message", std, w -> w.message("x".repeat(1_000_000)));
    event(
        "fit.long-message-with-secret-at-end",
        std,
        w -> w.message("y".repeat(30_000) + " password=hunter2"));
    event(
        "fit.long-template-arg",
        std,
        w -> w.message("{} and {}", new Object[] {"z".repeat(40_000), "tail"}, 2));
    line(
        "fit.long-logger",
        std,
        () -> std.begin(clock++, Level.INFO, "l".repeat(5_000)).message("m").end());
    event(
        "fit.long-key", std, w -> w.message("m").field("k".repeat(20_000), "v").field("after", 1L));
    event(
        "fit.long-leading-fields",
        std,
        w ->
            w.message("m")
                .field("namespace", "n".repeat(20_000))
                .field("name", "é".repeat(9_000))
                .caller("c".repeat(9_000)));
    event(
        "fit.long-nested-string",
        std,
        w -> w.message("m").field("nested", mapOf("inner", "q".repeat(30_000))));
    event(
        "fit.many-fields",
        std,
        w -> {
          w.message("m");
          for (int i = 0; i < 600; i++) {
            w.field("field_" + i, "v".repeat(100));
          }
          return w;
        });
    event(
        "fit.many-small-fields",
        std,
        w -> {
          w.message("m");
          for (int i = 0; i < 520; i++) {
            w.field("f" + i, (long) i);
          }
          return w;
        });
    event(
        "fit.fields-with-duplicates-dropped",
        small,
        w -> {
          w.message("m");
          for (int i = 0; i < 60; i++) {
            w.field("k" + (i % 20), "v".repeat(40));
          }
          return w;
        });
    event(
        "fit.huge-stack-trace",
        std,
        Level.ERROR,
        w -> w.message("short message").field("k", "v").throwable(deep(6, 400)));
    event(
        "fit.huge-stack-trace-and-values",
        std,
        Level.ERROR,
        w ->
            w.message("m".repeat(20_000))
                .field("a", "b".repeat(20_000))
                .field("c", 1L)
                .throwable(deep(3, 300)));
    event(
        "fit.huge-exception-message",
        std,
        Level.ERROR,
        w ->
            w.message("m")
                .throwable(
                    with(
                        new IllegalStateException("e".repeat(40_000) + " password=hunter2"),
                        frames("Big", 3))));
    event(
        "fit.huge-exception-message-with-cause",
        std,
        Level.ERROR,
        w ->
            w.message("m")
                .throwable(
                    with(
                        new IllegalStateException("w".repeat(20_000), deep(2, 5)),
                        frames("Big", 3))));
    for (int frames : new int[] {10, 40, 100, 400}) {
      event(
          "fit.small." + frames + "-frames",
          small,
          Level.ERROR,
          w -> w.message("short").field("k", "v").throwable(deep(3, frames)));
    }
    event(
        "fit.small.values",
        small,
        w ->
            w.message("m".repeat(5_000))
                .field("a", "b".repeat(5_000))
                .field("c", "d".repeat(300))
                .field("e", 1L));
    event(
        "fit.small.everything",
        small,
        Level.ERROR,
        w ->
            w.message("m".repeat(5_000))
                .field("a", "b".repeat(5_000))
                .field("namespace", "n".repeat(500))
                .field("name", "é".repeat(500))
                .caller("c".repeat(500))
                .field("controllerKind", "k".repeat(500))
                .action(Action.UPDATE)
                .audit(true)
                .throwable(deep(3, 50)));
    line(
        "fit.small.long-logger",
        small,
        () ->
            small
                .begin(clock++, Level.ERROR, "l".repeat(5_000))
                .message("m".repeat(5_000))
                .field("a", "b".repeat(5_000))
                .throwable(deep(3, 50))
                .end());
    event(
        "fit.small.many-fields",
        small,
        w -> {
          w.message("m");
          for (int i = 0; i < 100; i++) {
            w.field("field_" + i, "v".repeat(10));
          }
          return w;
        });
    event(
        "fit.small.suppressed",
        small,
        Level.ERROR,
        w -> w.message("m").throwable(sample()).field("x", "y".repeat(2_000)));
    event(
        "fit.small.nested",
        small,
        w ->
            w.message("m")
                .field("nested", mapOf("list", List.of("a".repeat(600), "b".repeat(600)))));
    event("fit.frames3.sample", frames3, Level.ERROR, w -> w.message("m").throwable(sample()));
    event("fit.frames3.deep", frames3, Level.ERROR, w -> w.message("m").throwable(deep(4, 10)));
    event(
        "fit.frames3.huge",
        frames3,
        Level.ERROR,
        w -> w.message("m").throwable(deep(6, 400)).field("a", "b".repeat(20_000)));
  }

  private void throwables() {
    event("throwable.sample", std, Level.ERROR, w -> w.message("m").throwable(sample()));
    IOException root = with(new IOException("disk full"), frames("Disk", 2, MAIN1));
    IllegalStateException top =
        with(new IllegalStateException("save failed", root), frames("Save", 1, MAIN1));
    top.addSuppressed(
        with(
            new UncheckedIOException("close failed", with(new IOException("x"), frames("X", 1))),
            frames("Close", 1, MAIN1)));
    event("throwable.cause-and-suppressed", std, Level.ERROR, w -> w.message("m").throwable(top));
    event("throwable.cause-cycle", std, Level.ERROR, w -> w.message("m").throwable(causeCycle()));
    RuntimeException supCycle = with(new RuntimeException("outer"), frames("Outer", 1));
    supCycle.addSuppressed(with(new RuntimeException("refers back", supCycle), frames("Back", 1)));
    event("throwable.suppressed-cycle", std, Level.ERROR, w -> w.message("m").throwable(supCycle));
    event(
        "throwable.no-message",
        std,
        Level.ERROR,
        w -> w.message("m").throwable(with(new RuntimeException(), frames("N", 1))));
    event(
        "throwable.empty-message",
        std,
        Level.ERROR,
        w -> w.message("m").throwable(with(new RuntimeException(""), frames("N", 1))));
    event(
        "throwable.no-frames",
        std,
        Level.ERROR,
        w -> w.message("m").throwable(with(new RuntimeException("no frames"))));
    event(
        "throwable.message-throws",
        std,
        Level.ERROR,
        w -> w.message("m").throwable(with(new MessageThrows(), frames("Evil", 1))));
    event(
        "throwable.message-overflows",
        std,
        Level.ERROR,
        w -> w.message("m").throwable(with(new MessageOverflows(), frames("Evil", 1))));
    event(
        "throwable.to-string-throws",
        std,
        Level.ERROR,
        w ->
            w.message("m").throwable(with(new ToStringThrows("has a message"), frames("Evil", 1))));
    event(
        "throwable.localized",
        std,
        Level.ERROR,
        w -> w.message("m").throwable(with(new Localized("plain"), frames("L", 1))));
    event(
        "throwable.frames-throw",
        std,
        Level.ERROR,
        w -> w.message("m").throwable(new FramesThrow("frames fail")));
    event(
        "throwable.null-frames",
        std,
        Level.ERROR,
        w -> w.message("m").throwable(new NullFrames("null frames")));
    event(
        "throwable.cause-throws",
        std,
        Level.ERROR,
        w -> w.message("m").throwable(with(new CauseThrows("cause fails"), frames("C", 1))));
    event(
        "throwable.wraps-hostile",
        std,
        Level.ERROR,
        w ->
            w.message("m")
                .throwable(
                    with(
                        new IllegalStateException(
                            "wrapper", with(new MessageThrows(), frames("Evil", 2))),
                        frames("W", 1))));
    event(
        "throwable.foreign",
        std,
        Level.ERROR,
        w ->
            w.message("m")
                .throwable(
                    with(
                        new Foreign(
                            "com.remote.RemoteException",
                            "remote failed",
                            with(new Foreign("com.remote.Cause", null, null), frames("Remote", 1))),
                        frames("Local", 2))));
    event(
        "throwable.odd-frames",
        std,
        Level.ERROR,
        w ->
            w.message("m")
                .throwable(
                    with(
                        new IllegalStateException("odd"),
                        NATIVE,
                        UNKNOWN,
                        NO_LINE,
                        WEIRD,
                        LAMBDA,
                        MAIN1)));
    event("throwable.chain-of-20", std, Level.ERROR, w -> w.message("m").throwable(deep(20, 2)));
    event("throwable.chain-of-300", std, Level.ERROR, w -> w.message("m").throwable(deep(300, 1)));
    Throwable nested = with(new IllegalStateException("level 0"), frames("S0", 1));
    Throwable t = nested;
    for (int i = 1; i < 12; i++) {
      Throwable s = with(new IllegalStateException("level " + i), frames("S" + i, 1));
      t.addSuppressed(s);
      t = s;
    }
    event("throwable.suppressed-12-deep", std, Level.ERROR, w -> w.message("m").throwable(nested));
    RuntimeException multi = with(new RuntimeException("many suppressed"), frames("M", 2, MAIN1));
    for (int i = 0; i < 3; i++) {
      multi.addSuppressed(
          with(
              new IllegalArgumentException(
                  "s" + i, with(new IOException("c" + i), frames("C" + i, 1, MAIN1))),
              frames("S" + i, 1, MAIN1)));
    }
    event("throwable.many-suppressed", std, Level.ERROR, w -> w.message("m").throwable(multi));
    event(
        "throwable.secrets-in-messages",
        std,
        Level.ERROR,
        w ->
            w.message("m")
                .throwable(
                    with(
                        new RuntimeException(
                            "request for jane@example.com failed",
                            with(
                                new IOException(
                                    "disk \"full\"\n"
                                        + "\tnext line, café \uD83D\uDE00 password=hunter2"),
                                frames("Disk", 1))),
                        frames("Api", 1))));
    event(
        "throwable.set-twice",
        std,
        Level.ERROR,
        w ->
            w.message("m")
                .throwable(with(new RuntimeException("first"), frames("F", 1)))
                .throwable(with(new RuntimeException("second"), frames("S", 1))));
    event(
        "throwable.set-to-null",
        std,
        w ->
            w.message("m")
                .throwable(with(new RuntimeException("dropped"), frames("F", 1)))
                .throwable(null));
    event(
        "throwable.error",
        std,
        Level.ERROR,
        w ->
            w.message("m")
                .throwable(with(new OutOfMemoryError("Java heap space"), frames("Alloc", 1))));
    // Root cause first, and stack hashes.
    event(
        "throwable.root-first.sample",
        rootFirst,
        Level.ERROR,
        w -> w.message("m").throwable(sample()));
    event(
        "throwable.root-first.cycle",
        rootFirst,
        Level.ERROR,
        w -> w.message("m").throwable(causeCycle()));
    event(
        "throwable.root-first.suppressed-cycle",
        rootFirst,
        Level.ERROR,
        w -> w.message("m").throwable(supCycle));
    event(
        "throwable.root-first.hostile",
        rootFirst,
        Level.ERROR,
        w ->
            w.message("m")
                .throwable(
                    with(
                        new IllegalStateException(
                            "w", with(new MessageThrows(), frames("Evil", 1))),
                        frames("W", 1))));
    event(
        "throwable.root-first.no-cause",
        rootFirst,
        Level.ERROR,
        w -> w.message("m").throwable(with(new IllegalStateException("alone"), frames("A", 2))));
    event(
        "throwable.root-first.lambda-frames",
        rootFirst,
        Level.ERROR,
        w -> w.message("m").throwable(with(new IllegalStateException("x"), LAMBDA, MAIN1)));
    event(
        "throwable.root-first.app-stack-hash",
        rootFirst,
        Level.ERROR,
        w ->
            w.message("m")
                .field("stack_hash", "mine")
                .throwable(
                    with(
                        new IllegalStateException(
                            "outer", with(new IOException("inner"), frames("In", 1))),
                        frames("Out", 1))));
    event(
        "throwable.root-first.huge",
        rootFirst,
        Level.ERROR,
        w -> w.message("m").throwable(deep(6, 400)));
    event(
        "throwable.root-first.chain-of-300",
        rootFirst,
        Level.ERROR,
        w -> w.message("m").throwable(deep(300, 1)));
  }

  private void caches() {
    // The same values, keys and frames again and again, then changed: copied entries and frame
    // lines must be the bytes the escape loop would write.
    String[] namespaces = {
      "samburrai-tenant",
      "samburrai-tenant",
      new String("samburrai-tenant".toCharArray()),
      "samburrai-tenanu",
      "x".repeat(63),
      "x".repeat(63),
      "x".repeat(64),
      "x".repeat(64),
      "x".repeat(65),
      "x".repeat(65),
      "é".repeat(40),
      "é".repeat(40),
      "\"".repeat(30),
      "\"".repeat(30),
      "jane@example.com",
      "jane@example.com",
      "",
      "",
      "samburrai-tenant",
    };
    for (int i = 0; i < namespaces.length; i++) {
      String ns = namespaces[i];
      event(
          "cache.value." + i,
          small,
          w -> w.message("m").field("namespace", ns).field("tenant", ns).field("password", ns));
    }
    String wide = "é".repeat(60);
    event("cache.wide-value-whole", small, w -> w.message("m").field("namespace", wide));
    event(
        "cache.wide-value-cut",
        small,
        w -> {
          w.message("m").field("namespace", wide);
          for (int i = 1; i < 12; i++) {
            w.field("k" + i, wide);
          }
          return w;
        });
    event("cache.wide-value-whole-again", small, w -> w.message("m").field("namespace", wide));
    StackTraceElement[] locations = {
      new StackTraceElement("com.example.Service", "handle", "Service.java", 1),
      new StackTraceElement("com.example.Service", "handle", "Service.java", 257),
      new StackTraceElement("com.example.Service", "handle", "Service.java", 513),
      new StackTraceElement("com.example.Service", "handle", null, 1),
      new StackTraceElement("com.example.Service", "handle", "Service.java", -2),
      WEIRD,
    };
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < locations.length; i++) {
        StackTraceElement[] st = {locations[i], locations[(i + 1) % locations.length], MAIN1};
        event(
            "cache.frames." + round + "." + i,
            std,
            Level.ERROR,
            w -> w.message("m").throwable(with(new IllegalStateException("failed"), st)));
      }
    }
  }

  private void configurations() {
    event(
        "config.no-redaction",
        none,
        w ->
            w.message("password {}", new Object[] {"hunter2"}, 1)
                .field("password", "hunter2")
                .field("user", "jane.doe")
                .field("note", "jane@example.com"));
    event(
        "config.custom-redactor",
        custom,
        Level.ERROR,
        w ->
            w.message("login with {}", new Object[] {"hunter2"}, 1)
                .field("url", "https://u:hunter2@host/")
                .field("pin", 1234L)
                .field("pin_list", List.of(1, 2))
                .field("nested", mapOf("p", "hunter2"))
                .field("clean", "nothing to hide")
                .field("password", "not sensitive to this redactor")
                .throwable(
                    with(new IllegalStateException("bad password hunter2"), frames("C", 1))));
    event(
        "config.custom-redactor-plain",
        custom,
        w -> w.message("reconciled web in 3 ms").field("name", "web-1"));
    event("config.broken-redactor", broken, w -> w.message("m").field("k", "v"));
    event("config.broken-redactor-again", broken, w -> w.message("again"));
    event("config.providers", providers, w -> w.message("m").field("k", 1L));
    event("config.providers-overridden", providers, w -> w.message("m").field("tenant", "own"));
    line(
        "config.providers-not-on-logging-thread",
        providers,
        () ->
            providers
                .begin(clock++, Level.INFO, "golden.config.providers-deferred", false)
                .message("m")
                .end());
    event(
        "config.statics",
        statics,
        w -> w.message("m").field("version", "2").field("empty", "now set"));
    event(
        "config.tuned",
        tuned,
        w ->
            w.message(
                    "charged card {} for {}",
                    new Object[] {"4111 1111 1111 1111", "jane@example.com"},
                    2)
                .field("db_password", "hunter2-S3cret")
                .field("pin", "1234")
                .field("token", "abc")
                .field("customer_number", "c-1")
                .field("phone", "+44 20 7946 0958"));
    event(
        "config.tuned-template",
        tuned,
        w -> w.message("password {}! token {} ok", new Object[] {"hunter2-S3cret", "abc"}, 2));
  }
}
