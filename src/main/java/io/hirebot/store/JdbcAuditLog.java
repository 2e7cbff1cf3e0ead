package io.hirebot.store;

import io.hirebot.access.AuditEntry;
import io.hirebot.access.AuditLog;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuditLog} in the {@code audit_log} table, plus one structured log line per entry (logger
 * {@code hirebot.audit}) so an entry is never lost even when the database write fails.
 */
public final class JdbcAuditLog implements AuditLog {
  private static final Logger log = LoggerFactory.getLogger("hirebot.audit");
  static final int MAX_DETAIL = 2000;

  private final Database db;

  public JdbcAuditLog(Database db) {
    this.db = db;
  }

  @Override
  public void record(AuditEntry e) {
    String detail = e.detail() == null ? "" : e.detail();
    if (!db.scratch()) {
      // The start-up warm-up's canned user acting in a scratch database is no one's action: not in the audit trail.
      log.info("audit at={} actor={} chat_id={} action={} application_id={} job_id={} result={} logid={} detail=\"{}\"",
          e.at(), e.actorOpenId(), e.chatId(), e.action(), e.applicationId(), e.jobId(), e.result(), e.logId(),
          detail.replace('"', '\''));
    }
    db.run(c -> Claims.update(c, "INSERT INTO audit_log (occurred_at, actor, chat_id, action, target, outcome, log_id, "
        + "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", st -> {
          st.setLong(1, e.at().toEpochMilli());
          st.setString(2, e.actorOpenId());
          st.setString(3, e.chatId());
          st.setString(4, e.action());
          st.setString(5, target(e));
          st.setString(6, e.result());
          st.setString(7, e.logId());
          st.setString(8, Columns.fit(detail, MAX_DETAIL));
        }))
        .onFailure(err -> log.error("audit row not stored action={} cause={}", e.action(), err.toString()));
  }

  @Override
  public Future<List<AuditEntry>> latest(int limit) {
    return db.run(c -> Rows.list(c, "SELECT occurred_at, actor, chat_id, action, target, outcome, log_id, detail "
        + "FROM audit_log ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", st -> { },
        r -> {
          String[] target = split(r.getString(5));
          return new AuditEntry(Instant.ofEpochMilli(r.getLong(1)), nz(r.getString(2)), nz(r.getString(3)),
              r.getString(4), target[0], target[1], nz(r.getString(8)), r.getString(6), nz(r.getString(7)));
        }));
  }

  /** "application/job", the two ids an action is about (either may be empty). */
  private static String target(AuditEntry e) {
    return nz(e.applicationId()) + "/" + nz(e.jobId());
  }

  private static String[] split(String target) {
    String t = nz(target);
    int slash = t.indexOf('/');
    return slash < 0 ? new String[] {t, ""} : new String[] {t.substring(0, slash), t.substring(slash + 1)};
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
