package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link ScratchPool}: a platform thread keeps one object of its own; virtual threads (tested when
 * the JVM is 21+, as in the build's JDK 25 run) share a pool that never hands one object to two
 * threads at once and never keeps more than its slots, however many threads there are.
 */
class ScratchPoolTest {
  /** An object that knows whether a thread holds it. */
  static final class Scratch {
    final AtomicBoolean held = new AtomicBoolean();
  }

  private final AtomicInteger made = new AtomicInteger();
  private final ScratchPool<Scratch> pool =
      new ScratchPool<>(
          () -> {
            made.incrementAndGet();
            return new Scratch();
          });

  @Test
  void aPlatformThreadKeepsItsOwnObject() throws Exception {
    assertThat(ScratchPool.pooled()).isFalse();
    Scratch first = pool.acquire();
    pool.release(first);
    Scratch again = pool.acquire();
    assertThat(again).isSameAs(first);
    assertThat(pool.pooledCount()).isZero();
    Scratch[] other = new Scratch[1];
    Thread t = new Thread(() -> other[0] = pool.acquire());
    t.start();
    t.join();
    assertThat(other[0]).isNotSameAs(first);
    assertThat(made.get()).isEqualTo(2);
  }

  @Test
  void virtualThreadsOneAfterAnotherReuseOneObject() throws Exception {
    ExecutorService ex = virtualThreads();
    for (int i = 0; i < 10_000; i++) {
      ex.submit(
              () -> {
                assertThat(ScratchPool.pooled()).isTrue();
                Scratch s = pool.acquire();
                pool.release(s);
              })
          .get();
    }
    close(ex);
    assertThat(made.get()).isEqualTo(1);
    assertThat(pool.pooledCount()).isEqualTo(1);
  }

  @Test
  void virtualThreadsAtOnceNeverShareAnObjectAndThePoolStaysBounded() throws Exception {
    int threads = 5_000;
    ExecutorService ex = virtualThreads();
    CountDownLatch allHold = new CountDownLatch(threads);
    List<Throwable> errors = new ArrayList<>();
    AtomicInteger shared = new AtomicInteger();
    for (int i = 0; i < threads; i++) {
      ex.execute(
          () -> {
            for (int round = 0; round < 20; round++) {
              Scratch s = pool.acquire();
              if (!s.held.compareAndSet(false, true)) {
                shared.incrementAndGet();
              }
              if (round == 0) {
                allHold.countDown();
                try {
                  allHold.await(); // every thread holds one: the pool cannot serve them all
                } catch (InterruptedException e) {
                  synchronized (errors) {
                    errors.add(e);
                  }
                }
              }
              s.held.set(false);
              pool.release(s);
            }
          });
    }
    close(ex);
    assertThat(errors).isEmpty();
    assertThat(shared.get()).as("objects handed to two threads at once").isZero();
    assertThat(made.get()).isGreaterThanOrEqualTo(threads);
    assertThat(pool.pooledCount()).isBetween(1, ScratchPool.slots());
  }

  private static ExecutorService virtualThreads() throws ReflectiveOperationException {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+");
    return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
  }

  private static void close(ExecutorService ex) throws InterruptedException {
    ex.shutdown();
    assertThat(ex.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
  }
}
