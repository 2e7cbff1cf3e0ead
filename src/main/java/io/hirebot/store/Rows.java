package io.hirebot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC shapes the repositories repeat: read rows into records, update-or-insert. */
final class Rows {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface Mapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private Rows() {}

  static <T> List<T> list(Connection c, String sql, Claims.Binder binder, Mapper<T> mapper) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      List<T> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(mapper.map(r));
        }
      }
      return rows;
    }
  }

  /** Updates the row; inserts it when there was none. Portable where MERGE and ON CONFLICT are not. */
  static void upsert(Connection c, String update, Claims.Binder updateBinder, String insert, Claims.Binder insertBinder)
      throws SQLException {
    if (Claims.update(c, update, updateBinder) == 0) {
      Claims.update(c, insert, insertBinder);
    }
  }
}
