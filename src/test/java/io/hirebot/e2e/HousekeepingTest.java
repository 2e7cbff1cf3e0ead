package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.app.Wiring;
import io.hirebot.sandbox.ImState;
import io.hirebot.store.Database;
import io.hirebot.store.JdbcProcessedEvents;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A start leaves the database's background work for later: run at once, the purges and the replay of unfinished
 * events scanned the claims table while the start's first users were being answered (the benchmark's first command
 * from the AOT cache).
 */
class HousekeepingTest {
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"));

  private static long claims(String key) {
    return h.inDatabase(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM processed_events WHERE event_key = ?")) {
        s.setString(1, key);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
  }

  @Test
  @DisplayName("an event a dead bot left unfinished is answered by the next bot a few seconds after it starts")
  void replayShortlyAfterStart() {
    // GIVEN an event acknowledged by a bot that died before answering it, longer ago than a claim's lease
    await(h.bot.stop());
    long now = Clock.systemUTC().millis();
    h.sandbox.im().recordInbound("om_housekeeping_2", ImState.DEMO_TEAM_CHAT);
    Clock then = Clock.offset(Clock.systemUTC(), JdbcProcessedEvents.LEASE.plus(Duration.ofMinutes(1)).negated());
    StoredEvents.claimAndDie(h.vertx, h.config.dbUrl(), then, "msg:om_housekeeping_2", StoredEvents.groupMessage(
        "ev_housekeeping_2", "om_housekeeping_2", ImState.DEMO_TEAM_CHAT, "ou_user_alice", "help", now));

    // WHEN a bot starts on that database (timed from before the start: the replay's delay runs from the bot's start,
    // and waiting for its self-check took seconds of it under load, so the answer came "too soon")
    long started = System.nanoTime();
    h.replaceBot();

    // THEN it answers the event, not in the start's first seconds but soon after them
    await(h.sandbox.im().awaitMessage(m -> "om_housekeeping_2".equals(m.parentId()), BotHarness.TIMEOUT));
    long answeredAfterMs = (System.nanoTime() - started) / 1_000_000;
    assertTrue(answeredAfterMs >= Wiring.REPLAY_START_DELAY.toMillis() - 500, "answered after " + answeredAfterMs + " ms");
  }

  @Test
  @DisplayName("an expired claim is still there a while after a restart, and gone once the purges run")
  void purgesWaitAfterStart() throws Exception {
    // GIVEN an event handled long ago, its claim past its retention
    await(h.bot.stop());
    Clock then = Clock.offset(Clock.systemUTC(), JdbcProcessedEvents.RETENTION.plus(Duration.ofHours(1)).negated());
    Database db = await(Database.open(h.vertx, h.config.dbUrl(), "", ""));
    try {
      JdbcProcessedEvents old = new JdbcProcessedEvents(db, then);
      await(old.claim("msg:om_housekeeping_1", "{}"));
      await(old.done("msg:om_housekeeping_1"));
    } finally {
      db.close();
    }

    // WHEN a bot starts on that database and serves
    h.replaceBot();
    Thread.sleep(1_500); // what a start's own routines (the replay of unfinished events) get done in

    // THEN the claim is still there, and the purges remove it when they run
    assertEquals(1, claims("msg:om_housekeeping_1"));
    h.runRoutines(h.bot);
    assertEquals(0, claims("msg:om_housekeeping_1"));
  }
}
