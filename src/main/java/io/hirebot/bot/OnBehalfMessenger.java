package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.ChatRef;
import io.vertx.core.Future;

/**
 * The messenger features send with while answering someone: a card it puts in a user's private chat on their behalf
 * (their tasks asked in a group, a group profile's "Full details (private)", a form Feishu would not show in the group)
 * is recorded there as a reply's card is, by the code that records replies and clicks: with its view and its chat's
 * kind for the card-sent listeners (living cards; a click on it is known to come from a private chat), and as what
 * that user's follow-ups in that chat follow ({@link Conversations#shown}). A feature therefore never records what it
 * sends privately itself. The chat the command or click came from keeps its own conversation: nothing of the private
 * chat is visible there, nor the other way round. Messages nobody asked for ({@link #bulk}: digests, notifications,
 * reminders) are not on anyone's behalf and are not recorded here.
 */
public final class OnBehalfMessenger implements Messenger {
  private final Messenger delegate;
  private final CardSentListener cardsSent;
  private final Conversations conversations;

  /**
   * @param cardsSent told of each card sent privately, as of a reply's
   * @param conversations what each user was last shown in each chat
   */
  public OnBehalfMessenger(Messenger delegate, CardSentListener cardsSent, Conversations conversations) {
    this.delegate = delegate;
    this.cardsSent = cardsSent;
    this.conversations = conversations;
  }

  @Override
  public Future<String> sendToUser(String openId, Reply reply, String idempotencyKey) {
    return sendPrivately(openId, reply, idempotencyKey).map(Sent::messageId);
  }

  /** Addressed by open_id, so the private chat is known from Feishu's answer: recorded once it is sent. */
  @Override
  public Future<Sent> sendPrivately(String openId, Reply reply, String idempotencyKey) {
    return delegate.sendPrivately(openId, reply, idempotencyKey).onSuccess(sent -> {
      if (reply instanceof Reply.Card c && sent.chatId() != null) {
        cardsSent.sent(new CardSentListener.SentCard(sent.chatId(), sent.messageId(), c.card(), c.view(),
            ChatRef.ChatType.P2P, openId));
        conversations.shown(sent.chatId(), openId, c.card(), c.view());
      }
    });
  }

  @Override
  public Future<String> reply(String chatId, String messageId, Reply reply, String idempotencyKey) {
    return delegate.reply(chatId, messageId, reply, idempotencyKey);
  }

  @Override
  public Future<String> send(String chatId, Reply reply, String idempotencyKey) {
    return delegate.send(chatId, reply, idempotencyKey);
  }

  @Override
  public void privateChat(String chatId, String openId) {
    delegate.privateChat(chatId, openId);
  }

  @Override
  public Future<Void> updateCard(String messageId, ObjectNode card) {
    return delegate.updateCard(messageId, card);
  }

  @Override
  public Future<Void> delayedUpdate(String callbackToken, ObjectNode card) {
    return delegate.delayedUpdate(callbackToken, card);
  }

  @Override
  public Messenger bulk() {
    return delegate.bulk();
  }

  @Override
  public Future<String> sendEphemeral(String chatId, String openId, ObjectNode card) {
    return delegate.sendEphemeral(chatId, openId, card);
  }

  @Override
  public Future<Void> deleteEphemeral(String messageId) {
    return delegate.deleteEphemeral(messageId);
  }
}
