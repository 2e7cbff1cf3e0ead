package io.hirebot.store;

import io.hirebot.bot.middleware.ProcessedEvents;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link ProcessedEvents} in the {@code processed_events} table: a claim is a unique row. */
public final class JdbcProcessedEvents implements ProcessedEvents {
  /** Feishu retries for about 7.1 h (15 s, 5 min, 1 h, 6 h): remember a little longer. */
  public static final Duration RETENTION = Duration.ofHours(8);
  /** A claim older than this and not finished belongs to a process that died; handling takes seconds. */
  public static final Duration LEASE = Duration.ofMinutes(2);
  static final int REPLAY_BATCH = 100;

  private static final String INSERT = "INSERT INTO processed_events "
      + "(event_key, envelope, received_at, claimed_at, done_at, expires_at) VALUES (?, ?, ?, ?, NULL, ?)";
  // Stale: unfinished with an old claim, or expired altogether (a key reused long after).
  private static final String TAKE_OVER = "UPDATE processed_events SET claimed_at = ?, expires_at = ?, "
      + "done_at = NULL, envelope = ? WHERE event_key = ? AND ((done_at IS NULL AND claimed_at < ?) OR expires_at < ?)";

  private final Database db;
  private final Clock clock;

  public JdbcProcessedEvents(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Future<Boolean> claim(String key, String envelope) {
    long now = clock.millis();
    long expires = now + RETENTION.toMillis();
    // Feishu waits for the acknowledgement, which waits for this claim.
    return db.runUrgent(c -> Claims.claim(c, INSERT, s -> {
      s.setString(1, key);
      s.setString(2, envelope);
      s.setLong(3, now);
      s.setLong(4, now);
      s.setLong(5, expires);
    }, TAKE_OVER, s -> {
      s.setLong(1, now);
      s.setLong(2, expires);
      s.setString(3, envelope);
      s.setString(4, key);
      s.setLong(5, now - LEASE.toMillis());
      s.setLong(6, now);
    }));
  }

  @Override
  public Future<Void> done(String key) {
    long now = clock.millis();
    return db.run(c -> Claims.update(c, "UPDATE processed_events SET done_at = ?, envelope = NULL WHERE event_key = ?",
        s -> {
          s.setLong(1, now);
          s.setString(2, key);
        })).mapEmpty();
  }

  @Override
  public Future<List<Unfinished>> unfinished() {
    long staleBefore = clock.millis() - LEASE.toMillis();
    return db.run(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT event_key, envelope FROM processed_events "
          + "WHERE done_at IS NULL AND claimed_at < ? AND envelope IS NOT NULL ORDER BY received_at")) {
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
    });
  }

  @Override
  public Future<Integer> purgeExpired() {
    long now = clock.millis();
    return db.run(c -> Claims.update(c, "DELETE FROM processed_events WHERE expires_at < ?", s -> s.setLong(1, now)));
  }
}
