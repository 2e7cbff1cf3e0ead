package io.hirebot.store;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Deletes a table's rows past their time in bounded transactions: at most {@link #BATCH} rows each, walking the key
 * order (the primary key's index; no index on the time is needed), on the "db" worker, never the urgent threads. One
 * DELETE of every expired row was one long transaction on a large table (a flood's hour of claims), holding its row
 * locks, and a worker thread, until the last row; a row another transaction holds then kept every other one
 * undeleted. Each batch commits alone and lets queued work through before the next.
 */
final class ExpiredRows {
  /** Most rows one purge transaction deletes. */
  static final int BATCH = 5_000;

  /** A batch: how many rows it deleted, and the last key it looked at (null when none was left). */
  private record Batch(int deleted, String lastKey) {}

  private final Database db;
  private final String first;
  private final String next;
  private final String delete;

  /**
   * @param key the table's primary key column (text)
   * @param time the column a row expires by: rows whose value is before the purge's are deleted
   */
  ExpiredRows(Database db, String table, String key, String time) {
    this.db = db;
    String select = "SELECT " + key + " FROM " + table + " WHERE " + time + " < ?";
    String page = " ORDER BY " + key + " FETCH FIRST " + BATCH + " ROWS ONLY";
    this.first = select + page;
    this.next = select + " AND " + key + " > ?" + page;
    // The time is checked again: a row renewed since it was read (a claim taken over) stays.
    this.delete = "DELETE FROM " + table + " WHERE " + key + " >= ? AND " + key + " <= ? AND " + time + " < ?";
  }

  /** Deletes every row whose time is before {@code before}; completes with how many, once none is left. */
  Future<Integer> purge(long before) {
    return from(null, before, 0);
  }

  private Future<Integer> from(String after, long before, int deleted) {
    return db.run(c -> batch(c, after, before)).compose(b -> b.lastKey() == null
        ? Future.succeededFuture(deleted + b.deleted())
        : from(b.lastKey(), before, deleted + b.deleted()));
  }

  /** The next page of expired keys after {@code after} (from the first when null), deleted in one transaction. */
  private Batch batch(Connection c, String after, long before) throws SQLException {
    String low = null;
    String high = null;
    int found = 0;
    try (PreparedStatement s = c.prepareStatement(after == null ? first : next)) {
      s.setLong(1, before);
      if (after != null) {
        s.setString(2, after);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          high = r.getString(1);
          low = low == null ? high : low;
          found++;
        }
      }
    }
    if (found == 0) {
      return new Batch(0, null);
    }
    String lowKey = low;
    String highKey = high;
    // Auto-commit: this statement is the batch's transaction. Between the page's first and last key, only rows of
    // that page are expired (a claim is written with a future time), so it deletes at most BATCH rows.
    int deleted = Claims.update(c, delete, s -> {
      s.setString(1, lowKey);
      s.setString(2, highKey);
      s.setLong(3, before);
    });
    return new Batch(deleted, found < BATCH ? null : highKey);
  }
}
