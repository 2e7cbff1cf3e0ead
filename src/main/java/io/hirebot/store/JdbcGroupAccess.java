package io.hirebot.store;

import io.hirebot.access.GroupAccess;
import io.vertx.core.Future;
import java.time.Clock;

/** {@link GroupAccess} in {@code chat_settings.enabled}, so every replica and every restart agree. */
public final class JdbcGroupAccess implements GroupAccess {
  private final Database db;
  private final Clock clock;

  public JdbcGroupAccess(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Future<Boolean> enabled(String chatId) {
    return db.run(c -> Rows.list(c, "SELECT enabled FROM chat_settings WHERE chat_id = ?",
        st -> st.setString(1, chatId), r -> r.getBoolean(1)).stream().findFirst().orElse(false));
  }

  @Override
  public Future<Void> set(String chatId, boolean enabled, String byOpenId) {
    long now = clock.millis();
    return db.transaction(c -> {
      Rows.upsert(c, "UPDATE chat_settings SET enabled = ?, updated_at = ? WHERE chat_id = ?", st -> {
        st.setBoolean(1, enabled);
        st.setLong(2, now);
        st.setString(3, chatId);
      }, "INSERT INTO chat_settings (chat_id, enabled, updated_at) VALUES (?, ?, ?)", st -> {
        st.setString(1, chatId);
        st.setBoolean(2, enabled);
        st.setLong(3, now);
      });
      return null;
    });
  }
}
