package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.ProfileView;
import io.hirebot.bot.Toast;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.SharedActions;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;

/**
 * The quick actions on a candidate row (issue 5): advance, reject with a reason, and from the "⋯" menu
 * move to a stage, add a note or open the profile; plus Undo.
 */
final class RowActions {
  static final String ADVANCE = SharedActions.ADVANCE;
  static final String REJECT = SharedActions.REJECT;
  static final String MORE = "more";
  static final String MOVE_CONFIRM = SharedActions.MOVE_CONFIRM;
  static final String REJECT_CONFIRM = SharedActions.REJECT_CONFIRM;
  static final String NOTE_SUBMIT = SharedActions.NOTE_SUBMIT;
  static final String UNDO = "undo";
  /** The Back button of a form only the clicker sees: removes it. */
  static final String FORM_CLOSE = "form.close";
  /** The Note button of cards that have room for it (the profile): opens the note form. */
  static final String NOTE = SharedActions.NOTE;

  private final ActionKit kit;
  private final StageActions stages;
  private final RejectActions rejects;
  private final NoteActions notes;
  private final UndoActions undo;

  RowActions(ActionKit kit) {
    this.kit = kit;
    TypedOutcome typed = new TypedOutcome(kit);
    this.stages = new StageActions(kit, typed);
    this.rejects = new RejectActions(kit, typed);
    this.notes = new NoteActions(kit, typed);
    this.undo = new UndoActions(kit, typed);
  }

  void register(FeatureRegistry registry) {
    registry
        .action(ADVANCE, stages::advance)
        .action(MOVE_CONFIRM, stages::confirmMove)
        .action(REJECT, rejects::openForm)
        .action(REJECT_CONFIRM, rejects::confirm)
        .action(NOTE, notes::openForm)
        .action(NOTE_SUBMIT, notes::submit)
        .action(UNDO, undo::undo)
        .action(MORE, this::more)
        .action(FORM_CLOSE, (action, lang) -> kit.places.close(action.messageId())
            .map(v -> ActionResult.of(Toast.NONE)));
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
    String talentId = action.value().path("talent_id").asText("");
    if (SharedActions.PROFILE_OPEN.equals(option) && !talentId.isEmpty()) {
      // Where any card's Profile opens (a new message in a group, in place privately): at its first page (the row's
      // page is the list's), leading back to the list at the row's page and filter; without contact data, as every
      // profile opened from a button.
      ObjectNode back = ActionTarget.of(action).viewValue(kit.cards.model(), lang.feishuLocale());
      return kit.profiles.open(action, new ProfileView.Opened(talentId, action.value().path("name").asText(""), 0,
          false, back), lang);
    }
    return Future.succeededFuture(ActionResult.of(Toast.info(kit.messages, "toast.unknownAction")));
  }
}
