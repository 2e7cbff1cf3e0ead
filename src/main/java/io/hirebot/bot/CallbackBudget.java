package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.middleware.CardChats;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a card click within Feishu's callback budget: with the result when it is ready in time, otherwise with
 * "Working on it…" now and the result (or what failed) later.
 *
 * <p>Where the later result goes depends on what it is. A result that is a card (the candidate advanced, the next
 * page) is what the click was meant to change, so it updates the card. A result that is only a notice (a toast that
 * came too late to be one, a failure, "still waiting for Hire") never replaces the clicked card, which stays usable
 * (its list, its buttons): it goes to the clicker alone, in a group in a card only they see (Feishu's ephemeral card,
 * ordinary groups only), else (a private chat, a topic group) as a message in their private chat. A "still waiting"
 * notice gives way to the outcome: a one-member card is removed, a message is updated in place.
 */
public final class CallbackBudget {
  private static final Logger log = LoggerFactory.getLogger(CallbackBudget.class);
  /**
   * Feishu waits 3 s for a callback answer, counted on its side: keep a margin for the network both ways and for a
   * busy machine (at 2.5 s, answers measured 2.9–3.05 s on a loaded 2-core host, and Feishu then drops the token).
   */
  public static final long ANSWER_MS = 2_000;
  /**
   * Feishu takes a delayed update only once it has the callback's answer ("延时更新…需在响应回调请求之后", an update
   * made before or in parallel with the answer fails), and the answer still has to cross the network when the
   * work ends a moment after it: the first update waits this long after the answer left.
   */
  static final long AFTER_ANSWER_MS = 500;
  /** Waits before trying a refused delayed update again (the answer may have been slower still to arrive). */
  static final long[] RETRY_MS = {1_000, 2_000, 4_000};
  /** 300040: the token's two updates are spent; trying again cannot help. */
  private static final int TOKEN_USED_UP = 300040;

  private final Vertx vertx;
  private final Deadline deadline;
  private final Messenger messenger;
  private final ErrorReplies errors;
  private final Messages messages;
  private final LateAnswers late;
  private final CardChats cardChats;

  /**
   * A notice the clicker was shown: a one-member card in the group (removed once something newer shows; Feishu cannot
   * PATCH it) or a message in their private chat (updated in place).
   */
  private record Notice(String messageId, boolean ephemeral) {}

  /** @param cardChats the kind of chat each clicked card is in (a card the bot never recorded counts as a group's) */
  public CallbackBudget(Vertx vertx, Deadline deadline, Messenger messenger, ErrorReplies errors,
      Messages messages, LateAnswers late, CardChats cardChats) {
    this.late = late;
    this.cardChats = cardChats;
    this.vertx = vertx;
    this.deadline = deadline;
    this.messenger = messenger;
    this.errors = errors;
    this.messages = messages;
  }

  /**
   * Answers in time; if the work is slower, says so now and always completes the card with the callback token:
   * with the result, or with what failed (and its log id), or at the deadline with "still waiting" (then what the
   * work came to, whatever it is, takes the token's second use: {@link LateAnswers}).
   */
  public Future<ActionResult> answer(CardAction action, Future<ActionResult> result, Language lang) {
    long started = System.nanoTime();
    Promise<ActionResult> answer = Promise.promise();
    long timer = vertx.setTimer(ANSWER_MS, t -> {
      if (answer.tryComplete(ActionResult.of(Toast.info(messages, "toast.inProgress")))) {
        long answered = System.nanoTime();
        AtomicBoolean expired = new AtomicBoolean();
        long left = Deadline.COMMAND.toMillis() - TimeUnit.NANOSECONDS.toMillis(answered - started);
        AtomicReference<Notice> notice = new AtomicReference<>();
        deadline.within(result, left, expired).onComplete(r -> {
          // Whatever the work came to (a toast alone too) is shown: on the card, or to the clicker alone.
          Future<Void> first = show(action, r, lang, answered, notice);
          if (expired.get()) {
            // After the first one (and its retries): the outcome must not be overwritten by a retried deadline card.
            result.onComplete(outcome -> first.onComplete(x -> show(action, outcome, lang, answered, notice)));
          }
        });
      }
    });
    result.onComplete(r -> {
      vertx.cancelTimer(timer);
      answer.tryComplete(r.succeeded() ? r.result() : errors.toast(r.cause()));
    });
    return answer.future();
  }

  /**
   * Shows a late outcome: a card of its own updates the clicked card; a notice goes to the clicker alone. {@code
   * notice} holds the notice the clicker was last shown, which gives way to what shows next.
   */
  private Future<Void> show(CardAction action, AsyncResult<ActionResult> outcome, Language lang, long answeredNanos,
      AtomicReference<Notice> notice) {
    ObjectNode card = late.click(outcome, lang);
    boolean ownCard = outcome.succeeded() && outcome.result() != null && outcome.result().card() != null;
    Notice earlier = notice.getAndSet(null);
    Future<Void> shown = ownCard ? delayedUpdate(action, card, answeredNanos)
        : showNotice(action, card, earlier, notice, answeredNanos);
    return shown.recover(e -> {
      if (e instanceof FeishuApiException fe && refused(fe) && ownCard) {
        // Sending the same card again would be refused again, or (a rate limit past the bot's retries) could land
        // minutes later over a newer state of the card: the clicker still learns now what their click did.
        log.warn("late click card refused, told in words message_id={} code={} log_id={}", action.messageId(),
            fe.code(), fe.logId());
        return showNotice(action, late.refusedCard(outcome.result(), fe, lang), earlier, notice, answeredNanos);
      }
      log.error("delayed card update failed message_id={} cause={}", action.messageId(), e.toString());
      return Future.succeededFuture();
    }).onComplete(x -> {
      if (earlier == null || earlier.equals(notice.get())) {
        return;
      }
      if (earlier.ephemeral()) {
        messenger.deleteEphemeral(earlier.messageId()).onFailure(e -> log.warn("earlier notice not removed "
            + "message_id={} notice_id={} cause={}", action.messageId(), earlier.messageId(), e.toString()));
      } else if (ownCard) {
        // The clicked card shows the outcome; the "still waiting" message says in words what it came to.
        ActionResult r = outcome.result();
        messenger.updateCard(earlier.messageId(),
                late.click(Future.succeededFuture(ActionResult.of(r.toast())), lang))
            .onFailure(e -> log.warn("earlier notice not updated message_id={} notice_id={} cause={}",
                action.messageId(), earlier.messageId(), e.toString()));
      }
    });
  }

  /**
   * Feishu answered the delayed update with a refusal: of the card itself, or of the moment (its rate limit, a 5xx)
   * past the bot's own retries. A card callback is not sent again and a late update is not made safe by waiting (the
   * shared card may have changed since), so a refused update is told in words instead of being lost. No answer at all
   * is not a refusal: the update may have landed.
   */
  private static boolean refused(FeishuApiException fe) {
    return fe.isCardRefused() || fe.kind() == FeishuApiException.Kind.ANSWERED
        && (fe.isRateLimited() || fe.httpStatus() >= 500);
  }

  /**
   * A notice about a click (not a card of its own), for the clicker alone: the clicked card stays as it is. One
   * shown before as a message is updated in place; otherwise a card only they see in a group, else a message in their
   * private chat. With no clicker to send it to (a click Feishu named nobody for), it can only take the card's place.
   */
  private Future<Void> showNotice(CardAction action, ObjectNode card, Notice earlier, AtomicReference<Notice> notice,
      long answeredNanos) {
    String clicker = action.operatorId();
    if (clicker == null) {
      return delayedUpdate(action, card, answeredNanos);
    }
    if (earlier != null && !earlier.ephemeral()) {
      return messenger.updateCard(earlier.messageId(), card)
          .onSuccess(v -> notice.set(earlier))
          .recover(e -> {
            log.warn("earlier notice not updated, sending another message_id={} notice_id={} cause={}",
                action.messageId(), earlier.messageId(), e.toString());
            return privately(action, card, notice);
          });
    }
    Future<Boolean> group = action.messageId() == null ? Future.succeededFuture(true)
        : cardChats.kindOf(action.messageId()).map(kind -> kind.orElse(ChatRef.ChatType.GROUP) != ChatRef.ChatType.P2P)
            .otherwise(true);
    return group.compose(inGroup -> inGroup ? alone(action, card, notice) : privately(action, card, notice));
  }

  /** A card only the clicker sees in the group, else (Feishu refused it: a topic group) their private chat. */
  private Future<Void> alone(CardAction action, ObjectNode card, AtomicReference<Notice> notice) {
    return messenger.sendEphemeral(action.chatId(), action.operatorId(), card)
        .onSuccess(id -> notice.set(new Notice(id, true)))
        .<Void>mapEmpty()
        .recover(e -> {
          log.info("late click notice not shown in the group, sent privately message_id={} chat_id={} cause={}",
              action.messageId(), action.chatId(), e.toString());
          return privately(action, card, notice);
        });
  }

  /** A message in the clicker's private chat with the bot (where a private chat's card was clicked, that chat). */
  private Future<Void> privately(CardAction action, ObjectNode card, AtomicReference<Notice> notice) {
    return messenger.sendToUser(action.operatorId(), Reply.card(card), "late-" + action.eventId() + "-"
            + Integer.toHexString(card.hashCode()))
        .onSuccess(id -> notice.set(new Notice(id, false)))
        .<Void>mapEmpty()
        .recover(x -> {
          log.error("late click notice lost message_id={} cause={}", action.messageId(), x.toString());
          return Future.succeededFuture();
        });
  }

  /**
   * Updates the card with the click's token, no sooner than {@link #AFTER_ANSWER_MS} after the answer left, trying
   * again while Feishu refuses the token (the answer may not have reached it yet); fails with the last refusal.
   */
  private Future<Void> delayedUpdate(CardAction action, ObjectNode card, long answeredNanos) {
    if (card == null || action.token() == null) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    long wait = AFTER_ANSWER_MS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answeredNanos);
    later(wait, () -> tryUpdate(action, card, 0, done));
    return done.future();
  }

  private void tryUpdate(CardAction action, ObjectNode card, int retry, Promise<Void> done) {
    messenger.delayedUpdate(action.token(), card).onSuccess(v -> done.complete()).onFailure(e -> {
      // Feishu refused it (the answer had not reached it yet, say): worth another try; nothing else is.
      boolean refused = e instanceof FeishuApiException fe && fe.kind() == FeishuApiException.Kind.ANSWERED
          && !fe.isRateLimited() && fe.code() != TOKEN_USED_UP && !fe.isCardRefused();
      if (refused && retry < RETRY_MS.length) {
        log.warn("delayed card update refused, trying again message_id={} retry_in_ms={} cause={}",
            action.messageId(), RETRY_MS[retry], e.toString());
        later(RETRY_MS[retry], () -> tryUpdate(action, card, retry + 1, done));
      } else {
        done.fail(e);
      }
    });
  }

  private void later(long millis, Runnable run) {
    if (millis <= 0) {
      run.run();
    } else {
      vertx.setTimer(millis, id -> run.run());
    }
  }
}
