package io.hirebot.access;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuditLog} as one structured log line per entry (logger {@code hirebot.audit}) plus the latest
 * entries in memory for {@code audit [N]}; the persistence issue adds a database-backed one.
 */
public final class InMemoryAuditLog implements AuditLog {
  private static final Logger log = LoggerFactory.getLogger("hirebot.audit");
  static final int KEEP = 1_000;

  private final Deque<AuditEntry> recent = new ArrayDeque<>();

  @Override
  public void record(AuditEntry e) {
    log.info("audit at={} actor={} chat_id={} action={} application_id={} job_id={} result={} logid={} detail=\"{}\"",
        e.at(), e.actorOpenId(), e.chatId(), e.action(), e.applicationId(), e.jobId(), e.result(), e.logId(),
        e.detail() == null ? "" : e.detail().replace('"', '\''));
    synchronized (recent) {
      recent.addFirst(e);
      if (recent.size() > KEEP) {
        recent.removeLast();
      }
    }
  }

  @Override
  public Future<List<AuditEntry>> latest(int limit) {
    List<AuditEntry> out = new ArrayList<>(limit);
    synchronized (recent) {
      Iterator<AuditEntry> it = recent.iterator();
      while (it.hasNext() && out.size() < limit) {
        out.add(it.next());
      }
    }
    return Future.succeededFuture(out);
  }
}
