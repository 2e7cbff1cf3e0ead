package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.Toast;
import io.hirebot.i18n.Language;
import io.hirebot.testing.Eventually;
import io.hirebot.testing.MemoryDatabase;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
    JdbcActionOnce keys = new JdbcActionOnce(memory.vertx, db, Clock.systemUTC(), () -> ActionResult.of(Toast.verbatim(Toast.Type.INFO, "still running")));

    // WHEN the purge runs, THEN the old keys go and the recent ones stay
    assertEquals(olds, await(keys.purgeExpired()));
    assertEquals(List.of(String.format("click_%05d", olds), String.format("click_%05d", olds + 1)),
        await(db.run(c -> Rows.list(c, "SELECT idem_key FROM action_keys ORDER BY idem_key", s -> { },
            r -> r.getString(1)))));
  }

  /** A replica of its own: its in-memory map knows no click, so a key claimed before is read from the table. */
  private JdbcActionOnce replica() {
    return new JdbcActionOnce(memory.vertx, memory.db, Clock.systemUTC(),
        () -> ActionResult.of(Toast.verbatim(Toast.Type.INFO, "still running")));
  }

  private Future<ActionResult> notRunAgain() {
    return Future.failedFuture(new AssertionError("the click acted twice"));
  }

  private boolean outcomeStored(String key) {
    return !await(memory.db.run(c -> Rows.list(c, "SELECT outcome FROM action_keys WHERE idem_key = ? AND outcome IS "
        + "NOT NULL", s -> s.setString(1, key), r -> r.getString(1)))).isEmpty();
  }

  @Test
  @DisplayName("a click replayed on another replica answers with the first click's toast in both languages")
  void replayedToastIsBilingual() throws Exception {
    // GIVEN a click that moved a candidate on one replica, its toast in English and Chinese
    Toast moved = new Toast(Toast.Type.SUCCESS, Map.of(Language.EN, "Zhang San → Interview \"1\"",
        Language.ZH, "张三 → 面试"));
    String key = "advance:app_1:st_1";
    await(replica().once(key, () -> Future.succeededFuture(ActionResult.of(moved))));
    assertTrue(Eventually.holds(() -> outcomeStored(key), 10), "the first click's outcome is stored");

    // WHEN the same click reaches another replica
    ActionResult replayed = await(replica().once(key, this::notRunAgain));

    // THEN it answers with the same toast, in both languages, and leaves the card to the first click's answer
    assertEquals(moved, replayed.toast());
    assertNull(replayed.card());
  }

  @Test
  @DisplayName("a click's outcome stored before toasts were bilingual (TYPE:text) still answers its replay, in that "
      + "text")
  void oldOutcomeRowsStillRead() {
    // GIVEN a row in the old format, written by an earlier version
    String key = "advance:app_2:st_1";
    await(memory.db.run(c -> Claims.update(c, "INSERT INTO action_keys (idem_key, created_at, outcome) VALUES (?, ?, ?)",
        s -> {
          s.setString(1, key);
          s.setLong(2, System.currentTimeMillis());
          s.setString(3, "WARNING:Li Si: the card was out of date: refreshed");
        })));

    // WHEN the click is replayed
    Toast toast = await(replica().once(key, this::notRunAgain)).toast();

    // THEN its toast is that kind and text, shown whatever the clicker's language
    assertEquals(Toast.verbatim(Toast.Type.WARNING, "Li Si: the card was out of date: refreshed"), toast);
  }

  @Test
  @DisplayName("a toast too long for the outcome column is stored shortened, both languages kept")
  void longToastShortened() throws Exception {
    // GIVEN a click whose toast, in two languages, is longer than the column
    Toast long_ = new Toast(Toast.Type.ERROR, Map.of(Language.EN, "e".repeat(3000), Language.ZH, "错".repeat(3000)));
    String key = "note:app_3:long";
    await(replica().once(key, () -> Future.succeededFuture(ActionResult.of(long_))));
    assertTrue(Eventually.holds(() -> outcomeStored(key), 10), "the outcome is stored");

    // WHEN it is replayed, THEN the toast is each language's text, shortened
    Toast replayed = await(replica().once(key, this::notRunAgain)).toast();
    assertEquals(Toast.Type.ERROR, replayed.type());
    assertTrue(replayed.text(Language.EN).length() > 900 && "e".repeat(3000).startsWith(replayed.text(Language.EN)),
        replayed.text(Language.EN));
    assertTrue(replayed.text(Language.ZH).length() > 900 && "错".repeat(3000).startsWith(replayed.text(Language.ZH)),
        replayed.text(Language.ZH));
  }
}
