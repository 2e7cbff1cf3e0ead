package io.hirebot.bot;

import io.hirebot.bot.inbound.ChatRef;
import io.vertx.core.Future;
import java.util.Optional;

/** What the bot remembers of the cards it sent: where each one is, so a click knows what kind of chat it came from. */
public interface SentCards extends CardSentListener {

  /** The kind of chat the card message is in; empty when the bot never learnt it. */
  Future<Optional<ChatRef.ChatType>> chatType(String messageId);
}
