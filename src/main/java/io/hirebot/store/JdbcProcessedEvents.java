package io.hirebot.store;

import io.hirebot.bot.middleware.ProcessedEvents;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ProcessedEvents} in the {@code processed_events} table: a claim is a unique row. On a local H2 file a new
 * claim is made durable by its claim journal's record and copied into the table shortly after ({@link JournaledClaims});
 * elsewhere (PostgreSQL, whose replicas share the claims) by the commit of its row. Constructing it on an H2 file
 * reads back what the journal holds from before: do it off the event loop.
 */
public final class JdbcProcessedEvents implements ProcessedEvents {
  /** Feishu retries for about 7.1 h (15 s, 5 min, 1 h, 6 h): remember a little longer. */
  public static final Duration RETENTION = Duration.ofHours(8);
  /** A claim older than this and not finished belongs to a process that died; handling takes seconds. */
  public static final Duration LEASE = Duration.ofMinutes(2);
  static final int REPLAY_BATCH = 100;
  /** Most claims (or finishes) written in one transaction; see {@link GroupCommit}. */
  static final int MAX_GROUP = 64;
  /** One delivery and three retries; a handler that fails four times fails for a reason a retry won't fix. */
  public static final int MAX_ATTEMPTS = 4;
  /** The wait after the first failed attempt; each further failure waits five times longer (1, 5, 25 min). */
  public static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
  static final int ERROR_CHARS = 2000;

  // Stale: unfinished with an old claim, or expired altogether (a key reused long after).
  // Each take-over of an unfinished claim is one more attempt, allowed only while attempts remain.
  private static final String TAKE_OVER = "UPDATE processed_events SET claimed_at = ?, expires_at = ?, "
      + "done_at = ?, envelope = ?, attempts = CASE WHEN expires_at < ? THEN 1 ELSE attempts + 1 END "
      + "WHERE event_key = ? AND ((done_at IS NULL AND claimed_at < ? AND attempts < " + MAX_ATTEMPTS + ") "
      + "OR expires_at < ?)";

  static final String INSERT_COLUMNS = "INSERT INTO processed_events "
      + "(event_key, envelope, received_at, claimed_at, done_at, expires_at) VALUES ";
  private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?)";
  private static final String INSERT = INSERT_COLUMNS + INSERT_ROW;
  private static final String DONE = "UPDATE processed_events SET done_at = ?, envelope = NULL WHERE event_key";

  /** What goes into a group commit: a claim (answered true or false) or a finish (answered null). */
  sealed interface Write permits Claim, Done {}

  /** {@code doneAt} set: an event finished already (one that needs no handling), stored without its envelope. */
  record Claim(String key, String envelope, long now, Long doneAt) implements Write {
    boolean finished() {
      return doneAt != null;
    }

    String kept() {
      return finished() ? null : envelope;
    }
  }

  record Done(String key, long now) implements Write {}

  private final Database db;
  private final Clock clock;
  // A claim must be durable before its 200: commits are synchronous, so concurrent claims and finishes share one.
  private final GroupCommit<Write> writes;
  private final ExpiredRows expired;
  /** The claim journal's side, on a local H2 file; null elsewhere. */
  private final JournaledClaims journaled;

  public JdbcProcessedEvents(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    boolean savepoints = db.failedStatementSpoilsTransaction();
    try {
      this.journaled = db.journaledClaims();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("claim journal not opened url=" + db.url(), e);
    }
    this.writes = new GroupCommit<>(db, MAX_GROUP,
        journaled != null ? journaled::write : (c, batch) -> write(c, batch, savepoints));
    this.expired = new ExpiredRows(db, "processed_events", "event_key", "expires_at");
  }

  @Override
  public Future<Boolean> claim(String key, String envelope) {
    return writes.submit(new Claim(key, envelope, clock.millis(), null)).map(Boolean.class::cast);
  }

  @Override
  public Future<Boolean> claimFinished(String key) {
    long now = clock.millis();
    return writes.submit(new Claim(key, null, now, now)).map(Boolean.class::cast);
  }

  /**
   * One transaction's claims and finishes: all new claims in one multi-row insert and all finishes in one update,
   * the common case under load. When a key already exists (a retry, a replay, another replica) or a row is bad,
   * that statement is rolled back and its requests are written one by one, so each gets its own answer.
   */
  private static List<Object> write(Connection c, List<Write> batch, boolean savepoints) throws SQLException {
    Object[] results = new Object[batch.size()];
    List<Integer> claims = new ArrayList<>();
    List<Integer> dones = new ArrayList<>();
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i) instanceof Claim claim) {
        if (keys.add(claim.key())) {
          claims.add(i);
        } else {
          results[i] = false; // the same event twice in one batch: the first one is the claim
        }
      } else {
        dones.add(i);
      }
    }
    if (!claims.isEmpty() && !allAtOnce(c, claims, batch, JdbcProcessedEvents::insertAll, savepoints)) {
      for (int i : claims) {
        results[i] = oneByOne(c, () -> claim(c, (Claim) batch.get(i)), savepoints);
      }
    } else {
      claims.forEach(i -> results[i] = true);
    }
    if (!dones.isEmpty() && !allAtOnce(c, dones, batch, JdbcProcessedEvents::finishAll, savepoints)) {
      for (int i : dones) {
        results[i] = oneByOne(c, () -> finish(c, (Done) batch.get(i)), savepoints);
      }
    }
    return java.util.Arrays.asList(results);
  }

  /** One statement for the requests at {@code indexes}; false (rolled back) when it failed and they go one by one. */
  private static boolean allAtOnce(Connection c, List<Integer> indexes, List<Write> batch, StatementForAll statement,
      boolean savepoint) throws SQLException {
    if (indexes.size() == 1) {
      return false; // one request: the per-row statement is the same work and answers precisely
    }
    Savepoint before = savepoint ? c.setSavepoint() : null;
    try {
      statement.run(c, indexes.stream().map(batch::get).toList());
      return true;
    } catch (SQLException e) {
      rollBack(c, before);
      return false;
    }
  }

  /** Undoes a failed statement where the database does not do it alone ({@link Database#failedStatementSpoilsTransaction}). */
  private static void rollBack(Connection c, Savepoint before) throws SQLException {
    if (before != null) {
      c.rollback(before);
    }
  }

  @FunctionalInterface
  private interface StatementForAll {
    void run(Connection c, List<Write> writes) throws SQLException;
  }

  @FunctionalInterface
  interface RowWork {
    Object run() throws SQLException;
  }

  /** The request's result, or the SQLException that rolled it (alone) back. */
  static Object oneByOne(Connection c, RowWork work, boolean savepoint) throws SQLException {
    Savepoint before = savepoint ? c.setSavepoint() : null;
    try {
      return work.run();
    } catch (SQLException e) {
      rollBack(c, before);
      return e;
    }
  }

  /** Inserts every claim as a new row; fails (unique violation) if any key exists. */
  static void insertAll(Connection c, List<Write> writes) throws SQLException {
    String sql = INSERT_COLUMNS + String.join(", ", java.util.Collections.nCopies(writes.size(), INSERT_ROW));
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int p = 1;
      for (Write w : writes) {
        Claim claim = (Claim) w;
        s.setString(p++, claim.key());
        s.setString(p++, claim.kept());
        s.setLong(p++, claim.now());
        s.setLong(p++, claim.now());
        s.setObject(p++, claim.doneAt(), java.sql.Types.BIGINT);
        s.setLong(p++, claim.now() + RETENTION.toMillis());
      }
      s.executeUpdate();
    }
  }

  /** Finishes every event in one update, stamped with the latest of their times. */
  static void finishAll(Connection c, List<Write> writes) throws SQLException {
    String sql = DONE + " IN (" + String.join(", ", java.util.Collections.nCopies(writes.size(), "?")) + ")";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, writes.stream().mapToLong(w -> ((Done) w).now()).max().orElseThrow());
      int p = 2;
      for (Write w : writes) {
        s.setString(p++, ((Done) w).key());
      }
      s.executeUpdate();
    }
  }

  private static Object finish(Connection c, Done done) throws SQLException {
    Claims.update(c, DONE + " = ?", s -> {
      s.setLong(1, done.now());
      s.setString(2, done.key());
    });
    return null;
  }

  static boolean claim(Connection c, Claim claim) throws SQLException {
    long now = claim.now();
    long expires = now + RETENTION.toMillis();
    return Claims.claim(c, INSERT, s -> {
      s.setString(1, claim.key());
      s.setString(2, claim.kept());
      s.setLong(3, now);
      s.setLong(4, now);
      s.setObject(5, claim.doneAt(), java.sql.Types.BIGINT);
      s.setLong(6, expires);
    }, TAKE_OVER, s -> {
      s.setLong(1, now);
      s.setLong(2, expires);
      s.setObject(3, claim.doneAt(), java.sql.Types.BIGINT);
      s.setString(4, claim.kept());
      s.setLong(5, now);
      s.setString(6, claim.key());
      s.setLong(7, now - LEASE.toMillis());
      s.setLong(8, now);
    });
  }

  @Override
  public Future<Void> done(String key) {
    return writes.submit(new Done(key, clock.millis())).mapEmpty();
  }

  @Override
  public Future<List<Unfinished>> unfinished() {
    long staleBefore = clock.millis() - LEASE.toMillis();
    return settled().compose(v -> db.run(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT event_key, envelope FROM processed_events "
          + "WHERE done_at IS NULL AND claimed_at < ? AND envelope IS NOT NULL AND attempts < " + MAX_ATTEMPTS
          + " ORDER BY received_at")) {
        s.setLong(1, staleBefore);
        s.setMaxRows(REPLAY_BATCH);
        List<Unfinished> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            found.add(new Unfinished(r.getString(1), r.getString(2)));
          }
        }
        return found;
      }
    }));
  }

  /**
   * Completes once every claim and finish answered before the call is in the table, which the statements reading or
   * changing a claim's state beyond the claim itself (a replay, a failure, a release) work on.
   */
  private Future<Void> settled() {
    return journaled == null ? Future.succeededFuture() : journaled.settled();
  }

  /** In bounded batches on the "db" worker ({@link ExpiredRows}): the claim writer is never held up behind it. */
  @Override
  public Future<Integer> purgeExpired() {
    return expired.purge(clock.millis());
  }

  @Override
  public Future<Failure> failed(String key, String error) {
    long now = clock.millis();
    String cause = clip(error);
    return settled().compose(v -> db.transaction(c -> {
      int attempts;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT attempts FROM processed_events WHERE event_key = ? AND done_at IS NULL")) {
        s.setString(1, key);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return new Failure(false, 0, null); // finished or handed over meanwhile: nothing to record
          }
          attempts = r.getInt(1);
        }
      }
      if (attempts >= MAX_ATTEMPTS) {
        park(c, key, cause, now);
        return new Failure(true, attempts, null);
      }
      // The lease ends when the back-off does: the replay takes it over then, and not before.
      long retryAt = now + FIRST_BACKOFF.toMillis() * (long) Math.pow(5, attempts - 1);
      Claims.update(c, "UPDATE processed_events SET claimed_at = ?, last_error = ? WHERE event_key = ?", s -> {
        s.setLong(1, retryAt - LEASE.toMillis());
        s.setString(2, cause);
        s.setString(3, key);
      });
      return new Failure(false, attempts, java.time.Instant.ofEpochMilli(retryAt));
    }));
  }

  @Override
  public Future<Void> release(String key) {
    long now = clock.millis();
    return settled().compose(v -> db.run(c -> Claims.update(c, "UPDATE processed_events SET claimed_at = ?, "
        + "attempts = attempts - 1 WHERE event_key = ? AND done_at IS NULL", s -> {
          s.setLong(1, now - LEASE.toMillis() - 1);
          s.setString(2, key);
        }))).mapEmpty();
  }

  @Override
  public Future<Integer> parkAbandoned() {
    long now = clock.millis();
    return settled().compose(v -> db.transaction(c -> {
      List<String[]> abandoned = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT event_key, last_error FROM processed_events "
          + "WHERE done_at IS NULL AND claimed_at < ? AND attempts >= " + MAX_ATTEMPTS)) {
        s.setLong(1, now - LEASE.toMillis());
        s.setMaxRows(REPLAY_BATCH);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            abandoned.add(new String[] {r.getString(1), r.getString(2)});
          }
        }
      }
      for (String[] a : abandoned) {
        park(c, a[0], clip("never finished in " + MAX_ATTEMPTS + " attempts (the process handling it stopped or "
            + "hung)" + (a[1] == null ? "" : "; last error: " + a[1])), now);
      }
      return abandoned.size();
    }));
  }

  /** Moves the event to failed_events and finishes its claim, so it stays de-duplicated and is never replayed. */
  private static void park(java.sql.Connection c, String key, String error, long now) throws java.sql.SQLException {
    Claims.update(c, "DELETE FROM failed_events WHERE event_key = ?", s -> s.setString(1, key));
    Claims.update(c, "INSERT INTO failed_events (event_key, envelope, attempts, last_error, received_at, failed_at) "
        + "SELECT event_key, envelope, attempts, ?, received_at, ? FROM processed_events WHERE event_key = ?", s -> {
          s.setString(1, error);
          s.setLong(2, now);
          s.setString(3, key);
        });
    Claims.update(c, "UPDATE processed_events SET done_at = ?, envelope = NULL, last_error = ? WHERE event_key = ?",
        s -> {
          s.setLong(1, now);
          s.setString(2, error);
          s.setString(3, key);
        });
  }

  @Override
  public Future<List<Parked>> parked(int limit) {
    return db.run(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT event_key, attempts, last_error, received_at, failed_at "
          + "FROM failed_events ORDER BY failed_at DESC, event_key")) {
        s.setMaxRows(limit);
        List<Parked> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            found.add(new Parked(r.getString(1), r.getInt(2), r.getString(3),
                java.time.Instant.ofEpochMilli(r.getLong(4)), java.time.Instant.ofEpochMilli(r.getLong(5))));
          }
        }
        return found;
      }
    });
  }

  private static String clip(String error) {
    String e = error == null ? "unknown error" : error;
    return Columns.fitMarked(e, ERROR_CHARS);
  }
}
