package io.hirebot.feature.candidates;

import io.hirebot.cards.Markdown;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Names;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Add a note to the candidate from the card (a form), or confirm one typed in words, written to Hire as the clicking
 * user; the answer names the candidate and quotes the note.
 */
final class NoteActions {
  /** Hire's input component allows 1000 characters by default; the card says the same. */
  static final int MAX_NOTE = 1000;
  private final ActionKit kit;
  private final TypedOutcome typed;

  NoteActions(ActionKit kit, TypedOutcome typed) {
    this.kit = kit;
    this.typed = typed;
  }

  Future<ActionResult> openForm(CardAction action, Language lang) {
    ActionTarget t = ActionTarget.of(action);
    return kit.guard.allowed(action, lang, t, () -> kit.hire.application(t.applicationId())
        .compose(app -> kit.places.open(action, t, lang, placed -> kit.forms.note(placed, app, lang))));
  }

  Future<ActionResult> submit(CardAction action, Language lang) {
    ActionTarget t = ActionTarget.of(action);
    String note = ActionKit.formText(action, "note");
    if (note.isEmpty() || note.length() > MAX_NOTE) {
      return Future.succeededFuture(ActionResult.of(Toast.error(kit.messages, "toast.noteInvalid", MAX_NOTE)));
    }
    // Same text on the same application is one note, however often the form is submitted.
    String key = "note:" + t.applicationId() + ":" + UUID.nameUUIDFromBytes(note.getBytes(StandardCharsets.UTF_8));
    String author = action.operator() == null ? "" : action.operator().openId();
    return kit.guard.write(action, lang, t, "note", key,
        () -> kit.hire.application(t.applicationId()), app ->
            kit.hire.createNote(app.talentId(), app.id(), author, note).compose(id -> {
              String name = Names.of(app.talentName());
              Toast toast = Toast.success(kit.messages, "toast.noted", name);
              return ActionKit.typedConfirmation(action) ? typed.noted(action, t, name, note, toast, lang)
                  : kit.result(t, lang, toast, noted(action, name).withNote(note));
            }))
        .compose(r -> kit.places.land(action, t, r, lang));
  }

  private Notice noted(CardAction action, String talentName) {
    Markdown.Own by = kit.byWhom(action);
    return Notice.of(l -> Markdown.message(kit.messages, l, "notice.noted", talentName, by));
  }
}
