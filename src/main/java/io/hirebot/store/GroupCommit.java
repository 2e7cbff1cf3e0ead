package io.hirebot.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
    void complete(Object outcome) {
      if (context == null || context == Vertx.currentContext()) {
        settle(outcome);
      } else {
        // Batches mix requests from every event loop: each caller carries on on its own one.
        context.runOnContext(v -> settle(outcome));
      }
    }

    private void settle(Object outcome) {
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
      for (int i = 0; i < taken.size(); i++) {
        taken.get(i).complete(ar.failed() ? ar.cause() : ar.result().get(i));
      }
    });
  }
}
