package io.hirebot.access;

/** Where attempted actions are recorded; the persistence issue stores them, this port keeps callers unaware. */
public interface AuditLog {
  void record(AuditEntry entry);
}
