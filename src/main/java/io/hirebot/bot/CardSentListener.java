package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.ChatRef;

/** Told about every card the bot put in a chat (a reply, or a card replaced after a click). */
@FunctionalInterface
public interface CardSentListener {

  /**
   * A card now shown as a message.
   *
   * @param view the callback value that renders it again, or null for a card nothing re-renders
   * @param chatType the kind of chat, or null when the sender does not know it (a click)
   * @param viewer who asked for it or clicked it
   */
  record SentCard(String chatId, String messageId, ObjectNode card, ObjectNode view, ChatRef.ChatType chatType,
      String viewer) {}

  void sent(SentCard card);
}
