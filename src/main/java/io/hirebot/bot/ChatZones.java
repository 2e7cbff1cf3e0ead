package io.hirebot.bot;

import io.vertx.core.Future;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time zone a chat reads its dates in: the one it set ("timezone America/New_York"), else the configured one. The
 * dispatcher resolves it once per command and click, and {@link ViewReplay} once per living card drawn again, so that
 * "today", "this week" and the times a card shows are the chat's wherever the card is drawn.
 */
public final class ChatZones {
  private static final Logger log = LoggerFactory.getLogger(ChatZones.class);

  private final Function<String, Future<Optional<ZoneId>>> own;
  private final ZoneId fallback;

  /**
   * @param own the zone a chat set itself, if any
   * @param fallback the configured zone ({@code HIREBOT_TIMEZONE})
   */
  public ChatZones(Function<String, Future<Optional<ZoneId>>> own, ZoneId fallback) {
    this.own = own;
    this.fallback = fallback;
  }

  /** Every chat in {@code zone}: for tests and tools that keep no chat settings. */
  public static ChatZones fixed(ZoneId zone) {
    return new ChatZones(chatId -> Future.succeededFuture(Optional.empty()), zone);
  }

  /**
   * The zone of {@code chatId} (null: a menu click, which names no chat). Never fails: a setting that cannot be read
   * now leaves the answer in the configured zone, which the cards that show times name.
   */
  public Future<ZoneId> of(String chatId) {
    if (chatId == null) {
      return Future.succeededFuture(fallback);
    }
    Future<Optional<ZoneId>> read;
    try {
      read = own.apply(chatId);
    } catch (RuntimeException e) {
      read = Future.failedFuture(e);
    }
    return read.map(zone -> zone.orElse(fallback)).recover(e -> {
      log.warn("chat zone not read chat_id={} cause={}", chatId, e.toString());
      return Future.succeededFuture(fallback);
    });
  }
}
