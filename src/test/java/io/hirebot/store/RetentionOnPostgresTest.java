package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.testing.Eventually;
import io.hirebot.testing.PostgresDatabase;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retention purge on PostgreSQL (real migrations) with a backlog larger than one batch. */
class RetentionOnPostgresTest {
  @RegisterExtension
  static final PostgresDatabase postgres = new PostgresDatabase();
  private static final Database db = postgres.db;
  private static final Duration AUDIT = Duration.ofDays(90);

  @Test
  @DisplayName("a backlog past retention is deleted in bounded transactions: audit entries (numeric key) and digest "
      + "slots (chat, time) commit batch by batch while another transaction holds a late slot; fresh rows stay")
  void backlogInBatches() throws Exception {
    // GIVEN more expired audit entries and digest slots than two batches each, fresh ones among them, and another
    // replica's transaction holding the last expired slot (a digest claiming it, say, or a slow commit)
    Instant now = Instant.now();
    long old = now.minus(AUDIT).minus(Duration.ofDays(1)).toEpochMilli();
    long young = now.minus(Duration.ofDays(1)).toEpochMilli();
    int expired = 2 * ExpiredRows.BATCH + 1_000;
    int fresh = 50;
    try (Connection c = postgres.direct().getConnection();
        PreparedStatement audit = c.prepareStatement("INSERT INTO audit_log (occurred_at, actor, chat_id, action, "
            + "outcome) VALUES (?, 'ou_a', 'oc_1', 'query.jobs', 'ok')");
        PreparedStatement slot = c.prepareStatement("INSERT INTO digest_slots (chat_id, slot_at, claimed_by, "
            + "claimed_at) VALUES (?, ?, 'r1', 0)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < expired + fresh; i++) {
        boolean keep = i % (expired / fresh) == 0 && i / (expired / fresh) < fresh;
        audit.setLong(1, keep ? young : old);
        audit.addBatch();
        // Ten slots per chat: the key order interleaves chats and times, and fresh slots sit among expired ones.
        slot.setString(1, String.format("oc_%05d", i / 10));
        slot.setLong(2, (keep ? young : old) + i % 10);
        slot.addBatch();
      }
      audit.executeBatch();
      slot.executeBatch();
      c.commit();
    }
    int expiredSlots = count("digest_slots", old + 10);
    Retention retention = new Retention(db, AUDIT);
    try (Connection other = postgres.direct().getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement s = other.prepareStatement("SELECT chat_id FROM digest_slots WHERE slot_at < ? "
          + "ORDER BY chat_id DESC, slot_at DESC FETCH FIRST 1 ROWS ONLY FOR UPDATE")) {
        s.setLong(1, old + 10);
        s.executeQuery().close();
      }

      // WHEN the hourly purge runs
      Future<Map<String, Integer>> purged = retention.purge(now);

      // THEN the audit entries are gone and the slots' batches before the held row commit, visible to everyone,
      // while the held row's batch waits
      boolean progressed = Eventually.holds(() -> count("digest_slots", old + 10) <= expiredSlots - 2 * ExpiredRows.BATCH
          && count("audit_log", old + 1) == 0, 30);
      int auditLeft = count("audit_log", old + 1);
      int slotsLeft = count("digest_slots", old + 10);
      other.rollback();

      assertTrue(progressed, "expired rows left while a late slot was held: audit " + auditLeft + " of " + expired
          + ", slots " + slotsLeft + " of " + expiredSlots
          + " (one transaction for the whole purge deletes none until it can delete all)");
      Map<String, Integer> deleted = await(purged);
      assertEquals(expired, deleted.get("audit_log"), deleted.toString());
      assertEquals(expiredSlots, deleted.get("digest_slots"), deleted.toString());
    }
    assertEquals(0, count("audit_log", old + 1), "expired audit entries left");
    assertEquals(0, count("digest_slots", old + 10), "expired slots left");
    assertEquals(fresh, count("audit_log", Long.MAX_VALUE), "fresh audit entries kept");
    assertEquals(fresh, count("digest_slots", Long.MAX_VALUE), "fresh slots kept");
  }

  /** Rows of {@code table} whose time is before {@code before}. */
  private static int count(String table, long before) throws SQLException {
    String time = table.equals("audit_log") ? "occurred_at" : "slot_at";
    try (Connection c = postgres.direct().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + time + " < ?")) {
      s.setLong(1, before);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
