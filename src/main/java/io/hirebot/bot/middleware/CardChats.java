package io.hirebot.bot.middleware;

import io.hirebot.bot.inbound.ChatRef;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The kind of chat a card the bot sent is in: a click names its chat but not the chat's kind, which the bot
 * knew when it sent the card (from the message it answered).
 */
@FunctionalInterface
public interface CardChats {
  /** The kind of chat the bot's message {@code messageId} is in; empty when the bot did not record it. */
  Future<Optional<ChatRef.ChatType>> kindOf(String messageId);
}
