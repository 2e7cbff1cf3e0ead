package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.error.FeishuApiException;
import io.hirebot.error.ReplyOwedException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>A reply to a clicked card is a click's answer, and Feishu does not send a card callback again (message events
 * are replayed from the journal, clicks are not): one Feishu refuses for now, past the bot's own retries (the chat's
 * 230020, the app's 99991400 / HTTP 429, a 5xx or no answer), would be lost. So it is owed instead: kept, and sent
 * again by {@link #resendOwed} under the same uuid until it lands, while Feishu's uuid window still makes a second post
 * of it impossible (its first send may have posted though its answer was lost); the click fails with {@link
 * ReplyOwedException}, whose toast tells the clicker it will follow. The same click again sends under the same uuid
 * too, and whichever send lands first settles it: nothing posts twice, nothing after the answer arrived. Owed replies
 * are kept in memory, not in the database: the pending-notices table holds notices of Hire changes, not cards, and a
 * reply lost with its process is what a click lost with it already was; a click still owed after a restart is answered
 * by clicking again (the same uuid, so the first send's post, if any, is not repeated).
 */
public final class OnBehalfMessenger implements Messenger {
  private static final Logger log = LoggerFactory.getLogger(OnBehalfMessenger.class);
  /** How often owed replies are sent again: about when a chat's or the app's rate limit has passed. */
  public static final Duration RESEND_EVERY = Duration.ofMinutes(1);
  /**
   * How long a resend may take to reach Feishu (bulk-lane permits, its answer): one that could arrive after the uuid
   * window of the first send is given up instead.
   */
  static final Duration RESEND_TAKES = Duration.ofMinutes(2);
  /** Owed replies kept at most; past this, a refused click says so and is clicked again (an IM outage's burst). */
  static final int MAX_OWED = 10_000;

  private final Messenger delegate;
  private final CardSentListener cardsSent;
  private final Conversations conversations;
  private final Clock clock;
  /** The replies owed, by their uuid (the click's idempotency key). */
  private final Map<String, Owed> owed = new ConcurrentHashMap<>();

  /** A reply owed to a clicked card, and when its first send was made (the start of its uuid window). */
  private record Owed(CardPlace card, Reply reply, Instant first) {}

  /**
   * @param cardsSent told of each card sent privately, as of a reply's
   * @param conversations what each user was last shown in each chat
   * @param clock when a refused reply was first sent, for its uuid window
   */
  public OnBehalfMessenger(Messenger delegate, CardSentListener cardsSent, Conversations conversations, Clock clock) {
    this.delegate = delegate;
    this.cardsSent = cardsSent;
    this.conversations = conversations;
    this.clock = clock;
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

  /**
   * A reply to the clicked card, recorded once sent in that card's chat, as the clicker's, with the kind known of it.
   * Refused for now, it is owed (see the class comment) and fails with {@link ReplyOwedException}.
   */
  @Override
  public Future<String> replyOnBehalf(CardPlace card, Reply reply, String idempotencyKey) {
    return repliedVia(delegate, card, reply, idempotencyKey).recover(e -> {
      if (!passing(e) || owed.size() >= MAX_OWED && !owed.containsKey(idempotencyKey)) {
        return Future.failedFuture(e);
      }
      owed.putIfAbsent(idempotencyKey, new Owed(card, reply, clock.instant()));
      log.warn("click reply owed, sent again later message_id={} cause={}", card.messageId(), e.toString());
      return Future.failedFuture(new ReplyOwedException(e));
    });
  }

  /**
   * Sends every owed reply again, in the bulk lane (nobody waits on it now), under its uuid; one that lands is
   * recorded as a reply's card and settled, one Feishu now refuses for good, or whose uuid window would pass, is given
   * up (logged). Completes when every send has.
   */
  public Future<Void> resendOwed(Instant now) {
    List<Future<String>> sends = new ArrayList<>();
    owed.forEach((key, o) -> {
      if (now.plus(RESEND_TAKES).isAfter(o.first().plus(UUID_WINDOW))) {
        if (owed.remove(key, o)) {
          log.error("click reply given up, its uuid window passes message_id={} key={}", o.card().messageId(), key);
        }
        return;
      }
      sends.add(repliedVia(delegate.bulk(), o.card(), o.reply(), key).onFailure(e -> {
        if (!passing(e) && owed.remove(key, o)) {
          log.error("click reply given up message_id={} key={} cause={}", o.card().messageId(), key, e.toString());
        }
      }));
    });
    return Future.join(sends).<Void>mapEmpty().otherwiseEmpty();
  }

  /** A reply to the card sent through {@code via}: once sent, recorded, and no longer owed. */
  private Future<String> repliedVia(Messenger via, CardPlace card, Reply reply, String key) {
    return via.reply(card.chatId(), card.messageId(), reply, key).onSuccess(id -> {
      owed.remove(key);
      recorded(card.chatId(), id, reply, card.chatType(), card.viewer());
    });
  }

  /** A refusal that passes (a rate limit, Feishu down or silent): the same send later may well land. */
  private static boolean passing(Throwable e) {
    return e instanceof FeishuApiException fe
        && (fe.isRateLimited() || fe.isOutage() || fe.kind() == FeishuApiException.Kind.NOT_TRIED);
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
