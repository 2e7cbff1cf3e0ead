package io.hirebot.bot.inbound;

/**
 * Everything the bot can receive from Feishu, mapped from the envelope's plaintext JSON.
 * {@link #dedupKey()} is the key Feishu retries share: message_id for messages, event_id (or v1 uuid)
 * otherwise (reference/feishu-bot-protocol.md §1.7).
 */
public sealed interface InboundEvent
    permits IncomingMessage, CardAction, BotAddedToChat, BotRemovedFromChat, BotMenuClicked, UnhandledEvent, HireEvent {
  String dedupKey();
}
