package io.hirebot.bot;

import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import java.time.ZoneId;

/**
 * Where a card is shown and to whom: its chat, its message (null before it is sent) and the person it is rendered for
 * (who asked for it or clicked it; for a living card re-rendered later, who last did). A card may offer what depends
 * on them: Unfollow in a chat that follows the job, only the changes its one viewer may make in a private chat.
 *
 * @param chatId null when unknown
 * @param messageId null for a card not sent yet
 * @param viewer an open_id, or null when unknown
 * @param chatType the kind of chat, when the event itself says it (a page typed in words); null when the kind the bot
 *     recorded with the card {@code messageId} must say it (every Feishu click, every living card)
 * @param zone the zone the card's dates are in, its chat's ({@link ChatZones}); null when not yet resolved
 */
public record CardPlace(String chatId, String messageId, String viewer, ChatRef.ChatType chatType, ZoneId zone) {

  /** A card whose chat's kind is what the bot recorded with it. */
  public CardPlace(String chatId, String messageId, String viewer) {
    this(chatId, messageId, viewer, null, null);
  }

  /** A card in a chat of the kind given (null: as recorded), its zone not yet known. */
  public CardPlace(String chatId, String messageId, String viewer, ChatRef.ChatType chatType) {
    this(chatId, messageId, viewer, chatType, null);
  }

  /** The clicked card, for the clicker, in the zone the click is answered in. */
  public static CardPlace of(CardAction action) {
    return new CardPlace(action.chatId(), action.messageId(), action.operatorId(), action.chatType(), action.zone());
  }

  /** The same place, its dates in {@code zone}. */
  public CardPlace inZone(ZoneId zone) {
    return new CardPlace(chatId, messageId, viewer, chatType, zone);
  }
}
