package io.hirebot.store;

import io.hirebot.bot.ChatSettings;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** The {@code chat_settings} table: per-chat settings (enabled for hiring data, time zone, quiet hours). */
public final class ChatSettingsStore {
  private final Database db;
  private final Clock clock;

  public ChatSettingsStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Whether an admin enabled the chat for hiring data; a chat without a row is not enabled. */
  public Future<Boolean> enabled(String chatId) {
    return db.run(c -> Rows.list(c, "SELECT enabled FROM chat_settings WHERE chat_id = ?",
        st -> st.setString(1, chatId), r -> r.getBoolean(1)).stream().findFirst().orElse(false));
  }

  /**
   * Whether the chat is enabled and its zone ({@code otherwise} when it set none), from one read of its row: all a
   * command or a click needs of it ({@link io.hirebot.bot.ChatSettingsReader}).
   */
  public Future<ChatSettings> read(String chatId, ZoneId otherwise) {
    return db.run(c -> Rows.list(c, "SELECT enabled, time_zone FROM chat_settings WHERE chat_id = ?",
        st -> st.setString(1, chatId), r -> {
          String zone = r.getString(2);
          return new ChatSettings(chatId, r.getBoolean(1), zone == null ? otherwise : ZoneId.of(zone));
        }).stream().findFirst().orElse(new ChatSettings(chatId, false, otherwise)));
  }

  public Future<Void> setEnabled(String chatId, boolean enabled) {
    return set(chatId, "enabled", enabled);
  }

  /** The chat's own time zone, if it set one. */
  public Future<Optional<ZoneId>> zone(String chatId) {
    return db.run(c -> Rows.list(c, "SELECT time_zone FROM chat_settings WHERE chat_id = ? AND time_zone IS NOT NULL",
        st -> st.setString(1, chatId), r -> ZoneId.of(r.getString(1))).stream().findFirst());
  }

  public Future<Void> setZone(String chatId, ZoneId zone) {
    return set(chatId, "time_zone", zone.getId());
  }

  /** The chat's quiet hours (start, end as local times), if it set them. */
  public Future<Optional<LocalTime[]>> quietHours(String chatId) {
    return db.run(c -> Rows.list(c, "SELECT quiet_start, quiet_end FROM chat_settings WHERE chat_id = ? "
        + "AND quiet_start IS NOT NULL", st -> st.setString(1, chatId),
        r -> new LocalTime[] {LocalTime.parse(r.getString(1)), LocalTime.parse(r.getString(2))}).stream().findFirst());
  }

  /** Sets quiet hours, or clears them when {@code start} is null. */
  public Future<Void> setQuietHours(String chatId, LocalTime start, LocalTime end) {
    return set(chatId, "quiet_start", start == null ? null : start.toString())
        .compose(v -> set(chatId, "quiet_end", end == null ? null : end.toString()));
  }

  /** Sets one column of the chat's row, creating the row when the chat has none. */
  private Future<Void> set(String chatId, String column, Object value) {
    long now = clock.millis();
    return db.transaction(c -> {
      Rows.upsert(c, "UPDATE chat_settings SET " + column + " = ?, updated_at = ? WHERE chat_id = ?", st -> {
        bind(st, 1, value);
        st.setLong(2, now);
        st.setString(3, chatId);
      }, "INSERT INTO chat_settings (chat_id, " + column + ", updated_at) VALUES (?, ?, ?)", st -> {
        st.setString(1, chatId);
        bind(st, 2, value);
        st.setLong(3, now);
      });
      return null;
    });
  }

  /** A null clears a text column; PostgreSQL needs to be told its type. */
  private static void bind(PreparedStatement st, int index, Object value) throws SQLException {
    if (value == null) {
      st.setNull(index, Types.VARCHAR);
    } else {
      st.setObject(index, value);
    }
  }
}
