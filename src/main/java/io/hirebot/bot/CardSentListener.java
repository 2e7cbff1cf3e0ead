package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Told about every card the bot put in a chat (a reply, or a card replaced after a click). */
@FunctionalInterface
public interface CardSentListener {
  void sent(String chatId, String messageId, ObjectNode card);
}
