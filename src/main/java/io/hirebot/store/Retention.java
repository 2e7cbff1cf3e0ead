package io.hirebot.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import io.hirebot.util.RateBudget;
import java.util.LinkedHashMap;
import java.util.List;
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
  /**
   * How a notification reached a chat is read by its retries: a replayed event's (its claim lives 8 hours) and a
   * rejection's notice sent again (within the hour); kept a day.
   */
  public static final Duration NOTIFICATION_PATHS = Duration.ofDays(1);
  /** A chat's shared rate budget is full again a second after its last message; an hour idle is forgotten. */
  public static final Duration CHAT_BUDGETS = Duration.ofHours(1);

  private final Database db;
  private final Duration audit;
  private final ExpiredRows auditLog;
  private final ExpiredRows ownChanges;
  private final ExpiredRows digestSlots;
  private final ExpiredRows remindersSent;
  private final ExpiredRows failedEvents;
  private final ExpiredRows notificationPaths;

  /** @param audit how long audit entries are kept (HIREBOT_AUDIT_RETENTION_DAYS) */
  public Retention(Database db, Duration audit) {
    this.db = db;
    this.audit = audit;
    auditLog = new ExpiredRows(db, "audit_log", "id", "occurred_at");
    // Who moved or rejected whom is part of the audit trail, shown on profiles: kept as long. A move's chats and event
    // are wanted for hours only (JdbcOwnChanges.MATCHED_WITHIN), and go with it.
    ownChanges = new ExpiredRows(db, "own_changes", "change_id", "made_at");
    digestSlots = new ExpiredRows(db, "digest_slots", List.of("chat_id", "slot_at"), "slot_at");
    remindersSent = new ExpiredRows(db, "reminders_sent", "reminder_key", "sent_at");
    failedEvents = new ExpiredRows(db, "failed_events", "event_key", "failed_at");
    notificationPaths = new ExpiredRows(db, "notification_paths", "send_key", "decided_at");
  }

  /**
   * Deletes every row past its retention at {@code now}, table after table, each in bounded transactions
   * ({@link ExpiredRows}): a year's backlog of audit entries never holds one transaction open; completes with the rows
   * deleted per table.
   */
  public Future<Map<String, Integer>> purge(Instant now) {
    long t = now.toEpochMilli();
    Map<String, Integer> deleted = new LinkedHashMap<>();
    return auditLog.purge(t - audit.toMillis()).compose(n -> {
      deleted.put("audit_log", n);
      return ownChanges.purge(t - audit.toMillis());
    }).compose(n -> {
      deleted.put("own_changes", n);
      return digestSlots.purge(t - DIGEST_SLOTS.toMillis());
    }).compose(n -> {
      deleted.put("digest_slots", n);
      return remindersSent.purge(t - REMINDER_CLAIMS.toMillis());
    }).compose(n -> {
      deleted.put("reminders_sent", n);
      return failedEvents.purge(t - FAILED_EVENTS.toMillis());
    }).compose(n -> {
      deleted.put("failed_events", n);
      return notificationPaths.purge(t - NOTIFICATION_PATHS.toMillis());
    }).compose(n -> {
      deleted.put("notification_paths", n);
      // Chats' budget rows: one per chat active in the last hour, so one statement stays short; a row a stuck
      // transaction holds fails it (the next hour's purge tries again) rather than holding a worker for ever.
      return db.shared() ? db.transactionBoundedWait(c -> JdbcRateBudgets.purgeIdle(c, RateBudget.CHAT_KEY_PREFIX, CHAT_BUDGETS))
          : Future.succeededFuture(null);
    }).map(n -> {
      if (n != null) {
        deleted.put("rate_budgets", n);
      }
      return deleted;
    }).onSuccess(counts -> {
      if (counts.values().stream().anyMatch(n -> n > 0)) {
        log.info("retention purge deleted={}", counts);
      }
    });
  }
}
