package io.hirebot.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RateLanesTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** A budget whose free permits the test hands out; reserving always succeeds at once (it borrows). */
  private static final class ManualBudget implements RateBudget {
    final AtomicInteger free = new AtomicInteger();
    final AtomicInteger reserved = new AtomicInteger();

    @Override
    public Future<Long> reserve() {
      reserved.incrementAndGet();
      return Future.succeededFuture(0L);
    }

    @Override
    public Future<Long> takeOrWait() {
      return Future.succeededFuture(free.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 0L : 20_000_000L);
    }

    @Override
    public void penalize(long nanos) {
    }
  }

  @Test
  @DisplayName("bulk calls wait for free permits, in order, while an interactive call goes at once")
  void interactiveFirst() throws Exception {
    ManualBudget budget = new ManualBudget();
    RateLanes lanes = new RateLanes(vertx, budget);
    List<Integer> order = new CopyOnWriteArrayList<>();
    List<Future<Void>> bulk = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      bulk.add(lanes.acquire(RateLanes.Lane.BULK).onSuccess(v -> order.add(n)));
    }
    Future<Void> reply = lanes.acquire(RateLanes.Lane.INTERACTIVE);

    assertTrue(reply.succeeded(), "the reply did not queue behind the bulk calls");
    assertFalse(bulk.stream().anyMatch(Future::isComplete), "no free permit, no bulk call");
    assertEquals(3, lanes.queued());

    budget.free.set(3);
    Future.all(bulk).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertEquals(List.of(0, 1, 2), order);
    assertEquals(1, budget.reserved.get());
  }

  @Test
  @DisplayName("a permit's wait becomes a timer rounded up to the millisecond, never one that fires before it ends")
  void timersRoundUp() {
    assertEquals(1, RateLanes.timerMillis(1));
    assertEquals(1, RateLanes.timerMillis(1_000_000));
    assertEquals(2, RateLanes.timerMillis(1_000_001));
    assertEquals(60_000, RateLanes.timerMillis(59_999_000_001L));
  }
}
