package io.hirebot.access;

import io.vertx.core.Future;
import java.util.List;

/** Where every candidate query and every attempted action is recorded (who, chat, what, when, result, log id). */
public interface AuditLog {
  void record(AuditEntry entry);

  /** The latest {@code limit} entries, newest first. */
  Future<List<AuditEntry>> latest(int limit);
}
