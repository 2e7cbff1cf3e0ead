package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.error.FeishuApiException;
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
        long answered = System.nanoTime();
        AtomicBoolean expired = new AtomicBoolean();
        long left = Deadline.COMMAND.toMillis() - TimeUnit.NANOSECONDS.toMillis(answered - started);
        deadline.within(result, left, expired).onComplete(r -> {
          // The answer said the card updates: whatever the work came to (a toast alone too) updates it.
          Future<Void> first = delayedUpdate(action, late.click(r, lang), answered);
          if (expired.get()) {
            // After the first one (and its retries): the outcome must not be overwritten by a retried deadline card.
            result.onComplete(outcome ->
                first.onComplete(x -> delayedUpdate(action, late.click(outcome, lang), answered)));
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

  /**
   * Updates the card with the click's token, no sooner than {@link #AFTER_ANSWER_MS} after the answer left;
   * completes when it is done, for good or not.
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
          && !fe.isRateLimited() && fe.code() != TOKEN_USED_UP;
      if (refused && retry < RETRY_MS.length) {
        log.warn("delayed card update refused, trying again message_id={} retry_in_ms={} cause={}",
            action.messageId(), RETRY_MS[retry], e.toString());
        later(RETRY_MS[retry], () -> tryUpdate(action, card, retry + 1, done));
      } else {
        log.error("delayed card update failed message_id={} cause={}", action.messageId(), e.toString());
        done.complete();
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
