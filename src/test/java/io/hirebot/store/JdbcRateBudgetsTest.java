package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.util.RateBudget;
import io.hirebot.testing.PostgresDatabase;
import io.vertx.core.Future;
import java.time.Duration;
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
  void sharedMinuteCeiling() throws Exception {
    RateBudget a = tenPerMinute("test.minute");
    RateBudget b = tenPerMinute("test.minute");
    int bulk = 0;
    for (int i = 0; i < 10; i++) {
      if (await((i % 2 == 0 ? a : b).takeOrWait()) == 0) {
        bulk++;
      }
    }
    // bulk takes while 1 + 3 are left: seven permits, whichever replica asks
    assertEquals(7, bulk);
    long bulkWait = await(a.takeOrWait());
    assertTrue(bulkWait > TimeUnit.SECONDS.toNanos(50), "bulk waits for the minute's first permits to leave: "
        + bulkWait);
    // the reserve is the replies': three at once, the fourth waits for the first permits to leave the minute
    assertEquals(0L, await(b.reserve()));
    assertEquals(0L, await(a.reserve()));
    assertEquals(0L, await(b.reserve()));
    assertNull(within(a.reserve(), 1), "a fourth reply is not answered while the minute is full");
  }

  @Test
  @DisplayName("replicas may use the ceiling's whole bulk share at once, as one process may: a long fan-out is not "
      + "held to half the ceiling")
  void wholeBulkShareAtOnce() throws Exception {
    // GIVEN Feishu's IM ceiling as the bot budgets it (1000/min less 10 %, 90 of them kept for replies), two replicas
    RateBudget.Ceiling ceiling = RateBudget.Ceiling.perMinute(900, 0.9);
    RateBudget a = new JdbcRateBudgets(postgres.vertx, db).create("test.fan_out", 100_000, 100_000, ceiling);
    RateBudget b = new JdbcRateBudgets(postgres.vertx, db).create("test.fan_out", 100_000, 100_000, ceiling);

    // WHEN a fan-out takes bulk permits from both as fast as it can
    int taken = 0;
    long wait = 0;
    long started = System.nanoTime();
    for (int i = 0; i < 900 && wait == 0; i++) {
      wait = await((i % 2 == 0 ? a : b).takeOrWait());
      if (wait == 0) {
        taken++;
      }
    }

    // THEN all 810 of bulk's share go at once, and the next waits for the minute's first permits to leave it
    // (a permit stays counted 60-65 s from when it was taken; the 810 takes themselves took seconds under load, 14 s
    // once on a shared machine, so the wait is measured from the first take)
    long sinceFirst = System.nanoTime() - started;
    assertEquals(810, taken);
    assertTrue(wait + sinceFirst > TimeUnit.SECONDS.toNanos(59) && wait <= TimeUnit.SECONDS.toNanos(65),
        "the 811th bulk permit waits for the first to leave the minute: " + wait + " ns, " + sinceFirst
            + " ns after the first take");
    // AND replies still find the 90 kept for them
    for (int i = 0; i < 90; i++) {
      assertEquals(0L, await((i % 2 == 0 ? b : a).reserve()), "reply " + (i + 1) + " of the reserve");
    }
    assertNull(within(a.reserve(), 1), "the 901st permit of the minute waits for the first to leave it");
  }

  @Test
  @DisplayName("replicas taking at random from one ceiling never put more than its permits in any window, and bulk "
      + "takes again once the window's first permits left it")
  void neverOverTheCeilingInAnyWindow() throws Exception {
    // GIVEN a ceiling of 12 per window under a window shortened to 12 slots of 100 ms, two replicas
    Duration slot = Duration.ofMillis(100);
    long window = slot.toNanos() * (JdbcRateBudgets.SLOTS - 1);
    RateBudget.Ceiling ceiling = RateBudget.Ceiling.perMinute(12, 0.75);
    RateBudget a = new JdbcRateBudgets(postgres.vertx, db, slot).create("test.window", 1000, 1000, ceiling);
    RateBudget b = new JdbcRateBudgets(postgres.vertx, db, slot).create("test.window", 1000, 1000, ceiling);

    // WHEN for 4 windows they take bulk permits (and now and then a reply's), one at a time; a permit was taken no
    // sooner than it was asked for and is used once answered and its wait over (a reply past the ceiling is answered
    // once a permit left the window)
    java.util.List<long[]> permits = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    long start = System.nanoTime();
    int bulkAfterFirstWindow = 0;
    while (System.nanoTime() - start < 4 * window) {
      RateBudget replica = random.nextBoolean() ? a : b;
      boolean reply = random.nextInt(40) == 0;
      long asked = System.nanoTime();
      long wait = await(reply ? replica.reserve() : replica.takeOrWait());
      long used = System.nanoTime() + wait;
      if (reply || wait == 0) {
        permits.add(new long[] {asked, used});
        if (!reply && asked - start > window + slot.toNanos()) {
          bulkAfterFirstWindow++;
        }
      }
      Thread.sleep(random.nextInt(15));
    }

    // THEN no window held more than the ceiling's permits: from the ask of any permit to the use of the one
    // `permits` later is at least the window (however slow the machine, this span only overstates the real one)
    for (int i = 0; i + ceiling.permits() < permits.size(); i++) {
      long span = permits.get(i + ceiling.permits())[1] - permits.get(i)[0];
      assertTrue(span >= window, (ceiling.permits() + 1) + " permits within " + span / 1_000_000
          + " ms, the window is " + window / 1_000_000 + " ms");
    }
    // AND bulk took again after the first window: at least another share (9) as the first permits left
    assertTrue(bulkAfterFirstWindow >= 9, "bulk permits after the first window: " + bulkAfterFirstWindow);
  }

  @Test
  @DisplayName("the minute's permits leave it slot by slot, oldest first")
  void permitsLeaveOldestSlotFirst() {
    int[] slots = new int[JdbcRateBudgets.SLOTS];
    long current = 1_000;
    // slot 988 (the oldest counted) holds 2 permits, slot 995 holds 3, the current one 1
    slots[(int) (988 % JdbcRateBudgets.SLOTS)] = 2;
    slots[(int) (995 % JdbcRateBudgets.SLOTS)] = 3;
    slots[(int) (current % JdbcRateBudgets.SLOTS)] = 1;
    // a slot leaves once the current one is SLOTS past it
    assertEquals(1_001 * 100L, JdbcRateBudgets.untilLeftMicros(slots, current, 100, 1), "the oldest leaves next");
    assertEquals(1_001 * 100L, JdbcRateBudgets.untilLeftMicros(slots, current, 100, 2));
    assertEquals(1_008 * 100L, JdbcRateBudgets.untilLeftMicros(slots, current, 100, 3), "then slot 995's");
    assertEquals(1_013 * 100L, JdbcRateBudgets.untilLeftMicros(slots, current, 100, 6), "the current one's last");
    assertEquals(1_013 * 100L, JdbcRateBudgets.untilLeftMicros(slots, current, 100, 7), "more than counted");
  }

  @Test
  @DisplayName("a database clock stepped back by more than a minute does not hold replies until it catches up: the "
      + "slots written ahead of it are forgotten")
  void clockSteppedBack() throws Exception {
    // GIVEN a full minute whose slots were written an hour ahead of the database's clock now
    RateBudget budget = tenPerMinute("test.clock_back");
    for (int i = 0; i < 10; i++) {
      await(budget.reserve());
    }
    execute("UPDATE rate_budgets SET minute_slot = minute_slot + 720 WHERE budget_key = 'test.clock_back'");

    // WHEN a reply asks for a permit, THEN it has one at once
    assertEquals(0L, within(budget.reserve(), 5), "a reply answered at once (null: still waiting)");
  }

  @Test
  @DisplayName("during a rolling upgrade the previous version's minute bucket is kept refilled and taken from, so "
      + "its replicas see this version's permits and are not starved")
  void previousVersionsBucketKept() throws Exception {
    // GIVEN a ceiling of 10 per minute: the previous version's bucket holds 5, refilled by 5 over the minute
    RateBudget budget = tenPerMinute("test.upgrade");

    // WHEN this version takes 4 permits
    for (int i = 0; i < 4; i++) {
      assertEquals(0L, await(budget.takeOrWait()));
    }
    // THEN the old bucket lost them too (5 - 4)
    assertEquals(1.0, rowDouble("test.upgrade", "minute_tokens"), 0.05);

    // AND after 24 s (the row's refill time set back) it is refilled by 2 as the old version would, less the permit
    execute("UPDATE rate_budgets SET refilled_us = refilled_us - 24000000 WHERE budget_key = 'test.upgrade'");
    assertEquals(0L, await(budget.takeOrWait()));
    assertEquals(2.0, rowDouble("test.upgrade", "minute_tokens"), 0.05);
  }

  @Test
  @DisplayName("a budget without a ceiling is only limited per second, as before")
  void noCeiling() {
    RateBudget plain = new JdbcRateBudgets(postgres.vertx, db).create("test.plain", 0.001, 4);
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
    RateBudget budget = new JdbcRateBudgets(postgres.vertx, db).create("test.held_row", 0.001, 4);
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

  /**
   * A replica's budget under a ceiling of 10 per minute, 3 kept back for replies, with a per-second rate that never
   * binds here.
   */
  private static RateBudget tenPerMinute(String key) {
    return new JdbcRateBudgets(postgres.vertx, db).create(key, 1000, 1000, RateBudget.Ceiling.perMinute(10, 0.7));
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
    return rowDouble(key, "tokens");
  }

  private static void execute(String sql) throws java.sql.SQLException {
    try (java.sql.Connection c = postgres.direct().getConnection(); var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static double rowDouble(String key, String column) throws java.sql.SQLException {
    try (java.sql.Connection c = postgres.direct().getConnection();
        var s = c.prepareStatement("SELECT " + column + " FROM rate_budgets WHERE budget_key = ?")) {
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
