package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
