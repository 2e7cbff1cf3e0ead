package io.hirebot.store;

import io.hirebot.util.RateBudget;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate budgets every replica on one PostgreSQL shares: a token bucket per limit in {@code rate_budgets},
 * refilled by the database's clock and taken by one atomic UPDATE, so two replicas together stay within one
 * app's limit (and a chat's: those rows are made on a chat's first message and purged by {@link Retention} once
 * idle). If the database cannot answer, a replica falls back to a bucket of its own until it can. A statement waits
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
  /** The refilled level, in the target row's own columns so a statement that waited for the row lock sees its latest state. */
  private static final String LEVEL = "LEAST(?, b.tokens + GREATEST(0, n.us - b.refilled_us) * ?)";
  private static final String TAKE = "UPDATE rate_budgets b SET "
      + "tokens = " + LEVEL + " - CASE WHEN ? OR " + LEVEL + " >= 1 THEN 1 ELSE 0 END, "
      + "taken = (? OR " + LEVEL + " >= 1), "
      + "refilled_us = GREATEST(b.refilled_us, n.us) "
      + "FROM (SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT) AS us) n "
      + "WHERE b.budget_key = ? RETURNING b.tokens, b.taken";
  /** The refilled level of the minute ceiling, refilled over the same interval as {@link #LEVEL}. */
  private static final String MINUTE_LEVEL =
      "LEAST(?, COALESCE(b.minute_tokens, ?) + GREATEST(0, n.us - b.refilled_us) * ?)";
  /** A permit is taken from both buckets or neither: borrowed, or free in both with the minute's above the floor. */
  private static final String BOTH_FREE = "(? OR (" + LEVEL + " >= 1 AND " + MINUTE_LEVEL + " >= ?))";
  private static final String TAKE_CEILED = "UPDATE rate_budgets b SET "
      + "tokens = " + LEVEL + " - CASE WHEN " + BOTH_FREE + " THEN 1 ELSE 0 END, "
      + "minute_tokens = " + MINUTE_LEVEL + " - CASE WHEN " + BOTH_FREE + " THEN 1 ELSE 0 END, "
      + "taken = " + BOTH_FREE + ", "
      + "refilled_us = GREATEST(b.refilled_us, n.us) "
      + "FROM (SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT) AS us) n "
      + "WHERE b.budget_key = ? RETURNING b.tokens, b.minute_tokens, b.taken";
  private static final String PENALIZE = "UPDATE rate_budgets b SET "
      + "tokens = LEAST(" + LEVEL + ", ?), refilled_us = GREATEST(b.refilled_us, n.us) "
      + "FROM (SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT) AS us) n "
      + "WHERE b.budget_key = ?";

  private static final String PURGE_IDLE = "DELETE FROM rate_budgets WHERE budget_key LIKE ? "
      + "AND refilled_us < CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT) - ?";

  private final Database db;

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

  public JdbcRateBudgets(Database db) {
    this.db = db;
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
    /** The minute ceiling, or {@code null}: then the row's {@code minute_tokens} stays NULL. */
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

    private Future<Long> take(boolean borrow, Supplier<Future<Long>> whenDown) {
      Database.Work<Long> statement = ceiling == null ? c -> Rows.list(c, TAKE, s -> {
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
      }, r -> waitNanos(r.getDouble(1), r.getBoolean(2))).stream().findFirst().orElse(null)
          : c -> Rows.list(c, TAKE_CEILED, s -> bindCeiled(s, borrow),
              r -> ceiledWaitNanos(r.getDouble(1), r.getDouble(2), r.getBoolean(3), borrow)).stream().findFirst()
              .orElse(null);
      long held = rowHeldUntil;
      if (held != 0 && System.nanoTime() - held < 0) {
        return whenDown.get();
      }
      return created().compose(v -> borrow ? db.transactionUrgent(statement) : db.transactionBoundedWait(statement))
          .compose(w -> {
            if (w == null) {
              // The retention purge deleted the row of an idle chat: made again by the next take.
              created = null;
              return whenDown.get();
            }
            return Future.succeededFuture(w);
          })
          .onSuccess(w -> {
            if (degraded.compareAndSet(true, false)) {
              log.info("shared rate budget back key={}", key);
            }
          })
          .recover(e -> {
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
      double perMicro = rate / 1e6;
      double minutePerMicro = ceiling.perSecond() / 1e6;
      double floor = borrow ? 1 : 1 + ceiling.reserve();
      int i = level(s, 1, perMicro);
      i = bothFree(s, i, borrow, perMicro, minutePerMicro, floor);
      i = minuteLevel(s, i, minutePerMicro);
      i = bothFree(s, i, borrow, perMicro, minutePerMicro, floor);
      i = bothFree(s, i, borrow, perMicro, minutePerMicro, floor);
      s.setString(i, key);
    }

    private int bothFree(java.sql.PreparedStatement s, int i, boolean borrow, double perMicro, double minutePerMicro,
        double floor) throws java.sql.SQLException {
      s.setBoolean(i++, borrow);
      i = level(s, i, perMicro);
      i = minuteLevel(s, i, minutePerMicro);
      s.setDouble(i++, floor);
      return i;
    }

    private int level(java.sql.PreparedStatement s, int i, double perMicro) throws java.sql.SQLException {
      s.setDouble(i++, burst);
      s.setDouble(i++, perMicro);
      return i;
    }

    private int minuteLevel(java.sql.PreparedStatement s, int i, double perMicro) throws java.sql.SQLException {
      s.setDouble(i++, ceiling.capacity());
      s.setDouble(i++, ceiling.capacity());
      s.setDouble(i++, perMicro);
      return i;
    }

    /** As {@link #waitNanos} over both buckets: the longer wait, the minute's up to the floor bulk must leave. */
    private long ceiledWaitNanos(double tokensLeft, double minuteLeft, boolean taken, boolean borrow) {
      double floor = taken || borrow ? 0 : ceiling.reserve();
      double minuteMissing = taken ? -minuteLeft : 1 + floor - minuteLeft;
      long minuteWait = minuteMissing <= 0 ? 0
          : Math.max(1, (long) Math.ceil(minuteMissing / ceiling.perSecond() * NANOS_PER_SECOND));
      return Math.max(waitNanos(tokensLeft, taken), minuteWait);
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
}
