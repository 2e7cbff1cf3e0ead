package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The port through which the bot talks in chats. Implementations respect Feishu's IM rate limits and
 * make {@code idempotencyKey} the message uuid, so a retried send never posts twice.
 */
public interface Messenger {
  /**
   * How long Feishu posts one message per uuid (reference: message create, {@code uuid}): a send retried within it
   * under the same key posts nothing twice, even when the first one's answer was lost.
   */
  Duration UUID_WINDOW = Duration.ofHours(1);

  /** Replies to a message in its chat; completes with the new message's id. */
  Future<String> reply(String chatId, String messageId, Reply reply, String idempotencyKey);

  /**
   * Replies to the card at {@code card} with a new message in its chat, on behalf of the person it is for (who clicked
   * it): a card a click sends rather than putting in place of the clicked one (a profile opened on a group's shared
   * card). Completes with the new message's id.
   *
   * @param card the clicked card's chat and message, the clicker as its viewer, and its chat's kind when known
   */
  default Future<String> replyOnBehalf(CardPlace card, Reply reply, String idempotencyKey) {
    return reply(card.chatId(), card.messageId(), reply, idempotencyKey);
  }

  /** Sends a message to a chat; completes with the new message's id. */
  Future<String> send(String chatId, Reply reply, String idempotencyKey);

  /** Sends a private message to a user (their chat with the bot); completes with the new message's id. */
  Future<String> sendToUser(String openId, Reply reply, String idempotencyKey);

  /** A message the bot sent, and the chat Feishu put it in. */
  record Sent(String messageId, String chatId) {}

  /**
   * As {@link #sendToUser}, also naming the private chat: addressed by open_id (receive_id_type=open_id), the
   * message lands in the user's chat with the bot, whose chat_id Feishu's answer carries.
   */
  Future<Sent> sendPrivately(String openId, Reply reply, String idempotencyKey);

  /**
   * Tells the messenger that {@code chatId} is {@code openId}'s private chat with the bot. Feishu allows 5 messages a
   * second to one user, counting replies in that chat and messages sent to the open_id alike, so an implementation that
   * paces messages paces both in one budget.
   */
  default void privateChat(String chatId, String openId) {
    // Nothing to pace.
  }

  /** Replaces the card of a message the bot sent (PATCH). */
  Future<Void> updateCard(String messageId, ObjectNode card);

  /** Completes a card callback later with its token (valid 30 minutes, twice). */
  Future<Void> delayedUpdate(String callbackToken, ObjectNode card);

  /**
   * The same messenger for messages nobody is waiting for (digests, notifications, reminders, living-card
   * updates): they share the app's IM budget but yield to replies and card answers.
   */
  Messenger bulk();

  /**
   * Shows a card in a group to one member only (Feishu's "仅对你可见" card, ordinary groups only); completes with
   * its message id, which card callbacks from it carry. Such a card cannot be PATCHed, only deleted.
   */
  Future<String> sendEphemeral(String chatId, String openId, ObjectNode card);

  /** Removes a card shown to one member. */
  Future<Void> deleteEphemeral(String messageId);
}
