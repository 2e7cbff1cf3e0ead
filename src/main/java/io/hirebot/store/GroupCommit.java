package io.hirebot.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit: requests that arrive while a transaction is being written wait and go together into the next
 * one, and each caller's future completes when the transaction holding its request has committed. A
 * durable commit costs a file write (H2) or a WAL flush (PostgreSQL) whatever it holds, so under load many
 * requests share one, and a lone request is written at once, as before. The {@link Batch} writes all of a
 * transaction's requests at once (one multi-row statement where it can) and says how each one went: one
 * request's failure fails only its own future; a failed transaction fails them all.
 *
 * <p>An event loop reads the requests that arrived together in one turn (one per connection that has data), and
 * each submits here as it is read. The writer, on its own thread, takes the queue only once the loops that were
 * submitting have finished that turn, or after {@link #TURN_WAIT} at most, so the requests read together share one
 * commit instead of the first one committing alone while the rest wait for it. The commit is never deferred behind
 * an event loop's queue of tasks: under a routine's backlog that queue held a deferred start for up to 307 ms
 * (PostgresReplicasTest, both replicas' routines, load average 8.5) where Feishu waits 3 s for the 200.
 *
 * @param <T> what one caller asks to be written
 */
final class GroupCommit<T> {
  /** The longest a writer waits for event loops still in the turn that submitted requests. */
  static final long TURN_WAIT = TimeUnit.MICROSECONDS.toNanos(500);

  /** Writes a transaction's requests; each request's result, or the SQLException that failed it (alone). */
  @FunctionalInterface
  interface Batch<T> {
    List<Object> write(Connection c, List<T> requests) throws SQLException;
  }

  /** A request, its caller's future, and the caller's context (null off Vert.x), where the future completes. */
  private record Pending<T>(T request, Promise<Object> promise, Context context) {
    void complete(Object outcome) {
      // The writer's thread may carry a loop's context (the one that started it) without being that loop's thread.
      if (context == null || ((ContextInternal) context).isRunningOnContext()) {
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
  /** Event loops that submitted in their current turn and have not finished it. */
  private final AtomicInteger openTurns = new AtomicInteger();
  /** Per event-loop thread: whether its current turn is counted in {@link #openTurns}. */
  private final ThreadLocal<boolean[]> turnOpen = ThreadLocal.withInitial(() -> new boolean[1]);
  /** The writer waiting for {@link #openTurns} to reach zero, or for company, if one is. */
  private volatile Thread waiting;
  /** How many requests the last transaction took: what a writer that follows one waits for (bounded). */
  private volatile int lastBatch;
  private final long turnWait;

  /** @param maxBatch most requests in one transaction */
  GroupCommit(Database db, int maxBatch, Batch<T> batch) {
    this(db, maxBatch, batch, TURN_WAIT);
  }

  /** @param turnWait the longest a writer waits for event loops still submitting (nanoseconds; tests choose) */
  GroupCommit(Database db, int maxBatch, Batch<T> batch, long turnWait) {
    this.db = db;
    this.maxBatch = maxBatch;
    this.batch = batch;
    this.turnWait = turnWait;
  }

  /** Writes {@code request} in the next transaction; completes with its result once that transaction has committed. */
  Future<Object> submit(T request) {
    Promise<Object> promise = Promise.promise();
    Context context = Vertx.currentContext();
    openTurn(context);
    queue.add(new Pending<>(request, promise, context));
    Thread writer = waiting;
    if (writer != null) {
      LockSupport.unpark(writer); // it may be waiting for company: let it count again
    }
    writeNext(false);
    return promise.future();
  }

  /**
   * On an event-loop thread, counts its turn as open until a task queued behind it runs. Off a loop (a worker, a
   * test's thread) there is no turn: the writer does not wait for it.
   */
  private void openTurn(Context context) {
    if (!(context instanceof ContextInternal loop) || !context.isEventLoopContext()
        || !loop.nettyEventLoop().inEventLoop()) {
      return;
    }
    boolean[] open = turnOpen.get();
    if (open[0]) {
      return;
    }
    open[0] = true;
    openTurns.incrementAndGet();
    try {
      loop.nettyEventLoop().execute(() -> closeTurn(open));
    } catch (RejectedExecutionException e) {
      closeTurn(open); // the loop is stopping: there is no turn left to wait for
    }
  }

  private void closeTurn(boolean[] open) {
    open[0] = false;
    if (openTurns.decrementAndGet() == 0) {
      Thread writer = waiting;
      if (writer != null) {
        LockSupport.unpark(writer);
      }
    }
  }

  /**
   * Starts a transaction with what is queued, unless one is being written (its completion starts the next).
   *
   * @param following whether a transaction just committed: its callers' next requests (a closed loop's, Feishu's
   *     connections') are about to arrive, so the writer waits for as many as the last one took, bounded
   */
  private void writeNext(boolean following) {
    if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
      return;
    }
    // Filled on the writer's thread; read back once the transaction's future completes (which orders the two).
    List<Pending<T>> taken = new ArrayList<>();
    // Completed on the writer's thread, not on the loop that started this transaction: a loop busy then (a routine's
    // backlog) would otherwise keep the writer "writing", and every loop's requests queued, until it got to it.
    Promise<List<Object>> committed = Promise.promise();
    // Feishu waits for the acknowledgement, which waits for this commit: the urgent threads.
    db.transactionUrgent(c -> {
      awaitCompany(following ? lastBatch : 0);
      take(taken);
      if (taken.isEmpty()) {
        return List.<Object>of();
      }
      lastBatch = taken.size();
      List<T> requests = new ArrayList<>(taken.size());
      taken.forEach(t -> requests.add(t.request()));
      List<Object> results = batch.write(c, requests);
      if (results.size() != requests.size()) {
        // Each caller is answered from its own slot: a short answer would leave the rest waiting for ever.
        throw new IllegalStateException("group commit batch answered " + results.size() + " of " + requests.size()
            + " requests");
      }
      return results;
    }, committed);
    committed.future().onComplete(ar -> {
      if (ar.failed() && taken.isEmpty()) {
        // The writer never ran (the database is closed): these requests fail with it rather than wait for ever.
        take(taken);
      }
      writing.set(false);
      // The next transaction starts before this one's callers run on: their work never delays the writer.
      writeNext(true);
      for (int i = 0; i < taken.size(); i++) {
        taken.get(i).complete(ar.failed() ? ar.cause() : ar.result().get(i));
      }
    });
  }

  /** Moves up to {@link #maxBatch} queued requests into {@code taken}. */
  private void take(List<Pending<T>> taken) {
    Pending<T> p;
    while (taken.size() < maxBatch && (p = queue.poll()) != null) {
      taken.add(p);
    }
  }

  /**
   * Waits (at most {@link #turnWait}) until no event loop is still in a turn that submitted requests and at least
   * {@code expected} requests are queued. A lone request after a quiet spell waits for its own loop's turn only.
   */
  private void awaitCompany(int expected) {
    if (ready(expected)) {
      return;
    }
    long deadline = System.nanoTime() + turnWait;
    waiting = Thread.currentThread();
    try {
      long left;
      while (!ready(expected) && (left = deadline - System.nanoTime()) > 0) {
        LockSupport.parkNanos(this, left);
      }
    } finally {
      waiting = null;
    }
  }

  private boolean ready(int expected) {
    return openTurns.get() == 0 && (expected <= 1 || atLeast(expected));
  }

  /** Whether the queue holds {@code n} requests (counting stops there: the queue's size() walks it all). */
  private boolean atLeast(int n) {
    int seen = 0;
    for (Pending<T> ignored : queue) {
      if (++seen >= n) {
        return true;
      }
    }
    return false;
  }
}
