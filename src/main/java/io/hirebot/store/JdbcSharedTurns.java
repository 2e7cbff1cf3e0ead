package io.hirebot.store;

import io.hirebot.bot.SharedTurns;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SharedTurns} as rows of {@code application_turns}: a write's turn is the application's row, inserted before
 * the write starts and deleted when it ends; a replica that finds the row held asks again, a little later each time,
 * for up to {@link #WAIT}. A row whose replica died mid-write holds no longer than {@link #LEASE}, by the database's
 * clock: another replica then takes it over with a conditional update (as a stale claim is taken over). Every
 * statement runs on the database's urgent threads (a user waits on the click), never on an event loop, and waits at
 * most {@link Database#URGENT_LOCK_WAIT_MS} for a row another transaction holds (then the turn counts as held).
 *
 * <p>When the database does not answer, the write is not made ({@link SharedTurns.Missed#UNAVAILABLE}): with no row
 * nobody can tell whether another replica is writing on the application, and a click answered "try again" costs
 * less than a double action. The click is told so as soon as a statement fails, or once {@link #WAIT} has passed
 * without an answer; its turn is never given without the row.
 */
public final class JdbcSharedTurns implements SharedTurns {
  private static final Logger log = LoggerFactory.getLogger(JdbcSharedTurns.class);
  /**
   * How long a turn holds when its replica never lets it go. A live replica always lets it go when its write ends,
   * and the write's own deadlines end it: each Hire call gives up after the circuit's 3.5 s (the 4 s command deadline
   * less its answer margin), is tried at most 3 times with waits shorter than that deadline between, and a request
   * given up on is dropped by the SDK after 10 s; a write's few calls in a row (the application's read, the process,
   * the write, the refreshed card's reads) end well inside a minute. So only a replica that died mid-write (killed,
   * its machine gone) leaves a row behind, and it keeps the application's buttons for at most this long. Shorter, a
   * slow but live write could lose its turn while its call may still land in Hire, and a second write would follow.
   */
  static final Duration LEASE = Duration.ofSeconds(60);
  /**
   * How long a click waits for another replica's write on the application before it is told to try again: a whole
   * write (a read and a write, each up to the circuit's 3.5 s) and some. Within one process a click waits in the
   * process's queue instead, for as long as the write before it takes.
   */
  static final Duration WAIT = Duration.ofSeconds(10);
  /** The first pause before asking for a held row again; each pause doubles, up to {@link #LONGEST_PAUSE_MS}. */
  static final long FIRST_PAUSE_MS = 20;
  static final long LONGEST_PAUSE_MS = 200;
  /** Longer than any Hire application id (19 digits): such a click names no application Hire could write. */
  static final int MAX_ID = 200;
  /** H2's lock timeout (PostgreSQL's is {@link Database#LOCK_NOT_AVAILABLE}). */
  private static final String H2_LOCK_TIMEOUT = "HYT00";
  /**
   * The database's clock, in epoch milliseconds: every replica's turns are timed by the one clock (the replicas' own
   * may differ, and the bot's may be moved, as the sandbox's console moves it by hours).
   */
  private static final String NOW_MS = "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";
  /**
   * Inserts the row when there is none; a conditional insert rather than one that fails on the key, which
   * PostgreSQL would log as an error at every ask of a waiting click. Two replicas inserting at the same moment still
   * meet the key: the second's unique violation counts as a held row.
   */
  private static final String INSERT = "INSERT INTO application_turns (application_id, holder, expires_at) "
      + "SELECT ?, ?, " + NOW_MS + " + ? WHERE NOT EXISTS "
      + "(SELECT 1 FROM application_turns WHERE application_id = ?)";
  private static final String TAKE_OVER = "UPDATE application_turns SET holder = ?, expires_at = " + NOW_MS + " + ? "
      + "WHERE application_id = ? AND expires_at < " + NOW_MS;
  private static final String RELEASE = "DELETE FROM application_turns WHERE application_id = ? AND holder = ?";

  private final Vertx vertx;
  private final Database db;
  private final Duration lease;
  private final Duration wait;

  public JdbcSharedTurns(Vertx vertx, Database db) {
    this(vertx, db, LEASE, WAIT);
  }

  /**
   * @param lease how long a turn holds when nobody lets it go
   * @param wait how long a write waits for its turn (tests shorten both)
   */
  JdbcSharedTurns(Vertx vertx, Database db, Duration lease, Duration wait) {
    this.vertx = vertx;
    this.db = db;
    this.lease = lease;
    this.wait = wait;
  }

  @Override
  public <T> Future<T> inTurn(String applicationId, Supplier<Future<T>> work, Function<Missed, Future<T>> instead) {
    if (applicationId.length() > MAX_ID) {
      return run(work);
    }
    String holder = UUID.randomUUID().toString();
    long giveUp = System.nanoTime() + wait.toNanos();
    return take(applicationId, holder, giveUp, FIRST_PAUSE_MS, false).compose(missed -> {
      if (missed != null) {
        return instead.apply(missed);
      }
      Future<T> done = run(work);
      done.onComplete(r -> release(applicationId, holder));
      return done;
    });
  }

  /**
   * Null once the turn is held; otherwise why it was not had by {@code giveUp} (System.nanoTime).
   *
   * @param seenHeld whether an earlier ask of this write found the turn held by another write
   */
  private Future<Missed> take(String applicationId, String holder, long giveUp, long pause, boolean seenHeld) {
    return bounded(claim(applicationId, holder), giveUp, applicationId, holder).transform(r -> {
      if (r.failed() && seenHeld && r.cause() instanceof TimeoutException) {
        // The database answered, and said another write holds the turn; the wait ran out during a later ask. The click
        // is told the candidate is busy, as it is, not that the database failed (a loaded machine showed the latter).
        return busy(applicationId);
      }
      if (r.failed()) {
        log.warn("application turn not taken, the write is not made application_id={} cause={}", applicationId,
            r.cause().toString());
        return Future.succeededFuture(Missed.UNAVAILABLE);
      }
      if (r.result()) {
        return Future.succeededFuture(null);
      }
      if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) >= giveUp) {
        return busy(applicationId);
      }
      Promise<Void> later = Promise.promise();
      vertx.setTimer(pause, t -> later.complete());
      return later.future().compose(v -> take(applicationId, holder, giveUp,
          Math.min(LONGEST_PAUSE_MS, pause * 2), true));
    });
  }

  private Future<Missed> busy(String applicationId) {
    log.info("application turn still held by another write after {} ms application_id={}", wait.toMillis(),
        applicationId);
    return Future.succeededFuture(Missed.BUSY);
  }

  /** True when the row is this write's now; false when another write holds it (or held its lock too long). */
  private Future<Boolean> claim(String applicationId, String holder) {
    long leaseMs = lease.toMillis();
    return db.transactionUrgent(c -> Claims.update(c, INSERT, s -> {
      s.setString(1, applicationId);
      s.setString(2, holder);
      s.setLong(3, leaseMs);
      s.setString(4, applicationId);
    }) == 1 || Claims.update(c, TAKE_OVER, s -> {
      s.setString(1, holder);
      s.setLong(2, leaseMs);
      s.setString(3, applicationId);
    }) == 1).recover(e -> held(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /**
   * The claim's answer, or a failure once {@code giveUp} has passed without one (a database that stopped answering
   * mid-statement): a row the claim still takes after that is let go at once, since no write runs in it.
   */
  private Future<Boolean> bounded(Future<Boolean> claim, long giveUp, String applicationId, String holder) {
    long left = TimeUnit.NANOSECONDS.toMillis(giveUp - System.nanoTime());
    Promise<Boolean> answer = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, left), t -> {
      if (answer.tryFail(new TimeoutException("no answer from the database within " + wait.toMillis() + " ms"))) {
        claim.onSuccess(taken -> {
          if (taken) {
            release(applicationId, holder);
          }
        });
      }
    });
    claim.onComplete(r -> {
      vertx.cancelTimer(timer);
      if (r.succeeded()) {
        answer.tryComplete(r.result());
      } else {
        answer.tryFail(r.cause());
      }
    });
    return answer.future();
  }

  private void release(String applicationId, String holder) {
    db.transactionUrgent(c -> Claims.update(c, RELEASE, s -> {
      s.setString(1, applicationId);
      s.setString(2, holder);
    })).onFailure(e -> log.warn("application turn not let go, it holds until it expires in at most {} s "
        + "application_id={} cause={}", lease.toSeconds(), applicationId, e.toString()));
  }

  /** Another write's row: inserted at the same moment as this one's, or locked by it for longer than we wait. */
  private static boolean held(Throwable e) {
    return e instanceof SQLException s && (Database.isUniqueViolation(s)
        || Database.LOCK_NOT_AVAILABLE.equals(s.getSQLState()) || H2_LOCK_TIMEOUT.equals(s.getSQLState()));
  }

  private static <T> Future<T> run(Supplier<Future<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
