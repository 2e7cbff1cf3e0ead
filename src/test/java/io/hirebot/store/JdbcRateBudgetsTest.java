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

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
