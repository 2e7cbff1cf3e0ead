package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.hirebot.hire.Application;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.Stage;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Advance to the next stage, or move to a chosen one, through Hire's transfer_stage. */
final class StageActions {
  private final ActionKit kit;
  private final TypedOutcome typed;

  StageActions(ActionKit kit, TypedOutcome typed) {
    this.kit = kit;
    this.typed = typed;
  }

  Future<ActionResult> advance(CardAction action, Language lang) {
    ActionTarget t = ActionTarget.of(action);
    return kit.guard.write(action, lang, t, RowActions.ADVANCE, "advance:" + t.applicationId() + ":" + t.stageId(),
        () -> kit.hire.applicationNow(t.applicationId()), now -> {
          if (ActionKit.unchangeable(now, t)) {
            return kit.unchangedResult(t, now, lang);
          }
          return kit.process(t.jobId()).compose(process -> {
            Optional<Stage> next = next(process, now.stage().id());
            if (next.isEmpty()) {
              return Future.succeededFuture(ActionResult.of(Toast.error(kit.messages, "toast.lastStage")));
            }
            return transfer(action, lang, t, now, next.get());
          });
        });
  }

  /** Opens the move form: every other stage of the process Hire lets the bot move into. */
  Future<ActionResult> openMoveForm(CardAction action, Language lang) {
    ActionTarget t = ActionTarget.of(action);
    return kit.guard.allowed(action, lang, t, () -> kit.hire.applicationNow(t.applicationId())
        .compose(now -> ActionKit.unchangeable(now, t) ? kit.unchangedResult(t, now, lang)
            : kit.process(t.jobId()).compose(p -> kit.places.open(action, t, lang,
                placed -> kit.forms.move(placed, now, p, lang)))));
  }

  Future<ActionResult> confirmMove(CardAction action, Language lang) {
    ActionTarget t = ActionTarget.of(action);
    String target = ActionKit.formText(action, "stage");
    if (target.isEmpty()) {
      return Future.succeededFuture(ActionResult.of(Toast.error(kit.messages, "toast.chooseStage")));
    }
    return kit.guard.write(action, lang, t, "move", "move:" + t.applicationId() + ":" + t.stageId() + ":" + target,
        () -> kit.hire.applicationNow(t.applicationId()), now -> {
          if (ActionKit.unchangeable(now, t)) {
            return kit.unchangedResult(t, now, lang);
          }
          return kit.process(t.jobId()).compose(process -> {
            Optional<Stage> stage = choices(process, now.stage().id()).stream()
                .filter(s -> s.id().equals(target)).findFirst();
            return stage.isEmpty()
                ? Future.succeededFuture(ActionResult.of(Toast.error(kit.messages, "toast.chooseStage")))
                : transfer(action, lang, t, now, stage.get());
          });
        }).compose(r -> kit.places.land(action, t, r, lang));
  }

  private Future<ActionResult> transfer(CardAction action, Language lang, ActionTarget t, Application now, Stage to) {
    var before = kit.listsBefore(t);
    return kit.transfer(action, t, now, to.id(), false).compose(v -> {
      ActionTarget after = t.inStage(to.id());
      ObjectNode undo = kit.undoValue(after, "move", now.stage().id(), lang);
      Toast toast = Toast.of(Toast.Type.SUCCESS,
          l -> kit.messages.get(l, "toast.moved", Names.of(now.talentName()), StageWords.name(kit.messages, l, to)));
      if (TypedOutcome.answers(action)) {
        return typed.moved(t, now, to, typed.undo(undo, action, null, ""), true, toast, lang);
      }
      Notice notice = kit.undoable(action, (l, by) -> Markdown.message(kit.messages, l, "notice.moved",
          Names.of(now.talentName()), StageWords.name(kit.messages, l, now.stage()),
          StageWords.name(kit.messages, l, to), by), undo);
      return kit.changed(t, lang, toast, notice, before, now.movedTo(to, kit.clock.instant()));
    });
  }

  static Optional<Stage> next(JobProcess process, String currentStageId) {
    return process.nextMovable(currentStageId);
  }

  static List<Stage> choices(JobProcess process, String currentStageId) {
    return process.movableFrom(currentStageId);
  }
}
