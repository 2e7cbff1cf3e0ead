package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.bot.ActionResult;
import io.hirebot.testing.MemoryDatabase;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Click keys on H2 with the real migrations. */
class JdbcActionOnceTest {
  @RegisterExtension
  final MemoryDatabase memory = new MemoryDatabase();

  @Test
  @DisplayName("the purge forgets every click key past its retention, over more than one batch, and keeps recent ones")
  void purgeOverSeveralBatches() {
    // GIVEN more old keys than one purge batch, and recent ones
    long now = System.currentTimeMillis();
    long old = now - JdbcActionOnce.RETENTION.toMillis() - 60_000;
    int olds = ExpiredRows.BATCH + 3;
    Database db = memory.db;
    await(db.run(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO action_keys (idem_key, created_at) VALUES (?, ?)")) {
        for (int i = 0; i < olds + 2; i++) {
          s.setString(1, String.format("click_%05d", i));
          s.setLong(2, i < olds ? old : now);
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    }));
    JdbcActionOnce keys = new JdbcActionOnce(memory.vertx, db, Clock.systemUTC(), () -> ActionResult.info("still running"));

    // WHEN the purge runs, THEN the old keys go and the recent ones stay
    assertEquals(olds, await(keys.purgeExpired()));
    assertEquals(List.of(String.format("click_%05d", olds), String.format("click_%05d", olds + 1)),
        await(db.run(c -> Rows.list(c, "SELECT idem_key FROM action_keys ORDER BY idem_key", s -> { },
            r -> r.getString(1)))));
  }
}
