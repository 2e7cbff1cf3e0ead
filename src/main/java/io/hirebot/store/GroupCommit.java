package io.hirebot.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit: requests that arrive while a transaction is being written wait and go together into the next
 * one, and each caller's future completes when the transaction holding its request has committed. A
 * durable commit costs a file write (H2) or a WAL flush (PostgreSQL) whatever it holds, so under load many
 * claims share one, and a lone request is written at once, as before. One request's failure (it is rolled back
 * to its savepoint) fails only its own future; a failed transaction fails them all.
 */
final class GroupCommit {
  private record Pending<R>(Database.Work<R> work, Promise<R> promise) {}

  private final Database db;
  private final int maxBatch;
  private final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  /** @param maxBatch most requests in one transaction (PostgreSQL keeps 64 savepoints per transaction cheaply) */
  GroupCommit(Database db, int maxBatch) {
    this.db = db;
    this.maxBatch = maxBatch;
  }

  /** Runs {@code work} in the next transaction; completes with its result once that transaction has committed. */
  <R> Future<R> submit(Database.Work<R> work) {
    Promise<R> promise = Promise.promise();
    queue.add(new Pending<>(work, promise));
    writeNext();
    return promise.future();
  }

  /** Starts a transaction with what is queued, unless one is being written (its completion starts the next). */
  private void writeNext() {
    if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
      return;
    }
    List<Pending<?>> batch = new ArrayList<>();
    Pending<?> p;
    while (batch.size() < maxBatch && (p = queue.poll()) != null) {
      batch.add(p);
    }
    if (batch.isEmpty()) { // another thread took them between the check and the flag
      writing.set(false);
      writeNext();
      return;
    }
    // Feishu waits for the acknowledgement, which waits for this commit: the urgent threads.
    db.transactionUrgent(c -> applyAll(c, batch)).onComplete(ar -> {
      for (int i = 0; i < batch.size(); i++) {
        complete(batch.get(i).promise(), ar.failed() ? ar.cause() : ar.result().get(i));
      }
      writing.set(false);
      writeNext();
    });
  }

  @SuppressWarnings("unchecked")
  private static <R> void complete(Promise<R> promise, Object outcome) {
    if (outcome instanceof Throwable failure) {
      promise.fail(failure);
    } else {
      promise.complete((R) outcome);
    }
  }

  /** Each request's result, or the SQLException that rolled it (alone) back. */
  private static List<Object> applyAll(Connection c, List<Pending<?>> batch) throws SQLException {
    List<Object> results = new ArrayList<>(batch.size());
    for (Pending<?> p : batch) {
      Savepoint before = c.setSavepoint();
      try {
        results.add(p.work().apply(c));
      } catch (SQLException e) {
        c.rollback(before);
        results.add(e);
      }
    }
    return results;
  }
}
