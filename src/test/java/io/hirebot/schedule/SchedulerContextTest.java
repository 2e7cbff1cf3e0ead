package io.hirebot.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 14: the scheduler runs on its own context, whoever triggers it, so one routine never runs twice at once. */
class SchedulerContextTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** A routine that takes a while and records how many of its runs overlapped and where they ran. */
  private static final class Watched implements Routine {
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final AtomicInteger runs = new AtomicInteger();
    final Set<Context> contexts = ConcurrentHashMap.newKeySet();
    final CountDownLatch firstStarted = new CountDownLatch(1);

    @Override
    public String name() {
      return "watched";
    }

    @Override
    public Duration period() {
      return Duration.ofHours(1);
    }

    @Override
    public Future<Void> run(java.time.Instant now) {
      most.accumulateAndGet(active.incrementAndGet(), Math::max);
      contexts.add(Vertx.currentContext());
      firstStarted.countDown();
      try {
        // Work that holds its thread for a while (a slow synchronous step): a second run started elsewhere
        // meanwhile would overlap it.
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      active.decrementAndGet();
      runs.incrementAndGet();
      return Future.succeededFuture();
    }
  }

  @Test
  @DisplayName("runNow() from other threads while a timer run is in flight never overlaps it, and runs on one context")
  void triggersNeverOverlap() throws Exception {
    Watched routine = new Watched();
    List<Scheduler> made = new CopyOnWriteArrayList<>();
    List<Context> verticle = new CopyOnWriteArrayList<>();
    // As the bot does: the scheduler is made and started by the verticle, on the verticle's context.
    vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        Scheduler s = new Scheduler(vertx, Clock.systemUTC()).add(routine);
        made.add(s);
        verticle.add(context);
        s.start();
        return Future.succeededFuture();
      }
    }).await(10, TimeUnit.SECONDS);
    assertTrue(routine.firstStarted.await(10, TimeUnit.SECONDS), "the start run began");
    Scheduler scheduler = made.get(0);

    // Two triggers from two plain threads (a test, an admin command) while the timer's run holds its thread.
    List<Future<Void>> triggers = new CopyOnWriteArrayList<>();
    Thread a = new Thread(() -> triggers.add(scheduler.runNow()));
    Thread b = new Thread(() -> triggers.add(scheduler.runNow()));
    a.start();
    b.start();
    a.join();
    b.join();
    Future.join(triggers).await(20, TimeUnit.SECONDS);

    System.out.printf("[scheduler] runs=%d most at once=%d contexts=%d%n", routine.runs.get(), routine.most.get(),
        routine.contexts.size());
    assertEquals(3, routine.runs.get(), "the start run and one per trigger");
    assertEquals(1, routine.most.get(), "never two runs of one routine at once");
    assertEquals(Set.of(verticle.get(0)), routine.contexts, "every run on the verticle's context");
    scheduler.stop().await(10, TimeUnit.SECONDS);
  }
}
