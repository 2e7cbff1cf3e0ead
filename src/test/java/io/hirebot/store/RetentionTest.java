package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.schedule.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rows past their retention are deleted by the schedule's clock, rows inside it are kept (H2, real migrations). */
class RetentionTest {
  private Vertx vertx;
  private Database db;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = await(Database.open(vertx, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
  }

  @AfterEach
  void close() {
    db.close();
    await(vertx.close());
  }

  @Test
  @DisplayName("audit and the changes the bot made (configured, 90 days here), digest slots, reminder claims and "
      + "failed events (30 d) are purged once past retention, not a day before")
  void purgesPastRetention() {
    MutableClock clock = MutableClock.atNow();
    Instant start = clock.instant();
    await(db.run(c -> Claims.update(c, "INSERT INTO audit_log (occurred_at, actor, chat_id, action, outcome) "
        + "VALUES (?, 'ou_a', 'oc_1', 'query.jobs', 'ok')", s -> s.setLong(1, start.toEpochMilli()))));
    insertRows(start);
    JdbcOwnChanges changes = new JdbcOwnChanges(db, clock);
    await(changes.move(io.hirebot.hire.OwnChange.move("a1", start, "ou_a", "s1", null, "s2", false),
        java.util.Set.of("oc_1", "oc_2"), Future::succeededFuture));
    assertEquals(1, await(changes.of(java.util.List.of("a1"))).size());
    Retention retention = new Retention(db, Duration.ofDays(90));

    clock.advance(Duration.ofDays(29)); // day 29
    assertEquals(Map.of("audit_log", 0, "own_changes", 0, "digest_slots", 0, "reminders_sent", 0, "failed_events", 0,
        "notification_paths", 0), await(retention.purge(clock.instant())), "everything is inside its retention");
    clock.advance(Duration.ofDays(2)); // day 31
    Map<String, Integer> month = await(retention.purge(clock.instant()));
    assertEquals(1, month.get("digest_slots"));
    assertEquals(1, month.get("reminders_sent"));
    assertEquals(1, month.get("failed_events"));
    assertEquals(1, count("audit_log"), "audit is kept for its configured 90 days");
    assertEquals(1, count("digest_slots"), "the slot written on day 20 is still inside its retention");
    clock.advance(Duration.ofDays(60)); // day 91
    Map<String, Integer> later = await(retention.purge(clock.instant()));
    assertEquals(1, later.get("audit_log"));
    assertEquals(1, later.get("own_changes"));
    assertEquals(0, count("audit_log"));
    assertEquals(0, count("own_changes"));
  }

  @Test
  @DisplayName("how a notification reached a chat (sent or held) is kept a day, past its retries, then purged")
  void notificationPathsKeptADay() {
    MutableClock clock = MutableClock.atNow();
    HeldNotifications held = new HeldNotifications(db, clock);
    await(held.route("notify:ev:1:a1:oc_1", "oc_1", false, "en_us", () -> {
      throw new AssertionError("a notification sent is not held");
    }));
    Retention retention = new Retention(db, Duration.ofDays(90));

    clock.advance(Duration.ofHours(23));
    assertEquals(0, await(retention.purge(clock.instant())).get("notification_paths"));
    clock.advance(Duration.ofHours(2));
    assertEquals(1, await(retention.purge(clock.instant())).get("notification_paths"));
    assertEquals(0, count("notification_paths"));
  }

  @Test
  @DisplayName("H2: a backlog of digest slots larger than one batch (keyed by chat and time) is purged batch by batch, "
      + "fresh slots among them kept")
  void compositeKeyBacklog() {
    Instant now = Instant.now();
    long old = now.minus(Retention.DIGEST_SLOTS).minus(Duration.ofDays(1)).toEpochMilli();
    long young = now.minus(Duration.ofDays(1)).toEpochMilli();
    int rows = ExpiredRows.BATCH + 1_500;
    await(db.run(c -> {
      try (var s = c.prepareStatement("INSERT INTO digest_slots (chat_id, slot_at, claimed_by, claimed_at) "
          + "VALUES (?, ?, 'r1', 0)")) {
        for (int i = 0; i < rows; i++) {
          s.setString(1, String.format("oc_%05d", i / 10));
          s.setLong(2, (i % 100 == 0 ? young : old) + i % 10);
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    }));
    int fresh = (rows + 99) / 100;

    Map<String, Integer> deleted = await(new Retention(db, Duration.ofDays(90)).purge(now));

    assertEquals(rows - fresh, deleted.get("digest_slots"), deleted.toString());
    assertEquals(fresh, count("digest_slots"), "fresh slots kept");
  }

  /** One old row per table at {@code start}, and a second, younger one (20 days later) that must survive. */
  private void insertRows(Instant start) {
    long t = start.toEpochMilli();
    long young = start.plus(Duration.ofDays(20)).toEpochMilli();
    await(db.run(c -> {
      for (long at : new long[] {t, young}) {
        String id = Long.toString(at);
        Claims.update(c, "INSERT INTO digest_slots (chat_id, slot_at, claimed_by, claimed_at) VALUES ('oc_1', ?, 'r1', ?)",
            s -> {
              s.setLong(1, at);
              s.setLong(2, at);
            });
        Claims.update(c, "INSERT INTO reminders_sent (reminder_key, sent_at) VALUES (?, ?)", s -> {
          s.setString(1, "remind:" + id);
          s.setLong(2, at);
        });
        Claims.update(c, "INSERT INTO failed_events (event_key, envelope, attempts, last_error, received_at, failed_at) "
            + "VALUES (?, '{}', 4, 'boom', ?, ?)", s -> {
              s.setString(1, "ev:" + id);
              s.setLong(2, at);
              s.setLong(3, at);
            });
      }
      return null;
    }));
  }

  private int count(String table) {
    return await(db.run(c -> {
      try (var s = c.prepareStatement("SELECT COUNT(*) FROM " + table); var r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }));
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
