package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.util.RateBudget;
import io.hirebot.testing.PostgresDatabase;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A budget with a minute ceiling shared by two replicas through PostgreSQL's rate_budgets row (real migrations). */
class JdbcRateBudgetsTest {
  @RegisterExtension
  static final PostgresDatabase postgres = new PostgresDatabase();
  private static final Database db = postgres.db;

  @Test
  @DisplayName("two replicas share one minute ceiling: bulk stops above the interactive reserve, replies take the rest")
  void sharedMinuteCeiling() {
    // A per-second budget that never binds here, under a ceiling of 10 that refills once in ~17 minutes, 3 kept back
    RateBudget.Ceiling ceiling = new RateBudget.Ceiling(10, 0.001, 3);
    RateBudget a = new JdbcRateBudgets(db).create("test.minute", 1000, 1000, ceiling);
    RateBudget b = new JdbcRateBudgets(db).create("test.minute", 1000, 1000, ceiling);
    int bulk = 0;
    for (int i = 0; i < 10; i++) {
      if (await((i % 2 == 0 ? a : b).takeOrWait()) == 0) {
        bulk++;
      }
    }
    // bulk takes while 1 + 3 are left: levels 10..4, seven permits, whichever replica asks
    assertEquals(7, bulk);
    long bulkWait = await(a.takeOrWait());
    assertTrue(bulkWait > TimeUnit.SECONDS.toNanos(60), "bulk waits for the ceiling's refill: " + bulkWait);
    // the reserve is the replies': three at once, the fourth is booked for later
    assertEquals(0L, await(b.reserve()));
    assertEquals(0L, await(a.reserve()));
    assertEquals(0L, await(b.reserve()));
    assertTrue(await(a.reserve()) > TimeUnit.SECONDS.toNanos(60));
  }

  @Test
  @DisplayName("a budget without a ceiling is only limited per second, as before")
  void noCeiling() {
    RateBudget plain = new JdbcRateBudgets(db).create("test.plain", 0.001, 4);
    // half the burst per replica: 2 at once
    assertEquals(0L, await(plain.takeOrWait()));
    assertEquals(0L, await(plain.takeOrWait()));
    assertTrue(await(plain.takeOrWait()) > 0);
  }

  @Test
  @DisplayName("a budget's row held by a stuck transaction: permits are answered from this replica's own bucket "
      + "after a bounded wait, and from the shared row again once it is free")
  void heldRowBoundedWait() throws Exception {
    // GIVEN a shared budget (2 permits per replica at once, then one in ~17 minutes) whose row exists
    RateBudget budget = new JdbcRateBudgets(db).create("test.held_row", 0.001, 4);
    assertEquals(0L, await(budget.reserve()), "the first permit, from the row (1 left there)");
    try (java.sql.Connection other = postgres.direct().getConnection()) {
      // AND another replica's transaction holding the row and gone silent (a GC pause, a stopped VM)
      other.setAutoCommit(false);
      try (var s = other.prepareStatement("SELECT budget_key FROM rate_budgets WHERE budget_key = 'test.held_row' "
          + "FOR UPDATE")) {
        s.executeQuery().close();
      }

      // WHEN a reply and a bulk call ask for permits
      Future<Long> reply = budget.reserve();
      Future<Long> bulk = budget.takeOrWait();

      // THEN both are answered while the row is still held, from this replica's own bucket (2 at once)
      Long replyWait = within(reply, 10);
      Long bulkWait = within(bulk, 10);
      other.rollback();
      assertEquals(0L, replyWait, "the reply's permit, answered while the row was held (null: still waiting)");
      assertEquals(0L, bulkWait, "the bulk permit, answered while the row was held (null: still waiting)");
    }
    // AND once the row is free (and the back-off over) permits come from it again: its last token is taken
    Thread.sleep(JdbcRateBudgets.ROW_HELD_BACK_OFF_MS + 200);
    assertEquals(0L, await(budget.reserve()));
    assertTrue(rowTokens("test.held_row") < 1, "the shared row gave the permit: " + rowTokens("test.held_row"));
  }

  /** The future's result if it completes within {@code seconds}, else null. */
  private static <T> T within(Future<T> f, int seconds) throws Exception {
    try {
      return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return null;
    }
  }

  private static double rowTokens(String key) throws java.sql.SQLException {
    try (java.sql.Connection c = postgres.direct().getConnection();
        var s = c.prepareStatement("SELECT tokens FROM rate_budgets WHERE budget_key = ?")) {
      s.setString(1, key);
      try (var r = s.executeQuery()) {
        r.next();
        return r.getDouble(1);
      }
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
