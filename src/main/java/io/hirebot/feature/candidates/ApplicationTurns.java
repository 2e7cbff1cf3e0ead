package io.hirebot.feature.candidates;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The writes on one application, one after the other: a write starts (reads the application, checks the card is
 * still current, writes) only when the write before it on that application has finished, so it starts from what that
 * one left. Different buttons have different once-keys (Advance, Move, Reject, Undo): two of them clicked at once on
 * one row each read the application before either had written, each found the row current and both wrote. Writes on
 * different applications do not wait for each other; nothing waits when no write on the application is running.
 */
final class ApplicationTurns {
  /** The last write queued per application; removed when it ends with none queued after it. */
  private final ConcurrentMap<String, Future<Void>> last = new ConcurrentHashMap<>();

  /** Runs {@code write} once the writes queued before it on {@code applicationId} have ended, however they ended. */
  <T> Future<T> inTurn(String applicationId, Supplier<Future<T>> write) {
    Promise<Void> ended = Promise.promise();
    Future<Void> before = last.put(applicationId, ended.future());
    Future<T> result = before == null ? run(write) : after(before).compose(v -> run(write));
    result.onComplete(r -> {
      last.remove(applicationId, ended.future());
      ended.complete();
    });
    return result;
  }

  /**
   * Completes when {@code before} has ended, on the waiting click's own context: the write before ended on the event
   * loop of its own click, which may be another verticle instance's.
   */
  private static Future<Void> after(Future<Void> before) {
    Context own = Vertx.currentContext();
    Promise<Void> turn = Promise.promise();
    before.onComplete(x -> {
      if (own == null) {
        turn.complete();
      } else {
        own.runOnContext(v -> turn.complete());
      }
    });
    return turn.future();
  }

  private static <T> Future<T> run(Supplier<Future<T>> write) {
    try {
      return write.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
