package io.hirebot.util;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs asynchronous work over many items with at most N in flight. Bulk routines use it so a thousand chats
 * never put a thousand tasks at once in front of the shared worker pools (database, Feishu) that a user's
 * command needs too.
 */
public final class Bounded {
  private Bounded() {}

  /** Applies {@code work} to every item, {@code parallelism} at a time; completes when all are done (failures included). */
  public static <T> Future<Void> forEach(List<T> items, int parallelism, Function<T, Future<?>> work) {
    if (items.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    Iterator<T> next = items.iterator();
    AtomicInteger remaining = new AtomicInteger(items.size());
    for (int i = 0; i < Math.min(parallelism, items.size()); i++) {
      startNext(next, work, remaining, done);
    }
    return done.future();
  }

  private static <T> void startNext(Iterator<T> next, Function<T, Future<?>> work, AtomicInteger remaining,
      Promise<Void> done) {
    T item;
    synchronized (next) {
      if (!next.hasNext()) {
        return;
      }
      item = next.next();
    }
    Future<?> f;
    try {
      f = work.apply(item);
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    f.onComplete(r -> {
      if (remaining.decrementAndGet() == 0) {
        done.complete();
      } else {
        startNext(next, work, remaining, done);
      }
    });
  }
}
