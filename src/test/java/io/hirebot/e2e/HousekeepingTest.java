package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A start leaves the database's housekeeping for later: purged at once, the claims table was scanned while the start's
 * first users were being answered (the benchmark's first command from the AOT cache).
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
