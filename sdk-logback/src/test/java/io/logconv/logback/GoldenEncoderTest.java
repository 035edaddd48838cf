package io.logconv.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.logconv.core.GoldenEvents;
import io.logconv.core.GoldenFile;
import io.logconv.core.JsonBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * Golden lines of the {@link ConventionsEncoder}: what the Logback side adds to sdk-core's writer
 * (levels, MDC entries and their renames, SLF4J 2 key/value pairs, audit markers, caller data,
 * throwables through Logback's proxies, events prepared for an asynchronous appender, the encoder's
 * own warning lines and its options), for a fixed corpus of events, compared byte for byte with
 * {@code src/test/resources/golden/}:
 *
 * <ul>
 *   <li>{@code conventions-encoder.jsonl}: the hand-made corpus (each event's logger names its
 *       case; a warning line the encoder writes before an event belongs to that event's case);
 *   <li>{@code conventions-encoder-generated.jsonl}: events drawn by {@link GoldenEvents} from a
 *       fixed seed, with MDC entries, key/value pairs and markers.
 * </ul>
 *
 * <p>Every line is also checked to be one strict JSON object conforming to the strict schema.
 * Nothing depends on the machine or the JDK (17 or later): event times and caller data are set on
 * each event, MDC maps keep insertion order, markers are detached (so no marker is shared with
 * other tests), personal data is hashed with a fixed key, context providers are off, and frames are
 * set with {@code setStackTrace}.
 *
 * <p>On a mismatch the test fails with the index of the first line that differs, its case, and the
 * expected and the actual line. When a change of output is intended, rewrite the files with {@code
 * ./mvnw -B -ntp -o -q -pl sdk-core,sdk-logback -am verify -Dtest=GoldenEncoderTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dlogconv.golden.update=true} (the files are written into
 * the source tree, {@code sdk-logback/src/test/resources/golden/}) and review their diff.
 */
class GoldenEncoderTest {
  private static final long TS = GoldenEvents.TS;
  private static final String HASH_KEY = "golden-test-hash-key-0123456789abcdef";
  private static final String OTHER_THREAD = "golden-logging-thread";

  private final LoggerContext context = new LoggerContext();
  private final List<GoldenFile.Line> lines = new ArrayList<>();
  private long clock = TS;
  private int encoded;

  // --- encoders ---------------------------------------------------------------------------------

  private ConventionsEncoder encoder(Consumer<ConventionsEncoder> configure) {
    ConventionsEncoder e = new ConventionsEncoder();
    e.setContext(context);
    e.setHashKey(HASH_KEY);
    e.setContextFields(false);
    configure.accept(e);
    e.start();
    return e;
  }

  private ConventionsEncoder std;
  private ConventionsEncoder caller;
  private ConventionsEncoder small;
  private ConventionsEncoder rootFirst;
  private ConventionsEncoder tuned;
  private ConventionsEncoder off;
  private ConventionsEncoder lineSep;
  private ConventionsEncoder notStarted;

  private void encoders() {
    std = encoder(e -> e.addField(new StaticField("service", "golden")));
    caller =
        encoder(
            e -> {
              e.setIncludeCaller(true);
              e.addField(new StaticField("service", "golden"));
              e.addField(new StaticField("version", "1.2.3"));
              e.addField(new StaticField("", "ignored"));
              e.addField(new StaticField("host", "node-1"));
              e.setMdcKeyRenames("traceId=trace_id, spanId=span_id,broken");
              e.setAuditMarker("SECURITY");
            });
    small =
        encoder(
            e -> {
              e.setMaxLineBytes(1024);
              e.setMaxFramesPerCause(3);
            });
    rootFirst =
        encoder(
            e -> {
              e.setRootCauseFirst(true);
              e.setStackHash(true);
            });
    tuned =
        encoder(
            e -> {
              e.setRedactionModes("card=mask,email=hash");
              e.setDisabledDetectors("phone");
              e.setSecretKeys("pin");
              e.setPiiKeys("customer");
            });
    off =
        encoder(
            e -> {
              e.setRedaction(false);
              e.setIncludeMdc(false);
              e.setIncludeKeyValues(false);
            });
    lineSep = encoder(e -> e.setEscapeLineSeparators(true));
    // Misconfigured, so not started: it encodes with the defaults and says why.
    notStarted = encoder(e -> e.setRedactionModes("card=scramble"));
  }

  // --- events -----------------------------------------------------------------------------------

  private Logger logger(String name) {
    return context.getLogger(name);
  }

  /** An event at the next time, logger {@code golden.<name>}, with an empty MDC. */
  private LoggingEvent event(String name, Level level, String msg, Throwable t, Object... args) {
    return event(logger("golden." + name), level, msg, t, args);
  }

  private LoggingEvent event(Logger l, Level level, String msg, Throwable t, Object... args) {
    LoggingEvent e = new LoggingEvent(Logger.FQCN, l, level, msg, t, args);
    e.setTimeStamp(clock++);
    e.setMDCPropertyMap(new LinkedHashMap<>()); // never the thread's own MDC
    return e;
  }

  private static LoggingEvent mdc(LoggingEvent e, String... keysAndValues) {
    Map<String, String> m = e.getMDCPropertyMap(); // the event's own, insertion-ordered
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return e;
  }

  private static LoggingEvent kv(LoggingEvent e, Object... keysAndValues) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      e.addKeyValuePair(new KeyValuePair((String) keysAndValues[i], keysAndValues[i + 1]));
    }
    return e;
  }

  /** Encodes {@code e}, through each of the encoder's four ways in turn, and records its lines. */
  private void encode(String name, ConventionsEncoder enc, ILoggingEvent e) throws IOException {
    byte[] out =
        switch (encoded++ % 4) {
          case 0 -> enc.encode(e);
          case 1 -> enc.encodeToString(e).getBytes(StandardCharsets.UTF_8);
          case 2 -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            enc.encode(e, bytes);
            yield bytes.toByteArray();
          }
          default -> {
            JsonBuffer b = enc.encodeToBuffer(e);
            yield b.toByteArray();
          }
        };
    lines.addAll(GoldenFile.split(name, out));
  }

  private static StackTraceElement[] frames(String prefix, int n) {
    StackTraceElement[] own = GoldenEvents.frames(prefix, n, 10);
    StackTraceElement[] all = new StackTraceElement[n + 2];
    System.arraycopy(own, 0, all, 0, n);
    all[n] = new StackTraceElement("app.Main", "run", "Main.java", 5);
    all[n + 1] = new StackTraceElement("app.Main", "main", "Main.java", 3);
    return all;
  }

  private static <T extends Throwable> T with(T t, StackTraceElement... frames) {
    t.setStackTrace(frames);
    return t;
  }

  private static Throwable sample() {
    Exception root = with(new IOException("disk full"), frames("Disk", 3));
    IllegalStateException mid =
        with(new IllegalStateException("save failed", root), frames("Store", 2));
    RuntimeException top = with(new RuntimeException("request failed", mid), frames("Api", 4));
    Exception sup = with(new Exception("close failed"), frames("Closer", 1));
    sup.initCause(with(new Exception("socket"), frames("Sock", 1)));
    top.addSuppressed(sup);
    return top;
  }

  private static Throwable cycle() {
    Exception a = with(new Exception("a"), frames("A", 1));
    Exception b = with(new Exception("b", a), frames("B", 1));
    a.initCause(b);
    return b;
  }

  /** A throwable known only through a proxy of this test's own (not Logback's ThrowableProxy). */
  private static final class Proxy implements IThrowableProxy {
    private final String className;
    private final String message;
    private final StackTraceElementProxy[] frames;
    private IThrowableProxy cause;
    private final boolean messageThrows;

    Proxy(String className, String message, boolean messageThrows, StackTraceElement... frames) {
      this.className = className;
      this.message = message;
      this.messageThrows = messageThrows;
      this.frames = new StackTraceElementProxy[frames.length];
      for (int i = 0; i < frames.length; i++) {
        this.frames[i] = new StackTraceElementProxy(frames[i]);
      }
    }

    @Override
    public String getMessage() {
      if (messageThrows) {
        throw new IllegalStateException("getMessage failed");
      }
      return message;
    }

    @Override
    public String getClassName() {
      return className;
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return frames.clone();
    }

    @Override
    public int getCommonFrames() {
      return 0;
    }

    @Override
    public IThrowableProxy getCause() {
      return cause;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      return new IThrowableProxy[0];
    }

    @Override
    public boolean isCyclic() {
      return false;
    }
  }

  /** An event carrying {@code proxy} as its throwable. */
  private LoggingEvent withProxy(String name, IThrowableProxy proxy) {
    LoggingEvent e =
        new LoggingEvent(Logger.FQCN, logger("golden." + name), Level.ERROR, "remote", null, null) {
          @Override
          public IThrowableProxy getThrowableProxy() {
            return proxy;
          }
        };
    e.setTimeStamp(clock++);
    e.setMDCPropertyMap(new LinkedHashMap<>());
    return e;
  }

  private static Marker marker(String name, Marker... children) {
    Marker m = MarkerFactory.getDetachedMarker(name);
    for (Marker c : children) {
      m.add(c);
    }
    return m;
  }

  /** A value whose {@code toString} throws. */
  private static final class Hostile {
    @Override
    public String toString() {
      throw new IllegalStateException("toString failed");
    }
  }

  // --- the corpus -------------------------------------------------------------------------------

  @Test
  void theCorpusIsEncodedAsTheGoldenFileHoldsIt() throws IOException {
    encoders();
    messagesAndLevels();
    mdcEntries();
    keyValuePairs();
    markers();
    callerData();
    throwables();
    deferred();
    options();
    GoldenFile.check("conventions-encoder.jsonl", lines);
  }

  @Test
  void theGeneratedEventsAreEncodedAsTheGoldenFileHoldsThem() throws IOException {
    encoders();
    Random r = new Random(GoldenEvents.SEED + 1);
    ConventionsEncoder[] encs = {std, caller, small, rootFirst};
    for (int i = 0; i < 200; i++) {
      ConventionsEncoder enc = encs[i % encs.length];
      encode("generated " + i, enc, generated(r, i));
    }
    GoldenFile.check("conventions-encoder-generated.jsonl", lines);
  }

  private static final Level[] LEVELS = {
    Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR
  };

  private LoggingEvent generated(Random r, int i) {
    Object[] args = new Object[r.nextInt(4)];
    for (int a = 0; a < args.length; a++) {
      args[a] = GoldenEvents.value(r, 1);
    }
    Throwable t = r.nextInt(5) == 0 ? GoldenEvents.throwable(r) : null;
    LoggingEvent e =
        event(
            logger(GoldenEvents.logger(r)),
            LEVELS[r.nextInt(LEVELS.length)],
            r.nextInt(30) == 0 ? null : GoldenEvents.template(r),
            t,
            args);
    e.setTimeStamp(GoldenEvents.timestamp(r, i));
    if (r.nextInt(8) == 0) {
      e.setThreadName(OTHER_THREAD);
    }
    Map<String, String> mdc = new LinkedHashMap<>();
    int entries = r.nextInt(5);
    for (int m = 0; m < entries; m++) {
      String k = GoldenEvents.key(r);
      mdc.put(k == null ? "traceId" : k, GoldenEvents.text(r)); // MDC keys are never null
    }
    e.getMDCPropertyMap().putAll(mdc);
    int pairs = r.nextInt(6);
    for (int p = 0; p < pairs; p++) {
      e.addKeyValuePair(new KeyValuePair(GoldenEvents.key(r), GoldenEvents.value(r, 2)));
    }
    if (r.nextInt(5) == 0) {
      e.addMarker(marker(r.nextBoolean() ? "AUDIT" : "SECURITY"));
    }
    if (r.nextInt(3) == 0) {
      e.setCallerData(
          new StackTraceElement[] {
            new StackTraceElement("com.example.Caller", "call", "Caller.java", r.nextInt(500))
          });
    } else {
      e.setCallerData(new StackTraceElement[0]);
    }
    return e;
  }

  private void messagesAndLevels() throws IOException {
    for (Level l :
        new Level[] {
          Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.ALL, Level.OFF
        }) {
      encode("level." + l, std, event("level." + l, l, "at level {}", null, l));
    }
    encode("level.null", std, event("level.null", null, "no level", null));
    encode(
        "message.plain",
        std,
        event(
            "message.plain",
            Level.INFO,
            "updating devfile component name kubernetes-deploy ...",
            null));
    encode("message.null", std, event("message.null", Level.INFO, null, null));
    encode(
        "message.null-with-args",
        std,
        event("message.null-with-args", Level.INFO, null, null, "a"));
    encode(
        "message.template",
        std,
        event(
            "message.template",
            Level.INFO,
            "reconciled {} in {} ms, {} {} {}",
            null,
            "web-1",
            87,
            null,
            new int[] {1, 2},
            new Object[] {"x", 2.5}));
    encode(
        "message.surplus-placeholders",
        std,
        event("message.surplus-placeholders", Level.INFO, "{} and {}", null, "a"));
    encode(
        "message.escaped",
        std,
        event("message.escaped", Level.INFO, "set \\{} to {}, path C:\\\\{}", null, "x", "dir"));
    encode(
        "message.trailing-throwable-argument",
        std,
        event(
            "message.trailing-throwable-argument",
            Level.ERROR,
            "failed {}",
            null,
            "web-1",
            with(new IllegalStateException("boom"), frames("T", 1))));
    encode(
        "message.throwable-argument-with-placeholder",
        std,
        event(
            "message.throwable-argument-with-placeholder",
            Level.ERROR,
            "failed {} {}",
            null,
            "web-1",
            with(new IllegalStateException("boom"), frames("T", 1))));
    encode(
        "message.hostile-argument",
        std,
        event("message.hostile-argument", Level.INFO, "v={}", null, new Hostile()));
    encode(
        "message.secret-argument",
        std,
        event(
            "message.secret-argument",
            Level.INFO,
            "user {} logged in with password {}",
            null,
            "svc",
            "open sesame"));
    encode(
        "message.secrets-in-text",
        std,
        event(
            "message.secrets-in-text",
            Level.INFO,
            "charged card {} for {}",
            null,
            "4111 1111 1111 1111",
            "jane@example.com"));
    encode(
        "message.lone-surrogates",
        std,
        event("message.lone-surrogates", Level.INFO, "a\uD800b {}", null, "c\uDC00d"));
    encode("message.odd-logger", std, event(logger("weird\"logger\\name"), Level.INFO, "m", null));
    encode(
        "message.root-logger", std, event(logger(Logger.ROOT_LOGGER_NAME), Level.INFO, "m", null));
  }

  private void mdcEntries() throws IOException {
    encode(
        "mdc.entries",
        std,
        mdc(
            event("mdc.entries", Level.INFO, "m", null),
            "tenant",
            "team-a",
            "request_id",
            "req-7f3a9c",
            "pod_name",
            "web-0",
            "k8s:ns",
            "x",
            "namespace",
            "samburrai-tenant",
            "controllerKind",
            "Component",
            "name",
            "go-net-http-hello-prqx",
            "action",
            "UPDATE",
            "audit",
            "true",
            "db_password",
            "hunter2",
            "user_id",
            "jane.doe",
            "note",
            "mail jane@example.com",
            "empty",
            "",
            "nul",
            null,
            "service",
            "from-mdc"));
    encode(
        "mdc.bad-action-and-audit",
        std,
        mdc(
            event("mdc.bad-action-and-audit", Level.INFO, "m", null),
            "action",
            "MODIFY",
            "audit",
            "yes"));
    encode(
        "mdc.audit-without-action",
        std,
        mdc(event("mdc.audit-without-action", Level.INFO, "m", null), "audit", "true"));
    encode(
        "mdc.trace-ids",
        std,
        mdc(
            event("mdc.trace-ids", Level.INFO, "m", null),
            "trace_id",
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "span_id",
            "00f067aa0ba902bz",
            "trace_flags",
            "01"));
    encode(
        "mdc.renamed-trace-ids",
        caller,
        callerData(
            mdc(
                event("mdc.renamed-trace-ids", Level.INFO, "m", null),
                "traceId",
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "spanId",
                "00f067aa0ba902b7",
                "tenant",
                "t1")));
    encode(
        "mdc.renamed-bad-trace-ids",
        caller,
        callerData(
            mdc(
                event("mdc.renamed-bad-trace-ids", Level.INFO, "m", null),
                "traceId",
                "4BF92F35",
                "spanId",
                "",
                "trace_id",
                "shadowed")));
    encode("mdc.null-key", std, mdc(event("mdc.null-key", Level.INFO, "m", null), null, "v", "k", "w"));
    encode(
        "mdc.null-key-with-renames",
        caller,
        callerData(mdc(event("mdc.null-key-with-renames", Level.INFO, "m", null), null, "v", "k", "w")));
    encode(
        "mdc.off",
        off,
        mdc(event("mdc.off", Level.INFO, "m", null), "tenant", "team-a", "db_password", "hunter2"));
  }

  private void keyValuePairs() throws IOException {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("a", 1);
    nested.put("password", "hunter2");
    nested.put("list", List.of("x", 2.5, true));
    encode(
        "kv.types",
        std,
        kv(
            event("kv.types", Level.INFO, "m", null),
            "s",
            "str",
            "i",
            42,
            "l",
            1L << 40,
            "d",
            1.5,
            "nan",
            Double.NaN,
            "b",
            true,
            "nul",
            null,
            "map",
            nested,
            "arr",
            new Object[] {"p", 1, null},
            "ints",
            new int[] {1, 2},
            "enum",
            Level.WARN,
            "hostile",
            new Hostile(),
            "after",
            1));
    encode(
        "kv.over-mdc",
        std,
        kv(
            mdc(
                event("kv.over-mdc", Level.INFO, "m", null),
                "dup",
                "mdc",
                "service",
                "mdc",
                "only_mdc",
                "1"),
            "dup",
            "kv",
            "service",
            "kv",
            "only_kv",
            2));
    encode(
        "kv.twice",
        std,
        kv(event("kv.twice", Level.INFO, "m", null), "k", 1, "k", 2, "k", "three"));
    encode("kv.null-key", std, kv(event("kv.null-key", Level.INFO, "m", null), null, "v", "", "w"));
    encode(
        "kv.convention-fields",
        std,
        kv(
            event("kv.convention-fields", Level.INFO, "m", null),
            "action",
            "DELETE",
            "audit",
            true,
            "namespace",
            7,
            "name",
            42L,
            "controllerKind",
            "Deployment",
            "caller",
            "kv/Caller.java:1"));
    encode(
        "kv.bad-values",
        std,
        kv(
            event("kv.bad-values", Level.INFO, "m", null),
            "action",
            "PATCH",
            "audit",
            "TRUE",
            "trace_id",
            42));
    encode(
        "kv.reserved-and-sensitive",
        std,
        kv(
            event("kv.reserved-and-sensitive", Level.INFO, "m", null),
            "message",
            "x",
            "@timestamp",
            "y",
            "msg",
            "fake",
            "token",
            "abc",
            "email",
            "jane@example.com",
            "pin",
            "1234"));
    encode(
        "kv.off",
        off,
        kv(
            event("kv.off", Level.INFO, "password {}", null, "hunter2"),
            "password",
            "hunter2",
            "user",
            "jane"));
    encode("kv.null-pair", std, nullPair(event("kv.null-pair", Level.INFO, "m", null)));
  }

  private static LoggingEvent nullPair(LoggingEvent e) {
    List<KeyValuePair> pairs = new ArrayList<>();
    pairs.add(new KeyValuePair("before", 1));
    pairs.add(null);
    pairs.add(new KeyValuePair("after", 2));
    e.setKeyValuePairs(pairs);
    return e;
  }

  private void markers() throws IOException {
    Marker audit = marker("AUDIT");
    LoggingEvent withAction =
        kv(event("marker.audit", Level.INFO, "API Resource updated", null), "action", "UPDATE");
    withAction.addMarker(audit);
    encode("marker.audit", std, withAction);
    LoggingEvent noAction = event("marker.audit-without-action", Level.INFO, "m", null);
    noAction.addMarker(marker("AUDIT"));
    encode("marker.audit-without-action", std, noAction);
    LoggingEvent child =
        kv(event("marker.audit-as-reference", Level.INFO, "m", null), "action", "VIEW");
    child.addMarker(marker("SECURITY_EVENTS", marker("AUDIT")));
    encode("marker.audit-as-reference", std, child);
    LoggingEvent other = event("marker.other", Level.INFO, "m", null);
    other.addMarker(marker("NOTIFY"));
    other.addMarker(marker("CONFIDENTIAL"));
    encode("marker.other", std, other);
    LoggingEvent twice =
        kv(event("marker.audit-twice", Level.INFO, "m", null), "action", "ADD", "audit", false);
    twice.addMarker(marker("AUDIT"));
    twice.addMarker(marker("AUDIT"));
    encode("marker.audit-twice", std, twice);
    LoggingEvent custom =
        callerData(kv(event("marker.custom-name", Level.INFO, "m", null), "action", "VIEW"));
    custom.addMarker(marker("SECURITY"));
    custom.addMarker(marker("AUDIT"));
    encode("marker.custom-name", caller, custom);
  }

  private static LoggingEvent callerData(LoggingEvent e, StackTraceElement... frames) {
    e.setCallerData(
        frames.length == 0
            ? new StackTraceElement[] {
              new StackTraceElement(
                  "com.example.orders.OrderService", "place", "OrderService.java", 87)
            }
            : frames);
    return e;
  }

  private void callerData() throws IOException {
    StackTraceElement[][] cases = {
      {new StackTraceElement("com.example.orders.OrderService", "place", "OrderService.java", 87)},
      {new StackTraceElement("com.example.orders.OrderService", "place", null, 87)},
      {new StackTraceElement("com.example.orders.OrderService", "place", "OrderService.java", -1)},
      {new StackTraceElement("com.example.orders.OrderService", "place", null, -2)},
      {new StackTraceElement("Main", "main", "Main.java", 3)},
      {
        new StackTraceElement("com.example.Outer$Inner", "run", "Outer.java", 12),
        new StackTraceElement("x.Y", "z", "Y.java", 1)
      },
      {},
    };
    for (int i = 0; i < cases.length; i++) {
      LoggingEvent e = event("caller." + i, Level.INFO, "m", null);
      e.setCallerData(cases[i]);
      encode("caller." + i, caller, e);
    }
    LoggingEvent kvCaller =
        callerData(
            kv(
                event("caller.kv-after-caller", Level.INFO, "m", null),
                "caller",
                "kv/Given.java:1"));
    encode("caller.kv-after-caller", caller, kvCaller);
  }

  private void throwables() throws IOException {
    encode("throwable.sample", std, event("throwable.sample", Level.ERROR, "m", sample()));
    encode("throwable.cycle", std, event("throwable.cycle", Level.ERROR, "m", cycle()));
    encode(
        "throwable.no-message",
        std,
        event(
            "throwable.no-message",
            Level.ERROR,
            "m",
            with(new RuntimeException(), frames("N", 1))));
    encode(
        "throwable.secrets",
        std,
        event(
            "throwable.secrets",
            Level.ERROR,
            "m",
            with(
                new IllegalStateException(
                    "rejected: password is Zq8#rT2!vLp0 for jane@example.com"),
                frames("S", 1))));
    encode("throwable.huge", std, event("throwable.huge", Level.ERROR, "m", deep(6, 400)));
    encode(
        "throwable.small",
        small,
        event("throwable.small", Level.ERROR, "m".repeat(3000), sample()));
    encode(
        "throwable.small-huge",
        small,
        event("throwable.small-huge", Level.ERROR, "m", deep(6, 400)));
    encode(
        "throwable.root-first",
        rootFirst,
        event("throwable.root-first", Level.ERROR, "m", sample()));
    encode(
        "throwable.root-first-cycle",
        rootFirst,
        event("throwable.root-first-cycle", Level.ERROR, "m", cycle()));
    // From another JVM: the event's value object, whose throwable is a proxy.
    LoggingEvent remote =
        mdc(event("throwable.remote", Level.ERROR, "remote {}", sample(), "x"), "tenant", "team-a");
    remote.addKeyValuePair(new KeyValuePair("k", "v"));
    encode("throwable.remote", std, LoggingEventVO.build(remote));
    RuntimeException alone = with(new RuntimeException("remote, no cause"), frames("Alone", 2));
    alone.addSuppressed(with(new IllegalArgumentException("suppressed"), frames("Sup", 1)));
    encode(
        "throwable.remote-without-cause",
        std,
        LoggingEventVO.build(event("throwable.remote-without-cause", Level.ERROR, "remote", alone)));
    LoggingEvent remoteCycle = mdc(event("throwable.remote-cycle", Level.ERROR, "remote", cycle()));
    encode("throwable.remote-cycle", rootFirst, LoggingEventVO.build(remoteCycle));
    Proxy foreign =
        new Proxy("com.remote.RemoteException", "remote failed", false, frames("Remote", 2));
    foreign.cause = new Proxy("com.remote.Cause", null, false, frames("Cause", 1));
    encode("throwable.foreign-proxy", std, withProxy("throwable.foreign-proxy", foreign));
    encode(
        "throwable.foreign-proxy-message-throws",
        std,
        withProxy(
            "throwable.foreign-proxy-message-throws",
            new Proxy("com.remote.Evil", "x", true, frames("Evil", 1))));
    Proxy self = new Proxy("com.remote.Self", "loops", false, frames("Self", 1));
    self.cause = self;
    encode(
        "throwable.foreign-proxy-own-cause",
        std,
        withProxy("throwable.foreign-proxy-own-cause", self));
  }

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

  private void deferred() throws IOException {
    String[][] cases = {
      {"user {} with password {}", "svc", "open sesame"},
      {"token: {}", "plain words", null},
      {"Secret {} created", "db-creds", null},
      {"charged card {} for {}", "4111 1111 1111 1111", "jane@example.com"},
      {"reconciled {} in {} ms", "web-1", "87"},
    };
    for (int i = 0; i < cases.length; i++) {
      String[] c = cases[i];
      Object[] args = c[2] == null ? new Object[] {c[1]} : new Object[] {c[1], c[2]};
      LoggingEvent e =
          mdc(event("deferred." + i, Level.INFO, c[0], null, args), "tenant", "team-a");
      e.setThreadName(OTHER_THREAD);
      e.prepareForDeferredProcessing();
      encode("deferred." + i, std, e);
    }
    LoggingEvent withThrowable =
        event("deferred.throwable", Level.ERROR, "failed {}", sample(), "web-1");
    withThrowable.setThreadName(OTHER_THREAD);
    encode("deferred.throwable", std, mdc(withThrowable, "tenant", "team-a"));
  }

  private void options() throws IOException {
    encode(
        "options.small-values",
        small,
        kv(
            event("options.small-values", Level.INFO, "m".repeat(3000), null),
            "a",
            "b".repeat(3000),
            "c",
            1));
    LoggingEvent many = event("options.small-many-pairs", Level.INFO, "m", null);
    for (int i = 0; i < 100; i++) {
      many.addKeyValuePair(new KeyValuePair("k" + i, "v".repeat(20)));
    }
    encode("options.small-many-pairs", small, many);
    encode(
        "options.tuned",
        tuned,
        kv(
            event(
                "options.tuned",
                Level.INFO,
                "charged card {} for {}, call {}",
                null,
                "4111 1111 1111 1111",
                "jane@example.com",
                "+44 20 7946 0958"),
            "pin",
            "1234",
            "customer",
            "c-42",
            "phone",
            "+44 20 7946 0958"));
    encode(
        "options.redaction-off",
        off,
        event(
            "options.redaction-off",
            Level.INFO,
            "password {} for {}",
            null,
            "hunter2",
            "jane@example.com"));
    encode(
        "options.line-separators",
        lineSep,
        kv(event("options.line-separators", Level.INFO, "a\u2028b\u2029c", null), "v", "\u2028"));
    encode(
        "options.line-separators-default",
        std,
        kv(
            event("options.line-separators-default", Level.INFO, "a\u2028b\u2029c", null),
            "v",
            "\u2028"));
    encode(
        "options.not-started",
        notStarted,
        event("options.not-started", Level.INFO, "key {}", null, "jane@example.com"));
    encode(
        "options.not-started-again",
        notStarted,
        event("options.not-started-again", Level.INFO, "m", null));
    encode(
        "options.caller-encoder-plain",
        caller,
        callerData(event("options.caller-encoder-plain", Level.INFO, "m", null)));
    encode(
        "options.caller-encoder-reserved-kv",
        caller,
        callerData(
            kv(
                event("options.caller-encoder-reserved-kv", Level.INFO, "m", null),
                "pod_name",
                "web-0",
                "host",
                "own")));
    LoggingEvent broken =
        new LoggingEvent(
            Logger.FQCN, logger("golden.options.broken-event"), Level.WARN, "m", null, null) {
          @Override
          public List<KeyValuePair> getKeyValuePairs() {
            throw new IllegalStateException("broken event");
          }
        };
    broken.setTimeStamp(clock++);
    broken.setMDCPropertyMap(new LinkedHashMap<>());
    encode("options.broken-event", std, mdc(broken, "a", "1"));
    encode(
        "options.after-broken-event",
        std,
        event("options.after-broken-event", Level.INFO, "next {}", null, 1));
  }
}
