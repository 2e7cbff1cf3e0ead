package io.hirebot.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Pending "tell me when an item matching P exists" requests over a growing list; callers hold the owner's lock. */
final class Waiters<T> {

  private record Waiter<T>(Predicate<T> predicate, Promise<T> promise) {}

  private final Vertx vertx;
  private final String what;
  private final List<Waiter<T>> waiting = new ArrayList<>();

  Waiters(Vertx vertx, String what) {
    this.vertx = vertx;
    this.what = what;
  }

  /** Completes at once from {@code existing}, or registers a waiter failing after {@code timeout}. */
  Future<T> await(List<T> existing, Predicate<T> predicate, Duration timeout, Object lock) {
    for (T item : existing) {
      if (predicate.test(item)) {
        return Future.succeededFuture(item);
      }
    }
    Promise<T> promise = Promise.promise();
    Waiter<T> waiter = new Waiter<>(predicate, promise);
    waiting.add(waiter);
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
      synchronized (lock) {
        waiting.remove(waiter);
      }
      promise.tryFail(new TimeoutException("no " + what + " matched within " + timeout));
    });
    // A met waiter must not keep its timer (and the test's Vertx) busy until the timeout.
    promise.future().onSuccess(v -> vertx.cancelTimer(timer));
    return promise.future();
  }

  /** Offers a new item; returns the promises to complete (outside the lock). */
  List<Runnable> offer(T item) {
    List<Runnable> done = new ArrayList<>();
    for (Iterator<Waiter<T>> it = waiting.iterator(); it.hasNext(); ) {
      Waiter<T> w = it.next();
      if (w.predicate().test(item)) {
        it.remove();
        done.add(() -> w.promise().tryComplete(item));
      }
    }
    return done;
  }
}
