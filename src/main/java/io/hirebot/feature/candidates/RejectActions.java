package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.i18n.Language;
import io.hirebot.hire.TerminationReason;
import io.hirebot.i18n.Names;
import io.vertx.core.Future;
import java.util.List;

/** Reject with a reason Hire offers (and an optional note), confirmed first, through Hire's terminate. */
final class RejectActions {
  private final ActionKit kit;
  private final TypedOutcome typed;

  RejectActions(ActionKit kit, TypedOutcome typed) {
    this.kit = kit;
    this.typed = typed;
  }

  /**
   * The Reject button opens a form: reason (Hire's "we rejected" reasons), note. The button asked "Reject this
   * candidate?" before this opens; the form's submit does not ask again.
   */
  Future<ActionResult> openForm(CardAction action, Language lang) {
    ActionTarget t = ActionTarget.of(action);
    return kit.guard.allowed(action, lang, t, () -> kit.hire.applicationNow(t.applicationId())
        .compose(now -> {
          if (ActionKit.unchangeable(now, t)) {
            return kit.unchangedResult(t, now, lang);
          }
          return kit.view.job(t.jobId()).compose(job -> reasons().compose(reasons -> kit.places.open(action, t, lang,
              placed -> kit.forms.reject(placed, now, job.map(j -> Names.of(j.title())).orElse(""), reasons, lang))));
        }));
  }

  Future<ActionResult> confirm(CardAction action, Language lang) {
    ActionTarget t = ActionTarget.of(action);
    String reason = ActionKit.formText(action, "reason");
    String note = ActionKit.formText(action, "note");
    if (reason.isEmpty()) {
      return Future.succeededFuture(ActionResult.of(Toast.error(kit.messages, "toast.chooseReason")));
    }
    return kit.guard.write(action, lang, t, RowActions.REJECT, "reject:" + t.applicationId() + ":" + t.stageId(),
        () -> kit.hire.applicationNow(t.applicationId()), now -> {
          if (ActionKit.unchangeable(now, t)) {
            return kit.unchangedResult(t, now, lang);
          }
          return reasons().compose(reasons -> {
            TerminationReason chosen = reasons.stream().filter(r -> r.id().equals(reason)).findFirst().orElse(null);
            if (chosen == null) {
              return Future.succeededFuture(ActionResult.of(Toast.error(kit.messages, "toast.chooseReason")));
            }
            var before = kit.listsBefore(t);
            return kit.hire.terminate(t.applicationId(), TerminationReason.WE_REJECTED, List.of(reason), note)
                .compose(v -> kit.rejected(action, t, now.withActive(false), chosen))
                .compose(v -> {
                  // A note that only says the reason (a typed "reject X: not enough experience") is not quoted under it.
                  String shown = chosen.restatedBy(note) ? "" : note;
                  ObjectNode undo = kit.undoValue(t, "reject", t.stageId(), lang);
                  Toast toast = Toast.success(kit.messages, "toast.rejected", Names.of(now.talentName()));
                  if (TypedOutcome.answers(action)) {
                    return typed.rejected(t, now, chosen, typed.undo(undo, action, chosen, shown), true, toast, lang);
                  }
                  Notice notice = kit.undoable(action, (l, by) -> Markdown.message(kit.messages, l,
                      "notice.rejected", Names.of(now.talentName()), Names.of(chosen.name(l.feishuLocale())), by),
                      undo).withNote(shown);
                  return kit.changed(t, lang, toast, notice, before, now.withActive(false));
                });
          });
        }).compose(r -> kit.places.land(action, t, r, lang));
  }

  private Future<List<TerminationReason>> reasons() {
    return kit.hire.terminationReasons().map(TerminationReason::rejections);
  }
}
