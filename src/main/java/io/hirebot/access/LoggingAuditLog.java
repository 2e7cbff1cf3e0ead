package io.hirebot.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AuditLog} as one structured log line per entry (logger {@code hirebot.audit}). */
public final class LoggingAuditLog implements AuditLog {
  private static final Logger log = LoggerFactory.getLogger("hirebot.audit");

  @Override
  public void record(AuditEntry e) {
    log.info("audit at={} actor={} chat_id={} action={} application_id={} job_id={} result={} logid={} detail=\"{}\"",
        e.at(), e.actorOpenId(), e.chatId(), e.action(), e.applicationId(), e.jobId(), e.result(), e.logId(),
        e.detail() == null ? "" : e.detail().replace('"', '\''));
  }
}
