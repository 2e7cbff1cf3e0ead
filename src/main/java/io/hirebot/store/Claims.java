package io.hirebot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * "Exactly once" as a unique row: the first insert of a key wins; a later claimant wins only when the
 * row's previous claim went stale (its owner died before finishing). Works alike on H2 and PostgreSQL,
 * in auto-commit mode or inside a transaction (a group commit), with no vendor locking.
 */
final class Claims {

  /** Binds the parameters of one statement. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private Claims() {}

  /**
   * @param insert inserts the claim row; fails with a unique violation when the key exists
   * @param takeOver updates the existing row only if its claim is stale; one row updated means taken over;
   *     null when a claim never goes stale
   */
  static boolean claim(Connection c, String insert, Binder insertBinder, String takeOver, Binder takeOverBinder)
      throws SQLException {
    // Inside a transaction PostgreSQL refuses every statement after a failed one until it is rolled back.
    Savepoint beforeInsert = c.getAutoCommit() ? null : c.setSavepoint();
    try (PreparedStatement s = c.prepareStatement(insert)) {
      insertBinder.bind(s);
      s.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (!Database.isUniqueViolation(e)) {
        throw e;
      }
      if (beforeInsert != null) {
        c.rollback(beforeInsert);
      }
    }
    if (takeOver == null) {
      return false;
    }
    try (PreparedStatement s = c.prepareStatement(takeOver)) {
      takeOverBinder.bind(s);
      return s.executeUpdate() == 1;
    }
  }

  /** Runs one update statement and returns the number of rows changed. */
  static int update(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      return s.executeUpdate();
    }
  }
}
