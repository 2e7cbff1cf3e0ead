package io.hirebot.feature.candidates;

import io.hirebot.cards.Markdown;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.hirebot.hire.Application;
import io.vertx.core.Future;

/** Undo, offered for 10 minutes after a move or a rejection: move back, or recover the application. */
final class UndoActions {
  private final ActionKit kit;
  private final TypedOutcome typed;

  UndoActions(ActionKit kit, TypedOutcome typed) {
    this.kit = kit;
    this.typed = typed;
  }

  Future<ActionResult> undo(CardAction action, Language lang) {
    ActionTarget t = ActionTarget.of(action);
    String kind = action.value().path("kind").asText("");
    String backTo = action.value().path("back_to").asText("");
    long until = ActionKit.undoExpiry(action.value());
    if (kit.clock.millis() > until) {
      // The card the Undo sat on, drawn again without it: a live-looking Undo that only ever refuses misleads.
      Toast expired = Toast.error(kit.messages, "toast.undoExpired");
      return TypedOutcome.answers(action) ? typed.expired(action, t, expired, lang) : kit.result(t, lang, expired, null);
    }
    boolean reject = "reject".equals(kind);
    return kit.guard.write(action, lang, t, "undo." + kind, "undo:" + kind + ":" + t.applicationId() + ":" + until,
        () -> kit.hire.applicationNow(t.applicationId()), now -> {
          // A rejected application is expected inactive in the stage it was rejected from.
          if (reject && (now.active() || !now.stage().id().equals(t.stageId()))) {
            return changedSinceRejection(action, t, now, lang);
          }
          if (!reject && ActionKit.stale(now, t)) {
            return movedSince(action, t, now, lang);
          }
          return reject ? recover(action, lang, t, now) : moveBack(action, lang, t, now, backTo);
        });
  }

  /**
   * The Undo of a move the person has moved on from since, or whose application has ended since: nothing is moved
   * back, and the card the Undo sat on (the typed change's short card, or the list) says where they are now.
   */
  private Future<ActionResult> movedSince(CardAction action, ActionTarget t, Application now, Language lang) {
    if (!TypedOutcome.answers(action)) {
      return kit.staleResult(t, now, lang);
    }
    return typed.overtaken(t, now, now.active() ? "typed.undoStale" : "typed.undoStaleEnded",
        Toast.warning(kit.messages, "toast.undoStale"), lang);
  }

  /**
   * The Undo of a rejection that something else has overtaken: the application was restored since (another card's
   * Undo, Feishu Hire), or restored and ended again elsewhere. Said as such, not as a move: on the short card of a
   * typed change when the Undo sat there, on the refreshed list otherwise.
   */
  private Future<ActionResult> changedSinceRejection(CardAction action, ActionTarget t, Application now,
      Language lang) {
    boolean back = now.active();
    Toast toast = Toast.warning(kit.messages, back ? "toast.undoRejectRestored" : "toast.undoRejectChanged");
    if (TypedOutcome.answers(action)) {
      return typed.overtaken(t, now, back ? "typed.undoRejectRestored" : "typed.undoRejectChanged", toast, lang);
    }
    Notice notice = Notice.of(l -> Markdown.message(kit.messages, l,
        back ? "notice.undoRejectRestored" : "notice.undoRejectChanged", Names.of(now.talentName()),
        StageWords.name(kit.messages, l, now.stage())));
    return kit.changed(t, lang, toast, notice, kit.listsBefore(t), now);
  }

  private Future<ActionResult> recover(CardAction action, Language lang, ActionTarget t, Application now) {
    var before = kit.listsBefore(t);
    return kit.hire.recover(t.applicationId()).compose(v -> kit.restored(action, t, now.withActive(true)))
        .compose(v -> {
      kit.guard.release("reject:" + t.applicationId() + ":" + t.stageId());
      Toast toast = Toast.success(kit.messages, "toast.undone");
      if (TypedOutcome.answers(action)) {
        return typed.restored(action, t, now, toast, lang);
      }
      Markdown.Own by = kit.byWhom(action);
      return kit.changed(t, lang, toast,
          Notice.of(l -> Markdown.message(kit.messages, l, "notice.recovered", Names.of(now.talentName()), by)),
          before, now.withActive(true));
    });
  }

  private Future<ActionResult> moveBack(CardAction action, Language lang, ActionTarget t, Application now,
      String backTo) {
    return kit.process(t.jobId()).compose(process -> {
      var stage = process.stage(backTo);
      if (stage.isEmpty()) {
        return Future.succeededFuture(ActionResult.of(Toast.error(kit.messages, "toast.expired")));
      }
      var before = kit.listsBefore(t);
      return kit.transfer(action, t, now, backTo, true).compose(v -> {
        kit.guard.release("advance:" + t.applicationId() + ":" + backTo);
        kit.guard.release("move:" + t.applicationId() + ":" + backTo + ":" + t.stageId());
        Toast toast = Toast.success(kit.messages, "toast.undone");
        if (TypedOutcome.answers(action)) {
          return typed.movedBack(action, t, now, stage.get(), toast, lang);
        }
        Markdown.Own by = kit.byWhom(action);
        return kit.changed(t, lang, toast,
            Notice.of(l -> Markdown.message(kit.messages, l, "notice.movedBack", Names.of(now.talentName()),
                StageWords.name(kit.messages, l, stage.get()), by)), before,
                now.movedTo(stage.get(), kit.clock.instant()));
      });
    });
  }
}
