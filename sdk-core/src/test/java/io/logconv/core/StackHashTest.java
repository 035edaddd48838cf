package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code stack_hash} walks the cause chain without a set or a list, and its values are those of
 * the algorithm that built both, so hashes already in stored lines keep grouping with new ones.
 */
class StackHashTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static StackTraceElement[] frames(String cls, int n) {
    StackTraceElement[] st = new StackTraceElement[n];
    for (int i = 0; i < n; i++) {
      st[i] = new StackTraceElement("com.example." + cls, "m" + i, cls + ".java", 10 + i);
    }
    return st;
  }

  private static <T extends Throwable> T with(T t, StackTraceElement... frames) {
    t.setStackTrace(frames);
    return t;
  }

  /**
   * A throwable whose cause is whatever the test says, itself included, and whose frames are the
   * same array each time (the JDK's {@code getStackTrace} hands out a copy).
   */
  private static final class Linked extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient StackTraceElement[] frames;
    transient Throwable next;

    Linked(String message, StackTraceElement... frames) {
      super(message, null, false, false);
      this.frames = frames;
    }

    @Override
    public synchronized Throwable getCause() {
      return next;
    }

    @Override
    public StackTraceElement[] getStackTrace() {
      return frames;
    }
  }

  /** A throwable from another JVM, named by the class it stands for. */
  private static final class Remote extends Exception implements ForeignThrowable {
    private static final long serialVersionUID = 1L;

    Remote(StackTraceElement... frames) {
      super("remote");
      setStackTrace(frames);
    }

    @Override
    public String originalClassName() {
      return "java.io.IOException";
    }
  }

  /** A throwable whose methods throw. */
  private static final class Hostile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public synchronized Throwable getCause() {
      throw new IllegalStateException("no cause for you");
    }

    @Override
    public StackTraceElement[] getStackTrace() {
      throw new IllegalStateException("no frames for you");
    }
  }

  /** The throwables compared, by name. */
  private static Map<String, Throwable> throwables() {
    Map<String, Throwable> m = new LinkedHashMap<>();
    m.put("no frames", new IllegalStateException("x"));
    m.put("frames", with(new IllegalStateException("x"), frames("Svc", 4)));
    Exception root = with(new java.io.IOException("disk"), frames("Disk", 3));
    Exception mid = with(new IllegalStateException("save", root), frames("Store", 2));
    m.put("cause chain", with(new RuntimeException("request", mid), frames("Api", 5)));
    Exception sup = with(new RuntimeException("request", mid), frames("Api", 5));
    sup.addSuppressed(with(new Exception("close"), frames("Closer", 2)));
    m.put("cause chain and a suppressed throwable", sup);
    Exception a = with(new Exception("a"), frames("A", 2));
    Exception b = with(new Exception("b", a), frames("B", 2));
    a.initCause(b);
    m.put("cycle of two", b);
    Linked self = new Linked("self", frames("Self", 2));
    self.next = self;
    m.put("its own cause", self);
    Linked head = new Linked("head", frames("Head", 1));
    Linked loopStart = new Linked("loop start", frames("LoopA", 1));
    Linked loopEnd = new Linked("loop end", frames("LoopB", 1));
    head.next = loopStart;
    loopStart.next = loopEnd;
    loopEnd.next = loopStart;
    m.put("cycle behind a head", head);
    Throwable deep = with(new Exception("deepest"), frames("Deep", 1));
    for (int i = 0; i < 300; i++) {
      deep = with(new RuntimeException("level " + i, deep), frames("Level" + (i % 7), 1));
    }
    m.put("chain past 256 links", deep);
    Linked longLoop = new Linked("0", frames("L0", 1));
    Linked last = longLoop;
    for (int i = 1; i < 270; i++) {
      Linked next = new Linked(Integer.toString(i), frames("L" + (i % 5), 1));
      last.next = next;
      last = next;
    }
    last.next = longLoop;
    m.put("cycle longer than 256 links", longLoop);
    m.put(
        "generated frames",
        with(
            new IllegalArgumentException("x"),
            new StackTraceElement("com.example.Svc$$Lambda$14/0x1", "run", null, -1),
            new StackTraceElement("jdk.proxy2.$Proxy12", "call", null, -1),
            new StackTraceElement("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", null, -1),
            new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 580),
            new StackTraceElement("com.example.Svc", "handle", "Svc.java", 12)));
    m.put("from another JVM", with(new RuntimeException("wrapped", new Remote(frames("Net", 2))), frames("Api", 1)));
    m.put("methods that throw", new Hostile());
    m.put("wrapping one whose methods throw", with(new RuntimeException("outer", new Hostile()), frames("Api", 2)));
    return m;
  }

  @Test
  void hashesAreThoseOfTheAlgorithmThatKeptASet() {
    Map<String, Throwable> all = throwables();
    for (Map.Entry<String, Throwable> e : all.entrySet()) {
      assertThat(hash(e.getValue())).as(e.getKey()).isEqualTo(setBasedHash(e.getValue()));
    }
    // The cases differ from each other where their shapes do.
    assertThat(hash(all.get("cause chain")))
        .isEqualTo(hash(all.get("cause chain and a suppressed throwable")))
        .isNotEqualTo(hash(all.get("frames")));
    assertThat(hash(all.get("chain past 256 links"))).isNotEqualTo(hash(all.get("cause chain")));
  }

  @Test
  void hashesOfKnownShapesStayAsTheyWere() {
    // The values the algorithm with a set wrote for these shapes, in lines already stored.
    Map<String, Throwable> all = throwables();
    assertThat(hash(all.get("frames"))).isEqualTo("540cddbd");
    assertThat(hash(all.get("cause chain"))).isEqualTo("e39ba078");
    assertThat(hash(all.get("cycle of two"))).isEqualTo("45bf7ccb");
  }

  @Test
  void hashingAllocatesNothingAfterWarmUp() {
    assertThat(THREADS.isThreadAllocatedMemorySupported()).isTrue();
    THREADS.setThreadAllocatedMemoryEnabled(true);
    // The throwables return the same frame arrays each time, so every byte counted is the hash's.
    Linked root = new Linked("root", frames("Disk", 12));
    Linked mid = new Linked("mid", frames("Store", 20));
    Linked top = new Linked("top", frames("Api", 30));
    top.next = mid;
    mid.next = root;
    Linked cyclic = new Linked("cyclic", frames("Loop", 5));
    Linked back = new Linked("back", frames("Back", 5));
    cyclic.next = back;
    back.next = cyclic;
    StringBuilder out = new StringBuilder(16);
    Runnable r =
        () -> {
          out.setLength(0);
          StackTraceRenderer.appendStackHash(out, top);
          out.setLength(0);
          StackTraceRenderer.appendStackHash(out, cyclic);
        };
    for (int i = 0; i < 50_000; i++) {
      r.run();
    }
    assertThat(AllocationTest.steadyStateBytes(r, 10_000)).as("bytes allocated by 20,000 hashes").isZero();
  }

  @Test
  void aLineWithAStackHashAllocatesNothingAfterWarmUp() {
    THREADS.setThreadAllocatedMemoryEnabled(true);
    Linked root = new Linked("disk full", frames("Disk", 12));
    Linked top = new Linked("request failed", frames("Api", 30));
    top.next = root;
    EventWriter w = LineFormat.builder().stackHash(true).build().newWriter();
    long[] clock = {1678188749167L};
    Runnable r = () -> w.begin(clock[0]++, io.logconv.schema.Level.ERROR, "controllers.Component").message("failed").throwable(top).end();
    r.run();
    assertThat(Lines.conforming(w.buffer()).get("stack_hash").asString()).isEqualTo(hash(top));
    for (int i = 0; i < 50_000; i++) {
      r.run();
    }
    assertThat(AllocationTest.steadyStateBytes(r, 10_000)).as("bytes allocated by 10,000 lines").isZero();
  }

  private static String hash(Throwable t) {
    StringBuilder sb = new StringBuilder();
    StackTraceRenderer.appendStackHash(sb, t);
    return sb.toString();
  }

  // --- the algorithm as it was, with a list of the chain and an identity set as its cycle guard ---

  private static String setBasedHash(Throwable t) {
    int h = 0x811c9dc5;
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable x = t; x != null && seen.add(x) && chain.size() < 256; x = cause(x)) {
      chain.add(x);
    }
    for (Throwable x : chain) {
      h = fnv(h, x instanceof ForeignThrowable f ? f.originalClassName() : x.getClass().getName());
      StackTraceElement[] frames;
      try {
        frames = x.getStackTrace();
      } catch (RuntimeException e) {
        frames = new StackTraceElement[0];
      }
      for (StackTraceElement f : frames) {
        String cls = f.getClassName();
        if (cls.contains("$$")
            || cls.contains("$Proxy")
            || cls.startsWith("jdk.internal.reflect.")
            || cls.startsWith("sun.reflect.")
            || cls.startsWith("java.lang.reflect.")) {
          continue;
        }
        h = fnv(h, cls);
        h = fnv(h, f.getMethodName());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int shift = 28; shift >= 0; shift -= 4) {
      out.append(Character.forDigit((h >>> shift) & 0xF, 16));
    }
    return out.toString();
  }

  private static Throwable cause(Throwable t) {
    try {
      return t.getCause();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static int fnv(int h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x01000193;
    }
    h ^= '|';
    return h * 0x01000193;
  }
}
