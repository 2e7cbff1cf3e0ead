package io.hirebot.store;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/**
 * The {@code held_notifications} table: notifications that arrived in a chat's quiet hours. A replica
 * releases a chat's rows by stamping them with its token first, so each row is delivered in one batch.
 */
public final class HeldNotifications {

  /** One held notification: a one-line summary in the language of the subscription. */
  public record Held(String chatId, String lang, String summary) {}

  private final Database db;
  private final Clock clock;

  public HeldNotifications(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Future<Void> hold(String chatId, String lang, String summary) {
    long now = clock.millis();
    return db.run(c -> Claims.update(c, "INSERT INTO held_notifications (chat_id, lang, summary, held_at) "
        + "VALUES (?, ?, ?, ?)", s -> {
          s.setString(1, chatId);
          s.setString(2, lang);
          s.setString(3, summary);
          s.setLong(4, now);
        })).mapEmpty();
  }

  /** Chats with notifications waiting. */
  public Future<List<String>> chats() {
    return db.run(c -> Rows.list(c, "SELECT DISTINCT chat_id FROM held_notifications WHERE released_by IS NULL",
        s -> { }, r -> r.getString(1)));
  }

  /** Stamps the chat's waiting rows with {@code token} and returns them, oldest first (empty if another took them). */
  public Future<List<Held>> release(String chatId, String token) {
    return db.run(c -> {
      Claims.update(c, "UPDATE held_notifications SET released_by = ? WHERE chat_id = ? AND released_by IS NULL",
          s -> {
            s.setString(1, token);
            s.setString(2, chatId);
          });
      return Rows.list(c, "SELECT chat_id, lang, summary FROM held_notifications WHERE released_by = ? ORDER BY id",
          s -> s.setString(1, token), r -> new Held(r.getString(1), r.getString(2), r.getString(3)));
    });
  }

  /** Forgets rows once their batch was sent. */
  public Future<Void> delete(String token) {
    return db.run(c -> Claims.update(c, "DELETE FROM held_notifications WHERE released_by = ?",
        s -> s.setString(1, token))).mapEmpty();
  }
}
