package io.hirebot.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the bot no longer needs, run on a schedule with the scheduler's clock. Each period is longer
 * than the longest look-back of the code that reads the rows (README, "Retention"); event claims expire on
 * their own ({@link JdbcProcessedEvents#purgeExpired}) and card registrations are forgotten by the living cards
 * once Feishu no longer lets a card be updated ({@link CardRegistry#forgetSentBefore}, 14 days).
 */
public final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  /** A digest covers at most the 7 days since the last one (DigestRoutine.MAX_PERIOD); kept 30 days. */
  public static final Duration DIGEST_SLOTS = Duration.ofDays(30);
  /** Feedback is chased for 14 days after an interview (InterviewReminders.NUDGE_HORIZON); kept 30 days. */
  public static final Duration REMINDER_CLAIMS = Duration.ofDays(30);
  /** Parked events stay listed for admins a month. */
  public static final Duration FAILED_EVENTS = Duration.ofDays(30);
  /** A chat's shared rate budget is full again a second after its last message; an hour idle is forgotten. */
  public static final Duration CHAT_BUDGETS = Duration.ofHours(1);

  private final Database db;
  private final Duration audit;

  /** @param audit how long audit entries are kept (HIREBOT_AUDIT_RETENTION_DAYS) */
  public Retention(Database db, Duration audit) {
    this.db = db;
    this.audit = audit;
  }

  /** Deletes every row past its retention at {@code now}; completes with the rows deleted per table. */
  public Future<Map<String, Integer>> purge(Instant now) {
    long t = now.toEpochMilli();
    return db.transaction(c -> {
      Map<String, Integer> deleted = new LinkedHashMap<>();
      deleted.put("audit_log", delete(c, "DELETE FROM audit_log WHERE occurred_at < ?", t - audit.toMillis()));
      deleted.put("digest_slots", delete(c, "DELETE FROM digest_slots WHERE slot_at < ?", t - DIGEST_SLOTS.toMillis()));
      deleted.put("reminders_sent", delete(c, "DELETE FROM reminders_sent WHERE sent_at < ?",
          t - REMINDER_CLAIMS.toMillis()));
      deleted.put("failed_events", delete(c, "DELETE FROM failed_events WHERE failed_at < ?",
          t - FAILED_EVENTS.toMillis()));
      if (db.shared()) {
        deleted.put("rate_budgets", JdbcRateBudgets.purgeIdle(c, io.hirebot.util.RateBudget.CHAT_KEY_PREFIX, CHAT_BUDGETS));
      }
      return deleted;
    }).onSuccess(deleted -> {
      if (deleted.values().stream().anyMatch(n -> n > 0)) {
        log.info("retention purge deleted={}", deleted);
      }
    });
  }

  private static int delete(java.sql.Connection c, String sql, long before) throws java.sql.SQLException {
    return Claims.update(c, sql, s -> s.setLong(1, before));
  }
}
