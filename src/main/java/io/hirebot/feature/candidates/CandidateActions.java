package io.hirebot.feature.candidates;

import io.hirebot.bot.ActionResult;
import io.hirebot.bot.ActionRouter;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.SentCards;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.PipelineReader;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The quick actions on a candidate row (issue 5): advance, reject with a reason, and from the "⋯" menu
 * move to a stage, add a note or open the profile; plus Undo. Registers them with the action router.
 */
public final class CandidateActions {
  public static final String ADVANCE = "advance";
  public static final String REJECT = "reject";
  public static final String MORE = "more";
  public static final String MOVE_CONFIRM = "move.confirm";
  public static final String REJECT_CONFIRM = "reject.confirm";
  public static final String NOTE_SUBMIT = "note.submit";
  public static final String UNDO = "undo";
  /** The Back button of a form only the clicker sees: removes it. */
  public static final String FORM_CLOSE = "form.close";
  /** The Note button of cards that have room for it (the profile): opens the note form. */
  public static final String NOTE = "note";
  /** The profile feature's action name, reached from the row menu. */
  static final String PROFILE = "profile";

  private final ActionKit kit;
  private final StageActions stages;
  private final RejectActions rejects;
  private final NoteActions notes;
  private final UndoActions undo;
  private ActionRouter router;

  CandidateActions(ActionKit kit) {
    this.kit = kit;
    this.stages = new StageActions(kit);
    this.rejects = new RejectActions(kit);
    this.notes = new NoteActions(kit);
    this.undo = new UndoActions(kit);
  }

  /** Builds the actions from their collaborators. */
  public static CandidateActions create(HireDirectory hire, ProfileView profiles, Messenger messenger,
      SentCards sentCards, PipelineReader pipeline, CandidatesView view, ActionGuard guard, ActionForms forms,
      Cards cards, Messages messages, Clock clock, ZoneId zone) {
    return new CandidateActions(new ActionKit(hire, profiles, new FormPlaces(messenger, sentCards, messages), pipeline,
        view, guard, forms, cards, messages, clock, zone));
  }

  public ActionRouter registerWith(ActionRouter router) {
    this.router = router;
    return router
        .on(ADVANCE, stages::advance)
        .on(MOVE_CONFIRM, stages::confirmMove)
        .on(REJECT, rejects::openForm)
        .on(REJECT_CONFIRM, rejects::confirm)
        .on(NOTE, notes::openForm)
        .on(NOTE_SUBMIT, notes::submit)
        .on(UNDO, undo::undo)
        .on(MORE, this::more)
        .on(FORM_CLOSE, (action, lang) -> kit.places.close(action.messageId()).map(v -> ActionResult.info("")));
  }

  /** The "⋯" menu: its chosen option says which action the row asked for. */
  private Future<ActionResult> more(CardAction action, Language lang) {
    String option = action.option() == null ? "" : action.option();
    if ("move".equals(option)) {
      return stages.openMoveForm(action, lang);
    }
    if ("note".equals(option)) {
      return notes.openForm(action, lang);
    }
    if (PROFILE.equals(option)) {
      // The profile is another feature's card: ask the router, as if its own button had been clicked (at the
      // profile's first page: the row's page is the list's).
      CardAction open = action.withAction(PROFILE);
      open.value().put("page", 0);
      return router.route(open, lang);
    }
    return Future.succeededFuture(ActionResult.info(kit.messages.get(lang, "toast.unknownAction")));
  }
}
