package io.hirebot.feature.candidates;

import io.hirebot.bot.SharedTurns;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The writes on one application, one after the other: a write starts (reads the application, checks the card is
 * still current, writes) only when the write before it on that application has finished, so it starts from what that
 * one left. Different buttons have different once-keys (Advance, Move, Reject, Undo): two of them clicked at once on
 * one row each read the application before either had written, each found the row current and both wrote. Writes on
 * different applications do not wait for each other; nothing waits when no write on the application is running.
 *
 * <p>The queue is this process's; replicas on one database take turns through it too ({@link SharedTurns}): a write
 * first waits for the writes queued before it here (which costs nothing), then holds the application's shared turn
 * while it runs, so a click another replica got waits for it as a second click here does.
 */
final class ApplicationTurns {
  /** The last write queued per application; removed when it ends with none queued after it. */
  private final ConcurrentMap<String, Future<Void>> last = new ConcurrentHashMap<>();
  private final SharedTurns shared;

  ApplicationTurns(SharedTurns shared) {
    this.shared = shared;
  }

  /**
   * Runs {@code write} once the writes queued before it on {@code applicationId} have ended, however they ended, and
   * no other replica's write on it runs; or, when the shared turn cannot be had, completes with {@code instead} and
   * writes nothing.
   */
  <T> Future<T> inTurn(String applicationId, Supplier<Future<T>> write,
      Function<SharedTurns.Missed, Future<T>> instead) {
    Promise<Void> ended = Promise.promise();
    Future<Void> before = last.put(applicationId, ended.future());
    Supplier<Future<T>> turn = () -> shared.inTurn(applicationId, () -> run(write), instead);
    Future<T> result = before == null ? run(turn) : after(before).compose(v -> run(turn));
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
