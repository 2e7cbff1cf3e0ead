package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.i18n.Language;
import io.hirebot.store.HeldNotifications.Change;
import io.hirebot.store.HeldNotifications.Held;
import io.hirebot.store.HeldNotifications.Path;
import io.hirebot.schedule.MutableClock;
import io.hirebot.testing.PostgresDatabase;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Notifications held in quiet hours, on H2 with the real migrations. */
class HeldNotificationsTest {
  private static final Instant NOW = Instant.parse("2026-12-02T00:30:00Z");
  private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final Vertx vertx = Vertx.vertx();
  private Database db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
    await(vertx.close());
  }

  private HeldNotifications held() {
    return new HeldNotifications(db, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  @DisplayName("a held notification comes back with its summary in each language, its job and when it happened")
  void heldAndReleased() {
    // GIVEN a stage change held for a chat that follows the job in Chinese
    db = await(Database.open(vertx, url, "", ""));
    Change change = new Change(Map.of(Language.EN, "**Stage change · Backend**\nAlice moved", Language.ZH,
        "**阶段变化 · Backend**\nAlice 进入面试"), "job_1", "Backend Engineer (BE-001)",
        Instant.parse("2026-12-01T23:10:00Z"));
    assertEquals(HeldNotifications.Path.HELD, await(held().route("k1:oc_team", "oc_team", true, "zh_cn", () -> change)));

    // WHEN the chat's quiet hours end
    List<Held> rows = await(held().release("oc_team", "token-1"));

    // THEN the batch has what it shows of the change
    assertEquals(List.of(new Held("oc_team", "zh_cn", change)), rows);
  }

  @Test
  @DisplayName("a notification held before V26 (one summary, no job, no change time) is still released: its summary "
      + "in every language, at the time it was held")
  void rowsHeldBeforeV26() throws Exception {
    // GIVEN a database a release before V26 migrated, holding a notification as it wrote them
    org.flywaydb.core.Flyway.configure().dataSource(url, "", "").locations("classpath:" + AppliedMigrations.LOCATION)
        .target("25").load().migrate();
    long heldAt = Instant.parse("2026-12-01T22:05:00Z").toEpochMilli();
    try (Connection c = DriverManager.getConnection(url, "", "");
        PreparedStatement s = c.prepareStatement(
            "INSERT INTO held_notifications (chat_id, lang, summary, held_at) VALUES (?, ?, ?, ?)")) {
      s.setString(1, "oc_team");
      s.setString(2, "en_us");
      s.setString(3, "**Stage change · Backend**\nAlice moved");
      s.setLong(4, heldAt);
      s.executeUpdate();
    }

    // WHEN this release opens it (running V26) and the chat's quiet hours end
    db = await(Database.open(vertx, url, "", ""));
    List<Held> rows = await(held().release("oc_team", "token-1"));

    // THEN the old row is released with what it has
    String summary = "**Stage change · Backend**\nAlice moved";
    assertEquals(List.of(new Held("oc_team", "en_us", new Change(Map.of(Language.EN, summary, Language.ZH, summary),
        "", "", Instant.ofEpochMilli(heldAt)))), rows);
  }

  @Test
  @DisplayName("a notification's retry takes its first try's path, quiet hours or not: sent first, sent again (never "
      + "held; RESENT, which a rate limit does not make it forget); held first, neither held again nor sent")
  void retryKeepsTheFirstPath() {
    db = await(Database.open(vertx, url, "", ""));
    Change change = new Change(Map.of(Language.EN, "Alice moved", Language.ZH, "Alice 进入面试"), "job_1", "Backend",
        null);
    // GIVEN one notification tried while its chat was not quiet, another while it was
    assertEquals(Path.SENT, await(held().route("notify:1:oc_team", "oc_team", false, "en_us", () -> change)));
    assertEquals(Path.HELD, await(held().route("notify:2:oc_team", "oc_team", true, "en_us", () -> change)));

    // WHEN each is tried again with the chat's quiet hours turned around
    Path first = await(held().route("notify:1:oc_team", "oc_team", true, "en_us", () -> change));
    Path second = await(held().route("notify:2:oc_team", "oc_team", false, "en_us", () -> change));

    // THEN the first is sent again (its uuid lets Feishu drop a repeat), the second stays held once, for the batch
    assertEquals(Path.RESENT, first);
    assertEquals(Path.HELD, second);
    assertEquals(1, await(held().release("oc_team", "token-1")).size(), "held once, the second only");
  }

  @Test
  @DisplayName("a path forgotten after a rate-limited send is chosen again by the retry; a held one is kept")
  void forgottenPathChosenAgain() {
    db = await(Database.open(vertx, url, "", ""));
    Change change = new Change(Map.of(Language.EN, "Bob moved", Language.ZH, "Bob 进入面试"), "job_1", "Backend", null);
    // GIVEN one notification to be sent (the chat not quiet) whose send Feishu refused, and one held
    assertEquals(Path.SENT, await(held().route("notify:3:oc_team", "oc_team", false, "en_us", () -> change)));
    assertEquals(Path.HELD, await(held().route("notify:4:oc_team", "oc_team", true, "en_us", () -> change)));

    // WHEN both paths are forgotten and retried, the chat's quiet hours turned around
    await(held().forget("notify:3:oc_team"));
    await(held().forget("notify:4:oc_team"));
    Path first = await(held().route("notify:3:oc_team", "oc_team", true, "en_us", () -> change));
    Path second = await(held().route("notify:4:oc_team", "oc_team", false, "en_us", () -> change));

    // THEN the first is held now, as a first try in quiet hours is; the second stays held, once
    assertEquals(Path.HELD, first);
    assertEquals(Path.HELD, second);
    assertEquals(2, await(held().release("oc_team", "token-2")).size(), "each held once");
  }
  private static final Change REJECTED = new Change(Map.of(Language.EN, "**Rejected · Backend**\nCarol rejected",
      Language.ZH, "**已淘汰 · Backend**\nCarol 已淘汰"), "job_1", "Backend", null);

  /** A replica holds a notification for oc_team; another, in a run that then dies, stamps it as released. */
  private static HeldNotifications strandedBy(Database db, MutableClock clock, String token) {
    HeldNotifications held = new HeldNotifications(db, clock);
    assertEquals(Path.HELD, await(held.route("notify:9:oc_team", "oc_team", true, "en_us", () -> REJECTED)));
    assertEquals(1, await(held.release("oc_team", token)).size());
    return held;
  }

  private static void staleStampTakenAgain(Database db) {
    MutableClock clock = MutableClock.atNow();
    // GIVEN a chat's row stamped by a release run that died before sending or giving it back
    HeldNotifications held = strandedBy(db, clock, "run-that-died");

    // WHEN a run looks while the stamp may still be a live run's send, THEN it leaves the row alone
    clock.advance(HeldNotifications.STALE_RELEASE.minusSeconds(1));
    assertEquals(List.of(), await(held.chats()), "a fresh stamp");
    assertEquals(List.of(), await(held.release("oc_team", "run-2")), "a fresh stamp");

    // WHEN a notification is held meanwhile and a run looks once the stamp is older than any send takes
    assertEquals(Path.HELD, await(held.route("notify:10:oc_team", "oc_team", true, "en_us", () -> REJECTED)));
    clock.advance(Duration.ofSeconds(2));
    assertEquals(List.of("oc_team"), await(held.chats()));

    // THEN it takes the dead run's rows alone (the same rows: the same batch uuid), and the next run the new one
    List<Held> again = await(held.release("oc_team", "run-3"));
    assertEquals(1, again.size());
    await(held.delete("run-3"));
    assertEquals(1, await(held.release("oc_team", "run-4")).size(), "the row held meanwhile, in a batch of its own");
    await(held.delete("run-4"));
    clock.advance(HeldNotifications.STALE_RELEASE.plusMinutes(1));
    assertEquals(List.of(), await(held.chats()), "nothing left");
  }

  private static void oneReplicaTakesAStaleStamp(Database one, Database other) {
    MutableClock clock = MutableClock.atNow();
    strandedBy(one, clock, "run-that-died");
    clock.advance(HeldNotifications.STALE_RELEASE.plusSeconds(1));

    // WHEN two replicas' runs find the stale stamp at once
    var a = new HeldNotifications(one, clock).release("oc_team", "run-a");
    var b = new HeldNotifications(other, clock).release("oc_team", "run-b");
    await(io.vertx.core.Future.all(a, b));

    // THEN one of them takes the rows
    assertEquals(1, a.result().size() + b.result().size(), a.result() + " / " + b.result());
  }

  /**
   * A database of the release before V33, as an upgrade finds it: Flyway's migrations up to V32 (so whatever comes
   * after V33 still applies in order), and a row a release run of that release stamped and then died.
   */
  private static void releaseBeforeV33(String url, String user, String password) throws Exception {
    Flyway.configure().dataSource(url, user, password).locations("classpath:" + AppliedMigrations.LOCATION)
        .target("32").load().migrate();
    try (Connection c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
      s.executeUpdate("INSERT INTO held_notifications (chat_id, lang, summary, held_at, released_by) VALUES "
          + "('oc_team', 'en_us', 'Carol rejected', 1, 'run-before-v33')");
    }
  }

  private static void strandedBeforeV33(Database db, MutableClock clock) {
    HeldNotifications held = new HeldNotifications(db, clock);
    assertEquals(List.of("oc_team"), await(held.chats()), "a stamp without a time is stale");
    assertEquals(1, await(held.release("oc_team", "run-1")).size());
  }

  @Test
  @DisplayName("rows stamped by a run that died are taken again once the stamp is older than any send, alone")
  void staleStamp() {
    db = await(Database.open(vertx, url, "", ""));
    staleStampTakenAgain(db);
  }

  @Test
  @DisplayName("two runs finding one stale stamp at once: one takes the rows")
  void staleStampTakenOnce() {
    db = await(Database.open(vertx, url, "", ""));
    oneReplicaTakesAStaleStamp(db, db);
  }

  @Test
  @DisplayName("a database of the release before V33 gets the column (V33), and a row a run stamped then "
      + "is taken again")
  void stampedBeforeV33() throws Exception {
    releaseBeforeV33(url, "", "");
    db = await(Database.open(vertx, url, "", ""));
    strandedBeforeV33(db, MutableClock.atNow());
  }

  @Nested
  class OnPostgres {
    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();

    @Test
    @DisplayName("rows stamped by a run that died are taken again once the stamp is stale (PostgreSQL)")
    void staleStamp() {
      staleStampTakenAgain(postgres.db);
    }

    @Test
    @DisplayName("two replicas on one PostgreSQL finding one stale stamp at once: one takes the rows")
    void staleStampTakenOnce() {
      Database other = await(Database.open(postgres.vertx, postgres.url(), "postgres", "postgres"));
      try {
        oneReplicaTakesAStaleStamp(postgres.db, other);
      } finally {
        other.close();
      }
    }

    @Test
    @DisplayName("a PostgreSQL database of the release before V33 gets the column, and a row stamped then is taken")
    void stampedBeforeV33() throws Exception {
      try (Connection c = postgres.direct().getConnection(); var s = c.createStatement()) {
        s.executeUpdate("DROP SCHEMA public CASCADE");
        s.executeUpdate("CREATE SCHEMA public");
      }
      releaseBeforeV33(postgres.url(), "postgres", "postgres");
      Database reopened = await(Database.open(postgres.vertx, postgres.url(), "postgres", "postgres"));
      try {
        strandedBeforeV33(reopened, MutableClock.atNow());
      } finally {
        reopened.close();
      }
    }
  }
}
