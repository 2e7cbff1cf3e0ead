package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.ChatRef;
import io.vertx.core.Future;

/**
 * The messenger features send with while answering someone: a card it puts in a user's private chat on their behalf
 * (their tasks asked in a group, a group profile's "Full details (private)", a form Feishu would not show in the group),
 * or sends as a reply to the card they clicked ({@link #replyOnBehalf}: a profile opened on a group's shared card), is
 * recorded there as a reply's card is, by the code that records replies and clicks: with its view and its chat's
 * kind for the card-sent listeners (living cards; a click on it is known to come from a private chat, or a group), and
 * as what that user's follow-ups in that chat follow ({@link Conversations#shown}). A feature therefore never records
 * what it sends on someone's behalf itself. The chat the command or click came from keeps its own conversation:
 * nothing of the private chat is visible there, nor the other way round. Messages nobody asked for ({@link #bulk}:
 * digests, notifications, reminders) are not on anyone's behalf and are not recorded here.
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
    return delegate.sendPrivately(openId, reply, idempotencyKey)
        .onSuccess(sent -> recorded(sent.chatId(), sent.messageId(), reply, ChatRef.ChatType.P2P, openId));
  }

  /** A reply to the clicked card, recorded once sent in that card's chat, as the clicker's, with the kind known of it. */
  @Override
  public Future<String> replyOnBehalf(CardPlace card, Reply reply, String idempotencyKey) {
    return delegate.reply(card.chatId(), card.messageId(), reply, idempotencyKey)
        .onSuccess(id -> recorded(card.chatId(), id, reply, card.chatType(), card.viewer()));
  }

  /**
   * A card sent for {@code openId} into {@code chatId}, recorded as a reply's is: for living cards and clicks (with the
   * chat's kind, null when unknown), and as what their follow-ups in that chat follow.
   */
  private void recorded(String chatId, String messageId, Reply reply, ChatRef.ChatType kind, String openId) {
    if (reply instanceof Reply.Card c && chatId != null) {
      cardsSent.sent(new CardSentListener.SentCard(chatId, messageId, c.card(), c.view(), kind, openId));
      conversations.shown(chatId, openId, c.card(), c.view());
    }
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
