package io.logconv.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Reusable scratch state (a writer, its buffers, a redactor's arrays) for the thread that logs: a
 * thread-local on platform threads, as cheap as one map lookup, and a small shared pool on virtual
 * threads, which are many, short-lived and parked most of the time, so a thread-local per thread
 * would keep kilobytes alive for every parked thread. A virtual thread takes an object from the
 * pool for one event and gives it back ({@link #release}); when the pool is empty it makes a new
 * one, and when the pool is full it lets the returned one go, so the state kept is bounded by the
 * pool's size whatever the number of threads. {@link #acquire} never touches a virtual thread's
 * thread-local map. On Java 17, where virtual threads do not exist, every thread takes the
 * thread-local path.
 *
 * <pre>{@code
 * ScratchPool<StringBuilder> pool = new ScratchPool<>(StringBuilder::new);
 * StringBuilder sb = pool.acquire();
 * try {
 *   ...
 * } finally {
 *   pool.release(sb);
 * }
 * }</pre>
 *
 * @param <T> the state; an object is used by one thread at a time between acquire and release
 */
public final class ScratchPool<T> {
  private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

  /** Slots of the shared pool: enough for every carrier to hold one and one more waiting. */
  private static final int SLOTS =
      Integer.highestOneBit(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()) * 2 - 1);

  private final Supplier<? extends T> factory;
  private final ThreadLocal<T> platform;
  private final AtomicReferenceArray<T> pool = new AtomicReferenceArray<>(SLOTS);

  /** A pool whose objects {@code factory} makes; it is called at most once per platform thread. */
  public ScratchPool(Supplier<? extends T> factory) {
    this.factory = factory;
    this.platform = ThreadLocal.withInitial(factory);
  }

  /** True if {@code thread} is a virtual thread (always false before Java 21). */
  public static boolean isVirtual(Thread thread) {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (boolean) IS_VIRTUAL.invokeExact(thread);
    } catch (Throwable e) {
      return false;
    }
  }

  /**
   * The calling thread's object: its own on a platform thread, one taken from the pool (or new)
   * on a virtual thread. Give it back with {@link #release} when the event is written.
   */
  public T acquire() {
    Thread current = Thread.currentThread();
    if (!isVirtual(current)) {
      return platform.get();
    }
    int mask = SLOTS - 1;
    int start = ThreadLocalRandom.current().nextInt();
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) & mask;
      T t = pool.get(slot);
      if (t != null && pool.compareAndSet(slot, t, null)) {
        return t;
      }
    }
    return factory.get();
  }

  /**
   * Gives back what {@link #acquire} returned on this thread; the caller must not use it after.
   * Nothing happens on a platform thread, whose object stays its own.
   */
  public void release(T t) {
    if (t == null || !isVirtual(Thread.currentThread())) {
      return;
    }
    int mask = SLOTS - 1;
    int start = ThreadLocalRandom.current().nextInt();
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) & mask;
      if (pool.get(slot) == null && pool.compareAndSet(slot, null, t)) {
        return;
      }
    }
    // The pool is full: more virtual threads were between acquire and release than slots. The
    // object is left to the collector, so what is kept stays bounded.
  }

  /** True if the calling thread takes its object from the shared pool. */
  public static boolean pooled() {
    return isVirtual(Thread.currentThread());
  }

  /** Objects in the shared pool now (for tests and metrics). */
  int pooledCount() {
    int n = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (pool.get(i) != null) {
        n++;
      }
    }
    return n;
  }

  /** The shared pool's size. */
  static int slots() {
    return SLOTS;
  }

  private static MethodHandle isVirtualHandle() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null; // before Java 21
    }
  }
}
