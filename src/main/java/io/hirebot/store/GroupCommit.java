package io.hirebot.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit: requests that arrive while a transaction is being written wait and go together into the next
 * one, and each caller's future completes when the transaction holding its request has committed. A
 * durable commit costs a file write (H2) or a WAL flush (PostgreSQL) whatever it holds, so under load many
 * requests share one, and a lone request is written at once, as before. The {@link Batch} writes all of a
 * transaction's requests at once (one multi-row statement where it can) and says how each one went: one
 * request's failure fails only its own future; a failed transaction fails them all.
 *
 * @param <T> what one caller asks to be written
 */
final class GroupCommit<T> {
  /** Writes a transaction's requests; each request's result, or the SQLException that failed it (alone). */
  @FunctionalInterface
  interface Batch<T> {
    List<Object> write(Connection c, List<T> requests) throws SQLException;
  }

  /** A request, its caller's future, and the caller's context (null off Vert.x), where the future completes. */
  private record Pending<T>(T request, Promise<Object> promise, Context context) {
    void settle(Object outcome) {
      if (outcome instanceof Throwable failure) {
        promise.fail(failure);
      } else {
        promise.complete(outcome);
      }
    }
  }

  private final Database db;
  private final int maxBatch;
  private final Batch<T> batch;
  private final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  /** @param maxBatch most requests in one transaction */
  GroupCommit(Database db, int maxBatch, Batch<T> batch) {
    this.db = db;
    this.maxBatch = maxBatch;
    this.batch = batch;
  }

  /** Writes {@code request} in the next transaction; completes with its result once that transaction has committed. */
  Future<Object> submit(T request) {
    Promise<Object> promise = Promise.promise();
    queue.add(new Pending<>(request, promise, Vertx.currentContext()));
    writeNext();
    return promise.future();
  }

  /** Starts a transaction with what is queued, unless one is being written (its completion starts the next). */
  private void writeNext() {
    if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
      return;
    }
    List<Pending<T>> taken = new ArrayList<>();
    Pending<T> p;
    while (taken.size() < maxBatch && (p = queue.poll()) != null) {
      taken.add(p);
    }
    if (taken.isEmpty()) { // another thread took them between the check and the flag
      writing.set(false);
      writeNext();
      return;
    }
    List<T> requests = new ArrayList<>(taken.size());
    taken.forEach(t -> requests.add(t.request()));
    // Feishu waits for the acknowledgement, which waits for this commit: the urgent threads.
    db.transactionUrgent(c -> batch.write(c, requests)).onComplete(ar -> {
      writing.set(false);
      // The next transaction starts before this one's callers run on: their work never delays the writer.
      writeNext();
      List<Object> outcomes = new ArrayList<>(taken.size());
      for (int i = 0; i < taken.size(); i++) {
        outcomes.add(ar.failed() ? ar.cause() : ar.result().get(i));
      }
      settle(taken, outcomes);
    });
  }

  /**
   * Completes each caller's future on its own context. Batches mix requests from every event loop; each loop gets
   * one task for all of its callers in the batch, not one per caller (each task handed to a sleeping loop wakes it).
   */
  private static <T> void settle(List<Pending<T>> taken, List<Object> outcomes) {
    Context here = Vertx.currentContext();
    Map<Context, List<Integer>> elsewhere = null;
    for (int i = 0; i < taken.size(); i++) {
      Context context = taken.get(i).context();
      if (context == null || context == here) {
        taken.get(i).settle(outcomes.get(i));
      } else {
        if (elsewhere == null) {
          elsewhere = new IdentityHashMap<>(4);
        }
        elsewhere.computeIfAbsent(context, c -> new ArrayList<>()).add(i);
      }
    }
    if (elsewhere != null) {
      elsewhere.forEach((context, indexes) -> context.runOnContext(v -> {
        for (int i : indexes) {
          taken.get(i).settle(outcomes.get(i));
        }
      }));
    }
  }
}
