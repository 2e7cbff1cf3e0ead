package io.hirebot.bot;

import io.hirebot.bot.inbound.BotAddedToChat;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.bot.middleware.Answer;
import io.hirebot.bot.middleware.Inbound;
import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Messages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what handling an event answered: the reply to a message, a menu click's answer in the clicker's private
 * chat, the welcome to a group; what a command slower than its deadline came to replaces its "still waiting" card
 * ({@link LateAnswers}); a card Feishu refuses is answered in words; the card-sent listeners hear of every card put in
 * a chat.
 */
public final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  private final Messenger messenger;
  private final CardSentListener cardsSent;
  private final MeterRegistry metrics;
  private final Conversations conversations;
  private final LateAnswers late;
  private final Messages messages;

  /** @param conversations told what each user was answered with, for their follow-ups */
  public Replies(Messenger messenger, CardSentListener cardsSent, MeterRegistry metrics, Conversations conversations,
      LateAnswers late, Messages messages) {
    this.messenger = messenger;
    this.messages = messages;
    this.late = late;
    this.cardsSent = cardsSent;
    this.metrics = metrics;
    this.conversations = conversations;
  }

  /** Sends {@code answer}; completes when it is sent (nothing to send completes at once). */
  public Future<?> send(Inbound in, Answer answer) {
    if (!(answer instanceof Answer.Send s)) {
      return Future.succeededFuture();
    }
    if (in.kind() == Inbound.Kind.BOT_ADDED) {
      return messenger.send(in.chatId(), s.reply(), "welcome-" + ((BotAddedToChat) in.event()).eventId())
          .onFailure(e -> log.error("welcome failed chat_id={} cause={}", in.chatId(), e.toString()));
    }
    IncomingMessage m = in.message();
    if (m == null) {
      return Future.succeededFuture();
    }
    String command = in.commandName();
    // A reply's chat is known before it is sent: remember first, so a follow-up typed the moment the answer shows
    // finds it (remembering after the send raced such a follow-up). A menu's private chat is known only after.
    boolean chatKnown = m.messageId() != null;
    if (chatKnown) {
      remember(in, m, m.chat().chatId(), s.reply());
    }
    String key = m.messageId() == null ? "menu-" + m.eventId() : "reply-" + m.messageId();
    return sendCommandReply(m, s.reply(), key)
        .onSuccess(sent -> {
          if (!chatKnown) {
            remember(in, m, sent.chatId(), s.reply());
          }
          if (s.reply() instanceof Reply.Card c) {
            replied(m, sent, c);
            if (s.late() != null) {
              completeLate(in, m, sent, s.late());
            }
          }
        })
        .onSuccess(id -> Timer.builder("hirebot.command.latency").tag("command", command)
            .register(metrics).record(System.nanoTime() - in.startedNanos(), TimeUnit.NANOSECONDS))
        .onFailure(e -> {
          log.error("reply failed command={} message_id={} chat_id={} cause={}",
              command, m.messageId(), m.chat().chatId(), e.toString());
          refused(in, m, e);
        });
  }

  /**
   * A card Feishu refused (too large, too many elements) would leave the asker with nothing: they get a short text
   * instead saying so, with the log id an admin can look up. Any other failure is not the card's, and a text would
   * fail the same way.
   */
  private void refused(Inbound in, IncomingMessage m, Throwable e) {
    if (!(e instanceof FeishuApiException fe) || !fe.isCardRefused()) {
      return;
    }
    Reply.Text text = Reply.text(messages, in.language(), fe.isCardTooLong() ? "reply.refused.tooLong"
        : "reply.refused.invalid", String.valueOf(fe.code()), fe.logId().isEmpty() ? "-" : fe.logId());
    sendCommandReply(m, text, "refused-" + (m.messageId() != null ? m.messageId() : m.eventId()))
        .onSuccess(x -> log.info("refused card answered in words message_id={} code={} log_id={}", m.messageId(),
            fe.code(), fe.logId()))
        .onFailure(x -> log.error("refused card's text failed message_id={} cause={}", m.messageId(), x.toString()));
  }

  /**
   * A reply in the message's chat; a menu click has no message to reply to and names no chat, so its answer goes
   * to the clicker's open_id, and Feishu's answer names the private chat it landed in.
   *
   * @param key the send's idempotency key (one per answer: a command's reply and a refused card's text differ)
   */
  private Future<Messenger.Sent> sendCommandReply(IncomingMessage m, Reply reply, String key) {
    if (m.messageId() == null) {
      return messenger.sendPrivately(m.sender().openId(), reply, key);
    }
    if (m.chat().type() == ChatRef.ChatType.P2P && m.sender() != null) {
      // A menu click answered at the same moment goes to the open_id: Feishu counts both against the user's 5/s.
      messenger.privateChat(m.chat().chatId(), m.sender().openId());
    }
    return messenger.reply(m.chat().chatId(), m.messageId(), reply, key)
        .map(id -> new Messenger.Sent(id, m.chat().chatId()));
  }

  /** What the sender asked and was answered with is what their next follow-up in that chat follows. */
  private void remember(Inbound in, IncomingMessage m, String chatId, Reply reply) {
    if (in.parsed() instanceof io.hirebot.command.ParseResult.Parsed p && m.sender() != null) {
      Reply.Card card = reply instanceof Reply.Card c ? c : null;
      conversations.asked(chatId, m.sender().openId(), p.command(), card == null ? null : card.card(),
          card == null ? null : card.view());
    }
  }

  /** Tells the listeners the card a click answered with now shows in the clicked message. */
  public void clicked(CardAction action, ActionResult r) {
    if (r != null && r.card() != null && action.operator() != null) {
      conversations.shown(action.chatId(), action.operator().openId(), r.card(), r.view());
    }
    if (r != null && r.card() != null && action.messageId() != null) {
      cardsSent.sent(new CardSentListener.SentCard(action.chatId(), action.messageId(), r.card(), r.view(), null,
          action.operatorId()));
    }
  }

  private void replied(IncomingMessage m, Messenger.Sent sent, Reply.Card c) {
    cardsSent.sent(new CardSentListener.SentCard(sent.chatId(), sent.messageId(), c.card(), c.view(),
        m.chat().type(), m.senderId()));
  }

  /**
   * What a command came to after its deadline replaces the "still waiting" card it got meanwhile, whatever it is: a
   * card, a text (a change's confirmation), or what failed.
   */
  private void completeLate(Inbound in, IncomingMessage m, Messenger.Sent sent, Future<Reply> work) {
    work.onComplete(outcome -> {
      Reply.Card card = new Reply.Card(late.command(outcome, in.language()),
          outcome.succeeded() && outcome.result() instanceof Reply.Card c ? c.view() : null);
      // Remembered before the update, as the first reply is: a follow-up typed as soon as the card changed finds it.
      remember(in, m, sent.chatId(), card);
      messenger.updateCard(sent.messageId(), card.card())
          .onSuccess(v -> replied(m, sent, card))
          .onFailure(e -> {
            log.error("late answer failed message_id={} reply_id={} cause={}", m.messageId(), sent.messageId(),
                e.toString());
            refused(in, m, e);
          });
    });
  }
}
