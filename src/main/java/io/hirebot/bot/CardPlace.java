package io.hirebot.bot;

import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;

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
 */
public record CardPlace(String chatId, String messageId, String viewer, ChatRef.ChatType chatType) {

  /** A card whose chat's kind is what the bot recorded with it. */
  public CardPlace(String chatId, String messageId, String viewer) {
    this(chatId, messageId, viewer, null);
  }

  /** The clicked card, for the clicker. */
  public static CardPlace of(CardAction action) {
    return new CardPlace(action.chatId(), action.messageId(), action.operatorId(), action.chatType());
  }
}
