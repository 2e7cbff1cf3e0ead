package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.testing.MemoryDatabase;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How {@link GroupCommit} groups requests into transactions, seen from the batches its writer is handed. */
class GroupCommitTest {
  @RegisterExtension
  static final MemoryDatabase memory = new MemoryDatabase();
  private static final Vertx vertx = memory.vertx;
  private static final Database db = memory.db;

  @Test
  @DisplayName("requests an event loop submits in one turn share one commit; the first does not commit alone")
  void oneTurnOneCommit() {
    List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    // A writer that would wait a minute for the loop: the turn's end, not a timer, is what lets it go.
    GroupCommit<Integer> commits = new GroupCommit<>(db, 64, (c, requests) -> {
      batches.add(requests.size());
      return new ArrayList<>(requests);
    }, TimeUnit.MINUTES.toNanos(1));
    List<Future<Object>> results = submitInOneTurn(commits, 8);

    await(Future.all(results));
    assertEquals(List.of(8), batches, "transactions written, by size");
    for (int i = 0; i < 8; i++) {
      assertEquals(i, results.get(i).result(), "each request answered with its own result");
    }
  }

  @Test
  @DisplayName("requests queued while a transaction is written wait for as many as it took, then go together")
  void followersWaitForCompany() {
    List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit<Integer> commits = new GroupCommit<>(db, 64, (c, requests) -> {
      if (batches.isEmpty()) {
        writing.countDown();
        awaitQuietly(release); // the first transaction is being written while more arrive
      }
      batches.add(requests.size());
      return new ArrayList<>(requests);
    }, TimeUnit.MINUTES.toNanos(1));
    List<Future<Object>> first = submitInOneTurn(commits, 3);
    awaitQuietly(writing);
    Future<Object> early = commits.submit(3); // queued behind the transaction in flight
    release.countDown();
    await(Future.all(first));
    // The first three answered: their callers' next requests come now, and the one queued waits for them.
    Future<Object> late = Future.all(commits.submit(4), commits.submit(5)).map(all -> null);

    await(Future.all(early, late));
    assertEquals(List.of(3, 3), batches, "transactions written, by size");
  }

  @Test
  @DisplayName("a loop busy after submitting does not hold the commit: the writer goes without waiting for its turn to end")
  void busyLoopDoesNotHoldTheCommit() throws InterruptedException {
    CountDownLatch written = new CountDownLatch(1);
    GroupCommit<Integer> commits = new GroupCommit<>(db, 64, (c, requests) -> {
      written.countDown();
      return new ArrayList<>(requests);
    });
    Context loop = vertx.getOrCreateContext();
    boolean[] writtenWhileBusy = {false};
    Future<Object>[] result = new Future[1];
    // The loop submits, then stays in its turn (a routine's long callback, a backlog of tasks) until the commit was
    // written or 20 s passed: a commit started only after the turn would be written only after those 20 s.
    await(onLoop(loop, () -> {
      result[0] = commits.submit(1);
      try {
        writtenWhileBusy[0] = written.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));

    assertTrue(writtenWhileBusy[0], "the commit was written while the submitting loop was still busy");
    assertEquals(1, await(result[0]));
  }

  @Test
  @DisplayName("a loop busy when its transaction commits does not hold the next one: other requests are written meanwhile")
  void busyLoopDoesNotHoldTheNextCommit() {
    CountDownLatch firstWriting = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CountDownLatch secondWritten = new CountDownLatch(1);
    AtomicInteger transactions = new AtomicInteger();
    GroupCommit<Integer> commits = new GroupCommit<>(db, 64, (c, requests) -> {
      if (transactions.incrementAndGet() == 1) {
        firstWriting.countDown();
        awaitQuietly(releaseFirst);
      } else {
        secondWritten.countDown();
      }
      return new ArrayList<>(requests);
    });
    Context loop = vertx.getOrCreateContext();
    List<Future<Object>> first = new ArrayList<>();
    await(onLoop(loop, () -> first.add(commits.submit(1))));
    awaitQuietly(firstWriting);
    // The loop that submitted turns busy (a routine's long callback, a backlog) before its transaction commits, for
    // 20 s or until the next request was written: a writer that learns of its commit only on that loop stays
    // "writing" all that time, and every other loop's claims wait behind this one's backlog.
    CountDownLatch busy = new CountDownLatch(1);
    boolean[] writtenWhileBusy = {false};
    Future<Void> busyTurn = onLoop(loop, () -> {
      busy.countDown();
      writtenWhileBusy[0] = awaitQuietly(secondWritten);
    });
    awaitQuietly(busy);
    releaseFirst.countDown();
    Future<Object> second = commits.submit(2); // from elsewhere: a worker, another loop

    await(busyTurn);
    assertTrue(writtenWhileBusy[0], "the next transaction was written while the loop of the one before was busy");
    assertEquals(2, await(second));
    assertEquals(1, await(first.get(0)), "the busy loop's own caller is answered once it is free");
  }

  @Test
  @DisplayName("a batch that answers fewer requests than it was given fails them all instead of leaving some unanswered")
  void shortAnswerFailsTheBatch() {
    GroupCommit<Integer> commits = new GroupCommit<>(db, 64, (c, requests) -> new ArrayList<>(requests.subList(0, 1)));
    List<Future<Object>> results = submitInOneTurn(commits, 3);

    for (Future<Object> r : results) {
      assertTrue(await(r.map(ok -> false).otherwise(e -> e instanceof IllegalStateException)),
          "failed with the batch's mistake");
    }
  }

  @Test
  @DisplayName("requests from threads outside Vert.x are written too, each answered")
  void offTheLoop() {
    GroupCommit<Integer> commits = new GroupCommit<>(db, 4, (c, requests) -> new ArrayList<>(requests));
    List<Future<Object>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      results.add(commits.submit(i));
    }
    await(Future.all(results));
    for (int i = 0; i < 10; i++) {
      assertEquals(i, results.get(i).result());
    }
  }

  @Test
  @DisplayName("requests to a closed database fail at once, from a loop or not, instead of waiting for ever")
  void closedDatabase() {
    Database closed = await(Database.open(vertx, "jdbc:h2:mem:" + java.util.UUID.randomUUID(), "", ""));
    closed.close();
    GroupCommit<Integer> commits = new GroupCommit<>(closed, 2, (c, requests) -> new ArrayList<>(requests));
    List<Future<Object>> results = submitInOneTurn(commits, 5);
    results.add(commits.submit(5));

    for (Future<Object> r : results) {
      assertTrue(await(r.map(ok -> false).otherwise(e -> true)), "failed with the closed database");
    }
  }

  /** Requests 0 to n - 1, submitted by an event loop in one turn, as it submits requests it read together. */
  private static List<Future<Object>> submitInOneTurn(GroupCommit<Integer> commits, int n) {
    List<Future<Object>> results = new ArrayList<>();
    await(onLoop(vertx.getOrCreateContext(), () -> {
      for (int i = 0; i < n; i++) {
        results.add(commits.submit(i));
      }
    }));
    return results;
  }

  /** Whether the latch opened within 20 s. */
  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Future<Void> onLoop(Context loop, Runnable work) {
    Promise<Void> done = Promise.promise();
    loop.runOnContext(v -> {
      work.run();
      done.complete();
    });
    return done.future();
  }
}
