package io.hirebot.store;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code poll_seen_ids} table: which items (applications) a poll has already seen, one row each, so a
 * cursor's state grows with the active items rather than in one ever longer column. Claiming a batch is one
 * transaction of inserts: of two replicas that found the same items, one claims them and reports them.
 */
public final class PollSeen {
  private final Database db;
  private final Clock clock;

  public PollSeen(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Future<Set<String>> of(String cursorKey) {
    return db.run(c -> new HashSet<>(Rows.list(c, "SELECT item_id FROM poll_seen_ids WHERE cursor_key = ?",
        s -> s.setString(1, cursorKey), r -> r.getString(1))));
  }

  /** Marks every id seen, all or none; completes with false when another poll marked one of them first. */
  public Future<Boolean> claim(String cursorKey, Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(true);
    }
    long now = clock.millis();
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO poll_seen_ids (cursor_key, item_id, seen_at) VALUES (?, ?, ?)")) {
        for (String id : ids) {
          s.setString(1, cursorKey);
          s.setString(2, id);
          s.setLong(3, now);
          s.addBatch();
        }
        s.executeBatch();
        return true;
      }
    }).recover(e -> isUniqueViolation(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /** Forgets ids that left the active list (a recovered one is then judged by its creation time again). */
  public Future<Void> forget(String cursorKey, Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return db.run(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM poll_seen_ids WHERE cursor_key = ? AND item_id = ?")) {
        for (String id : ids) {
          s.setString(1, cursorKey);
          s.setString(2, id);
          s.addBatch();
        }
        s.executeBatch();
        return null;
      }
    });
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && (Database.isUniqueViolation(sql)
          || (sql.getNextException() != null && Database.isUniqueViolation(sql.getNextException())))) {
        return true;
      }
    }
    return false;
  }
}
