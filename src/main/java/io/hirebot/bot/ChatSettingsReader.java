package io.hirebot.bot;

import io.vertx.core.Future;
import java.time.ZoneId;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a chat's settings ({@link ChatSettings}): whether it is enabled for hiring data and the zone it reads its
 * dates in, the one it set ("timezone America/New_York") else the configured one. A command or a click reads them
 * once ({@link io.hirebot.bot.middleware.Inbound#chatSettings}), for the hiring-data gate and for its answer alike;
 * {@link ViewReplay} reads them once per living card drawn again. Nothing is cached across events, so a group an
 * admin disabled on another replica is refused from the next event on.
 */
public final class ChatSettingsReader {
  private static final Logger log = LoggerFactory.getLogger(ChatSettingsReader.class);

  private final Function<String, Future<ChatSettings>> rows;
  private final ZoneId fallback;

  /**
   * @param rows one read of a chat's row, with {@code fallback} as its zone when it set none
   * @param fallback the configured zone ({@code HIREBOT_TIMEZONE})
   */
  public ChatSettingsReader(Function<String, Future<ChatSettings>> rows, ZoneId fallback) {
    this.rows = rows;
    this.fallback = fallback;
  }

  /** Every chat in {@code zone}, none enabled: for tests and tools that keep no chat settings. */
  public static ChatSettingsReader fixed(ZoneId zone) {
    return new ChatSettingsReader(chatId -> Future.succeededFuture(new ChatSettings(chatId, false, zone)), zone);
  }

  /**
   * The settings of {@code chatId} (null: a menu click, which names no chat: not enabled, the configured zone), read
   * now. Fails when the row cannot be read: the gate then lets nothing through.
   */
  public Future<ChatSettings> read(String chatId) {
    if (chatId == null) {
      return Future.succeededFuture(unread(null));
    }
    try {
      return rows.apply(chatId);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * The settings {@code read} gave, for an answer. Never fails: settings that could not be read leave the answer in
   * the configured zone, which the cards that show times name, and the chat not enabled.
   */
  public Future<ChatSettings> settled(String chatId, Future<ChatSettings> read) {
    return read.recover(e -> {
      log.warn("chat settings not read chat_id={} cause={}", chatId, e.toString());
      return Future.succeededFuture(unread(chatId));
    });
  }

  /** {@link #read} and {@link #settled} in one: a living card's chat, drawn again outside any event. */
  public Future<ChatSettings> of(String chatId) {
    return settled(chatId, read(chatId));
  }

  private ChatSettings unread(String chatId) {
    return new ChatSettings(chatId, false, fallback);
  }
}
