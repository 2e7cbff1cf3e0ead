package io.hirebot.store;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@code poll_cursors} table: where a poll of Hire got to. Cursors move by compare-and-set, so of two
 * replicas polling at once only the one that advances the cursor acts on what it found.
 */
public final class PollCursors {
  private final Database db;
  private final Clock clock;

  public PollCursors(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Future<Optional<String>> get(String key) {
    return db.run(c -> Rows.list(c, "SELECT cursor_value FROM poll_cursors WHERE cursor_key = ?",
        s -> s.setString(1, key), r -> r.getString(1)).stream().findFirst());
  }

  /**
   * Moves the cursor from {@code expected} (empty: there was none) to {@code next}; completes with false when
   * another replica moved it first.
   */
  public Future<Boolean> advance(String key, Optional<String> expected, String next) {
    long now = clock.millis();
    if (expected.isEmpty()) {
      return db.run(c -> Claims.claim(c, "INSERT INTO poll_cursors (cursor_key, cursor_value, updated_at) VALUES (?, ?, ?)",
          s -> {
            s.setString(1, key);
            s.setString(2, next);
            s.setLong(3, now);
          }, null, null));
    }
    return db.run(c -> Claims.update(c, "UPDATE poll_cursors SET cursor_value = ?, updated_at = ? "
        + "WHERE cursor_key = ? AND cursor_value = ?", s -> {
          s.setString(1, next);
          s.setLong(2, now);
          s.setString(3, key);
          s.setString(4, expected.get());
        }) == 1);
  }
}
