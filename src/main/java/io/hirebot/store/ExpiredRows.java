package io.hirebot.store;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Deletes a table's rows past their time in bounded transactions: at most {@link #BATCH} rows each, walking the key
 * order (the primary key's index; no index on the time is needed), on the "db" worker, never the urgent threads. One
 * DELETE of every expired row was one long transaction on a large table (a flood's hour of claims, a year of audit
 * entries), holding its row locks, and a worker thread, until the last row; a row another transaction holds then kept
 * every other one undeleted. Each batch commits alone and lets queued work through before the next. The key may be of
 * any type and of several columns (compared as a row value: {@code (chat_id, slot_at) > (?, ?)}).
 */
final class ExpiredRows {
  /** Most rows one purge transaction deletes. */
  static final int BATCH = 5_000;

  /** A batch: how many rows it deleted, and the last key it looked at (null when none was left). */
  private record Batch(int deleted, Object[] lastKey) {}

  private final Database db;
  private final int columns;
  private final String first;
  private final String next;
  private final String delete;

  /**
   * @param key the table's primary key column
   * @param time the column a row expires by: rows whose value is before the purge's are deleted
   */
  ExpiredRows(Database db, String table, String key, String time) {
    this(db, table, List.of(key), time);
  }

  /** @param key the table's primary key columns, in the key's order */
  ExpiredRows(Database db, String table, List<String> key, String time) {
    this.db = db;
    this.columns = key.size();
    String columnList = String.join(", ", key);
    // One column is compared as itself (the claims' statements stay as they were), several as a row value.
    String row = columns == 1 ? columnList : "(" + columnList + ")";
    String values = columns == 1 ? "?" : "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
    String select = "SELECT " + columnList + " FROM " + table + " WHERE " + time + " < ?";
    String page = " ORDER BY " + columnList + " FETCH FIRST " + BATCH + " ROWS ONLY";
    this.first = select + page;
    this.next = select + " AND " + row + " > " + values + page;
    // The time is checked again: a row renewed since it was read (a claim taken over) stays.
    this.delete = "DELETE FROM " + table + " WHERE " + row + " >= " + values + " AND " + row + " <= " + values
        + " AND " + time + " < ?";
  }

  /** Deletes every row whose time is before {@code before}; completes with how many, once none is left. */
  Future<Integer> purge(long before) {
    return from(null, before, 0);
  }

  private Future<Integer> from(Object[] after, long before, int deleted) {
    return db.run(c -> batch(c, after, before)).compose(b -> b.lastKey() == null
        ? Future.succeededFuture(deleted + b.deleted())
        : from(b.lastKey(), before, deleted + b.deleted()));
  }

  /** The next page of expired keys after {@code after} (from the first when null), deleted in one transaction. */
  private Batch batch(Connection c, Object[] after, long before) throws SQLException {
    Object[] low = null;
    Object[] high = null;
    int found = 0;
    try (PreparedStatement s = c.prepareStatement(after == null ? first : next)) {
      s.setLong(1, before);
      if (after != null) {
        bind(s, 2, after);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          high = new Object[columns];
          for (int i = 0; i < columns; i++) {
            high[i] = r.getObject(i + 1);
          }
          low = low == null ? high : low;
          found++;
        }
      }
    }
    if (found == 0) {
      return new Batch(0, null);
    }
    Object[] lowKey = low;
    Object[] highKey = high;
    // Auto-commit: this statement is the batch's transaction. Between the page's first and last key, only rows of
    // that page are expired (nothing is written already expired), so it deletes at most BATCH rows.
    int deleted = Claims.update(c, delete, s -> s.setLong(bind(s, bind(s, 1, lowKey), highKey), before));
    return new Batch(deleted, found < BATCH ? null : highKey);
  }

  /** Binds a key's columns from parameter {@code i} on; returns the next parameter's index. */
  private static int bind(PreparedStatement s, int i, Object[] key) throws SQLException {
    for (Object column : key) {
      s.setObject(i++, column);
    }
    return i;
  }
}
