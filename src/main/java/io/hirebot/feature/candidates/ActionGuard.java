package io.hirebot.feature.candidates;

import io.hirebot.access.AccessPolicy;
import io.hirebot.bot.ActionOnce;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.ErrorReplies;
import io.hirebot.bot.SentCards;
import io.hirebot.bot.SharedTurns;
import io.hirebot.bot.inbound.CardAction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.SharedActions;
import io.hirebot.i18n.Language;
import io.hirebot.error.ChangeFailedException;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every candidate button takes to Hire: is the clicker allowed (else a refusal toast and
 * no Hire call), has this exact action already run (then its result again, no second write), and
 * what happened: the audit middleware records every click with its outcome (a refusal here is an error toast, a
 * failure the failed {@code Future}).
 */
final class ActionGuard {
  private static final Logger log = LoggerFactory.getLogger(ActionGuard.class);

  private final AccessPolicy access;
  private final SentCards sentCards;
  private final ActionOnce once;
  private final ErrorReplies errors;
  private final Messages messages;
  private final Clock clock;
  private final ApplicationTurns turns;

  /** @param shared the application's turn among replicas (see {@link ApplicationTurns}) */
  ActionGuard(AccessPolicy access, SentCards sentCards, ActionOnce once, SharedTurns shared, ErrorReplies errors,
      Messages messages, Clock clock) {
    this.turns = new ApplicationTurns(shared);
    this.access = access;
    this.sentCards = sentCards;
    this.once = once;
    this.errors = errors;
    this.messages = messages;
    this.clock = clock;
  }

  /** For buttons that only open a form: checks permission, writes nothing. */
  public Future<ActionResult> allowed(CardAction action, Language lang, ActionTarget target,
      Supplier<Future<ActionResult>> work) {
    return permitted(action, lang, target)
        .compose(refusal -> refusal != null ? Future.succeededFuture(refusal) : work.get());
  }

  /**
   * For buttons that change Hire data: permission, then {@code work} at most once per {@code key}, with the Hire read
   * the work starts from (the application as it is now) made alongside the claim of the key instead of after it: it
   * writes nothing, so it needs no claim, and the click's path loses the claim's database commit. A duplicate's read
   * is made and dropped; only the click that holds the key acts on it. Writes on one application take turns ({@link
   * ApplicationTurns}): the read is made once the write before it has ended, so a click of another button on the same
   * row (Advance and Reject, Undo and Advance) finds the row changed and says so instead of writing too, whichever
   * replica each click reached. A click that cannot have its turn (another replica's write keeps it too long, or the
   * database does not answer) writes nothing and is told so, to try again.
   *
   * @param name the button's change, as {@code change.*} names it in a failure's message
   */
  public <T> Future<ActionResult> write(CardAction action, Language lang, ActionTarget target, String name, String key,
      Supplier<Future<T>> read, Function<T, Future<ActionResult>> work) {
    return permitted(action, lang, target).compose(refusal -> {
      if (refusal != null) {
        return Future.succeededFuture(refusal);
      }
      return turns.inTurn(target.applicationId(), () -> {
            Future<T> early = read.get();
            return once.onceMarkingRepeats(key, () -> {
              answering(action, target);
              return early.compose(work::apply);
            });
          }, missed -> Future.succeededFuture(missedTurn(missed, target)))
          .recover(e -> Future.failedFuture(new ChangeFailedException(changeKey(name), e)));
    });
  }

  /**
   * A click whose write never started: another replica's write on the application kept its turn (a warning: it will
   * be free in a moment), or the database could not say whether one does (an error). Either way nothing was written.
   */
  private ActionResult missedTurn(SharedTurns.Missed missed, ActionTarget target) {
    log.warn("click not acted on, the application's turn was not had application_id={} why={}",
        target.applicationId(), missed);
    return ActionResult.of(missed == SharedTurns.Missed.BUSY ? Toast.warning(messages, "toast.turnBusy")
        : Toast.error(messages, "toast.turnUnavailable"));
  }

  /**
   * Tells the living cards that this click's answer (the clicked card, and the group's card a form opened apart
   * from it lands on) will show the change. It runs alongside the work rather than before it: Hire's event for
   * the write comes after a read, the write, Feishu's push and the event's claim, all behind this one-row update.
   */
  private Future<Void> answering(CardAction action, ActionTarget target) {
    List<String> shown = new ArrayList<>();
    if (action.messageId() != null) {
      shown.add(action.messageId());
    }
    if (!target.origin().isEmpty()) {
      shown.add(target.origin());
    }
    return sentCards.answering(shown, target.applicationId()).onFailure(e -> log.warn(
        "card not marked as answered message_id={} application_id={} cause={}", action.messageId(),
        target.applicationId(), e.toString()));
  }

  /**
   * After a write Hire accepted but fires no event for (terminate, recover), brings the other cards showing the
   * application or its job up to date through the living cards' own refresh, as the stage-changed event does for a
   * move. The click's answer is marked first (again: the mark made alongside the work may still be on its way) so
   * the refresh leaves it alone. Nothing waits for it: the click is answered meanwhile.
   */
  void changedWithoutEvent(CardAction action, ActionTarget target) {
    answering(action, target).otherwiseEmpty()
        .compose(v -> sentCards.changedWithoutEvent(target.applicationId(), target.jobId()))
        .onFailure(e -> log.warn("cards showing the change not refreshed application_id={} job_id={} cause={}",
            target.applicationId(), target.jobId(), e.toString()));
  }

  /** Lets the same action run again (its effect was undone). */
  public void release(String key) {
    once.release(key);
  }

  /** Null when allowed; otherwise the refusal to answer with (the Audit middleware records it from the toast). */
  private Future<ActionResult> permitted(CardAction action, Language lang, ActionTarget target) {
    if (!target.complete()) {
      return Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")));
    }
    long expires = action.value().path(SharedActions.EXPIRES).asLong(Long.MAX_VALUE);
    if (clock.millis() > expires) {
      return Future.succeededFuture(expired(action, lang));
    }
    String who = action.operatorId();
    return access.mayChange(who, target.jobId()).map(decision -> {
      if (decision.allowed()) {
        return null;
      }
      return ActionResult.of(Toast.error(messages, decision.reasonKey()));
    });
  }

  /**
   * An expired confirmation: the toast says so, and the card is replaced by one that says it too, with no Confirm left
   * that looks as if it would still act.
   */
  private ActionResult expired(CardAction action, Language lang) {
    String who = action.value().path("name").asText("");
    ObjectNode card = errors.notice("typed.expired.title", Markdown.message(messages, lang,
        who.isBlank() ? "typed.expired.anyone" : "typed.expired", who), "grey", lang);
    return new ActionResult(Toast.error(messages, "toast.confirmationExpired"), card);
  }

  /** The message key naming a write as its button does (undo.stage, undo.reject: Undo). */
  private static String changeKey(String name) {
    int dot = name.indexOf('.');
    return "change." + (dot < 0 ? name : name.substring(0, dot));
  }
}
