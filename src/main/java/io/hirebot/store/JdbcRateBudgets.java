package io.hirebot.store;

import io.hirebot.util.RateBudget;
import io.hirebot.util.RateLanes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate budgets every replica on one PostgreSQL shares: a token bucket per limit in {@code rate_budgets},
 * refilled by the database's clock and taken by one atomic statement, so two replicas together stay within one
 * app's limit (and a chat's: those rows are made on a chat's first message and purged by {@link Retention} once
 * idle). A limit's minute ceiling is counted in the same row, in slots of {@link #MINUTE_SLOT} ({@link #SLOTS} of
 * them: the minute's and the current one), so the whole ceiling is usable at once and no 60 s holds more; a permit
 * stays counted 60 to 65 s from when it is taken (a reply booked behind the per-second budget is sent up to its wait
 * later, which the 5 s of slack and the budgets' headroom cover), and a reply finding the minute full waits for a
 * permit to leave it and asks again. If the database cannot answer, a replica falls back to a bucket of its own until it can. A statement waits
 * at most {@link Database#URGENT_LOCK_WAIT_MS} for a budget's row another transaction holds (PostgreSQL would wait
 * for ever behind a replica stuck in its transaction): the permit is then this replica's own bucket's, and the row is
 * left alone for {@link #ROW_HELD_BACK_OFF_MS}, so one stuck row costs one reply that wait, not every reply. A call
 * thus always gets a permit, of one bucket or the other: nothing is dropped or done twice; at worst replicas on their
 * own buckets together overshoot the app's limit for that moment, and Feishu's 429 is retried like any other.
 */
public final class JdbcRateBudgets implements RateBudget.Factory {
  private static final Logger log = LoggerFactory.getLogger(JdbcRateBudgets.class);
  private static final double NANOS_PER_SECOND = 1e9;
  /** After a permit's wait for a held row ran out, the row is not asked again for this long. */
  static final long ROW_HELD_BACK_OFF_MS = 1_000;

  private static final String CREATE = "INSERT INTO rate_budgets (budget_key, tokens, refilled_us, taken) "
      + "VALUES (?, ?, 0, FALSE) ON CONFLICT (budget_key) DO NOTHING";
  /** The database's clock in microseconds: every replica's permits are timed by the one clock. */
  private static final String NOW_US = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)";
  /**
   * The minute bucket of the previous version (V16: half the ceiling at once, refilled over the minute), kept
   * refilled and taken from as that version would, so its replicas go on sharing the ceiling during a rolling
   * upgrade instead of finding their refill spent by this version's {@code refilled_us}. Goes with the column once
   * no replica of that version is left.
   */
  private static final String LEGACY_MINUTE_LEVEL =
      "LEAST(?, COALESCE(d.minute_tokens, ?) + GREATEST(0, d.us - d.refilled_us) * ?)";
  /** The refilled level, in the target row's own columns so a statement that waited for the row lock sees its latest state. */
  private static final String LEVEL = level("b", "n");
  private static final String TAKE = "UPDATE rate_budgets b SET "
      + "tokens = " + LEVEL + " - CASE WHEN ? OR " + LEVEL + " >= 1 THEN 1 ELSE 0 END, "
      + "taken = (? OR " + LEVEL + " >= 1), "
      + "refilled_us = GREATEST(b.refilled_us, n.us) "
      + "FROM (SELECT " + NOW_US + " AS us) n "
      + "WHERE b.budget_key = ? RETURNING b.tokens, b.taken";
  /** Slots a minute ceiling counts permits in: the window's and the current one. */
  static final int SLOTS = 13;
  /** A minute ceiling counts its permits in slots this long: a permit is counted for 60 to 65 s. */
  static final Duration MINUTE_SLOT = Duration.ofSeconds(5);
  /**
   * A take under a minute ceiling, in one statement on the row's latest version: {@code r}'s {@code FOR UPDATE} waits
   * for a replica holding the row and then reads what that replica wrote, and the clock is read after it ({@code t}:
   * a query with a volatile function is evaluated once). The permits of the last {@link #SLOTS} slots are summed,
   * slots the clock has moved past are zeroed, and the permit, if taken, is counted in the current slot. A slot of
   * {@code minute_slots} at index i (1-based) holds the latest slot number at or before the current one congruent to
   * i - 1; it is stale when that number is past {@code minute_slot}, the newest slot written. Slots written more than
   * a window ahead of the clock (the database's clock stepped back) are forgotten rather than waited for.
   */
  private static final String TAKE_CEILED = "WITH r AS (SELECT tokens, refilled_us, minute_slots, minute_slot, "
      + "minute_tokens FROM rate_budgets WHERE budget_key = ? FOR UPDATE), "
      + "t AS (SELECT r.*, " + NOW_US + " AS us FROM r), "
      + "w AS (SELECT t.*, CASE WHEN t.minute_slot > t.us / ? + " + SLOTS + " THEN NULL ELSE t.minute_slot END AS last, "
      + level("t", "t") + " AS level FROM t), "
      + "s AS (SELECT w.*, GREATEST(COALESCE(w.last, 0), w.us / ?) AS cur FROM w), "
      + "k AS (SELECT s.*, ARRAY(SELECT CASE WHEN s.last IS NULL "
      + "OR s.cur - (((s.cur - i + 1) % " + SLOTS + ") + " + SLOTS + ") % " + SLOTS + " > s.last THEN 0 "
      + "ELSE COALESCE(s.minute_slots[i], 0) END FROM generate_series(1, " + SLOTS + ") i ORDER BY i) AS kept FROM s), "
      + "d AS (SELECT k.*, ((? OR k.level >= 1) AND (SELECT SUM(x) FROM unnest(k.kept) x) + ? <= ?) AS take FROM k) "
      + "UPDATE rate_budgets b SET "
      + "tokens = d.level - CASE WHEN d.take THEN 1 ELSE 0 END, "
      + "minute_slots = ARRAY(SELECT d.kept[i] + CASE WHEN d.take AND i = d.cur % " + SLOTS + " + 1 THEN 1 ELSE 0 END "
      + "FROM generate_series(1, " + SLOTS + ") i ORDER BY i), "
      + "minute_slot = d.cur, taken = d.take, "
      + "minute_tokens = " + LEGACY_MINUTE_LEVEL + " - CASE WHEN d.take THEN 1 ELSE 0 END, "
      + "refilled_us = GREATEST(b.refilled_us, d.us) "
      + "FROM d WHERE b.budget_key = ? RETURNING b.tokens, b.minute_slots, d.cur, d.us, d.take";
  private static final String PENALIZE = "UPDATE rate_budgets b SET "
      + "tokens = LEAST(" + LEVEL + ", ?), refilled_us = GREATEST(b.refilled_us, n.us) "
      + "FROM (SELECT " + NOW_US + " AS us) n "
      + "WHERE b.budget_key = ?";

  private static final String PURGE_IDLE = "DELETE FROM rate_budgets WHERE budget_key LIKE ? "
      + "AND refilled_us < " + NOW_US + " - ?";

  private final Vertx vertx;
  private final Database db;
  private final long slotMicros;

  /**
   * Deletes the budgets whose key starts with {@code prefix} that nobody took from for {@code idle}, by the
   * database's clock (the one that wrote them); a statement for PostgreSQL only, the one database that has rows.
   */
  static int purgeIdle(java.sql.Connection c, String prefix, java.time.Duration idle) throws java.sql.SQLException {
    return Claims.update(c, PURGE_IDLE, s -> {
      s.setString(1, prefix + "%");
      s.setLong(2, idle.toNanos() / 1000);
    });
  }

  /** A budget's per-second level, refilled from {@code row}'s tokens up to {@code clock}'s time (burst, rate bound). */
  private static String level(String row, String clock) {
    return "LEAST(?, " + row + ".tokens + GREATEST(0, " + clock + ".us - " + row + ".refilled_us) * ?)";
  }

  /** @param vertx the timers of replies that wait for a permit to leave a full minute */
  public JdbcRateBudgets(Vertx vertx, Database db) {
    this(vertx, db, MINUTE_SLOT);
  }

  /** @param slot a minute ceiling's slot, a twelfth of its window (tests shorten the minute this way) */
  JdbcRateBudgets(Vertx vertx, Database db, Duration slot) {
    this.vertx = vertx;
    this.db = db;
    this.slotMicros = slot.toNanos() / 1000;
  }

  /**
   * Half the burst a single replica may use: permits taken by several replicas reach Feishu with the jitter of a
   * database round trip on top, and the spare half absorbs it (with the full burst, two replicas under load drew
   * 5 refusals of get_detail from the emulator in one run).
   */
  @Override
  public RateBudget create(String key, double permitsPerSecond, int burst, RateBudget.Ceiling perMinute) {
    return new Shared(key, permitsPerSecond, Math.max(1, burst / 2), perMinute);
  }

  private final class Shared implements RateBudget {
    private final String key;
    private final double rate;
    private final int burst;
    /** The minute ceiling, or {@code null}: then the row's minute slots stay NULL. */
    private final RateBudget.Ceiling ceiling;
    private final RateBudget fallback;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private volatile Future<Void> created;
    /** Until when (System.nanoTime) the row is left alone after a lock wait ran out; 0 when it is not. */
    private volatile long rowHeldUntil;

    Shared(String key, double rate, int burst, RateBudget.Ceiling ceiling) {
      this.key = key;
      this.rate = rate;
      this.burst = burst;
      this.ceiling = ceiling;
      this.fallback = RateBudget.local(rate, burst, ceiling);
    }

    /** A reserve is for a call someone waits for: it does not queue behind bulk statements. */
    @Override
    public Future<Long> reserve() {
      return take(true, fallback::reserve);
    }

    @Override
    public Future<Long> takeOrWait() {
      return take(false, fallback::takeOrWait);
    }

    @Override
    public void penalize(long nanos) {
      fallback.penalize(nanos);
      double debt = -nanos / NANOS_PER_SECOND * rate;
      created().compose(v -> db.transactionBoundedWait(c -> Claims.update(c, PENALIZE, s -> {
        s.setDouble(1, burst);
        s.setDouble(2, rate / 1e6);
        s.setDouble(3, debt);
        s.setString(4, key);
      }))).onFailure(e -> log.warn("shared rate budget penalty failed key={} cause={}", key, e.toString()));
    }

    /**
     * A permit from the row, or from this replica's own budget while the row cannot be had. A reply is booked
     * however long it must wait, except past a full minute: the minute counts a permit when it is taken, so a reply
     * there waits for a permit to leave the minute and asks again.
     */
    private Future<Long> take(boolean borrow, Supplier<Future<Long>> whenDown) {
      Database.Work<Answer> statement = ceiling == null ? c -> Rows.list(c, TAKE, s -> {
        double perMicro = rate / 1e6;
        s.setDouble(1, burst);
        s.setDouble(2, perMicro);
        s.setBoolean(3, borrow);
        s.setDouble(4, burst);
        s.setDouble(5, perMicro);
        s.setBoolean(6, borrow);
        s.setDouble(7, burst);
        s.setDouble(8, perMicro);
        s.setString(9, key);
      }, r -> new Answer(waitNanos(r.getDouble(1), r.getBoolean(2)), false)).stream().findFirst().orElse(null)
          : c -> Rows.list(c, TAKE_CEILED, s -> bindCeiled(s, borrow), r -> {
            boolean taken = r.getBoolean(5);
            long minuteWait = minuteWaitNanos(slots(r.getArray(2)), r.getLong(3), r.getLong(4), taken, borrow);
            return new Answer(Math.max(waitNanos(r.getDouble(1), taken), minuteWait), borrow && !taken);
          }).stream().findFirst().orElse(null);
      long held = rowHeldUntil;
      if (held != 0 && System.nanoTime() - held < 0) {
        return whenDown.get();
      }
      return created().compose(v -> borrow ? db.transactionUrgent(statement) : db.transactionBoundedWait(statement))
          .compose(w -> {
            if (degraded.compareAndSet(true, false)) {
              log.info("shared rate budget back key={}", key);
            }
            if (w == null) {
              // The retention purge deleted the row of an idle chat: made again by the next take.
              created = null;
              return whenDown.get();
            }
            // Vert.x closing refuses the timer: the reply then takes this replica's own permit, as when the
            // database cannot answer.
            return w.askAgain() ? RateLanes.after(vertx, w.nanos()).compose(v -> take(borrow, whenDown))
                .recover(e -> whenDown.get()) : Future.succeededFuture(w.nanos());
          }, e -> {
            if (e instanceof java.sql.SQLException sql && Database.LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
              rowHeldUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ROW_HELD_BACK_OFF_MS);
            }
            if (degraded.compareAndSet(false, true)) {
              log.warn("shared rate budget unavailable, using this replica's own key={} cause={}", key, e.toString());
            }
            return whenDown.get();
          });
    }

    /** The parameters of {@link #TAKE_CEILED} in the order its text has them. */
    private void bindCeiled(java.sql.PreparedStatement s, boolean borrow) throws java.sql.SQLException {
      s.setString(1, key);
      s.setLong(2, slotMicros);
      s.setDouble(3, burst);
      s.setDouble(4, rate / 1e6);
      s.setLong(5, slotMicros);
      s.setBoolean(6, borrow);
      s.setInt(7, floor(borrow));
      s.setInt(8, ceiling.permits());
      // the previous version's bucket: half the ceiling, refilled with the other half over the minute
      double legacyCapacity = ceiling.permits() / 2.0;
      s.setDouble(9, legacyCapacity);
      s.setDouble(10, legacyCapacity);
      s.setDouble(11, legacyCapacity / 60 / 1e6);
      s.setString(12, key);
    }

    /** Permits that must be left for a take, its own included: a reply needs one, bulk leaves the reserve too. */
    private int floor(boolean borrow) {
      return borrow ? 1 : ceiling.bulkFloor();
    }

    /**
     * After a take under the ceiling: 0 if the minute allowed it; else until enough of the minute's permits leave it
     * for the permit (a reply's) or for bulk's next one (above the reserve).
     */
    private long minuteWaitNanos(int[] slots, long current, long nowMicros, boolean taken, boolean borrow) {
      int over = taken ? 0 : Arrays.stream(slots).sum() + floor(borrow) - ceiling.permits();
      return over <= 0 ? 0 : Math.max(1, (untilLeftMicros(slots, current, slotMicros, over) - nowMicros) * 1000);
    }

    /** After a take: 0 if the permit is usable now, else how long until it is (or until one is free). */
    private long waitNanos(double tokensLeft, boolean taken) {
      double missing = taken ? -tokensLeft : 1 - tokensLeft;
      return missing <= 0 ? 0 : Math.max(1, (long) Math.ceil(missing / rate * NANOS_PER_SECOND));
    }

    private Future<Void> created() {
      Future<Void> f = created;
      if (f == null || f.failed()) {
        f = db.transactionBoundedWait(c -> Claims.update(c, CREATE, s -> {
          s.setString(1, key);
          s.setDouble(2, burst);
        })).mapEmpty();
        created = f;
      }
      return f;
    }
  }

  /**
   * When (microseconds on the database's clock) {@code count} of the permits counted in {@code slots} will have left
   * the ceiling's window: the oldest slot, {@code current - SLOTS + 1}, leaves once the current slot is past it by
   * {@link #SLOTS}, and the others one slot after another. Past the last permit: when every slot has left.
   */
  static long untilLeftMicros(int[] slots, long current, long slotMicros, int count) {
    int left = 0;
    for (int j = 0; j < SLOTS; j++) {
      left += slots[(int) ((current + 1 + j) % SLOTS)];
      if (left >= count) {
        return (current + 1 + j) * slotMicros;
      }
    }
    return (current + SLOTS) * slotMicros;
  }

  /** A slot array as the row holds it (an SQL array of integers, nulls as 0). */
  private static int[] slots(java.sql.Array array) throws java.sql.SQLException {
    Object[] values = (Object[]) array.getArray();
    int[] slots = new int[SLOTS];
    for (int i = 0; i < Math.min(SLOTS, values.length); i++) {
      slots[i] = values[i] == null ? 0 : ((Number) values[i]).intValue();
    }
    return slots;
  }

  /** What a take answered: the nanoseconds to wait, and whether to ask again then (nothing was booked). */
  private record Answer(long nanos, boolean askAgain) {}
}
