package io.hirebot.e2e;

import io.hirebot.app.Launcher;
import io.hirebot.store.Database;
import io.hirebot.store.JdbcProcessedEvents;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;

/** Puts events into a bot's database as a replica that died after acknowledging them would have left them. */
final class StoredEvents {
  private StoredEvents() {}

  /** The plaintext v2 envelope of a group message that @-mentions the sandbox bot. */
  static String groupMessage(String eventId, String messageId, String chatId, String senderOpenId, String text,
      long nowMillis) {
    JsonObject mention = new JsonObject().put("key", "@_user_1").put("name", "HireBot")
        .put("id", new JsonObject().put("open_id", Launcher.SANDBOX_BOT_OPEN_ID));
    JsonObject message = new JsonObject().put("message_id", messageId).put("chat_id", chatId)
        .put("chat_type", "group").put("message_type", "text").put("create_time", String.valueOf(nowMillis))
        .put("content", new JsonObject().put("text", "@_user_1 " + text).encode())
        .put("mentions", new JsonArray().add(mention));
    JsonObject event = new JsonObject().put("message", message).put("sender", new JsonObject()
        .put("sender_type", "user").put("sender_id", new JsonObject().put("open_id", senderOpenId)));
    JsonObject header = new JsonObject().put("event_id", eventId).put("event_type", "im.message.receive_v1")
        .put("create_time", String.valueOf(nowMillis));
    return new JsonObject().put("schema", "2.0").put("header", header).put("event", event).encode();
  }

  /** Claims {@code envelope} in the database at {@code dbUrl} at the time of {@code claimClock}, and never finishes it. */
  static void claimAndDie(Vertx vertx, String dbUrl, Clock claimClock, String key, String envelope) {
    Database db = BotHarness.await(Database.open(vertx, dbUrl, "", ""));
    try {
      BotHarness.await(new JdbcProcessedEvents(db, claimClock).claim(key, envelope));
    } finally {
      db.close();
    }
  }
}
