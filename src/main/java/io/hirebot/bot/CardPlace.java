package io.hirebot.bot;

import io.hirebot.bot.inbound.CardAction;

/**
 * Where a card is shown and to whom: its chat, its message (null before it is sent) and the person it is rendered for
 * (who asked for it or clicked it; for a living card re-rendered later, who last did). A card may offer what depends
 * on them: Unfollow in a chat that follows the job, only the changes its one viewer may make in a private chat.
 *
 * @param chatId null when unknown
 * @param messageId null for a card not sent yet
 * @param viewer an open_id, or null when unknown
 */
public record CardPlace(String chatId, String messageId, String viewer) {

  /** The clicked card, for the clicker. */
  public static CardPlace of(CardAction action) {
    return new CardPlace(action.chatId(), action.messageId(), action.operatorId());
  }
}
