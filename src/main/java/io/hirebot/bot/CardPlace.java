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
 * @param chat the settings the card is drawn with (whether its chat is enabled, the zone its dates are in), as the
 *     event read them once ({@link ChatSettingsReader}); null when not yet read. They are the clicked chat's, which a
 *     card drawn for another chat (the group a private form was opened from) keeps for its dates
 */
public record CardPlace(String chatId, String messageId, String viewer, ChatRef.ChatType chatType, ChatSettings chat) {

  /** A card whose chat's kind is what the bot recorded with it. */
  public CardPlace(String chatId, String messageId, String viewer) {
    this(chatId, messageId, viewer, null, null);
  }

  /** A card in a chat of the kind given (null: as recorded), its chat's settings not yet read. */
  public CardPlace(String chatId, String messageId, String viewer, ChatRef.ChatType chatType) {
    this(chatId, messageId, viewer, chatType, null);
  }

  /** The clicked card, for the clicker, with the settings the click is answered with. */
  public static CardPlace of(CardAction action) {
    return new CardPlace(action.chatId(), action.messageId(), action.operatorId(), action.chatType(), action.chat());
  }

  /** The same place, drawn with {@code settings}. */
  public CardPlace in(ChatSettings settings) {
    return new CardPlace(chatId, messageId, viewer, chatType, settings);
  }

  /** The zone the card's dates are in; null until its chat's settings are read. */
  public ZoneId zone() {
    return chat == null ? null : chat.zone();
  }
}
