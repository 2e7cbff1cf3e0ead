package io.hirebot.testing;

import io.hirebot.access.AuditEntry;
import io.hirebot.access.AuditLog;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AuditLog} in memory for the middle test layer, so a test can assert on what a feature recorded; the
 * stored one ({@code JdbcAuditLog}) is covered by the end-to-end journeys and the store tests.
 */
public final class RecordingAuditLog implements AuditLog {
  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized void record(AuditEntry entry) {
    entries.add(entry);
  }

  @Override
  public synchronized Future<List<AuditEntry>> latest(int limit) {
    List<AuditEntry> newestFirst = new ArrayList<>(entries);
    java.util.Collections.reverse(newestFirst);
    return Future.succeededFuture(List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size()))));
  }

  public synchronized List<AuditEntry> entries() {
    return List.copyOf(entries);
  }
}
