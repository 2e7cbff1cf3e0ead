package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.testing.Eventually;
import io.hirebot.testing.PostgresDatabase;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Event claims on PostgreSQL (real migrations) when another replica's transaction holds a row they need. */
class ClaimsOnPostgresTest {
  @RegisterExtension
  static final PostgresDatabase postgres = new PostgresDatabase();
  private static final Database db = postgres.db;

  @Test
  @DisplayName("a claim blocked by another replica's open transaction fails alone; the claims after it are answered")
  void heldRowDoesNotStallTheWriter() throws Exception {
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, Clock.systemUTC());
    // Another replica inserted the event's claim and went silent before committing (a long GC pause, a VM stopped,
    // a network partition): PostgreSQL keeps its transaction, and the row's lock, until it hears of it again.
    try (Connection other = postgres.direct().getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement s = other.prepareStatement("INSERT INTO processed_events (event_key, envelope, "
          + "received_at, claimed_at, done_at, expires_at) VALUES ('ev_held', '{}', 0, 0, NULL, 1)")) {
        s.executeUpdate();
      }
      // Feishu redelivers that event here, then other events arrive: one writer serves all of them.
      Future<Boolean> held = events.claim("ev_held", "{}");
      Future<Boolean> next = events.claim("ev_next", "{}");
      boolean answered = answeredWithin(next, 20);
      other.rollback();

      assertTrue(answered, "a claim behind the held row was answered while the row was held");
      assertTrue(await(next, 20), "claimed");
      assertFalse(await(held.map(won -> true).otherwise(e -> false), 20),
          "the blocked claim failed (its push gets no 200 and Feishu delivers it again)");
    }
    assertTrue(await(events.claim("ev_held", "{}"), 20), "once the other transaction ended the event is claimed here");
  }

  @Test
  @DisplayName("claims and finishes in one transaction on PostgreSQL: duplicates answered false, the rest true")
  void batchWithDuplicates() {
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, Clock.systemUTC());
    assertTrue(await(events.claim("ev_dup", "{}"), 20));
    Future<Boolean> again = events.claim("ev_dup", "{}");
    Future<Boolean> fresh = events.claim("ev_fresh", "{}");
    assertEquals(false, await(again, 20));
    assertEquals(true, await(fresh, 20));
  }

  @Test
  @DisplayName("a claim is committed while reply rate permits wait for their budget's row: claims have threads of "
      + "their own")
  void claimNotBehindRatePermits() throws Exception {
    // GIVEN a shared rate budget whose row another replica's transaction holds (a slow permit UPDATE, a retention
    // purge deleting idle budgets), and replies asking it for permits: more of them than there are urgent threads
    io.hirebot.util.RateBudget budget = new JdbcRateBudgets(postgres.vertx, db).create("test.held", 1000, 100);
    assertEquals(0L, await(budget.reserve(), 20), "the budget's row is made");
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, Clock.systemUTC());
    try (Connection other = postgres.direct().getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement s = other.prepareStatement(
          "SELECT budget_key FROM rate_budgets WHERE budget_key = 'test.held' FOR UPDATE")) {
        s.executeQuery().close();
      }
      // Each budget waits for the row at most URGENT_LOCK_WAIT_MS, then uses its own bucket for a while
      // (JdbcRateBudgets): budgets of many replicas-to-be keep the urgent threads waiting for seconds.
      java.util.List<Future<Long>> permits = new java.util.ArrayList<>();
      for (int i = 0; i < 10 * Database.URGENT_POOL_SIZE; i++) {
        permits.add(new JdbcRateBudgets(postgres.vertx, db).create("test.held", 1000, 100).reserve());
      }
      // every urgent thread is in a permit's UPDATE, waiting for the row
      boolean waiting = Eventually.holds(() -> lockWaits() >= Database.URGENT_POOL_SIZE, 30);

      // WHEN an event arrives and is claimed
      boolean answered = answeredWithin(events.claim("ev_beside_permits", "{}"), 20);
      boolean permitsHeld = !permits.stream().allMatch(Future::isComplete);
      other.rollback();

      // THEN its claim was committed while the permits still waited; they get theirs once the row is free
      assertTrue(waiting, "the permits' UPDATEs waited for the held row");
      assertTrue(answered, "the claim was answered while rate permits held every urgent thread");
      assertTrue(permitsHeld, "the permits were still waiting when the claim was answered");
      for (Future<Long> permit : permits) {
        await(permit, 20);
      }
    }
    assertFalse(await(events.claim("ev_beside_permits", "{}"), 20), "the claim was committed");
  }

  /** Sessions of the database waiting for a row lock. */
  private static int lockWaits() throws java.sql.SQLException {
    try (Connection c = postgres.direct().getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
      try (java.sql.ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  @Test
  @DisplayName("the purge deletes expired claims in bounded transactions: batches commit while another transaction "
      + "holds a later row, claims go on, and in the end every expired row is gone and every fresh one stays")
  void purgeInBatches() throws Exception {
    // GIVEN more expired claims than one batch, fresh ones between them in key order, and another replica's
    // transaction holding the last expired row (a claim taking it over, say, or a slow commit)
    int expired = 2 * ExpiredRows.BATCH + 1_000;
    int fresh = 50;
    long now = System.currentTimeMillis();
    try (Connection c = postgres.direct().getConnection(); PreparedStatement s = c.prepareStatement(
        "INSERT INTO processed_events (event_key, envelope, received_at, claimed_at, done_at, expires_at) "
            + "VALUES (?, NULL, 0, 0, 0, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < expired; i++) {
        s.setString(1, String.format("purge_%06d_old", i));
        s.setLong(2, now - 1_000);
        s.addBatch();
        if (i % 100 == 0 && fresh-- > 0) {
          s.setString(1, String.format("purge_%06d_new", i));
          s.setLong(2, now + JdbcProcessedEvents.RETENTION.toMillis());
          s.addBatch();
        }
      }
      s.executeBatch();
      c.commit();
    }
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, Clock.systemUTC());
    try (Connection other = postgres.direct().getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement s = other.prepareStatement(
          "SELECT event_key FROM processed_events WHERE event_key = ? FOR UPDATE")) {
        s.setString(1, String.format("purge_%06d_old", expired - 1));
        s.executeQuery().close();
      }

      // WHEN the hourly purge runs
      Future<Integer> purged = events.purgeExpired();

      // THEN the batches before the held row commit, visible to everyone, while the held row's batch waits
      boolean progressed = Eventually.holds(() -> count("_old") <= expired - 2 * ExpiredRows.BATCH, 30);
      // AND a claim meanwhile is written and answered
      boolean claimed = answeredWithin(events.claim("purge_claim_meanwhile", "{}"), 20);
      int left = count("_old");
      other.rollback();

      assertTrue(progressed, "expired rows left while a later row was held: " + left + " of " + expired
          + " (one transaction for the whole purge deletes none until it can delete all)");
      assertTrue(claimed, "a claim during the purge was answered");
      assertEquals(expired, await(purged, 60), "rows purged");
    }
    assertEquals(0, count("_old"), "expired rows left");
    assertEquals(50, count("_new"), "fresh rows kept");
    assertFalse(await(events.claim("purge_claim_meanwhile", "{}"), 20), "the claim made during the purge stays");
  }

  /** Rows of {@link #purgeInBatches} whose key ends with {@code suffix}. */
  private static int count(String suffix) throws java.sql.SQLException {
    try (Connection c = postgres.direct().getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT COUNT(*) FROM processed_events WHERE event_key LIKE ?")) {
      s.setString(1, "purge_%" + suffix);
      try (java.sql.ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private static boolean answeredWithin(Future<?> f, int seconds) throws InterruptedException {
    try {
      f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }

  private static <T> T await(Future<T> f, int seconds) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
