package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hirebot.hire.OwnChange;
import io.hirebot.schedule.MutableClock;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * V29 makes one table of chat_moves (V27) and stage_moves (V28): a database a release of that time left keeps its
 * moves, who made them and the chats they were clicked in, on H2 and on PostgreSQL.
 */
class OwnChangesMigrationTest {
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  @Test
  @DisplayName("H2: the bot's moves and their chats are copied into own_changes, and the two old tables dropped")
  void onH2() throws SQLException {
    copiesMovesAndTheirChats("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
  }

  @Test
  @DisplayName("PostgreSQL: the bot's moves and their chats are copied into own_changes, and the two old tables "
      + "dropped")
  void onPostgres() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      copiesMovesAndTheirChats(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }
  }

  private void copiesMovesAndTheirChats(String url, String user, String password) throws SQLException {
    MutableClock clock = MutableClock.atNow();
    Instant t = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minus(Duration.ofMinutes(30));
    Instant entered = t.minus(Duration.ofDays(5));
    // GIVEN a database a release of V28 left: three moves the bot made, with the chats noted for the first two as that
    // release did (the same moment, give or take the write's start); the first one's event came, the second's not yet;
    // the third was clicked where no chat was noted. And a move noted whose write failed and was never forgotten.
    Flyway.configure().dataSource(url, user, password).locations("classpath:" + AppliedMigrations.LOCATION)
        .target("28").load().migrate();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      stageMove(c, "a1", t, "ou_li", "s1", entered, "s2", false);
      chatMove(c, "m1", "oc_team", "a1", "s1", "s2", t.plusMillis(2), "ev:1");
      chatMove(c, "m1", "oc_other", "a1", "s1", "s2", t.plusMillis(2), "ev:1");
      stageMove(c, "a1", t.plusSeconds(20), "ou_li", "s2", t, "s1", true);
      chatMove(c, "m2", "p2p_li", "a1", "s2", "s1", t.plusSeconds(20), null);
      stageMove(c, "a2", t.plusSeconds(40), "", "s1", null, "s3", false);
      chatMove(c, "m3", "oc_team", "a2", "s1", "s4", t.plusSeconds(40), null);
    }

    // WHEN the bot opens it
    Database db = await(Database.open(vertx, url, user, password));
    try {
      JdbcOwnChanges changes = new JdbcOwnChanges(db, clock);

      // THEN the profile reads the three moves as made, with who made them and when the stage left was entered
      assertEquals(List.of(OwnChange.move("a1", t, "ou_li", "s1", entered, "s2", false),
          OwnChange.move("a1", t.plusSeconds(20), "ou_li", "s2", t, "s1", true),
          OwnChange.move("a2", t.plusSeconds(40), "", "s1", null, "s3", false)),
          await(changes.of(List.of("a1", "a2"))));
      // AND a retried event of the first move finds its two chats; the second move's event, still to come, its one
      assertEquals(Set.of("oc_team", "oc_other"), chats(changes, "ev:1", "a1", "s1", "s2"));
      assertEquals(Set.of("p2p_li"), chats(changes, "ev:2", "a1", "s2", "s1"));
      // AND the move Hire never made is none of the bot's
      assertEquals(Set.of(), chats(changes, "ev:3", "a2", "s1", "s4"));
      assertEquals(Set.of(), await(changes.matchEvent("ev:4", "a2", "s1", "s3")).orElseThrow().chats(),
          "the third move is the bot's, clicked where no chat was noted");
      // AND the two old tables are gone
      try (Connection c = DriverManager.getConnection(url, user, password)) {
        assertFalse(exists(c, "chat_moves"), "chat_moves dropped");
        assertFalse(exists(c, "stage_moves"), "stage_moves dropped");
      }
    } finally {
      db.close();
    }
  }

  private static Set<String> chats(JdbcOwnChanges changes, String event, String app, String from, String to) {
    Optional<JdbcOwnChanges.Matched> m = await(changes.matchEvent(event, app, from, to));
    return m.map(JdbcOwnChanges.Matched::chats).orElse(Set.of());
  }

  private static void stageMove(Connection c, String app, Instant at, String actor, String from, Instant fromEntered,
      String to, boolean undo) throws SQLException {
    try (var s = c.prepareStatement("INSERT INTO stage_moves (application_id, moved_at, actor, origin_stage_id, "
        + "origin_entered_at, target_stage_id, by_undo) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, app);
      s.setLong(2, at.toEpochMilli());
      s.setString(3, actor);
      s.setString(4, from);
      if (fromEntered == null) {
        s.setNull(5, java.sql.Types.BIGINT);
      } else {
        s.setLong(5, fromEntered.toEpochMilli());
      }
      s.setString(6, to);
      s.setBoolean(7, undo);
      s.executeUpdate();
    }
  }

  private static void chatMove(Connection c, String move, String chat, String app, String from, String to, Instant at,
      String eventKey) throws SQLException {
    try (var s = c.prepareStatement("INSERT INTO chat_moves (move_id, chat_id, application_id, origin_stage_id, "
        + "target_stage_id, made_at, event_key) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, move);
      s.setString(2, chat);
      s.setString(3, app);
      s.setString(4, from);
      s.setString(5, to);
      s.setLong(6, at.toEpochMilli());
      s.setString(7, eventKey);
      s.executeUpdate();
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (var r = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
      while (r.next()) {
        if (table.equalsIgnoreCase(r.getString("TABLE_NAME"))) {
          return true;
        }
      }
      return false;
    }
  }
}
