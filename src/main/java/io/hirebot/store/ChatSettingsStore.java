package io.hirebot.store;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/** The {@code chat_settings} table: per-chat preferences (for now the time zone digests use). */
public final class ChatSettingsStore {
  private final Database db;
  private final Clock clock;

  public ChatSettingsStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The chat's own time zone, if it set one. */
  public Future<Optional<ZoneId>> zone(String chatId) {
    return db.run(c -> Rows.list(c, "SELECT time_zone FROM chat_settings WHERE chat_id = ? AND time_zone IS NOT NULL",
        st -> st.setString(1, chatId), r -> ZoneId.of(r.getString(1))).stream().findFirst());
  }

  public Future<Void> setZone(String chatId, ZoneId zone) {
    long now = clock.millis();
    return db.transaction(c -> {
      Rows.upsert(c, "UPDATE chat_settings SET time_zone = ?, updated_at = ? WHERE chat_id = ?", st -> {
        st.setString(1, zone.getId());
        st.setLong(2, now);
        st.setString(3, chatId);
      }, "INSERT INTO chat_settings (chat_id, time_zone, updated_at) VALUES (?, ?, ?)", st -> {
        st.setString(1, chatId);
        st.setString(2, zone.getId());
        st.setLong(3, now);
      });
      return null;
    });
  }
}
