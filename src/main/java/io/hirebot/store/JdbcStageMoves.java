package io.hirebot.store;

import io.hirebot.hire.StageMove;
import io.hirebot.hire.StageMoveLog;
import io.vertx.core.Future;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link StageMoveLog} in the {@code stage_moves} table, purged with the audit log ({@link Retention}). */
public final class JdbcStageMoves implements StageMoveLog {
  private static final Logger log = LoggerFactory.getLogger(JdbcStageMoves.class);
  private static final String INSERT = "INSERT INTO stage_moves (application_id, moved_at, actor, origin_stage_id, "
      + "origin_entered_at, target_stage_id, by_undo) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT application_id, moved_at, actor, origin_stage_id, origin_entered_at, "
      + "target_stage_id, by_undo FROM stage_moves WHERE application_id IN (%s) ORDER BY moved_at, id";

  private final Database db;

  public JdbcStageMoves(Database db) {
    this.db = db;
  }

  @Override
  public Future<Void> record(StageMove m) {
    return db.runUrgent(c -> Claims.update(c, INSERT, s -> {
      s.setString(1, m.applicationId());
      s.setLong(2, m.at().toEpochMilli());
      s.setString(3, m.actorOpenId() == null ? "" : m.actorOpenId());
      s.setString(4, m.fromStageId());
      if (m.fromEnteredAt() == null) {
        s.setNull(5, Types.BIGINT);
      } else {
        s.setLong(5, m.fromEnteredAt().toEpochMilli());
      }
      s.setString(6, m.toStageId());
      s.setBoolean(7, m.undo());
    })).<Void>mapEmpty().recover(e -> {
      log.error("stage move not stored application_id={} cause={}", m.applicationId(), e.toString());
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<List<StageMove>> of(Collection<String> applicationIds) {
    List<String> ids = List.copyOf(applicationIds);
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    String sql = String.format(SELECT, String.join(", ", Collections.nCopies(ids.size(), "?")));
    return db.runUrgent(c -> Rows.list(c, sql, s -> {
      for (int i = 0; i < ids.size(); i++) {
        s.setString(i + 1, ids.get(i));
      }
    }, JdbcStageMoves::move));
  }

  private static StageMove move(ResultSet r) throws SQLException {
    long entered = r.getLong(5);
    Instant fromEntered = r.wasNull() ? null : Instant.ofEpochMilli(entered);
    return new StageMove(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3), r.getString(4),
        fromEntered, r.getString(6), r.getBoolean(7));
  }
}
