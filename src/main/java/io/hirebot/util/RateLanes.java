package io.hirebot.util;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two lanes in front of one {@link RateBudget}: a call someone is waiting for (a reply, a card answer) asks for
 * its permit at once, while bulk calls (digests, notifications) queue here and take a permit only when one
 * is free above the replies' reserve. A thousand queued digests therefore never stand between a user and the
 * reply: the reply waits at most for the next permit the budget frees, and the digests use whatever the replies
 * leave.
 */
public final class RateLanes {
  /** Who is waiting for a call. */
  public enum Lane { INTERACTIVE, BULK }

  private final Vertx vertx;
  private final RateBudget budget;
  private final Queue<Promise<Void>> bulk = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean pumping = new AtomicBoolean();

  public RateLanes(Vertx vertx, RateBudget budget) {
    this.vertx = vertx;
    this.budget = budget;
  }

  /** Completes when the caller may make its call. */
  public Future<Void> acquire(Lane lane) {
    if (lane == Lane.INTERACTIVE) {
      return budget.reserve().otherwise(0L).compose(wait -> after(vertx, wait));
    }
    Promise<Void> waiter = Promise.promise();
    bulk.add(waiter);
    pump();
    return waiter.future();
  }

  /** The server said "too many requests": both lanes wait {@code nanos}. */
  public void penalize(long nanos) {
    budget.penalize(nanos);
  }

  /** Bulk calls waiting for a permit, for tests and metrics. */
  public int queued() {
    return bulk.size();
  }

  private void pump() {
    if (pumping.compareAndSet(false, true)) {
      step();
    }
  }

  /** One pump at a time hands out free permits to the bulk queue in order, then sleeps until the next. */
  private void step() {
    while (true) {
      if (bulk.isEmpty()) {
        pumping.set(false);
        // A waiter that arrived between the check and the reset would otherwise wait for the next one.
        if (!bulk.isEmpty()) {
          pump();
        }
        return;
      }
      Future<Long> next = budget.takeOrWait().otherwise(1_000_000L);
      if (!next.isComplete()) {
        next.onComplete(r -> granted(r.result()));
        return;
      }
      if (next.result() > 0) {
        granted(next.result());
        return;
      }
      bulk.poll().complete();
    }
  }

  private void granted(long waitNanos) {
    if (waitNanos <= 0) {
      bulk.poll().complete();
      step();
    } else {
      vertx.setTimer(timerMillis(waitNanos), t -> step());
    }
  }

  /** Completes once a permit's wait of {@code nanos} is over (at once when there is none), on a Vert.x timer. */
  public static Future<Void> after(Vertx vertx, long nanos) {
    if (nanos <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(timerMillis(nanos), id -> promise.complete());
    return promise.future();
  }

  /**
   * A timer's milliseconds for a permit's wait, rounded up: rounded down, a permit booked for the moment the oldest
   * leaves a minute's window was used up to a millisecond before it did.
   */
  static long timerMillis(long waitNanos) {
    return Math.max(1, (waitNanos + 999_999) / 1_000_000);
  }
}
