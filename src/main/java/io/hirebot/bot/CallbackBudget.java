package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a card click within Feishu's callback budget: with the result when it is ready in time, otherwise with
 * "Working on it…" now and the result (or what failed) later through the callback token's delayed update.
 */
public final class CallbackBudget {
  private static final Logger log = LoggerFactory.getLogger(CallbackBudget.class);
  /**
   * Feishu waits 3 s for a callback answer, counted on its side: keep a margin for the network both ways and for a
   * busy machine (at 2.5 s, answers measured 2.9–3.05 s on a loaded 2-core host, and Feishu then drops the token).
   */
  public static final long ANSWER_MS = 2_000;

  private final Vertx vertx;
  private final Deadline deadline;
  private final Messenger messenger;
  private final ErrorReplies errors;
  private final Messages messages;
  private final LateAnswers late;

  public CallbackBudget(Vertx vertx, Deadline deadline, Messenger messenger, ErrorReplies errors,
      Messages messages, LateAnswers late) {
    this.late = late;
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
      if (answer.tryComplete(ActionResult.info(messages.get(lang, "toast.inProgress")))) {
        AtomicBoolean expired = new AtomicBoolean();
        long left = Deadline.COMMAND.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        deadline.within(result, left, expired).onComplete(r -> {
          delayedUpdate(action, r.succeeded() ? lateCard(r.result(), lang) : errors.card(r.cause(), lang));
          if (expired.get()) {
            result.onComplete(outcome -> delayedUpdate(action, late.click(outcome, lang)));
          }
        });
      }
    });
    result.onComplete(r -> {
      vertx.cancelTimer(timer);
      answer.tryComplete(r.succeeded() ? r.result() : errors.toast(r.cause(), lang));
    });
    return answer.future();
  }

  /** The card a late click result shows: its own, or its error toast as an error card; null for neither. */
  private ObjectNode lateCard(ActionResult late, Language lang) {
    if (late == null) {
      return null;
    }
    if (late.card() != null) {
      return late.card();
    }
    return late.toastType() == ActionResult.ToastType.ERROR ? errors.card(late.toast(), lang) : null;
  }

  private void delayedUpdate(CardAction action, ObjectNode card) {
    if (card == null || action.token() == null) {
      return;
    }
    messenger.delayedUpdate(action.token(), card)
        .onFailure(e -> log.error("delayed card update failed message_id={} cause={}", action.messageId(),
            e.toString()));
  }
}
